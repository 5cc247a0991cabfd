"""OVERLAP and GAP findings of one item, computed from its holdings rather than place by place.

Each valid primary holding is expanded once into the leaf places it covers (its scope's places less
its carved-out regions' places); the places then group by the set of units that hold them, so
one conflict (an item and a set of units) is one finding however many places it spans.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .answers import Holding, Mode, Role
from .lineage import EndCause
from .replay import ItemReplay
from .state import EngineState

# Causes of a gap, stable tokens used in finding ids (Chinese wording in GAP_CAUSE_TEXT).
NEVER_ASSIGNED = "never_assigned"
HOLDER_ABOLISHED = "holder_abolished"
DELEGATE_ABOLISHED = "delegate_abolished"
EXPIRED = "expired"
ENDED_BY_ACT = "ended_by_act"
CARVED_OUT = "carved_out"

GAP_CAUSE_TEXT = {
    NEVER_ASSIGNED: "从未确定执法主体",
    HOLDER_ABOLISHED: "原执法主体已撤销且无承继单位",
    DELEGATE_ABOLISHED: "承接下放职权的单位已不存在",
    EXPIRED: "临时安排已到期",
    ENDED_BY_ACT: "原职权已被收回或划出且无人承接",
    CARVED_OUT: "该地已从原执法主体的管辖范围中划出且无人承接",
}


@dataclass(frozen=True, slots=True)
class Overlap:
    item: str
    units: tuple[str, ...]
    places: tuple[str, ...]
    holdings: tuple[Holding, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    item: str
    cause: str
    units: tuple[str, ...]
    places: tuple[str, ...]
    holdings: tuple[Holding, ...]  # the ended or carved holdings that explain the gap
    acts: tuple[str, ...]


def target_places(state: EngineState, item: str, at: date) -> frozenset[str]:
    """The leaf places valid on ``at`` where the item must have a competent unit (cached)."""
    scopes = state.target_scopes(item)
    cache = state.derived.setdefault("targets", {})
    key = (scopes, at)
    found = cache.get(key)
    if found is None:
        if len(cache) > 256:
            cache.clear()
        found = frozenset().union(*(state.regions.places(s, at) for s in scopes))
        cache[key] = found
    return found  # type: ignore[no-any-return]


def target_bits(state: EngineState, item: str, at: date) -> int:
    """``target_places`` as bits (``RegionIndex.scope_bits``), cached alike."""
    scopes = state.target_scopes(item)
    cache = state.derived.setdefault("target_bits", {})
    key = (scopes, at)
    found = cache.get(key)
    if found is None:
        if len(cache) > 256:
            cache.clear()
        found = state.regions.bits_of(target_places(state, item, at))
        cache[key] = found
    return found  # type: ignore[no-any-return]


def holding_bits(state: EngineState, holding: Holding) -> int:
    """``holding_places`` as bits, cached by (scope, carved out) as the places are."""
    bits = state.regions.scope_bits.get(holding.scope, 0)
    if not holding.carved_out:
        return bits
    cache = state.derived.setdefault("carved_bits", {})
    key = (holding.scope, holding.carved_out)
    found = cache.get(key)
    if found is None:
        if len(cache) > 100_000:
            cache.clear()
        found = state.regions.bits_of(holding_places(state, holding))
        cache[key] = found
    return found  # type: ignore[no-any-return]


def holding_places(state: EngineState, holding: Holding) -> frozenset[str]:
    """The leaf places a holding covers: its scope's, less its carved-out regions' (cached, as
    every department of a district carves the same towns out)."""
    places = state.regions.places(holding.scope)
    if not holding.carved_out:
        return places
    cache = state.derived.setdefault("carved", {})
    key = (holding.scope, holding.carved_out)
    found = cache.get(key)
    if found is None:
        if len(cache) > 100_000:
            cache.clear()
        found = places.difference(*(state.regions.places(r) for r in holding.carved_out))
        cache[key] = found
    return found  # type: ignore[no-any-return]


def _primary_cover(
    state: EngineState, replay: ItemReplay, at: date
) -> tuple[int, dict[str, list[Holding]]]:
    """Places covered by a valid primary holding (as bits), and those covered by more than one
    holding with the holdings covering each.

    Most items have no overlap: the places are unioned as bits, and whatever a holding adds that
    was already covered is collected on the way; only those places are grouped.
    """
    scope_bits = state.regions.scope_bits  # most holdings have nothing carved out: skip the call
    expanded: list[tuple[Holding, int]] = []
    covered = twice = 0
    for h in replay.primaries:
        if h.valid_from <= at and (h.valid_to is None or at < h.valid_to):
            bits = holding_bits(state, h) if h.carved_out else scope_bits.get(h.scope, 0)
            twice |= covered & bits
            covered |= bits
            expanded.append((h, bits))
    if not twice:
        return covered, {}
    shared: dict[str, list[Holding]] = {}
    for place in state.regions.places_of(twice):
        bit = state.regions.bits_of((place,))
        shared[place] = [h for h, bits in expanded if bits & bit]
    return covered, shared


def item_conflicts(state: EngineState, item: str, at: date) -> tuple[list[Overlap], list[Gap]]:
    """Overlaps and gaps of an in-force item on ``at``, one per (unit set) and (cause, units)."""
    replay = state.replays[item]
    covered, shared = _primary_cover(state, replay, at)
    overlaps: defaultdict[tuple[str, ...], tuple[list[str], dict[str, Holding]]] = defaultdict(
        lambda: ([], {})
    )
    for place, holdings in shared.items():
        if not state.regions.regions[place].valid_on(at):
            continue
        holders = {h.unit for h in holdings}
        if len(holders) < 2 or {h.unit for h in holdings if h.joint} == holders:
            continue
        places, evidence = overlaps[tuple(sorted(holders))]
        places.append(place)
        evidence.update((h.id, h) for h in holdings)
    found_overlaps = [
        Overlap(item, units, tuple(sorted(places)), tuple(evidence[k] for k in sorted(evidence)))
        for units, (places, evidence) in overlaps.items()
    ]
    gaps: defaultdict[tuple[str, tuple[str, ...]], tuple[list[str], dict[str, Holding]]] = (
        defaultdict(lambda: ([], {}))
    )
    for place in state.regions.places_of(target_bits(state, item, at) & ~covered):
        cause, gap_units, evidence_holdings = gap_cause(state, replay, place, at)
        places, evidence = gaps[(cause, gap_units)]
        places.append(place)
        evidence.update((h.id, h) for h in evidence_holdings)
    found_gaps = []
    for (cause, gap_units), (places, evidence) in gaps.items():
        shown = tuple(evidence[k] for k in sorted(evidence))
        acts = tuple(sorted({a for h in shown for a in h.acts}))
        found_gaps.append(Gap(item, cause, gap_units, tuple(sorted(places)), shown, acts))
    return found_overlaps, found_gaps


def gap_cause(
    state: EngineState, replay: ItemReplay, place: str, at: date
) -> tuple[str, tuple[str, ...], tuple[Holding, ...]]:
    """Why nobody holds the item at ``place``: the last primary holding that covered it, if any."""
    covering = state.regions.covering(place)
    ended: list[tuple[Holding, EndCause]] = []
    carved: list[Holding] = []
    for scope in covering:
        for holding in replay.by_scope.get(scope, ()):
            if holding.role != Role.PRIMARY or holding.valid_from > at:
                continue
            if not holding.carved_out.isdisjoint(covering):
                if holding.valid_on(at):
                    carved.append(holding)
                continue
            cause = replay.end_causes.get(holding.id)
            if cause is not None and holding.valid_to is not None and holding.valid_to <= at:
                ended.append((holding, cause))
    if ended:
        holding, cause = max(ended, key=lambda pair: (pair[0].valid_to or date.max, pair[0].id))
        if cause.kind == "abolished":
            kind = DELEGATE_ABOLISHED if holding.mode == Mode.DELEGATED else HOLDER_ABOLISHED
            return kind, (cause.unit or holding.unit,), (holding,)
        return (EXPIRED if cause.kind == "until" else ENDED_BY_ACT), (holding.unit,), (holding,)
    if carved:
        return CARVED_OUT, tuple(sorted({h.unit for h in carved})), tuple(carved)
    return NEVER_ASSIGNED, (), ()
