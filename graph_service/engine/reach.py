"""How far one change can reach into the findings, so a what-if recomputes only that part.

A change replays some items; every other item keeps the very same replay. So the findings it can
alter are: the replayed items' own (OVERLAP, GAP, STALE_BASIS); CROSS_BORDER of their fields; the
act-level kinds (UNREVIEWED_ACT, INVALID_DELEGATION, EVALUATION_DUE) of the acts it writes or
that name a replayed item (an act's replay issues and its still-delegated holdings live only in
the replays of the items it names); LIST_MISMATCH of the units whose holdings changed (or of
every unit, when published lists change). ``Reach`` names those, over both states.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph_service.domain.changes import ChangeSet
from graph_service.domain.enums import EntityKind

from .state import EngineState


@dataclass(frozen=True, slots=True)
class Reach:
    items: frozenset[str]
    fields: frozenset[str]
    acts: frozenset[str]
    units: frozenset[str] | None  # None: every unit with a published list


def reach_of(
    before: EngineState, after: EngineState, items: Iterable[str], change: ChangeSet
) -> Reach:
    """The reach of ``change`` replayed as ``items``, from the state ``before`` to ``after``."""
    codes = frozenset(items)
    states = (before, after)
    fields = {
        field
        for state in states
        for code in codes
        if (found := state.catalog.items.get(code)) is not None and (field := found.field)
    }
    acts = {ref.key for ref in change.touched() if ref.kind == EntityKind.ACT}
    for state in states:
        for code in codes:
            acts.update(act.id for act in state.catalog.acts_by_item.get(code, ()))
    lists_changed = any(ref.kind == EntityKind.PUBLISHED_LIST for ref in change.touched())
    units = None if lists_changed else frozenset(_changed_units(before, after, codes))
    return Reach(codes, frozenset(fields), frozenset(acts), units)


def _changed_units(before: EngineState, after: EngineState, codes: frozenset[str]) -> set[str]:
    """Units with a holding in a scope whose holdings differ between the states.

    A resumed replay shares the holding tuple of every scope it did not touch, so comparing by
    identity keeps this proportional to the change.
    """
    units: set[str] = set()
    for code in codes:
        old, new = before.replays.get(code), after.replays.get(code)
        old_scopes = old.by_scope if old is not None else {}
        new_scopes = new.by_scope if new is not None else {}
        for scope in old_scopes.keys() | new_scopes.keys():
            was, now = old_scopes.get(scope, ()), new_scopes.get(scope, ())
            if was is not now:
                units.update(h.unit for h in was)
                units.update(h.unit for h in now)
    return units
