"""One conflict, one finding (DESIGN §5): OVERLAP and GAP of single items grouped as a
coordinator would open one dispute for them.

A conflict is a set of units claiming related items (the same enforcement field) for the same
cause. For OVERLAP, per-item overlaps of one field that share at least two claimants are one
conflict (the same parties dispute the same kind of matter; a town government joining them in its
own territory does not make another dispute): 违法建设 claimed by 区城管执法局 and 规自委大兴分局
everywhere, and by each town government in its own town, is one finding. For GAP, the gaps of one
field with the same cause and the same units concerned are one finding. Items without a field
group only with themselves. Ids hash the kind, the field, the units every part shares, and the
cause, so a finding keeps its id when an item or a place joins it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from graph_service.domain.enums import UnitKind

from .answers import Finding, FindingKind, Severity
from .conflicts import GAP_CAUSE_TEXT, Gap, Overlap
from .coordination import Coordination
from .finding_ids import finding_id
from .state import EngineState
from .wording import place_phrase, unit_phrase

OVERLAP_CAUSE = "overlap"


def field_key(state: EngineState, item: str) -> str:
    found = state.catalog.items.get(item)
    return f"field:{found.field}" if found is not None and found.field else f"item:{item}"


def _item_names(state: EngineState, items: Sequence[str]) -> str:
    return "、".join(f"“{state.catalog.items[i].name}”" for i in items)


def overlap_findings(
    state: EngineState, coord: Coordination, overlaps: Sequence[Overlap], at: date
) -> list[Finding]:
    by_field: defaultdict[str, list[Overlap]] = defaultdict(list)
    for overlap in overlaps:
        by_field[field_key(state, overlap.item)].append(overlap)
    out: list[Finding] = []
    for key, group in by_field.items():
        for component in _components(group):
            out.append(_overlap_finding(state, coord, key, component, at))
    return out


def _components(overlaps: list[Overlap]) -> list[list[Overlap]]:
    """Overlaps connected by sharing two or more claimants, in a stable order."""
    ordered = sorted(overlaps, key=lambda o: (o.item, o.units, o.places))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_pair: dict[tuple[str, str], int] = {}
    for i, overlap in enumerate(ordered):
        units = overlap.units
        for a in range(len(units)):
            for b in range(a + 1, len(units)):
                j = by_pair.setdefault((units[a], units[b]), i)
                parent[root(i)] = root(j)
    groups: defaultdict[int, list[Overlap]] = defaultdict(list)
    for i, overlap in enumerate(ordered):
        groups[root(i)].append(overlap)
    return list(groups.values())


def _overlap_finding(
    state: EngineState, coord: Coordination, key: str, parts: list[Overlap], at: date
) -> Finding:
    units = tuple(sorted({u for o in parts for u in o.units}))
    core = set(parts[0].units).intersection(*(o.units for o in parts[1:]))
    items = tuple(sorted({o.item for o in parts}))
    places = tuple(sorted({p for o in parts for p in o.places}))
    holdings = {h.id: h for o in parts for h in o.holdings}
    core_places = tuple(sorted({p for o in parts for p in o.places}))
    extra: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    for overlap in parts:
        more = tuple(u for u in overlap.units if u not in core)
        if more:
            extra[more].update(overlap.places)
    summary = (
        f"{_item_names(state, items)}在{place_phrase(state, core_places)}"
        f"由{unit_phrase(state, sorted(core))}同时行使"
    )
    local = _local_extra(state, extra)
    if local:
        summary += f"，其中{place_phrase(state, sorted(local))}还由{_local_name(state, extra)}行使"
    else:
        for more, where in sorted(extra.items()):
            summary += (
                f"，其中{place_phrase(state, sorted(where))}还由{unit_phrase(state, more)}行使"
            )
    field = state.catalog.items[items[0]].field
    return Finding(
        id=finding_id(FindingKind.OVERLAP, key, sorted(core), OVERLAP_CAUSE),
        kind=FindingKind.OVERLAP,
        severity=Severity.HIGH,
        at=at,
        summary=summary + "（多头管辖）。",
        item=items[0] if len(items) == 1 else None,
        units=units,
        places=places,
        acts=tuple(sorted({a for h in holdings.values() for a in h.acts})),
        holdings=tuple(sorted(holdings)),
        routing=coord.route(units),
        cause=OVERLAP_CAUSE,
        items=items,
        field=field,
    )


def _local_extra(state: EngineState, extra: dict[tuple[str, ...], set[str]]) -> set[str]:
    """The places of ``extra`` when every extra claimant is the local government of exactly the
    places it claims (a town acting in its own town); empty otherwise."""
    places: set[str] = set()
    for more, where in extra.items():
        for unit_id in more:
            unit = state.catalog.units.get(unit_id)
            if unit is None or not where <= state.regions.places(unit.region):
                return set()
        places |= where
    return places


def _local_name(state: EngineState, extra: dict[tuple[str, ...], set[str]]) -> str:
    kinds = {
        found.kind
        for more in extra
        for u in more
        if (found := state.catalog.units.get(u)) is not None
    }
    if kinds == {UnitKind.TOWNSHIP}:
        return "所在乡镇人民政府"
    if kinds == {UnitKind.STREET}:
        return "所在街道办事处"
    return "所在街道办事处或乡镇人民政府"


def gap_findings(
    state: EngineState, coord: Coordination, gaps: Sequence[Gap], at: date
) -> list[Finding]:
    grouped: defaultdict[tuple[str, str, tuple[str, ...]], list[Gap]] = defaultdict(list)
    for gap in gaps:
        grouped[(field_key(state, gap.item), gap.cause, gap.units)].append(gap)
    out: list[Finding] = []
    for (key, cause, units), parts in sorted(grouped.items()):
        items = tuple(sorted({g.item for g in parts}))
        places = tuple(sorted({p for g in parts for p in g.places}))
        holdings = {h.id: h for g in parts for h in g.holdings}
        counties = dict.fromkeys(c for p in places if (c := state.regions.county_of(p)))
        field = state.catalog.items[items[0]].field
        out.append(
            Finding(
                id=finding_id(FindingKind.GAP, key, units, cause),
                kind=FindingKind.GAP,
                severity=Severity.HIGH,
                at=at,
                summary=(
                    f"{_item_names(state, items)}在{place_phrase(state, places)}"
                    f"没有有权行使的执法主体（管辖空白）：{GAP_CAUSE_TEXT[cause]}。"
                ),
                item=items[0] if len(items) == 1 else None,
                units=units,
                places=places,
                acts=tuple(sorted({a for g in parts for a in g.acts})),
                holdings=tuple(sorted(holdings)),
                routing=coord.route(units, [*counties, *state.jurisdiction]),
                cause=cause,
                items=items,
                field=field,
            )
        )
    return out
