"""Command: record a negotiation or coordination note on an open dispute.

The justice bureau may note on any dispute; a unit only on a dispute it is party to (or
designated by), and the note then speaks for that unit. Closed and withdrawn cases take no more
events.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph_service.domain.auth import Principal, Role
from graph_service.domain.changes import ChangeSet
from graph_service.domain.enums import DisputeAction
from graph_service.domain.models import Dispute
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..disputes import concerns, refusal, stored_dispute
from ..write import commit
from .dispute_steps import Written, change_of, event, noted

OPERATION = "Mutation.addDisputeEvent"


async def add_dispute_event(
    ctx: ServiceContext,
    principal: Principal,
    dispute_id: str,
    *,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> Written:
    """The dispute with the note appended."""

    def command(projection: Projection) -> ChangeSet:
        dispute = _visible(projection, principal, dispute_id)
        happened = event(principal, DisputeAction.NOTE, note=note, attachments=attachments)
        return change_of(noted(dispute, happened), principal, f"执法争议 {dispute_id} 登记事件")

    record = await commit(ctx, command)
    return Written(stored_dispute(ctx.projection, dispute_id), record)


def _visible(projection: Projection, principal: Principal, dispute_id: str) -> Dispute:
    found = projection.records.disputes.get(dispute_id)
    if found is not None and concerns(principal, found):
        return found
    if found is not None or principal.role is Role.UNIT:
        raise refusal(OPERATION, principal, "本单位非该争议当事方，无权登记事件")
    return stored_dispute(projection, dispute_id)  # raises: no such dispute
