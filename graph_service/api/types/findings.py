"""Findings (OVERLAP, GAP, ...) and their relay-style connection."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service.engine import answers
from graph_service.engine.records import Records
from graph_service.service import Page
from graph_service.service.disputes import open_dispute_of

from .connection import PageInfo, page_info
from .enums import FindingKind, Severity
from .refs import ItemRef, RegionRef, UnitRef, item_ref, region_ref, unit_ref


@strawberry.type(description="One conflict to coordinate: an item and a set of units, many places.")
class Finding:
    id: str = strawberry.field(description="Stable across recomputation.")
    kind: FindingKind
    severity: Severity
    at: date
    summary: str = strawberry.field(description="Plain Chinese.")
    item: ItemRef | None
    items: list[ItemRef] = strawberry.field(description="Every item concerned (one or several).")
    missing_items: list[ItemRef] = strawberry.field(
        description="LIST_MISMATCH: held but not on the published list."
    )
    extra_items: list[ItemRef] = strawberry.field(
        description="LIST_MISMATCH: on the published list but not held."
    )
    units: list[UnitRef]
    places: list[RegionRef]
    acts: list[str]
    holdings: list[str]
    field: str | None = strawberry.field(description="The items' enforcement field.")
    coordinator: UnitRef | None = strawberry.field(
        description=(
            "Who coordinates: the justice bureau of the lowest government whose supervision "
            "covers every party (policy 四(一), 四(八))."
        )
    )
    coordinating_government: UnitRef | None = strawberry.field(
        description="The government whose justice bureau coordinates."
    )
    designating_authority: UnitRef | None = strawberry.field(
        description=(
            "Who designates if negotiation fails: the lowest common superior "
            "(共同的上一级行政机关, 行政处罚法 第二十五条)."
        )
    )
    notified: list[UnitRef] = strawberry.field(
        description="Superior departments of vertically managed branches involved (四(一))."
    )
    justice_bureau: UnitRef | None = strawberry.field(
        deprecation_reason="Use `coordinator` (the coordinating justice bureau)."
    )
    notify: list[UnitRef] = strawberry.field(deprecation_reason="Use `notified`.")
    cause: str | None
    open_dispute: str | None = strawberry.field(
        default=None, description="The open dispute opened from this finding, if any."
    )


@strawberry.type
class FindingEdge:
    node: Finding
    cursor: str


@strawberry.type(description="A page of findings, most severe first, then by id.")
class FindingConnection:
    edges: list[FindingEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Findings matching the filter, all pages.")


@strawberry.input(description="Every given criterion must hold; a list matches any of its values.")
class FindingFilter:
    kinds: list[FindingKind] | None = None
    severities: list[Severity] | None = None
    item: str | None = None
    unit: str | None = None
    place: str | None = None


def _unit(records: Records, unit: str | None) -> UnitRef | None:
    return unit_ref(records, unit) if unit else None


def finding(records: Records, f: answers.Finding) -> Finding:
    r = f.routing
    return Finding(
        id=f.id,
        kind=f.kind,
        severity=f.severity,
        at=f.at,
        summary=f.summary,
        item=item_ref(records, f.item) if f.item else None,
        items=[item_ref(records, i) for i in f.items],
        missing_items=[item_ref(records, i) for i in f.missing_items],
        extra_items=[item_ref(records, i) for i in f.extra_items],
        units=[unit_ref(records, u) for u in f.units],
        places=[region_ref(records, p) for p in f.places],
        acts=list(f.acts),
        holdings=list(f.holdings),
        field=f.field,
        coordinator=_unit(records, r.coordinator),
        coordinating_government=_unit(records, r.coordinating_government),
        designating_authority=_unit(records, r.designating_authority),
        notified=[unit_ref(records, u) for u in r.notified],
        justice_bureau=_unit(records, r.coordinator),
        notify=[unit_ref(records, u) for u in r.notified],
        cause=f.cause,
        open_dispute=open_dispute_of(records, f.id),
    )


def finding_connection(records: Records, page: Page[answers.Finding]) -> FindingConnection:
    return FindingConnection(
        edges=[FindingEdge(node=finding(records, e.node), cursor=e.cursor) for e in page.edges],
        page_info=page_info(page),
        total_count=page.total_count,
    )
