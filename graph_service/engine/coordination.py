"""Who settles a finding: the lowest common superior government (行政处罚法 第25条), its justice
bureau, and the upper-level departments of vertically managed branches (policy 四(一)) to notify.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph_service.domain.enums import UnitKind

from .catalog import Catalog

JUSTICE_BUREAU_NAME = "司法局"
_UNKNOWN = object()


def government_chain(catalog: Catalog, unit_id: str) -> list[str]:
    """The governments above a unit, nearest first (the unit itself if it is a government).

    A vertically managed branch answers to its upper-level department, so its chain starts from
    that ``superior`` (whose government is the city's), not from the district it sits in.
    """
    chain: list[str] = []
    seen: set[str] = set()
    unit = catalog.units.get(unit_id)
    while unit is not None and unit.id not in seen:
        seen.add(unit.id)
        if unit.kind == UnitKind.GOVERNMENT:
            chain.append(unit.id)
        above = unit.superior if unit.vertical and unit.superior else unit.parent
        if above is None and unit.superior:
            above = unit.superior
        unit = catalog.units.get(above) if above else None
    return chain


def coordinator(catalog: Catalog, units: Iterable[str]) -> str | None:
    """The lowest government that is a superior of every unit, or None when they share none."""
    chains = [government_chain(catalog, u) for u in units]
    if not chains:
        return None
    others = [set(c) for c in chains[1:]]
    for government in chains[0]:
        if all(government in other for other in others):
            return government
    return None


def to_notify(catalog: Catalog, units: Iterable[str]) -> tuple[str, ...]:
    """The superiors of every vertically managed branch among ``units``."""
    found: set[str] = set()
    for unit_id in units:
        unit = catalog.units.get(unit_id)
        if unit is not None and unit.vertical and unit.superior:
            found.add(unit.superior)
    return tuple(sorted(found))


class Coordination:
    """Coordinator, justice bureau and notify list for unit sets, cached while units stay the
    same (a change to units rebuilds the state, and with it this cache)."""

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
        self._cache: dict[tuple[str, ...], str | None] = {}
        self._chains: dict[str, list[str]] = {}

    def coordinator(self, units: tuple[str, ...], places: Iterable[str] = ()) -> str | None:
        if not units:
            return next((self._governments[p] for p in places if p in self._governments), None)
        found = self._cache.get(units, _UNKNOWN)
        if found is _UNKNOWN:
            chains = [self._chain(u) for u in units]
            others = [set(c) for c in chains[1:]]
            found = next((g for g in chains[0] if all(g in o for o in others)), None)
            self._cache[units] = found
        return found  # type: ignore[return-value]

    def _chain(self, unit: str) -> list[str]:
        if unit not in self._chains:
            self._chains[unit] = government_chain(self.catalog, unit)
        return self._chains[unit]

    def justice_bureau(self, government: str | None) -> str | None:
        return self._bureaus.get(government) if government else None

    def notify(self, units: Iterable[str]) -> tuple[str, ...]:
        return to_notify(self.catalog, units)
