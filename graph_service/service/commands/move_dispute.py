"""Commands: the steps of a dispute that only move its status — escalate to the bureau's
coordination, confirm implementation, close, withdraw — each with its event.

``escalate``, ``close`` and ``withdraw`` are the justice bureau's (the API's permission table
says so); ``confirm_implemented`` is the designated unit's: a unit may confirm only a decision
that designates it (``designated``).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph_service.domain.auth import Principal, Role
from graph_service.domain.changes import ChangeSet
from graph_service.domain.dispute_flow import LABEL
from graph_service.domain.enums import DisputeAction, DisputeStatus
from graph_service.domain.models import Dispute
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..disputes import refusal, stored_dispute
from ..write import commit
from .dispute_steps import Written, change_of, event, moved

STEP = {
    DisputeStatus.COORDINATING: DisputeAction.ESCALATED,
    DisputeStatus.IMPLEMENTED: DisputeAction.IMPLEMENTED,
    DisputeStatus.CLOSED: DisputeAction.CLOSED,
    DisputeStatus.WITHDRAWN: DisputeAction.WITHDRAWN,
}


async def move_dispute(
    ctx: ServiceContext,
    principal: Principal,
    dispute_id: str,
    target: DisputeStatus,
    *,
    note: str | None = None,
    attachments: Sequence[str] = (),
    outcome: str | None = None,
) -> Written:
    """The dispute in status ``target``; ``ValidationError`` if the flow does not allow it."""

    def command(projection: Projection) -> ChangeSet:
        dispute = stored_dispute(projection, dispute_id)
        if target is DisputeStatus.IMPLEMENTED:
            _check_designated(principal, dispute)
        happened = event(principal, STEP[target], note=note, attachments=attachments)
        fields = {"outcome": outcome} if outcome else {}
        after = moved(dispute, target, happened, **fields)
        return change_of(after, principal, f"执法争议 {dispute_id}：{LABEL[target]}")

    record = await commit(ctx, command)
    return Written(stored_dispute(ctx.projection, dispute_id), record)


def _check_designated(principal: Principal, dispute: Dispute) -> None:
    if principal.role is Role.UNIT and principal.unit in dispute.designated:
        return
    raise refusal(
        "Mutation.confirmImplemented",
        principal,
        "落实情况须由决定指定的单位确认",
    )
