"""Query and mutation area: disputes (执法争议) from opening to closing (policy 四(八)).

The justice bureau runs disputes; a ``unit`` token sees the disputes it is involved in, adds
notes to them and, once designated by a decision, confirms it carried the decision out (rows in
``api/permissions.py``; the party checks are the service's). Expected refusals are payload
members: ``ValidationFailed`` (a transition the flow does not allow, a bad field) and
``PermissionDenied``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated

import strawberry

from graph_service.domain.enums import DisputeKind, DisputeStatus
from graph_service.domain.errors import PermissionDeniedError, ValidationError
from graph_service.service import disputes as use_disputes
from graph_service.service.commands.add_dispute_event import add_dispute_event
from graph_service.service.commands.decide_dispute import decide_dispute
from graph_service.service.commands.dispute_steps import Written
from graph_service.service.commands.move_dispute import move_dispute
from graph_service.service.commands.open_dispute import open_dispute

from ..context import Info
from ..types.connection import Connection, connection
from ..types.disputes import Dispute, dispute_type
from ..types.payloads import (
    PermissionDenied,
    ValidationFailed,
    permission_denied,
    validation_failed,
)
from .preview import Preview, preview_type


@strawberry.type(description="The dispute as written, and the change log's revision of the write.")
class DisputeChanged:
    dispute: Dispute
    revision: int


@strawberry.type(
    description=(
        "The decision and the act that carries it out (pending legal review), with what the act "
        "will do once approved; with dryRun nothing was written and revision is null."
    )
)
class DisputeDecided:
    dispute: Dispute = strawberry.field(description="As decided (as it would be, on a dry run).")
    act_id: str
    act_kind: str = strawberry.field(description="designate (an overlap) or assign (a gap).")
    issuer: str | None = strawberry.field(description="The designating authority.")
    review: str = strawberry.field(description="pending: awaits legal review (法制审核).")
    preview: Preview
    revision: int | None


DisputePayload = Annotated[
    DisputeChanged | ValidationFailed | PermissionDenied, strawberry.union("DisputePayload")
]
DecideDisputePayload = Annotated[
    DisputeDecided | ValidationFailed | PermissionDenied, strawberry.union("DecideDisputePayload")
]


@strawberry.input(description="A new dispute: from a finding, or with its own fields.")
class OpenDisputeInput:
    from_finding: str | None = strawberry.field(
        default=None,
        description="An OVERLAP or GAP finding id: fills kind, parties, items and places.",
    )
    kind: DisputeKind | None = None
    parties: list[str] | None = None
    items: list[str] | None = None
    places: list[str] | None = None
    title: str | None = None
    note: str | None = None
    attachments: list[str] | None = None
    id: str | None = strawberry.field(default=None, description="Generated when omitted.")
    at: date | None = strawberry.field(
        default=None, description="The day the finding is looked up on (today)."
    )


@strawberry.input(description="A decision: who is designated, in words, from when, by when.")
class DecideDisputeInput:
    units: list[str]
    outcome: str
    effective: date | None = None
    deadline: date | None = None
    doc: str | None = strawberry.field(default=None, description="Law id of the decision.")
    basis: list[str] | None = strawberry.field(default=None, description="Provision ids.")
    attachments: list[str] | None = None


async def _answer(info: Info, run: Callable[[], Awaitable[Written]]) -> DisputePayload:
    try:
        written = await run()
    except ValidationError as error:
        return validation_failed(error)
    except PermissionDeniedError as error:
        return permission_denied(error)
    return DisputeChanged(
        dispute=dispute_type(info.context.service, written.dispute),
        revision=written.record.revision,
    )


async def resolve_open(info: Info, input: OpenDisputeInput) -> DisputePayload:
    ctx, who = info.context.service, info.context.principal
    return await _answer(
        info,
        lambda: open_dispute(
            ctx,
            who,
            kind=input.kind,
            parties=input.parties or (),
            items=input.items or (),
            places=input.places or (),
            from_finding=input.from_finding,
            title=input.title,
            note=input.note,
            attachments=input.attachments or (),
            dispute_id=input.id,
            at=input.at,
        ),
    )


async def resolve_add_event(
    info: Info,
    id: str,
    note: str,
    attachments: list[str] | None = None,
) -> DisputePayload:
    ctx, who = info.context.service, info.context.principal
    return await _answer(
        info, lambda: add_dispute_event(ctx, who, id, note=note, attachments=attachments or ())
    )


def _mover(target: DisputeStatus) -> Callable[..., Awaitable[DisputePayload]]:
    async def resolve(
        info: Info,
        id: str,
        note: str | None = None,
        attachments: list[str] | None = None,
    ) -> DisputePayload:
        ctx, who = info.context.service, info.context.principal
        return await _answer(
            info,
            lambda: move_dispute(ctx, who, id, target, note=note, attachments=attachments or ()),
        )

    return resolve


async def resolve_decide(
    info: Info,
    id: str,
    decision: DecideDisputeInput,
    dry_run: bool = False,
) -> DecideDisputePayload:
    ctx, who = info.context.service, info.context.principal
    try:
        made = await decide_dispute(
            ctx,
            who,
            id,
            units=decision.units,
            outcome=decision.outcome,
            effective=decision.effective,
            deadline=decision.deadline,
            doc=decision.doc,
            basis=decision.basis or (),
            attachments=decision.attachments or (),
            dry_run=dry_run,
        )
    except ValidationError as error:
        return validation_failed(error)
    return DisputeDecided(
        dispute=dispute_type(ctx, made.dispute),
        act_id=made.act.id,
        act_kind=made.act.kind.value,
        issuer=made.act.issuer,
        review=made.act.review.value,
        preview=preview_type(ctx.records(), made.preview),
        revision=made.record.revision if made.record else None,
    )


@strawberry.input(description="Every given criterion must hold.")
class DisputeFilter:
    statuses: list[DisputeStatus] | None = None
    unit: str | None = None
    finding: str | None = None


def _criteria(filter: DisputeFilter | None) -> use_disputes.DisputeFilter:
    return use_disputes.DisputeFilter(
        statuses=tuple(filter.statuses or ()) if filter else (),
        unit=filter.unit if filter else None,
        finding=filter.finding if filter else None,
    )


def resolve_disputes(info: Info, filter: DisputeFilter | None = None) -> list[Dispute]:
    ctx = info.context.service
    found = use_disputes.list_disputes(ctx, info.context.principal, _criteria(filter))
    return [dispute_type(ctx, d) for d in found]


def resolve_disputes_page(
    info: Info, filter: DisputeFilter | None = None, first: int = 20, after: str | None = None
) -> Connection[Dispute]:
    ctx = info.context.service
    page = use_disputes.disputes_page(ctx, info.context.principal, _criteria(filter), first, after)
    return connection(page, lambda d: dispute_type(ctx, d))


def resolve_dispute(info: Info, id: str) -> Dispute | None:
    ctx = info.context.service
    found = use_disputes.get_dispute(ctx, info.context.principal, id)
    return dispute_type(ctx, found) if found else None


@strawberry.type
class DisputeQuery:
    disputes: list[Dispute] = strawberry.field(
        resolver=resolve_disputes,
        description=(
            "Disputes the caller may see (the justice bureau: all; a unit: those it is involved "
            "in), newest first."
        ),
    )
    disputes_page: Connection[Dispute] = strawberry.field(
        resolver=resolve_disputes_page,
        description=(
            "`disputes` paged: `first` disputes (0–200) after the cursor `after` (the "
            "`endCursor` of the previous page), newest first."
        ),
    )
    dispute: Dispute | None = strawberry.field(
        resolver=resolve_dispute, description="One dispute, if the caller may see it."
    )


@strawberry.type
class DisputeMutation:
    open_dispute: DisputePayload = strawberry.mutation(
        resolver=resolve_open,
        description="Open a dispute (negotiating), from an OVERLAP/GAP finding or from scratch.",
    )
    add_dispute_event: DisputePayload = strawberry.mutation(
        resolver=resolve_add_event,
        description="Record a note (and documents by number) on an open dispute.",
    )
    escalate_dispute: DisputePayload = strawberry.mutation(
        resolver=_mover(DisputeStatus.COORDINATING),
        description="Negotiation failed: the justice bureau coordinates (→ coordinating).",
    )
    decide_dispute: DecideDisputePayload = strawberry.mutation(
        resolver=resolve_decide,
        description=(
            "Decide (coordinating → decided): records a designate act (a gap: an assign) with "
            "the dispute as its reason, pending legal review; previewed in the payload."
        ),
    )
    confirm_implemented: DisputePayload = strawberry.mutation(
        resolver=_mover(DisputeStatus.IMPLEMENTED),
        description="The designated unit confirms it carries the decision out (→ implemented).",
    )
    close_dispute: DisputePayload = strawberry.mutation(
        resolver=_mover(DisputeStatus.CLOSED), description="Close an implemented dispute."
    )
    withdraw_dispute: DisputePayload = strawberry.mutation(
        resolver=_mover(DisputeStatus.WITHDRAWN),
        description="Withdraw an open dispute (from any open state).",
    )
