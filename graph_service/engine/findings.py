"""``findings(at)``: everything the justice bureau must coordinate on a day (DESIGN §5).

Sorted by severity, then id, so pages are stable. OVERLAP and GAP come from ``conflicts``; the
cheap act- and item-level kinds from ``act_findings``.
"""

from __future__ import annotations

from datetime import date

from .act_findings import invalid_delegations, stale_bases, unreviewed_acts
from .answers import Finding, FindingKind, Severity
from .citation import names
from .conflicts import GAP_CAUSE_TEXT, Gap, Overlap, item_conflicts
from .coordination import Coordination
from .finding_ids import finding_id
from .state import EngineState

_SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


def findings(state: EngineState, at: date) -> list[Finding]:
    coord = Coordination(state.catalog)
    out: list[Finding] = []
    for code, item in state.catalog.items.items():
        replay = state.replays.get(code)
        if replay is None or not replay.in_force(item, at):
            continue
        overlaps, gaps = item_conflicts(state, code, at)
        out += [_overlap_finding(state, coord, o, at) for o in overlaps]
        out += [_gap_finding(state, coord, g, at) for g in gaps]
    out += unreviewed_acts(state, at, coord)
    out += invalid_delegations(state, at, coord)
    out += stale_bases(state, at, coord)
    out.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], f.id))
    return out


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
