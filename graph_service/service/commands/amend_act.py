"""Command: amend a recorded act (编办). Any change sends it back to legal review (pending).

The amended act keeps its id and its original ``recorded_at`` (its place in the replay order);
the change log keeps the version before, so history shows the field diff.
"""

from __future__ import annotations

from graph_service.domain.changes import ChangeRecord, EntityRef, Revision
from graph_service.domain.enums import EntityKind, Review
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Act, Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from .one_record import check_one, existing, parse_one, plain, write

_NOT_AMENDABLE = (
    "id",
    "review",
    "review_opinion",
    "reviewed_by",
    "reviewed_at",
    "withdrawn_on",
    "withdrawal_reason",
    "recorded_at",
    "recorded_by",
)


async def amend_act(
    ctx: ServiceContext,
    act_id: str,
    changes: object,
    *,
    by: str,
    comment: str | None = None,
    expected_revision: Revision | None = None,
) -> ChangeRecord:
    """Apply ``changes`` (fields of the dataset format) to act ``act_id``; back to pending."""
    if not isinstance(changes, dict) or not changes:
        raise ValidationError([Problem("changes", "must be a non-empty object")], "no changes")
    refused = [
        Problem(f"changes.{name}", "不能通过修改决定变更 / not changed by amending an act")
        for name in _NOT_AMENDABLE
        if name in changes
    ]
    if refused:
        raise ValidationError(refused, "changes are not valid")

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        before = existing(projection, EntityKind.ACT, act_id)
        merged = plain(before) | changes
        for name in ("review_opinion", "reviewed_by", "reviewed_at"):
            merged.pop(name, None)
        merged["review"] = Review.PENDING.value
        amended = parse_one(EntityKind.ACT, merged, "changes")
        assert isinstance(amended, Act)
        check_one(projection, amended, "changes")
        return [amended], []

    return await write(
        ctx,
        build,
        by=by,
        summary=f"修改决定 {act_id}（重新待法制审核）",
        comment=comment,
        expect=(EntityRef(kind=EntityKind.ACT, key=act_id), expected_revision),
    )
