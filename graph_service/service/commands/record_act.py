"""Command: record a new act (编办), always pending legal review, with what it will change.

The review is the justice bureau's (``review_act``): an act arrives ``pending`` and produces no
holdings until approved, so a caller may not send another review state. The answer previews the
act as approved — the findings and answers approval would change — and names the UNREVIEWED_ACT
finding recording it raises now.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_service.domain.changes import ChangeRecord, ChangeSet, EntityRef
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind, Review
from graph_service.domain.errors import AlreadyExistsError, Problem, ValidationError
from graph_service.domain.models import Act, Record
from graph_service.engine.answers import Finding, FindingKind, Preview
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from .one_record import check_one, parse_one, write

_REVIEW_FIELDS = ("review_opinion", "reviewed_by", "reviewed_at", "withdrawn_on")


@dataclass(frozen=True, slots=True)
class RecordedAct:
    act: Act
    change: ChangeRecord
    preview: Preview  # as if approved
    unreviewed: tuple[Finding, ...]  # the UNREVIEWED_ACT finding recording it raises


async def record_act(
    ctx: ServiceContext, act: object, *, by: str, comment: str | None = None
) -> RecordedAct:
    """Record ``act`` (one record of the dataset format's ``acts``) as pending."""
    if isinstance(act, dict):
        problems = [
            Problem(f"act.{name}", "由法制审核填写，登记时不得填写 / set by the legal review")
            for name in _REVIEW_FIELDS
            if act.get(name) is not None
        ]
        if act.get("review", Review.PENDING.value) != Review.PENDING.value:
            problems.insert(
                0,
                Problem(
                    "act.review",
                    "新登记的决定须待司法局法制审核，只能为 pending / "
                    "a new act awaits the justice bureau's review: it can only be pending",
                ),
            )
        if problems:
            raise ValidationError(problems, "act is not valid")
    parsed = parse_one(EntityKind.ACT, act, "act")
    assert isinstance(parsed, Act)
    pending = parsed.model_copy(update={"review": Review.PENDING})
    seen: dict[str, object] = {}

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        if pending.id in projection.records.acts:
            raise AlreadyExistsError("act", pending.id, "act.id")
        check_one(projection, pending, "act")
        approved = pending.model_copy(update={"review": Review.APPROVED})
        seen["preview"] = projection.preview(_upsert(approved))
        raised = projection.preview(_upsert(pending)).appeared
        seen["unreviewed"] = tuple(f for f in raised if f.kind == FindingKind.UNREVIEWED_ACT)
        return [pending], []

    change = await write(
        ctx,
        build,
        by=by,
        summary=f"登记决定 {pending.id}（待法制审核）",
        comment=comment,
        document=pending.doc,
    )
    stored = ctx.projection.records.acts[pending.id]
    preview, unreviewed = seen["preview"], seen["unreviewed"]
    assert isinstance(preview, Preview)
    assert isinstance(unreviewed, tuple)
    return RecordedAct(stored, change, preview, unreviewed)


def _upsert(act: Act) -> ChangeSet:
    return ChangeSet(upserts=Dataset.model_validate({"acts": [act]}), recorded_by="preview")
