"""``findings(at)``: everything the justice bureau must coordinate on a day (DESIGN §5).

Sorted by severity, then id, so pages are stable. What depends on one item alone (OVERLAP, GAP,
STALE_BASIS) is computed per item and cached per day in the state, dropped when the item is
replayed; CROSS_BORDER (grouped per field) and the act- and unit-level kinds are cheap passes
redone on every call.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .act_findings import invalid_delegations, stale_basis, unreviewed_acts
from .answers import Finding, FindingKind, Severity
from .borders import border_index
from .citation import names
from .conflicts import GAP_CAUSE_TEXT, Gap, Overlap, item_conflicts, target_places
from .coordination import Coordination
from .cross_border import (
    BorderMiss,
    agreement_cover,
    cross_border_findings,
    item_border_misses,
)
from .evaluation import evaluations_due
from .finding_ids import finding_id
from .list_mismatch import list_mismatches
from .reach import Reach
from .state import EngineState

SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_DAYS_CACHED_PER_ITEM = 4


def findings(state: EngineState, at: date) -> list[Finding]:
    coord = coordination(state)
    out: list[Finding] = []
    for code in state.catalog.items:
        out += item_findings(state, coord, code, at)
    out += cross_border(state, state.catalog.items, at, coord)
    out += state_findings(state, at, coord)
    out.sort(key=sort_key)
    return out


def findings_about(state: EngineState, reach: Reach, at: date) -> list[Finding]:
    """The findings within a change's ``reach`` (what ``preview`` diffs): every finding that
    can differ between the states before and after the change, and few others."""
    coord = coordination(state)
    out: list[Finding] = []
    for code in reach.items:
        if code in state.catalog.items:
            out += item_findings(state, coord, code, at)
    of_fields = [c for c, i in state.catalog.items.items() if i.field in reach.fields]
    out += cross_border(state, of_fields, at, coord)
    out += state_findings(state, at, coord, reach)
    out.sort(key=sort_key)
    return out


def state_findings(
    state: EngineState, at: date, coord: Coordination, reach: Reach | None = None
) -> list[Finding]:
    """The act- and unit-level kinds: cheap passes redone on every call (within ``reach``)."""
    acts = reach.acts if reach is not None else None
    flagged = reach.flagged_acts if reach is not None else None
    units = reach.units if reach is not None else None
    return [
        *unreviewed_acts(state, at, coord, acts),
        *invalid_delegations(state, at, coord, flagged),
        *list_mismatches(state, at, coord, units),
        *evaluations_due(state, at, coord, acts),
    ]


def cross_border(
    state: EngineState, codes: Iterable[str], at: date, coord: Coordination
) -> list[Finding]:
    if not border_index(state).places:
        return []
    cover = agreement_cover(state, at)
    misses: list[BorderMiss] = []
    for code in codes:
        replay = state.replays.get(code)
        if replay is not None and replay.in_force(state.catalog.items[code], at):
            misses += item_border_misses(state, code, target_places(state, code, at), cover)
    return cross_border_findings(state, misses, at, coord)


def coordination(state: EngineState) -> Coordination:
    found = state.derived.get("coordination")
    if not isinstance(found, Coordination):
        found = Coordination(state.catalog)
        state.derived["coordination"] = found
    return found


def sort_key(finding: Finding) -> tuple[int, str]:
    return (SEVERITY_ORDER[finding.severity], finding.id)


def item_findings(
    state: EngineState, coord: Coordination, code: str, at: date
) -> tuple[Finding, ...]:
    """OVERLAP, GAP and STALE_BASIS of one item on ``at``, cached per item and day."""
    per_day = state.item_cache.setdefault(code, {})
    found = per_day.get(at)
    if isinstance(found, tuple):
        return found
    found = _compute(state, coord, code, at)
    if len(per_day) >= _DAYS_CACHED_PER_ITEM:
        per_day.pop(next(iter(per_day)))
    per_day[at] = found
    return found


def _compute(state: EngineState, coord: Coordination, code: str, at: date) -> tuple[Finding, ...]:
    item = state.catalog.items[code]
    replay = state.replays.get(code)
    if replay is None or not replay.in_force(item, at):
        return ()
    overlaps, gaps = item_conflicts(state, code, at, target_places(state, code, at))
    out = [_overlap_finding(state, coord, o, at) for o in overlaps]
    out += [_gap_finding(state, coord, g, at) for g in gaps]
    stale = stale_basis(state, code, at, coord)
    if stale is not None:
        out.append(stale)
    return tuple(out)


def _place_names(state: EngineState, places: tuple[str, ...]) -> str:
    return names(state.regions.name(p) for p in places)


def _overlap_finding(state: EngineState, coord: Coordination, o: Overlap, at: date) -> Finding:
    government = coord.coordinator(o.units)
    item_name = state.catalog.items[o.item].name
    units = names(state.catalog.unit_name(u) for u in o.units)
    return Finding(
        id=finding_id(FindingKind.OVERLAP, o.item, o.units, None),
        kind=FindingKind.OVERLAP,
        severity=Severity.HIGH,
        at=at,
        summary=(
            f"“{item_name}”在{_place_names(state, o.places)}（{len(o.places)}处）"
            f"由{units}同时行使（多头管辖）。"
        ),
        item=o.item,
        units=o.units,
        places=o.places,
        acts=tuple(sorted({a for h in o.holdings for a in h.acts})),
        holdings=tuple(h.id for h in o.holdings),
        coordinator=government,
        justice_bureau=coord.justice_bureau(government),
        notify=coord.notify(o.units),
    )


def _gap_finding(state: EngineState, coord: Coordination, g: Gap, at: date) -> Finding:
    counties = dict.fromkeys(c for p in g.places if (c := state.regions.county_of(p)))
    government = coord.coordinator(g.units, [*counties, *state.jurisdiction])
    item_name = state.catalog.items[g.item].name
    return Finding(
        id=finding_id(FindingKind.GAP, g.item, g.units, g.cause),
        kind=FindingKind.GAP,
        severity=Severity.HIGH,
        at=at,
        summary=(
            f"“{item_name}”在{_place_names(state, g.places)}（{len(g.places)}处）"
            f"没有有权行使的执法主体（管辖空白）：{GAP_CAUSE_TEXT[g.cause]}。"
        ),
        item=g.item,
        units=g.units,
        places=g.places,
        acts=g.acts,
        holdings=tuple(h.id for h in g.holdings),
        coordinator=government,
        justice_bureau=coord.justice_bureau(government),
        notify=coord.notify(g.units),
        cause=g.cause,
    )
