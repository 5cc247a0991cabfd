"""The engine facade: an in-memory projection of a dataset that answers every question.

Built once from the dataset loaded at start; ``apply`` updates it after every write, replaying
only the items a change names (see ``updates``); ``preview`` does the same on a copy-on-write
fork and reports the difference; ``as_recorded_on`` answers from the acts recorded by then.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date, datetime

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset

from . import findings as findings_module
from . import jurisdiction as jurisdiction_module
from . import power_list as power_list_module
from . import preview as preview_module
from . import search as search_module
from .answers import (
    Finding,
    Holding,
    JurisdictionAnswer,
    PowerListEntry,
    Preview,
    SearchHit,
    SearchKind,
)
from .catalog import Catalog
from .gc_pause import paused_gc
from .reach import reach_of
from .recorded import RecordedViews
from .records import Records
from .regions import RegionIndex
from .replay import replay_item
from .state import DEFAULT_EVALUATION_PERIOD_DAYS, EngineState
from .updates import FINDINGS_INPUTS, advance


class Projection:
    def __init__(
        self,
        dataset: Dataset,
        *,
        jurisdiction: Sequence[str] | None = None,
        evaluation_period_days: int = DEFAULT_EVALUATION_PERIOD_DAYS,
    ) -> None:
        self._configured = tuple(jurisdiction) if jurisdiction is not None else None
        self._evaluation_period_days = evaluation_period_days
        self._records = Records.of(dataset)
        self._dataset: Dataset | None = dataset
        self._state = self._build(self._records)
        self._recorded = RecordedViews()

    def _build(self, records: Records) -> EngineState:
        """A full build; its result lives as long as the projection, so it is then frozen out
        of later garbage collections (``gc.freeze``), which would otherwise rescan about a
        million holdings at Beijing scale on every write."""
        with paused_gc():
            state = self._replay_all(records)
        gc.freeze()
        return state

    def _replay_all(self, records: Records) -> EngineState:
        catalog = Catalog.from_records(records)
        regions = RegionIndex(catalog.regions(records))
        scopes = self._configured
        if scopes is None:
            scopes = tuple(regions.infer_jurisdiction(catalog.units.values()))
        state = EngineState(
            catalog=catalog,
            regions=regions,
            jurisdiction=scopes,
            evaluation_period_days=self._evaluation_period_days,
        )
        for code in catalog.items:
            state.put(replay_item(code, catalog, regions))
        return state

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = self._records.dataset()
        return self._dataset

    @property
    def records(self) -> Records:
        """Every record by collection and key; a new object after each change (never mutated)."""
        return self._records

    @property
    def jurisdiction_scopes(self) -> tuple[str, ...]:
        """The deployment's region codes (configured, or inferred from township/street units)."""
        return self._state.jurisdiction

    def jurisdiction(
        self,
        item: str,
        place: str,
        at: date,
        as_recorded_on: datetime | date | None = None,
    ) -> JurisdictionAnswer:
        """Who may act on ``item`` at ``place`` on ``at``; with ``as_recorded_on`` R, what the
        records said on R (only acts recorded by then count)."""
        state = self._state
        if as_recorded_on is not None:
            state = self._recorded.item_state(state, item, as_recorded_on)
        return jurisdiction_module.jurisdiction(state, item, place, at)

    def findings(self, at: date, as_recorded_on: datetime | date | None = None) -> list[Finding]:
        state = self._state
        if as_recorded_on is not None:
            state = self._recorded.whole_state(state, as_recorded_on)
        return findings_module.findings(state, at)

    def power_list(self, unit: str, at: date) -> list[PowerListEntry]:
        return power_list_module.power_list(self._state, unit, at)

    def holdings(self) -> Sequence[Holding]:
        return list(self._state.holdings())

    def search(self, kind: SearchKind, text: str, limit: int = 20) -> list[SearchHit]:
        return search_module.search(self._state, kind, text, limit)

    def apply(self, change: ChangeSet) -> None:
        """Update in place; the result equals ``Projection(change.applied_to(dataset))``."""
        records = self._records.changed(change)
        with paused_gc():
            self._state, _ = advance(self._state, records, change, fork=False, build=self._build)
        self._records, self._dataset = records, None
        self._recorded.clear()

    def preview(self, change: ChangeSet, at: date | None = None) -> Preview:
        """What ``change`` would do on ``at`` (default: the latest ``effective`` of its acts,
        else today), computed on a fork: the projection is left exactly as it was."""
        if at is None:
            days = [act.effective for act in change.upserts.acts]
            at = max(days) if days else date.today()
        records = self._records.changed(change)
        touched = change.touched()
        with paused_gc():
            after, items = advance(self._state, records, change, fork=True, build=self._build)
            reach = None  # everything was rebuilt, or every item's findings may change
            if items is not None and not any(ref.kind in FINDINGS_INPUTS for ref in touched):
                reach = reach_of(self._state, after, items, change)
            result = preview_module.preview(self._state, after, reach, at)
            # Free the fork while the collector is still paused: re-enabled with it alive, the
            # collector would first scan every object the replay just allocated.
            del after
        return result
