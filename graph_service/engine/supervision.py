"""When a delegator is SUPERVISOR (DESIGN §4): only while a holding it delegated covers the place.

Replay keeps the delegator's SUPERVISOR holding over the region it delegated; after a designation
carves the delegatee out of a place, or the delegatee is abolished without successor, there is
nothing left for it to supervise there. Answers and power lists therefore show a SUPERVISOR
holding only where a PRIMARY holding produced by a delegation from that unit is valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph_service.domain.enums import ActKind

from .answers import Holding, Role
from .conflicts import holding_places
from .state import EngineState


def _delegations(state: EngineState, holding: Holding) -> frozenset[str]:
    """The delegate acts in ``holding``'s chain."""
    acts = state.catalog.acts
    return frozenset(
        a for a in holding.acts if (act := acts.get(a)) is not None and act.kind == ActKind.DELEGATE
    )


def supervises(
    state: EngineState, holding: Holding, at: date, primaries: list[Holding] | None = None
) -> bool:
    """Whether a SUPERVISOR ``holding`` still has a delegated holding to supervise on ``at``:
    among ``primaries`` (the holdings covering the asked place), or anywhere in its scope. The
    delegated holding is another unit's primary holding whose chain shares a delegate act with the
    supervisor's (so it follows a transfer or a successor of either side)."""
    if holding.role != Role.SUPERVISOR:
        return True
    mine = _delegations(state, holding)
    # Among ``primaries``, or anywhere in its scope: then the places of only the holdings that
    # pass the cheap tests (a district bureau supervises thousands of items, each with hundreds
    # of primary holdings).
    candidates: Sequence[Holding]
    scope_places: frozenset[str] | None
    if primaries is not None:
        candidates, scope_places = primaries, None
    else:
        replay = state.replays.get(holding.item)
        candidates = replay.primaries if replay else ()
        scope_places = state.regions.places(holding.scope)
    return any(
        h.unit != holding.unit
        and h.valid_on(at)
        and not mine.isdisjoint(_delegations(state, h))
        and (scope_places is None or not holding_places(state, h).isdisjoint(scope_places))
        for h in candidates
    )
