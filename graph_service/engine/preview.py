"""What-if: the findings and answers a change set would alter, without writing anything.

The change is replayed on a copy-on-write fork of the state (only the items it names are
replayed); findings are diffed by id within the change's ``Reach``, and answers only at the
places where a holding of a replayed item differs between the two states, so the cost follows
the size of the change.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .answers import AnswerChange, Holding, Preview, Role, Status
from .conflicts import holding_places, target_places
from .coverage import covered, has_coverage
from .findings import finding_order, findings, findings_about
from .jurisdiction import status_of
from .reach import Reach, changed_scopes
from .state import EngineState

Answer = tuple[Status, tuple[str, ...]]


def preview(before: EngineState, after: EngineState, reach: Reach | None, at: date) -> Preview:
    """``reach``: what the change can alter (None: anything, every finding is diffed)."""
    if reach is None:
        old_list, new_list = findings(before, at), findings(after, at)
        items = set(before.replays) | set(after.replays)
        scopes = {code: changed_scopes(before, after, code) for code in items}
    else:
        old_list, new_list = findings_about(before, reach, at), findings_about(after, reach, at)
        scopes = dict(reach.scopes)
    old = {f.id: f for f in old_list}
    new = {f.id: f for f in new_list}
    appeared = sorted((new[k] for k in new.keys() - old.keys()), key=finding_order)
    resolved = sorted((old[k] for k in old.keys() - new.keys()), key=finding_order)
    changed = [(old[k], new[k]) for k in sorted(old.keys() & new.keys()) if old[k] != new[k]]
    changed.sort(key=lambda pair: finding_order(pair[1]))
    answers: list[AnswerChange] = []
    for item in sorted(scopes):
        answers += answer_changes(before, after, item, at, scopes[item])
    return Preview(at, tuple(appeared), tuple(resolved), tuple(changed), tuple(answers))


class _Answers:
    """One item's answers in one state on one day, place after place, as ``jurisdiction`` would
    give them without the citations: each scope's valid primary holdings are picked out once,
    since the places of one change share most of their covering scopes."""

    def __init__(self, state: EngineState, item: str, at: date) -> None:
        replay = state.replays.get(item)
        self.regions = state.regions
        self.state = state
        self.coverage = has_coverage(state)
        self.by_scope = replay.by_scope if replay is not None else {}
        self.in_force = replay is not None and replay.in_force(state.catalog.items.get(item), at)
        self.at = at
        self.valid: dict[str, list[Holding]] = {}

    def primary(self, scopes: Iterable[str]) -> dict[str, Holding]:
        """Valid primary holdings by id in ``scopes``."""
        by_scope = self.by_scope
        return {h.id: h for scope in scopes if scope in by_scope for h in self._valid(scope)}

    def _valid(self, scope: str) -> list[Holding]:
        found = self.valid.get(scope)
        if found is None:
            at = self.at
            holdings = self.by_scope.get(scope, ())
            found = [h for h in holdings if h.role == Role.PRIMARY and h.valid_on(at)]
            self.valid[scope] = found
        return found

    def at_place(self, place: str) -> Answer:
        if self.coverage and not covered(self.state, place, self.at):
            return Status.NO_DATA, ()
        if not self.in_force:
            return Status.NOT_IN_FORCE, ()
        covering = self.regions.covering(place)
        valid, by_scope = self.valid, self.by_scope
        primary = [
            h
            for scope in covering
            if scope in by_scope  # most covering scopes hold nothing of the item
            for h in (valid[scope] if scope in valid else self._valid(scope))
            if not h.carved_out or h.carved_out.isdisjoint(covering)
        ]
        return status_of(primary), tuple(sorted({h.unit for h in primary}))


def _units_at(state: EngineState, holdings: Iterable[Holding]) -> dict[str, set[tuple[str, bool]]]:
    """Place -> (unit, joint) of ``holdings`` covering it."""
    out: dict[str, set[tuple[str, bool]]] = {}
    for holding in holdings:
        for place in holding_places(state, holding):
            out.setdefault(place, set()).add((holding.unit, holding.joint))
    return out


def answer_changes(
    before: EngineState, after: EngineState, item: str, at: date, scopes: Iterable[str]
) -> list[AnswerChange]:
    """(place) answers of ``item`` on ``at`` that differ between the two states, given the
    ``scopes`` whose holdings differ.

    Holdings valid in both states contribute the same units to both answers, so only places
    where the holdings found in one state only give different unit sets can change; the full
    answer is computed there alone. A change of in-force status touches every target place.
    """
    was_answers, now_answers = _Answers(before, item, at), _Answers(after, item, at)
    if was_answers.in_force != now_answers.in_force:
        candidates = set(target_places(after, item, at)) | set(target_places(before, item, at))
    else:
        old, new = was_answers.primary(scopes), now_answers.primary(scopes)
        only_old = _units_at(before, (old[k] for k in old.keys() - new.keys()))
        only_new = _units_at(after, (new[k] for k in new.keys() - old.keys()))
        candidates = {
            p for p in only_old.keys() | only_new.keys() if only_old.get(p) != only_new.get(p)
        }
    out: list[AnswerChange] = []
    for place in sorted(candidates):
        was, now = was_answers.at_place(place), now_answers.at_place(place)
        if was != now:
            out.append(AnswerChange(item, place, was[0], was[1], now[0], now[1]))
    return out
