"""How far one change can reach into the findings, so a what-if recomputes only that part.

A change replays some items; every other item keeps the very same replay. So the findings it can
alter are:
- the replayed items' own (OVERLAP, GAP, STALE_BASIS) and CROSS_BORDER of their fields;
- UNREVIEWED_ACT and EVALUATION_DUE of the acts it writes and of the acts naming a replayed item
  (an act's still-delegated holdings live only in the replays of the items it names);
- INVALID_DELEGATION of the acts it writes and of those with a replay issue in a replayed item;
- LIST_MISMATCH of the units whose holdings changed (of every unit, when published lists do).
``Reach`` names those, over both states.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph_service.domain.changes import ChangeSet
from graph_service.domain.enums import EntityKind

from .state import EngineState


@dataclass(frozen=True, slots=True)
class Reach:
    items: frozenset[str]
    fields: frozenset[str]
    acts: frozenset[str]  # written, or naming a replayed item
    flagged_acts: frozenset[str]  # written, or with a replay issue in a replayed item
    units: frozenset[str] | None  # None: every unit with a published list
    scopes: Mapping[str, frozenset[str]]  # item -> scopes whose holdings differ


def reach_of(
    before: EngineState, after: EngineState, items: Iterable[str], change: ChangeSet
) -> Reach:
    """The reach of ``change`` replayed as ``items``, from the state ``before`` to ``after``, a
    fork of it."""
    codes = frozenset(items)
    states = (before, after)
    fields = {
        field
        for state in states
        for code in codes
        if (found := state.catalog.items.get(code)) is not None and (field := found.field)
    }
    scopes = {code: changed_scopes(before, after, code) for code in codes}
    touched = change.touched()
    written = {ref.key for ref in touched if ref.kind == EntityKind.ACT}
    acts, flagged = set(written), set(written)
    for state in states:
        for code in codes:
            acts.update(act.id for act in state.catalog.acts_by_item.get(code, ()))
            replay = state.replays.get(code)
            if replay is not None:
                flagged.update(issue.act for issue in replay.issues)
    lists_changed = any(ref.kind == EntityKind.PUBLISHED_LIST for ref in touched)
    # the units whose holdings the fork changed; every unit when lists changed or no fork
    units = None if lists_changed else after.forked_units
    return Reach(codes, frozenset(fields), frozenset(acts), frozenset(flagged), units, scopes)


def changed_scopes(before: EngineState, after: EngineState, item: str) -> frozenset[str]:
    """The scopes whose holdings of ``item`` differ between the states.

    A resumed replay shares the holding tuple of every scope it did not touch, so comparing by
    identity keeps this proportional to the change (a full replay shares none: every scope).
    """
    old, new = before.replays.get(item), after.replays.get(item)
    if old is new:
        return frozenset()
    old_scopes = old.by_scope if old is not None else {}
    new_scopes = new.by_scope if new is not None else {}
    return frozenset(
        scope
        for scope in old_scopes.keys() | new_scopes.keys()
        if old_scopes.get(scope, ()) is not new_scopes.get(scope, ())
    )
