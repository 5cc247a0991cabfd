"""``findings(at)``: everything the justice bureau must coordinate on a day (DESIGN §5).

Sorted by severity, then id, so pages are stable. What depends on one item alone (OVERLAP, GAP,
STALE_BASIS) is computed per item and cached per day in the state, dropped when the item is
replayed, then grouped into conflicts (``grouping``); CROSS_BORDER (grouped per field) and the
act- and unit-level kinds are cheap passes redone on every call. Nothing before the data's
coverage is raised (``coverage``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .act_findings import invalid_delegations, stale_basis, unreviewed_acts
from .answers import Finding, Severity
from .borders import border_index
from .conflicts import Gap, Overlap, item_conflicts, target_places
from .coordination import Coordination
from .coverage import within_coverage
from .cross_border import (
    BorderMiss,
    agreement_cover,
    cross_border_findings,
    item_border_misses,
)
from .evaluation import evaluations_due
from .grouping import gap_findings, overlap_findings
from .list_mismatch import list_mismatches
from .reach import Reach
from .state import EngineState

SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_DAYS_CACHED_PER_ITEM = 4


def findings(state: EngineState, at: date) -> list[Finding]:
    coord = coordination(state)
    out = conflict_findings(state, coord, state.catalog.items, at)
    out += cross_border(state, state.catalog.items, at, coord)
    out += state_findings(state, at, coord)
    out = within_coverage(state, out, at)
    out.sort(key=finding_order)
    return out


def findings_about(state: EngineState, reach: Reach, at: date) -> list[Finding]:
    """The findings within a change's ``reach`` (what ``preview`` diffs): every finding that
    can differ between the states before and after the change, and few others. A finding groups
    the items of one field, so every item of a reached field is looked at."""
    coord = coordination(state)
    fields = set(reach.fields)
    for code in reach.items:
        found = state.catalog.items.get(code)
        if found is not None and found.field:
            fields.add(found.field)
    codes = [
        c
        for c, i in state.catalog.items.items()
        if c in reach.items or (i.field is not None and i.field in fields)
    ]
    out = conflict_findings(state, coord, codes, at)
    of_fields = [c for c, i in state.catalog.items.items() if i.field in reach.fields]
    out += cross_border(state, of_fields, at, coord)
    out += state_findings(state, at, coord, reach)
    out = within_coverage(state, out, at)
    out.sort(key=finding_order)
    return out


def conflict_findings(
    state: EngineState, coord: Coordination, codes: Iterable[str], at: date
) -> list[Finding]:
    """OVERLAP and GAP of ``codes`` grouped into conflicts, and their STALE_BASIS findings."""
    overlaps: list[Overlap] = []
    gaps: list[Gap] = []
    out: list[Finding] = []
    for code in codes:
        found = item_findings(state, coord, code, at)
        overlaps += found.overlaps
        gaps += found.gaps
        if found.stale is not None:
            out.append(found.stale)
    return out + overlap_findings(state, coord, overlaps, at) + gap_findings(state, coord, gaps, at)


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


def finding_order(finding: Finding) -> tuple[int, str]:
    """Most severe first, then by the finding's stable id: the order lists and pages follow."""
    return (SEVERITY_ORDER[finding.severity], finding.id)


@dataclass(frozen=True, slots=True)
class ItemConflicts:
    """One item's overlaps, gaps and stale basis on a day, before grouping."""

    overlaps: tuple[Overlap, ...] = ()
    gaps: tuple[Gap, ...] = ()
    stale: Finding | None = None


_NONE = ItemConflicts()


def item_findings(state: EngineState, coord: Coordination, code: str, at: date) -> ItemConflicts:
    """OVERLAP, GAP and STALE_BASIS of one item on ``at``, cached per item and day."""
    per_day = state.item_cache.setdefault(code, {})
    found = per_day.get(at)
    if isinstance(found, ItemConflicts):
        return found
    found = _compute(state, coord, code, at)
    if len(per_day) >= _DAYS_CACHED_PER_ITEM:
        per_day.pop(next(iter(per_day)))
    per_day[at] = found
    return found


def _compute(state: EngineState, coord: Coordination, code: str, at: date) -> ItemConflicts:
    item = state.catalog.items[code]
    replay = state.replays.get(code)
    if replay is None or not replay.in_force(item, at):
        return _NONE
    overlaps, gaps = item_conflicts(state, code, at)
    stale = stale_basis(state, code, at, coord)
    if not overlaps and not gaps and stale is None:
        return _NONE
    return ItemConflicts(tuple(overlaps), tuple(gaps), stale)
