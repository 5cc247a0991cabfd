"""Use case: the bureau's documents about a dispute or a finding, numbered from the store.

``issue_document`` gives a dispute's document its number (``京大司协〔2026〕3号``: the configured
prefix, the kind's mark, the year and the next serial) and records it as an event of the dispute
whose attachment is the number, in one change set: the serial is one more than the highest
number of that prefix, mark and year any dispute's events hold, computed under the write lock
against the revision it is written at, so two writers never get the same number. ``document_file``
renders a document (Markdown or DOCX) with the latest number issued for its kind, or unnumbered
as a draft; a finding without a dispute gives a draft of the dispute it would open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from graph_service.domain.auth import Principal, Role
from graph_service.domain.changes import ChangeSet
from graph_service.domain.enums import DisputeAction
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Dispute
from graph_service.engine.dispute_documents import (
    NUMBER_MARK,
    TITLE,
    DocumentContent,
    DocumentKind,
    dispute_document,
    document_number,
)
from graph_service.engine.disputes import FROM_FINDING, opening_of
from graph_service.engine.projection import Projection

from . import document_render
from .commands.dispute_steps import Written, change_of, event, noted
from .context import ServiceContext
from .disputes import all_disputes, check_may_see, refusal, stored_dispute
from .write import commit


class FileFormat(StrEnum):
    DOCX = "docx"
    MARKDOWN = "md"


MEDIA_TYPE = {
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileFormat.MARKDOWN: "text/markdown; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class DocumentFile:
    filename: str
    media_type: str
    body: bytes


def _serial(number: str, stem: str) -> int | None:
    found = re.fullmatch(re.escape(stem) + r"(\d+)号", number)
    return int(found.group(1)) if found else None


def next_number(projection: Projection, prefix: str, kind: DocumentKind, year: int) -> str:
    """The next number of ``kind`` in ``year``: one past the highest any dispute holds."""
    stem = f"{prefix}{NUMBER_MARK[kind]}〔{year}〕"
    serials = [
        serial
        for d in all_disputes(projection)
        for e in d.events
        if e.action is DisputeAction.DOCUMENT_ISSUED
        for a in e.attachments
        if (serial := _serial(a, stem)) is not None
    ]
    return document_number(prefix, kind, year, max(serials, default=0) + 1)


def latest_number(dispute: Dispute, prefix: str, kind: DocumentKind) -> str | None:
    stem = f"{prefix}{NUMBER_MARK[kind]}〔"
    numbers = [
        a
        for e in dispute.events
        if e.action is DisputeAction.DOCUMENT_ISSUED
        for a in e.attachments
        if a.startswith(stem)
    ]
    return numbers[-1] if numbers else None


async def issue_document(
    ctx: ServiceContext, principal: Principal, dispute_id: str, kind: DocumentKind
) -> tuple[str, Written]:
    """The new number of ``kind`` for the dispute, recorded as its event."""
    prefix = ctx.options.document_prefix
    issued: list[str] = []

    def command(projection: Projection) -> ChangeSet:
        dispute = stored_dispute(projection, dispute_id)
        number = next_number(projection, prefix, kind, date.today().year)
        issued[:] = [number]
        happened = event(
            principal,
            DisputeAction.DOCUMENT_ISSUED,
            note=f"制发{document_title(kind)}",
            attachments=[number],
        )
        return change_of(noted(dispute, happened), principal, f"执法争议 {dispute_id}：{number}")

    record = await commit(ctx, command)
    return issued[0], Written(stored_dispute(ctx.projection, dispute_id), record)


def document_title(kind: DocumentKind) -> str:
    return TITLE[kind]


def document_content(
    ctx: ServiceContext,
    principal: Principal,
    kind: DocumentKind,
    *,
    dispute_id: str | None = None,
    finding_id: str | None = None,
    at: date | None = None,
) -> DocumentContent:
    """The content of a document about a dispute (numbered if issued) or a finding (a draft)."""
    projection = ctx.projection
    day = at or date.today()
    facts: tuple[str, ...] = ()
    number = None
    if dispute_id is not None:
        check_may_see(ctx, principal, dispute_id)
        dispute = stored_dispute(projection, dispute_id)
        number = latest_number(dispute, ctx.options.document_prefix, kind)
    elif finding_id is not None:
        if principal.role is not Role.JUSTICE_BUREAU:
            raise refusal("Query.disputeDocument", principal, "依发现起草文书限司法局")
        found = next((f for f in projection.findings(day) if f.id == finding_id), None)
        if found is None or found.kind not in FROM_FINDING:
            raise ValidationError(
                [Problem("finding", f"{day} 无多头管辖或管辖空白发现 {finding_id}")],
                "finding not found",
            )
        opening = opening_of(found)
        dispute = Dispute(
            id=found.id,
            kind=opening.kind,
            parties=list(opening.parties),
            items=list(opening.items),
            places=list(opening.places),
            finding=found.id,
            finding_kind=found.kind.value,
        )
        facts = (found.summary,)
    else:
        raise ValidationError([Problem("dispute", "须指明争议或发现 / a dispute or a finding")])
    return dispute_document(
        kind,
        dispute,
        projection.catalog,
        projection.records.regions,
        projection.route(dispute.parties, dispute.places),
        number=number,
        dated=day,
        facts=facts,
    )


def document_file(content: DocumentContent, fmt: FileFormat, stem: str) -> DocumentFile:
    body = (
        document_render.docx(content)
        if fmt is FileFormat.DOCX
        else document_render.markdown(content).encode()
    )
    return DocumentFile(f"{content.kind.value}-{stem}.{fmt.value}", MEDIA_TYPE[fmt], body)
