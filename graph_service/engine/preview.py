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
from .findings import findings, findings_about, sort_key
from .jurisdiction import status_of
from .reach import Reach
from .state import EngineState

Answer = tuple[Status, tuple[str, ...]]


def preview(before: EngineState, after: EngineState, reach: Reach | None, at: date) -> Preview:
    """``reach``: what the change can alter (None: anything, every finding is diffed)."""
    if reach is None:
        old_list, new_list = findings(before, at), findings(after, at)
        items = set(before.replays) | set(after.replays)
    else:
        old_list, new_list = findings_about(before, reach, at), findings_about(after, reach, at)
        items = set(reach.items)
    old = {f.id: f for f in old_list}
    new = {f.id: f for f in new_list}
    appeared = sorted((new[k] for k in new.keys() - old.keys()), key=sort_key)
    resolved = sorted((old[k] for k in old.keys() - new.keys()), key=sort_key)
    changed = [(old[k], new[k]) for k in sorted(old.keys() & new.keys()) if old[k] != new[k]]
    changed.sort(key=lambda pair: sort_key(pair[1]))
    answers: list[AnswerChange] = []
    for item in sorted(items):
        answers += answer_changes(before, after, item, at)
    return Preview(at, tuple(appeared), tuple(resolved), tuple(changed), tuple(answers))


def _changed_primary(
    before: EngineState, after: EngineState, item: str, at: date
) -> tuple[dict[str, Holding], dict[str, Holding]]:
    """Valid primary holdings by id in the scopes whose holdings differ between the states.

    A resumed replay shares the holding tuples of every scope it did not touch, so comparing
    by identity first keeps this proportional to the change. A version id names the same unit,
    scope and carve-outs in both states (a resumed replay re-emits a version only to end it).
    """
    old_replay, new_replay = before.replays.get(item), after.replays.get(item)
    old_scopes = old_replay.by_scope if old_replay else {}
    new_scopes = new_replay.by_scope if new_replay else {}
    old: dict[str, Holding] = {}
    new: dict[str, Holding] = {}
    for scope in old_scopes.keys() | new_scopes.keys():
        was, now = old_scopes.get(scope, ()), new_scopes.get(scope, ())
        if was is now:
            continue
        old.update((h.id, h) for h in was if h.role == Role.PRIMARY and h.valid_on(at))
        new.update((h.id, h) for h in now if h.role == Role.PRIMARY and h.valid_on(at))
    return old, new


def _in_force(state: EngineState, item: str, at: date) -> bool:
    replay = state.replays.get(item)
    return replay is not None and replay.in_force(state.catalog.items.get(item), at)


def _answer(state: EngineState, item: str, place: str, at: date, in_force: bool) -> Answer:
    """Status and primary units, as ``jurisdiction`` would give them, without the citations."""
    replay = state.replays.get(item)
    if replay is None:
        return Status.GAP, ()
    covering = state.regions.covering(place)
    primary = [
        h
        for scope in covering
        for h in replay.by_scope.get(scope, ())
        if h.role == Role.PRIMARY and h.valid_on(at) and h.carved_out.isdisjoint(covering)
    ]
    status = status_of(primary) if in_force else Status.GAP
    return status, tuple(sorted({h.unit for h in primary}))


def _units_at(state: EngineState, holdings: Iterable[Holding]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for holding in holdings:
        for place in holding_places(state, holding):
            out.setdefault(place, set()).add(f"{holding.unit}|{holding.joint}")
    return out


def answer_changes(
    before: EngineState, after: EngineState, item: str, at: date
) -> list[AnswerChange]:
    """(place) answers of ``item`` on ``at`` that differ between the two states.

    Holdings valid in both states contribute the same units to both answers, so only places
    where the holdings found in one state only give different unit sets can change; the full
    answer is computed there alone. A change of in-force status touches every target place.
    """
    forced_before, forced_after = _in_force(before, item, at), _in_force(after, item, at)
    old, new = _changed_primary(before, after, item, at)
    if forced_before != forced_after:
        candidates = set(target_places(after, item, at)) | set(target_places(before, item, at))
    else:
        only_old = _units_at(before, (old[k] for k in old.keys() - new.keys()))
        only_new = _units_at(after, (new[k] for k in new.keys() - old.keys()))
        candidates = {
            p for p in only_old.keys() | only_new.keys() if only_old.get(p) != only_new.get(p)
        }
    out: list[AnswerChange] = []
    for place in sorted(candidates):
        was = _answer(before, item, place, at, forced_before)
        now = _answer(after, item, place, at, forced_after)
        if was != now:
            out.append(AnswerChange(item, place, was[0], was[1], now[0], now[1]))
    return out
