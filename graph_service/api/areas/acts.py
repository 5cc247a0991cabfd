"""Mutation area: acts — the establishment office (编办) records, amends and withdraws them, the
justice bureau (司法局) reviews them (法制审核).

Expected outcomes are payload members, each with a stable code and the field at fault:
``ValidationFailed`` (bad input; nothing written), ``NotFound`` (unknown act), ``Conflict`` (an id
already recorded, a stale ``expectedRevision``, an act already reviewed or withdrawn) and
``PermissionDenied`` (answered by ``api/permissions.py``).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from graph_service import service
from graph_service.domain.changes import ChangeRecord as DomainChangeRecord
from graph_service.domain.enums import Review
from graph_service.domain.errors import DomainError
from graph_service.domain.models import Record

from ..context import Info
from ..types.findings import Finding, finding
from ..types.misc import ChangeRecord, change_record
from ..types.payloads import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
    expected_outcome,
)
from .preview import Preview, preview_type


@strawberry.enum(description="The outcome of a legal review (法制审核).")
class ReviewDecision(Enum):
    APPROVED = "approved"
    REJECTED = "rejected"


@strawberry.type(description="The act was recorded, pending legal review.")
class RecordActSucceeded:
    act: JSON = strawberry.field(description="The act as recorded (review: pending).")
    revision: int = strawberry.field(description="The change log's revision of this write.")
    change: ChangeRecord
    preview: Preview = strawberry.field(
        description="What the act changes once approved (it produces nothing before)."
    )
    unreviewed: list[Finding] = strawberry.field(
        description="The UNREVIEWED_ACT finding recording it raised (until it is reviewed)."
    )


@strawberry.type(description="The act was changed; the change log keeps the version before.")
class ActChanged:
    act: JSON
    revision: int
    change: ChangeRecord


RecordActPayload = Annotated[
    RecordActSucceeded | ValidationFailed | PermissionDenied | NotFound | Conflict,
    strawberry.union("RecordActPayload"),
]
ActChangePayload = Annotated[
    ActChanged | ValidationFailed | PermissionDenied | NotFound | Conflict,
    strawberry.union("ActChangePayload"),
]


async def resolve_record_act(info: Info, act: JSON, comment: str | None = None) -> RecordActPayload:
    ctx = info.context.service
    try:
        result = await service.record_act(ctx, act, by=info.context.principal.name, comment=comment)
    except DomainError as error:
        return expected_outcome(error, "act.id")
    records = ctx.records()
    return RecordActSucceeded(
        act=_json(result.act),
        revision=result.change.revision,
        change=change_record(result.change),
        preview=preview_type(records, result.preview),
        unreviewed=[finding(records, f) for f in result.unreviewed],
    )


async def resolve_amend_act(
    info: Info,
    id: str,
    changes: JSON,
    comment: str | None = None,
    expected_revision: int | None = None,
) -> ActChangePayload:
    try:
        change = await service.amend_act(
            info.context.service,
            id,
            changes,
            by=info.context.principal.name,
            comment=comment,
            expected_revision=expected_revision,
        )
    except DomainError as error:
        return expected_outcome(error, "id")
    return _changed(info, id, change)


async def resolve_withdraw_act(
    info: Info,
    id: str,
    reason: str,
    on: date | None = None,
    expected_revision: int | None = None,
) -> ActChangePayload:
    try:
        change = await service.withdraw_act(
            info.context.service,
            id,
            reason,
            by=info.context.principal.name,
            on=on,
            expected_revision=expected_revision,
        )
    except DomainError as error:
        return expected_outcome(error, "id")
    return _changed(info, id, change)


async def resolve_review_act(
    info: Info,
    id: str,
    decision: ReviewDecision,
    opinion: str | None = None,
    expected_revision: int | None = None,
) -> ActChangePayload:
    try:
        change = await service.review_act(
            info.context.service,
            id,
            Review(decision.value),
            by=info.context.principal.name,
            opinion=opinion,
            expected_revision=expected_revision,
        )
    except DomainError as error:
        return expected_outcome(error, "id")
    return _changed(info, id, change)


def _changed(info: Info, act_id: str, change: DomainChangeRecord) -> ActChanged:
    act = info.context.service.projection.records.acts[act_id]
    return ActChanged(act=_json(act), revision=change.revision, change=change_record(change))


def _json(record: Record) -> JSON:
    return cast(JSON, record.model_dump(mode="json", by_alias=True, exclude_none=True))


@strawberry.type
class ActsMutation:
    record_act: RecordActPayload = strawberry.mutation(
        resolver=resolve_record_act,
        description=(
            "Record a new act (one record of the dataset format's `acts`), pending legal review: "
            "it produces nothing until the justice bureau approves it. Answers with what it "
            "changes once approved. The establishment office (编办) only."
        ),
    )
    amend_act: ActChangePayload = strawberry.mutation(
        resolver=resolve_amend_act,
        description=(
            "Change fields of a recorded act; it goes back to pending legal review. Pass "
            "expectedRevision (from history) to refuse the write if the act changed meanwhile."
        ),
    )
    withdraw_act: ActChangePayload = strawberry.mutation(
        resolver=resolve_withdraw_act,
        description=(
            "Withdraw (撤回) an act on `on` (default today): it produces nothing from that day; "
            "its history remains."
        ),
    )
    review_act: ActChangePayload = strawberry.mutation(
        resolver=resolve_review_act,
        description=(
            "The justice bureau's legal review (法制审核) of a pending act: APPROVED (it takes "
            "effect) or REJECTED (it produces nothing; opinion required)."
        ),
    )
