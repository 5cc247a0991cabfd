"""What every dispute command shares: the event it records and the change set that stores it.

A dispute is a record like any other: each step upserts the whole record (its status and its
events so far plus the new one) in one change set, so the change log keeps every version of the
case, who moved it and when.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from graph_service.domain.auth import Principal, Role
from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.dispute_flow import check_open, check_transition
from graph_service.domain.enums import DisputeAction, DisputeStatus
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Act, Dispute, DisputeEvent

MAX_ATTACHMENTS = 50


@dataclass(frozen=True, slots=True)
class Written:
    """A dispute as a command left it, and the change log's entry of that write."""

    dispute: Dispute
    record: ChangeRecord


def event(
    principal: Principal,
    action: DisputeAction,
    *,
    at: datetime | None = None,
    note: str | None = None,
    attachments: Sequence[str] = (),
) -> DisputeEvent:
    """An event recorded by ``principal`` now; a unit speaks for its own unit."""
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(
            [Problem("attachments", f"至多 {MAX_ATTACHMENTS} 件 / at most {MAX_ATTACHMENTS}")]
        )
    try:
        return DisputeEvent(
            action=action,
            at=at or datetime.now(UTC),
            by=principal.name,
            unit=principal.unit if principal.role is Role.UNIT else None,
            note=note or None,
            attachments=list(attachments),
        )
    except ValueError as error:
        raise ValidationError([Problem("note", str(error))], "event is not valid") from None


def moved(
    dispute: Dispute, target: DisputeStatus, happened: DisputeEvent, **fields: object
) -> Dispute:
    """``dispute`` in status ``target`` with ``happened`` appended; refused if not allowed."""
    check_transition(dispute.id, dispute.status, target)
    return dispute.model_copy(
        update={"status": target, "events": [*dispute.events, happened], **fields}
    )


def noted(dispute: Dispute, happened: DisputeEvent) -> Dispute:
    """``dispute`` with ``happened`` appended; refused once it is closed or withdrawn."""
    check_open(dispute.id, dispute.status)
    return dispute.model_copy(update={"events": [*dispute.events, happened]})


def change_of(
    dispute: Dispute,
    principal: Principal,
    summary: str,
    *,
    acts: Sequence[Act] = (),
    document: str | None = None,
) -> ChangeSet:
    """The change set storing ``dispute`` (and the acts its decision records)."""
    now = datetime.now(UTC)
    stamp = {"recorded_at": now, "recorded_by": principal.name}
    return ChangeSet(
        recorded_at=now,
        recorded_by=principal.name,
        summary=summary,
        comment=f"执法争议 {dispute.id}",
        document=document,
        upserts=Dataset(
            disputes=[dispute.model_copy(update=stamp)],
            acts=[a.model_copy(update=stamp) for a in acts],
        ),
    )
