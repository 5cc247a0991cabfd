"""The engine's in-memory projection of one dataset: what every query function reads.

Holdings live per item (``replays``) because replay is per item; ``by_unit`` is the reverse index
the power list needs. ``Projection`` owns one ``EngineState`` and swaps parts of it on ``apply``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .answers import Holding
from .catalog import Catalog
from .regions import RegionIndex
from .replay import ItemReplay


@dataclass(slots=True)
class EngineState:
    catalog: Catalog
    regions: RegionIndex
    jurisdiction: tuple[str, ...]  # region codes of the deployment (default ``applies_in``)
    replays: dict[str, ItemReplay] = field(default_factory=dict)
    by_unit: dict[str, dict[str, list[Holding]]] = field(default_factory=lambda: defaultdict(dict))

    def put(self, replay: ItemReplay) -> None:
        """Install (or replace) one item's holdings and keep ``by_unit`` in step."""
        self.drop(replay.item)
        self.replays[replay.item] = replay
        for holding in replay.holdings:
            self.by_unit.setdefault(holding.unit, {}).setdefault(holding.item, []).append(holding)

    def drop(self, item: str) -> None:
        old = self.replays.pop(item, None)
        if old is None:
            return
        for unit in {h.unit for h in old.holdings}:
            per_item = self.by_unit.get(unit)
            if per_item is not None:
                per_item.pop(item, None)

    def holdings(self) -> Iterable[Holding]:
        for replay in self.replays.values():
            yield from replay.holdings

    def target_scopes(self, item: str) -> tuple[str, ...]:
        """Where the item must have a competent unit: ``applies_in``, else the deployment."""
        found = self.catalog.items.get(item)
        return tuple(found.applies_in) if found and found.applies_in else self.jurisdiction
