"""The engine facade: an in-memory projection of a dataset that answers every question.

Built once from the dataset loaded at start; ``apply`` updates it after every write, replaying
only the items a change names (see ``updates``); ``preview`` does the same on a copy-on-write
fork and reports the difference; ``as_recorded`` gives the projection as it stood at an earlier
revision of the change log, from the change that undoes what came after.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from datetime import date
from functools import partial
from typing import TypeVar

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset

from . import findings as findings_module
from . import graph_view as graph_view_module
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
    Routing,
    SearchHit,
    SearchKind,
)
from .catalog import Catalog
from .gc_pause import paused_gc
from .graph_edges import EdgeKind
from .graph_view import GraphView
from .moved import Moved, changed_pairs
from .reach import reach_of
from .recorded import RecordedViews
from .records import Records
from .regions import RegionIndex
from .replay import replay_item
from .state import DEFAULT_EVALUATION_PERIOD_DAYS, EngineState
from .state_cache import StateCache
from .updates import FINDINGS_INPUTS, advance, needs_rebuild

T = TypeVar("T")


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
        self._cache = StateCache()
        self._recorded: RecordedViews[Projection] = RecordedViews()

    def _build(self, records: Records) -> EngineState:
        """A full build; its result lives as long as the projection, so it is then frozen out
        of later garbage collections (``gc.freeze``), which would otherwise rescan about a
        million holdings at Beijing scale on every write."""
        with paused_gc():
            state = self._replay_all(records)
            # frozen before the collector resumes: the first allocation after would otherwise
            # start a collection of the youngest generation, which then holds every object the
            # build allocated (more than a second at Beijing scale, holding the GIL: a rebuild
            # in a worker thread stalled the event loop that long)
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

    def jurisdiction(self, item: str, place: str, at: date) -> JurisdictionAnswer:
        """Who may act on ``item`` at ``place`` on ``at``, and why."""
        return jurisdiction_module.jurisdiction(self._state, item, place, at)

    def findings(self, at: date) -> list[Finding]:
        """Every finding on ``at``, most severe first (``finding_order``); a new list each call."""
        return list(self.sorted_findings(at))

    def sorted_findings(self, at: date) -> Sequence[Finding]:
        """The findings on ``at`` in ``finding_order``, computed once per day and state (shared:
        never to be changed by the caller)."""
        state = self._state
        return self._cache.findings.get(at, lambda: tuple(findings_module.findings(state, at)))

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` until this projection changes (bounded, see
        ``state_cache``): for what a caller derives from answers, such as a filtered, sorted
        selection of findings. ``key`` must name everything ``compute`` depends on but the state."""
        found: T = self._cache.selections.get(key, compute)
        return found

    @property
    def catalog(self) -> Catalog:
        """The records as the engine indexes them (acts by item …), for documents that cite."""
        return self._state.catalog

    def route(self, units: Iterable[str], places: Iterable[str] = ()) -> Routing:
        """Who coordinates, designates and is notified for ``units`` (as for findings)."""
        return findings_module.coordination(self._state).route(units, places)

    def power_list(self, unit: str, at: date) -> list[PowerListEntry]:
        """What ``unit`` holds on ``at`` by item, role and mode; a new list each call."""
        return list(self.sorted_power_list(unit, at))

    def sorted_power_list(self, unit: str, at: date) -> Sequence[PowerListEntry]:
        """The power list sorted by (item, role, mode), computed once per (unit, day) and state
        (shared: never to be changed by the caller); ``NotFoundError`` for an unknown unit."""
        state = self._state
        return self._cache.power_lists.get(
            (unit, at), lambda: tuple(power_list_module.power_list(state, unit, at))
        )

    def graph(
        self,
        focus: str,
        at: date,
        depth: int = 1,
        kinds: Collection[EdgeKind] | None = None,
        limit: int = 200,
    ) -> GraphView:
        """The neighbourhood of ``focus`` on ``at`` as nodes and edges (see ``graph_view``)."""
        return graph_view_module.graph_view(self._state, focus, at, depth, kinds, limit)

    def holdings(self) -> Sequence[Holding]:
        return list(self._state.holdings())

    def search(self, kind: SearchKind, text: str, limit: int = 20) -> list[SearchHit]:
        return search_module.search(self._state, kind, text, limit)

    def apply(self, change: ChangeSet) -> frozenset[str] | None:
        """Update in place; the result equals ``Projection(change.applied_to(dataset))``.

        Returns the items whose holdings were replayed (None: all of them, after a rebuild).
        """
        return self.update(change).items

    def update(self, change: ChangeSet) -> Moved:
        """``apply``, also saying which ``(unit, item)`` pairs' holdings changed (``moved``)."""
        records = self._records.changed(change)
        before = dict(self._state.replays)  # the replays an in-place update replaces
        try:
            with paused_gc():
                self._state, items = advance(
                    self._state, records, change, fork=False, build=self._build
                )
        finally:
            self._cache = StateCache()  # every answer kept was the old state's (even half-done)
        self._records, self._dataset = records, None
        self._recorded.clear()
        if items is None:
            return Moved(None, None)
        return Moved(frozenset(items), changed_pairs(before, self._state.replays, items))

    def holdings_of(self, items: Iterable[str]) -> list[Holding]:
        """The current holdings of ``items`` (unknown items have none)."""
        replays = self._state.replays
        return [h for code in items if (r := replays.get(code)) for h in r.holdings]

    def cached_view(self, key: object) -> Projection | None:
        """A view ``as_recorded`` cached under ``key`` since this projection last changed."""
        return self._recorded.get(key)

    def as_recorded(self, key: object, undo: ChangeSet) -> Projection:
        """The projection as it was before the changes ``undo`` reverses, cached under ``key``.

        ``undo`` puts back what later change sets overwrote and deletes what they added (see
        ``service/as_recorded.py``, which builds it from the change log). Only the items it
        names are replayed, on a fork; a unit's or region's structure rebuilds everything (then
        better called off the event loop). This projection is left as it was.
        """
        found = self._recorded.get(key)
        if found is None:
            records = self._records.changed(undo)
            with paused_gc():
                state, _ = advance(self._state, records, undo, fork=True, build=self._replay_all)
            found = Projection._derived(self, records, state)
            self._recorded.put(key, found)
        return found

    @classmethod
    def _derived(cls, origin: Projection, records: Records, state: EngineState) -> Projection:
        derived = cls.__new__(cls)
        derived._configured = origin._configured
        derived._evaluation_period_days = origin._evaluation_period_days
        derived._records = records
        derived._dataset = None
        derived._state = state
        derived._cache = StateCache()
        derived._recorded = RecordedViews()
        return derived

    def needs_rebuild(self, change: ChangeSet) -> bool:
        """Whether ``change`` rebuilds everything (a unit's or region's structure, a replace):
        the caller may then prefer ``rebuilt`` off its event loop to ``apply``."""
        return needs_rebuild(self._state, change)

    def rebuilt(self, change: ChangeSet) -> Projection:
        """A new projection of the records after ``change``; this one is left as it was.

        Safe to run in a worker thread while this projection keeps answering: it reads only
        this projection's records, which are never mutated.
        """
        return self.rebuild_job(change)()

    def rebuild_job(self, change: ChangeSet) -> Callable[[], Projection]:
        """``rebuilt`` as a call that holds no reference to this projection, for a worker thread
        (the thread pool lets go of a finished call a moment after its caller has the result;
        this projection can then be told unused as soon as it is replaced)."""
        return partial(
            _rebuilt, self._records, change, self._configured, self._evaluation_period_days
        )

    def dismantle(self) -> None:
        """Free this projection's holdings a piece at a time (``EngineState.release``), for one
        a rebuild has replaced and nothing uses any more: it answers nothing right afterwards.
        Meant for a worker thread, so that the event loop goes on meanwhile."""
        self._recorded.clear()
        self._cache = StateCache()
        self._state.release()

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


def _rebuilt(
    records: Records, change: ChangeSet, configured: Sequence[str] | None, period: int
) -> Projection:
    return Projection(
        records.changed(change).dataset(), jurisdiction=configured, evaluation_period_days=period
    )
