"""Disputes (执法争议) as the API shows them: the case, its events, its routing, its finding."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from graph_service.domain import models
from graph_service.domain.enums import DisputeAction, DisputeKind, DisputeStatus
from graph_service.engine.records import Records
from graph_service.service import disputes as use_disputes
from graph_service.service.context import ServiceContext

from ..context import Info
from .refs import ItemRef, RegionRef, UnitRef, item_ref, region_ref, unit_ref

strawberry.enum(
    DisputeKind,
    description="执法争议的种类: 法律适用、职责事项、案件管辖、执法协作.",
)
strawberry.enum(
    DisputeStatus,
    description=(
        "NEGOTIATING → COORDINATING → DECIDED → IMPLEMENTED → CLOSED, or WITHDRAWN from any "
        "open state."
    ),
)
strawberry.enum(DisputeAction, description="What one event of a dispute records.")


@strawberry.type(description="One step of a dispute: who, when, what, documents by number.")
class DisputeEvent:
    action: DisputeAction
    at: datetime
    by: str = strawberry.field(description="The principal who recorded it.")
    unit: UnitRef | None = strawberry.field(description="The party it speaks for, if any.")
    note: str | None
    attachments: list[str] = strawberry.field(description="Documents by number.")


def _finding_holds(root: Dispute, info: Info) -> bool | None:
    return use_disputes.finding_holds(info.context.service, root.source)


@strawberry.type(description="A jurisdiction dispute the justice bureau carries to a decision.")
class Dispute:
    id: str
    kind: DisputeKind
    title: str | None
    status: DisputeStatus
    parties: list[UnitRef]
    items: list[ItemRef]
    places: list[RegionRef]
    events: list[DisputeEvent]
    outcome: str | None = strawberry.field(description="The decision, in words.")
    finding: str | None = strawberry.field(description="The finding it was opened from.")
    finding_kind: str | None = strawberry.field(description="OVERLAP or GAP.")
    decision_act: str | None = strawberry.field(description="The act its decision recorded.")
    designated: list[UnitRef] = strawberry.field(description="Units the decision designates.")
    deadline: date | None = strawberry.field(description="By when the decision is carried out.")
    coordinator: UnitRef | None = strawberry.field(
        description="The justice bureau that coordinates (policy 四(一), 四(八))."
    )
    coordinating_government: UnitRef | None
    designating_authority: UnitRef | None = strawberry.field(
        description="Who designates if negotiation fails (行政处罚法 第二十五条)."
    )
    notified: list[UnitRef] = strawberry.field(
        description="Superior departments of vertically managed branches involved (四(一))."
    )
    source: strawberry.Private[models.Dispute]

    finding_holds: bool | None = strawberry.field(
        resolver=_finding_holds,
        description=(
            "Whether the finding it was opened from is still raised today (null: opened from "
            "scratch)."
        ),
    )


def _unit(records: Records, key: str | None) -> UnitRef | None:
    return unit_ref(records, key) if key else None


def dispute_type(ctx: ServiceContext, d: models.Dispute) -> Dispute:
    records = ctx.records()
    r = use_disputes.routing(ctx, d)
    return Dispute(
        id=d.id,
        kind=d.kind,
        title=d.title,
        status=d.status,
        parties=[unit_ref(records, u) for u in d.parties],
        items=[item_ref(records, i) for i in d.items],
        places=[region_ref(records, p) for p in d.places],
        events=[
            DisputeEvent(
                action=e.action,
                at=e.at,
                by=e.by,
                unit=_unit(records, e.unit),
                note=e.note,
                attachments=list(e.attachments),
            )
            for e in d.events
        ],
        outcome=d.outcome,
        finding=d.finding,
        finding_kind=d.finding_kind,
        decision_act=d.decision_act,
        designated=[unit_ref(records, u) for u in d.designated],
        deadline=d.deadline,
        coordinator=_unit(records, r.coordinator),
        coordinating_government=_unit(records, r.coordinating_government),
        designating_authority=_unit(records, r.designating_authority),
        notified=[unit_ref(records, u) for u in r.notified],
        source=d,
    )
