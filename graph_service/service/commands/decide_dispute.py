"""Command: decide a dispute under coordination, and record the act that carries it out.

An OVERLAP (or a dispute from scratch) is decided by a ``designate`` act (指定管辖), a GAP by an
``assign`` act (``engine.disputes``), issued in the name of the designating authority the
routing names (行政处罚法 第二十五条: the common superior). The act goes through the change log in
the same change set as the dispute's decision, with the dispute as its reason, and awaits legal
review (法制审核) like any act. The decision is previewed first — what the act will do once
approved: findings resolved or appearing, answers changed — and ``dry_run`` stops there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pydantic

from graph_service.domain.auth import Principal
from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import Dataset, check_dataset
from graph_service.domain.dispute_flow import check_transition
from graph_service.domain.enums import DisputeAction, DisputeStatus, Review
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Act, Dispute
from graph_service.engine.answers import Preview
from graph_service.engine.disputes import decision_act
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..disputes import stored_dispute
from ..write import commit
from .dispute_steps import change_of, event, moved


@dataclass(frozen=True, slots=True)
class Decision:
    dispute: Dispute
    act: Act
    preview: Preview
    record: ChangeRecord | None  # None on a dry run


async def decide_dispute(
    ctx: ServiceContext,
    principal: Principal,
    dispute_id: str,
    *,
    units: Sequence[str],
    outcome: str,
    effective: date | None = None,
    deadline: date | None = None,
    doc: str | None = None,
    basis: Sequence[str] = (),
    attachments: Sequence[str] = (),
    dry_run: bool = False,
) -> Decision:
    """The decision, its act and its preview; written unless ``dry_run``."""
    day = effective or date.today()

    def build(projection: Projection) -> tuple[Dispute, Act]:
        dispute = stored_dispute(projection, dispute_id)
        check_transition(dispute.id, dispute.status, DisputeStatus.DECIDED)
        problems = []
        if not units:
            problems.append(Problem("units", "须指定管辖单位 / name the designated unit"))
        if not dispute.items:
            problems.append(Problem("items", "争议未载明事项 / the dispute names no item"))
        if not dispute.places:
            problems.append(Problem("places", "争议未载明地域 / the dispute names no place"))
        if not outcome.strip():
            problems.append(Problem("outcome", "须写明决定内容 / the decision in words"))
        if problems:
            raise ValidationError(problems, "decision is not valid")
        routing = projection.route(dispute.parties, dispute.places)
        try:
            act = decision_act(
                dispute,
                act_id=f"{dispute.id}-decision",
                units=list(units),
                effective=day,
                issuer=routing.designating_authority,
                basis=list(basis),
                doc=doc,
            )
        except pydantic.ValidationError as error:
            raise ValidationError(
                [Problem(".".join(map(str, e["loc"])) or "act", e["msg"]) for e in error.errors()],
                "decision is not valid",
            ) from None
        found = check_dataset(Dataset(acts=[act]), projection.dataset)
        if found:
            raise ValidationError(
                [Problem(p.path.replace("acts[0].to", "units", 1), p.message) for p in found],
                "decision is not valid",
            )
        happened = event(principal, DisputeAction.DECIDED, note=outcome, attachments=attachments)
        after = moved(
            dispute,
            DisputeStatus.DECIDED,
            happened,
            outcome=outcome,
            decision_act=act.id,
            designated=list(units),
            deadline=deadline,
        )
        return after, act

    projection = ctx.projection
    after, act = build(projection)
    approved = act.model_copy(update={"review": Review.APPROVED})
    preview = projection.preview(
        ChangeSet(upserts=Dataset(acts=[approved]), recorded_by="preview"), day
    )
    if dry_run:
        return Decision(after, act, preview, None)

    def command(current: Projection) -> ChangeSet:
        decided, recorded = build(current)
        return change_of(
            decided, principal, f"执法争议 {dispute_id}：作出决定", acts=[recorded], document=doc
        )

    record = await commit(ctx, command)
    return Decision(stored_dispute(ctx.projection, dispute_id), act, preview, record)
