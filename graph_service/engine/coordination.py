"""Who settles a finding (DESIGN §5): its routing.

- **coordinator**: the justice bureau of the lowest government whose supervision covers every
  party. A unit is supervised by the government it belongs to (``parent``); a vertically managed
  branch sited in a district is supervised there too (policy 四(一), 四(八)), so 规自委大兴分局 and
  区城管执法局 are coordinated by 区司法局, and units of two districts by the city's justice bureau.
- **designating authority**: if negotiation fails, the lowest common superior (共同的上一级行政机关,
  行政处罚法 第二十五条). A vertically managed branch's superior line runs through its upper-level
  department (``superior``), so a dispute between 区城管执法局 and 规自委大兴分局 is designated by
  北京市人民政府, not by the district.
- **notified**: the upper-level department of every vertically managed branch involved (四(一)).
"""

from __future__ import annotations

from collections.abc import Iterable

from graph_service.domain.enums import UnitKind

from .answers import Routing
from .catalog import Catalog

JUSTICE_BUREAU_NAME = "司法局"


def government_chain(catalog: Catalog, unit_id: str, *, through_superior: bool) -> list[str]:
    """The governments above a unit, nearest first (the unit itself if it is a government).

    With ``through_superior`` a vertically managed branch's chain starts from its upper-level
    department (its line of command); without, from the government it belongs to (supervision).
    """
    chain: list[str] = []
    seen: set[str] = set()
    unit = catalog.units.get(unit_id)
    while unit is not None and unit.id not in seen:
        seen.add(unit.id)
        if unit.kind == UnitKind.GOVERNMENT:
            chain.append(unit.id)
        if through_superior and unit.vertical and unit.superior:
            above: str | None = unit.superior
        else:
            above = unit.parent or unit.superior
        unit = catalog.units.get(above) if above else None
    return chain


def _lowest_common(chains: list[list[str]]) -> str | None:
    if not chains:
        return None
    others = [set(c) for c in chains[1:]]
    return next((g for g in chains[0] if all(g in o for o in others)), None)


def to_notify(catalog: Catalog, units: Iterable[str]) -> tuple[str, ...]:
    """The superiors of every vertically managed branch among ``units``."""
    found: set[str] = set()
    for unit_id in units:
        unit = catalog.units.get(unit_id)
        if unit is not None and unit.vertical and unit.superior:
            found.add(unit.superior)
    return tuple(sorted(found))


class Coordination:
    """Routing of unit sets, cached while units stay the same (a change to units rebuilds the
    state, and with it this cache)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._bureaus: dict[str, str] = {}
        for unit in catalog.units.values():
            if unit.parent and JUSTICE_BUREAU_NAME in unit.name:
                self._bureaus.setdefault(unit.parent, unit.id)
        self._governments: dict[str, str] = {}
        for unit in catalog.units.values():
            if unit.kind == UnitKind.GOVERNMENT:
                self._governments.setdefault(unit.region, unit.id)
        self._cache: dict[tuple[tuple[str, ...], tuple[str, ...]], Routing] = {}
        self._chains: dict[tuple[str, bool], list[str]] = {}

    def _chain(self, unit: str, through_superior: bool) -> list[str]:
        key = (unit, through_superior)
        found = self._chains.get(key)
        if found is None:
            found = government_chain(self.catalog, unit, through_superior=through_superior)
            self._chains[key] = found
        return found

    def route(self, units: Iterable[str], places: Iterable[str] = ()) -> Routing:
        """The routing of a finding among ``units``; with none (a gap no one was ever given, a
        border without agreement), the government of the first of ``places`` that has one."""
        key = (tuple(sorted(set(units))), tuple(places) if not units else ())
        found = self._cache.get(key)
        if found is None:
            found = self._route(*key)
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _route(self, units: tuple[str, ...], places: tuple[str, ...]) -> Routing:
        catalog = self.catalog
        if units:
            supervising = _lowest_common([self._chain(u, False) for u in units])
            designating = _lowest_common([self._chain(u, True) for u in units])
        else:
            supervising = next(
                (self._governments[p] for p in places if p in self._governments), None
            )
            designating = supervising
        return Routing(
            coordinator=self._bureaus.get(supervising) if supervising else None,
            coordinating_government=supervising,
            designating_authority=designating,
            notified=to_notify(catalog, units),
        )
