"""CROSS_BORDER findings: border places where an item's field has no agreement with the partner.

Policy 四(十) asks for 京津冀 enforcement cooperation: for every in-force item with a field, each
partner region across the border must be covered by an agreement valid on the day, signed by a
partner unit of that region, naming the field (or the item itself). One finding per (field,
partner region), listing the uncovered items and the regions that carry the border fact, at the
level the data knows it (``borders``): a district-level fact names the district, never each of its
towns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from graph_service.domain.enums import UnitKind

from .answers import AdjacencyLevel, Finding, FindingKind, Severity
from .borders import adjacency_level, border_index
from .coordination import Coordination
from .finding_ids import finding_id
from .state import EngineState

NO_AGREEMENT = "no_agreement"
LEVEL_TEXT = {AdjacencyLevel.DISTRICT: "区县级接壤信息", AdjacencyLevel.TOWNSHIP: "乡镇级接壤信息"}


def _names(state: EngineState, items: tuple[str, ...]) -> str:
    names = "、".join(f"“{state.catalog.items[i].name}”" for i in items)
    return f"{len(items)}项职权（{names}）" if len(items) > 1 else f"职权{names}"


@dataclass(frozen=True, slots=True)
class Cover:
    """What the agreements valid on a day cover: (field, partner region) and (item, region)."""

    fields: frozenset[tuple[str, str]]
    items: frozenset[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class BorderMiss:
    """One item lacking an agreement with one partner region, at these border places."""

    field: str
    region: str
    item: str
    places: frozenset[str]


def agreement_cover(state: EngineState, at: date) -> Cover:
    borders = border_index(state)
    fields: set[tuple[str, str]] = set()
    items: set[tuple[str, str]] = set()
    for agreement in state.catalog.agreements:
        if not agreement.valid_on(at):
            continue
        regions: set[str] = set()
        for party in agreement.parties:
            unit = state.catalog.units.get(party)
            if unit is not None and unit.kind == UnitKind.PARTNER and unit.valid_on(at):
                regions.update(state.regions.up_to_county(unit.region))
        regions &= borders.places.keys()
        fields.update((f, r) for f in agreement.fields for r in regions)
        items.update((i, r) for i in agreement.items for r in regions)
    return Cover(frozenset(fields), frozenset(items))


def item_border_misses(
    state: EngineState, code: str, targets: frozenset[str], cover: Cover
) -> tuple[BorderMiss, ...]:
    """The partner regions an in-force item (applying at ``targets``) has no agreement with."""
    item = state.catalog.items[code]
    if not item.field:
        return ()
    out: list[BorderMiss] = []
    regions = state.regions
    for region, homes in border_index(state).places.items():
        if (item.field, region) in cover.fields or (code, region) in cover.items:
            continue
        hit = frozenset(
            h for h in homes if h in targets or not regions.places(h).isdisjoint(targets)
        )
        if hit:
            out.append(BorderMiss(item.field, region, code, hit))
    return tuple(out)


def cross_border_findings(
    state: EngineState, misses: list[BorderMiss], at: date, coord: Coordination
) -> list[Finding]:
    grouped: defaultdict[tuple[str, str], list[BorderMiss]] = defaultdict(list)
    for miss in misses:
        grouped[(miss.field, miss.region)].append(miss)
    partners = border_index(state).partners
    out: list[Finding] = []
    for (field, region), group in sorted(grouped.items()):
        items = tuple(sorted({m.item for m in group}))
        places = tuple(sorted(set().union(*(m.places for m in group))))
        counties = dict.fromkeys(c for p in places if (c := state.regions.county_of(p)))
        routing = coord.route((), [*counties, *state.jurisdiction])
        units = partners.get(region, ())
        partner_names = "、".join(state.catalog.unit_name(u) for u in units)
        by_level = {
            level: [p for p in places if adjacency_level(state.regions, p) == level]
            for level in AdjacencyLevel
        }
        where = "；".join(
            f"{'、'.join(state.regions.name(p) for p in found)}与{state.regions.name(region)}"
            f"接壤（{LEVEL_TEXT[level]}）"
            for level, found in by_level.items()
            if found
        )
        out.append(
            Finding(
                id=finding_id(FindingKind.CROSS_BORDER, f"field:{field}", (region,), NO_AGREEMENT),
                kind=FindingKind.CROSS_BORDER,
                severity=Severity.LOW,
                at=at,
                summary=(
                    f"{where}，但“{field}”领域的{_names(state, items)}"
                    f"尚无与{partner_names}签订的有效执法协作协议。"
                ),
                item=items[0] if len(items) == 1 else None,
                units=units,
                places=places,
                routing=routing,
                cause=NO_AGREEMENT,
                items=items,
                field=field,
            )
        )
    return out
