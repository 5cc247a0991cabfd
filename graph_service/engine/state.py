"""The engine's in-memory projection of one dataset: what every query function reads.

Holdings live per item (``replays``) because replay is per item; ``by_unit`` is the reverse index
the power list needs. ``Projection`` owns one ``EngineState`` and swaps parts of it on ``apply``.
``fork`` gives a copy-on-write overlay (what-if previews, answers as recorded on a past day): it
shares every item and unit it does not touch with the original, which it never changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .answers import Holding
from .catalog import Catalog
from .regions import RegionIndex
from .replay import ItemReplay

DEFAULT_EVALUATION_PERIOD_DAYS = 730  # 第24条 periodic evaluation: every two years by default


@dataclass(slots=True)
class EngineState:
    catalog: Catalog
    regions: RegionIndex
    jurisdiction: tuple[str, ...]  # region codes of the deployment (default ``applies_in``)
    replays: dict[str, ItemReplay] = field(default_factory=dict)
    by_unit: dict[str, dict[str, list[Holding]]] = field(default_factory=dict)
    evaluation_period_days: int = DEFAULT_EVALUATION_PERIOD_DAYS
    # item -> day -> that item's own findings (see ``item_findings``); dropped when it is replayed
    item_cache: dict[str, dict[date, Any]] = field(default_factory=dict)
    # unit -> day -> what the unit holds then (see ``list_mismatch``); dropped when it changes
    unit_cache: dict[str, dict[date, Any]] = field(default_factory=dict)
    # derived indexes that depend only on regions and units (see ``borders``), built on demand
    derived: dict[str, Any] = field(default_factory=dict)
    _owned_units: set[str] | None = None  # None: owns every ``by_unit`` entry (not a fork)

    def put(self, replay: ItemReplay) -> None:
        """Install (or replace) one item's holdings and keep ``by_unit`` in step."""
        self.drop(replay.item)
        self.replays[replay.item] = replay
        for holding in replay.holdings:
            self._unit_items(holding.unit).setdefault(holding.item, []).append(holding)

    def put_partial(self, replay: ItemReplay, units: set[str]) -> None:
        """Install a resumed replay whose holdings changed only for ``units``."""
        self.item_cache.pop(replay.item, None)
        self.replays[replay.item] = replay
        grouped: dict[str, list[Holding]] = {unit: [] for unit in units}
        for holding in replay.holdings:
            if holding.unit in grouped:
                grouped[holding.unit].append(holding)
        for unit, holdings in grouped.items():
            if holdings:
                self._unit_items(unit)[replay.item] = holdings
            elif replay.item in self.by_unit.get(unit, {}):
                self._unit_items(unit).pop(replay.item, None)

    def drop(self, item: str) -> None:
        self.item_cache.pop(item, None)
        old = self.replays.pop(item, None)
        if old is None:
            return
        for unit in {h.unit for h in old.holdings}:
            if unit in self.by_unit:
                self._unit_items(unit).pop(item, None)

    def _unit_items(self, unit: str) -> dict[str, list[Holding]]:
        """``by_unit[unit]``, copied first when this fork still shares it with its origin."""
        self.unit_cache.pop(unit, None)
        owned = self._owned_units
        if owned is not None and unit not in owned:
            owned.add(unit)
            self.by_unit[unit] = dict(self.by_unit.get(unit, {}))
        return self.by_unit.setdefault(unit, {})

    def release(self) -> None:
        """Drop this state's tables one entry at a time, for a state nothing reads any more.

        A Beijing-scale state holds millions of objects; dropped at once, freeing them takes
        half a second during which no other thread runs. Entry by entry (in a worker thread),
        the interpreter can switch threads in between. Only the top-level tables are emptied:
        their values may be shared with forks, which keep them.
        """
        for table in (self.item_cache, self.unit_cache, self.replays, self.by_unit):
            while table:
                table.popitem()

    def fork(self, catalog: Catalog | None = None) -> EngineState:
        """An overlay to ``put``/``drop`` into without touching this state."""
        return EngineState(
            catalog=catalog or self.catalog,
            regions=self.regions,
            jurisdiction=self.jurisdiction,
            replays=dict(self.replays),
            by_unit=dict(self.by_unit),
            evaluation_period_days=self.evaluation_period_days,
            item_cache=dict(self.item_cache),
            unit_cache=dict(self.unit_cache),
            derived=self.derived,
            _owned_units=set(),
        )

    @property
    def forked_units(self) -> frozenset[str] | None:
        """Units whose holdings changed since this fork was made (None: not a fork)."""
        owned = self._owned_units
        return frozenset(owned) if owned is not None else None

    def holdings(self) -> Iterable[Holding]:
        for replay in self.replays.values():
            yield from replay.holdings

    def target_scopes(self, item: str) -> tuple[str, ...]:
        """Where the item must have a competent unit: ``applies_in``, else the deployment."""
        found = self.catalog.items.get(item)
        return tuple(found.applies_in) if found and found.applies_in else self.jurisdiction
