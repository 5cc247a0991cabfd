"""Command: open a dispute, from scratch or from an OVERLAP/GAP finding (status negotiating).

From a finding, the kind, parties, items and places are the finding's (``engine.disputes``) and
the dispute keeps the finding's id and kind, so the finding links to its open dispute and the
dispute can say whether its finding still holds. A finding has at most one open dispute.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

import pydantic

from graph_service.domain.auth import Principal
from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset, check_dataset
from graph_service.domain.enums import DisputeAction, DisputeKind
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Dispute
from graph_service.engine.disputes import FROM_FINDING, opening_of
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..disputes import open_dispute_of, stored_dispute
from ..write import commit
from .dispute_steps import Written, change_of, event


async def open_dispute(
    ctx: ServiceContext,
    principal: Principal,
    *,
    kind: DisputeKind | None = None,
    parties: Sequence[str] = (),
    items: Sequence[str] = (),
    places: Sequence[str] = (),
    from_finding: str | None = None,
    title: str | None = None,
    note: str | None = None,
    attachments: Sequence[str] = (),
    dispute_id: str | None = None,
    at: date | None = None,
) -> Written:
    """The opened dispute; ``ValidationError`` (nothing written) naming each bad field."""
    new_id = dispute_id or f"D-{uuid.uuid4().hex[:10]}"

    def command(projection: Projection) -> ChangeSet:
        fields: dict[str, object] = {
            "id": new_id,
            "kind": kind,
            "title": title,
            "parties": list(parties),
            "items": list(items),
            "places": list(places),
        }
        if from_finding is not None:
            fields.update(_from_finding(projection, from_finding, at or date.today()))
            if kind is not None:
                fields["kind"] = kind
        problems = []
        if new_id in projection.records.disputes:
            problems.append(Problem("id", f"争议 {new_id} 已存在 / dispute exists"))
        if fields["kind"] is None:
            problems.append(Problem("kind", "须注明争议种类 / kind is required"))
        if not fields["parties"] and not fields["items"]:
            problems.append(Problem("parties", "须注明争议当事单位或事项 / parties or items"))
        if problems:
            raise ValidationError(problems, "dispute is not valid")
        opened = event(principal, DisputeAction.OPENED, note=note, attachments=attachments)
        try:
            dispute = Dispute.model_validate({**fields, "events": [opened]})
        except pydantic.ValidationError as error:
            raise ValidationError(
                [Problem(".".join(map(str, e["loc"])), e["msg"]) for e in error.errors()],
                "dispute is not valid",
            ) from None
        problems = check_dataset(Dataset(disputes=[dispute]), projection.dataset)
        if problems:
            raise ValidationError(
                [Problem(p.path.replace("disputes[0].", "", 1), p.message) for p in problems],
                "dispute is not valid",
            )
        return change_of(dispute, principal, f"立案执法争议 {new_id}")

    record = await commit(ctx, command)
    return Written(stored_dispute(ctx.projection, new_id), record)


def _from_finding(projection: Projection, finding_id: str, at: date) -> dict[str, object]:
    found = next((f for f in projection.findings(at) if f.id == finding_id), None)
    if found is None:
        raise ValidationError(
            [Problem("fromFinding", f"{at} 无发现 {finding_id} / no such finding on {at}")],
            "finding not found",
        )
    if found.kind not in FROM_FINDING:
        raise ValidationError(
            [
                Problem(
                    "fromFinding",
                    f"仅多头管辖或管辖空白可立案为争议（该发现为 {found.kind.value}） / "
                    "only an OVERLAP or GAP finding opens a dispute",
                )
            ],
            "finding cannot open a dispute",
        )
    already = open_dispute_of(projection.records, finding_id)
    if already is not None:
        raise ValidationError(
            [
                Problem(
                    "fromFinding",
                    f"该发现已有未结争议 {already} / finding already has an open dispute",
                )
            ],
            "finding already has an open dispute",
        )
    opening = opening_of(found)
    return {
        "kind": opening.kind,
        "parties": list(opening.parties),
        "items": list(opening.items),
        "places": list(opening.places),
        "title": opening.title,
        "finding": found.id,
        "finding_kind": found.kind.value,
    }
