"""Command: the justice bureau's legal review (法制审核) of a pending act.

Approved, the act produces holdings from its ``effective`` day; rejected, it produces none and
UNREVIEWED_ACT reports it as failed review. A rejection needs the opinion saying why.
"""

from __future__ import annotations

from datetime import UTC, datetime

from graph_service.domain.changes import ChangeRecord, EntityRef, Revision
from graph_service.domain.enums import EntityKind, Review
from graph_service.domain.errors import ConflictError, Problem, ValidationError
from graph_service.domain.models import Act, Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from .one_record import existing, write


async def review_act(
    ctx: ServiceContext,
    act_id: str,
    decision: Review,
    *,
    by: str,
    opinion: str | None = None,
    expected_revision: Revision | None = None,
) -> ChangeRecord:
    """Record the review ``decision`` (approved or rejected) of pending act ``act_id``."""
    opinion = opinion.strip() if opinion else None
    if decision == Review.PENDING:
        raise ValidationError(
            [Problem("decision", "审核结论只能为 APPROVED 或 REJECTED / approved or rejected")],
            "decision is not valid",
        )
    if decision == Review.REJECTED and not opinion:
        raise ValidationError(
            [Problem("opinion", "审核不通过须写明审核意见 / a rejection needs the opinion")],
            "opinion is required",
        )

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        act = existing(projection, EntityKind.ACT, act_id)
        assert isinstance(act, Act)
        if act.withdrawn_on is not None:
            raise ConflictError(f"决定 {act_id} 已撤回，无需审核 / withdrawn")
        if act.review != Review.PENDING:
            raise ConflictError(
                f"决定 {act_id} 已审核（{act.review.value}），修改后方可重新审核 / "
                "already reviewed: amend it to review it again"
            )
        reviewed = act.model_copy(
            update={
                "review": decision,
                "review_opinion": opinion,
                "reviewed_by": by,
                "reviewed_at": datetime.now(UTC),
            }
        )
        return [reviewed], []

    verdict = "通过" if decision == Review.APPROVED else "不通过"
    return await write(
        ctx,
        build,
        by=by,
        summary=f"法制审核决定 {act_id}：{verdict}",
        comment=opinion,
        expect=(EntityRef(kind=EntityKind.ACT, key=act_id), expected_revision),
    )
