"""The engine facade: an in-memory projection of a dataset that answers every question.

Built once from the dataset loaded at start; ``apply`` updates it after every write. Replay is per
item, so a change to acts or items replays only the items they name; a change to regions or units
(which any item may depend on, through scopes, abolition and successors) rebuilds everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind

from . import findings as findings_module
from . import jurisdiction as jurisdiction_module
from . import power_list as power_list_module
from . import search as search_module
from .answers import Finding, Holding, JurisdictionAnswer, PowerListEntry, SearchHit, SearchKind
from .catalog import Catalog
from .regions import RegionIndex
from .replay import replay_item
from .state import EngineState

_FULL_REBUILD = frozenset({EntityKind.REGION, EntityKind.UNIT})


class Projection:
    def __init__(self, dataset: Dataset, *, jurisdiction: Sequence[str] | None = None) -> None:
        self._configured = tuple(jurisdiction) if jurisdiction is not None else None
        self._dataset = dataset
        self._state = self._build(dataset)

    def _build(self, dataset: Dataset) -> EngineState:
        catalog = Catalog.build(dataset)
        regions = RegionIndex(dataset.regions)
        scopes = self._configured
        if scopes is None:
            scopes = tuple(regions.infer_jurisdiction(dataset.units))
        state = EngineState(catalog=catalog, regions=regions, jurisdiction=scopes)
        for code in catalog.items:
            state.put(replay_item(code, catalog, regions))
        return state

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def jurisdiction_scopes(self) -> tuple[str, ...]:
        """The deployment's region codes (configured, or inferred from township/street units)."""
        return self._state.jurisdiction

    def jurisdiction(self, item: str, place: str, at: date) -> JurisdictionAnswer:
        return jurisdiction_module.jurisdiction(self._state, item, place, at)

    def findings(self, at: date) -> list[Finding]:
        return findings_module.findings(self._state, at)

    def power_list(self, unit: str, at: date) -> list[PowerListEntry]:
        return power_list_module.power_list(self._state, unit, at)

    def holdings(self) -> Sequence[Holding]:
        return list(self._state.holdings())

    def search(self, kind: SearchKind, text: str, limit: int = 20) -> list[SearchHit]:
        return search_module.search(self._state, kind, text, limit)

    def apply(self, change: ChangeSet) -> None:
        """Update in place; the result equals ``Projection(change.applied_to(dataset))``."""
        after = change.applied_to(self._dataset)
        touched = change.touched()
        if change.replace or any(ref.kind in _FULL_REBUILD for ref in touched):
            self._dataset, self._state = after, self._build(after)
            return
        before = self._state.catalog
        catalog = Catalog.build(after)
        items: set[str] = set()
        for ref in touched:
            if ref.kind == EntityKind.ITEM:
                items.add(ref.key)
            elif ref.kind == EntityKind.ACT:
                for side in (before, catalog):
                    act = side.acts.get(ref.key)
                    items.update(act.items if act else ())
            elif ref.kind == EntityKind.LAW:  # an act's document decides STATUTORY vs ORIGINAL
                for side in (before, catalog):
                    items.update(i for a in side.acts.values() if a.doc == ref.key for i in a.items)
        self._state.catalog = catalog
        for code in sorted(items):
            if code in catalog.items:
                self._state.put(replay_item(code, catalog, self._state.regions))
            else:
                self._state.drop(code)
        self._dataset = after
