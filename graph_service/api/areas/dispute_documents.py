"""Query and mutation area: the bureau's documents about disputes (policy 四(十)).

``issueDisputeDocument`` numbers a document (京大司协〔2026〕3号) and records the number on the
dispute; ``disputeDocument`` gives its text (Markdown) and where to download the DOCX.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from graph_service.domain.errors import PermissionDeniedError, ValidationError
from graph_service.engine.dispute_documents import DocumentKind
from graph_service.service import document_render
from graph_service.service.dispute_documents import document_content, issue_document

from ..context import Info
from ..types.disputes import Dispute, dispute_type
from ..types.payloads import (
    PermissionDenied,
    ValidationFailed,
    permission_denied,
    validation_failed,
)

strawberry.enum(
    DocumentKind,
    description=(
        "OPINION 行政执法争议协调意见书, SUPERVISION 行政执法监督督办函, DESIGNATION 指定管辖决定书"
        "（代拟稿）."
    ),
)


@strawberry.type(description="A document's text and where to download it.")
class DisputeDocument:
    kind: DocumentKind
    title: str
    number: str | None = strawberry.field(description="Null until issued: a draft.")
    markdown: str
    docx_path: str = strawberry.field(description="GET it (with the same token) for the DOCX.")


@strawberry.type(description="The document's number, recorded as an event of the dispute.")
class DocumentIssued:
    number: str
    dispute: Dispute
    revision: int


IssueDocumentPayload = Annotated[
    DocumentIssued | ValidationFailed | PermissionDenied, strawberry.union("IssueDocumentPayload")
]


def resolve_document(
    info: Info,
    kind: DocumentKind,
    dispute: str | None = None,
    finding: str | None = None,
    at: date | None = None,
) -> DisputeDocument | None:
    ctx = info.context.service
    try:
        content = document_content(
            ctx, info.context.principal, kind, dispute_id=dispute, finding_id=finding, at=at
        )
    except ValidationError as error:
        if error.problems[0].path in {"id", "finding"}:
            return None  # no such dispute, or no such finding on that day
        raise
    subject, key = ("dispute", dispute) if dispute is not None else ("finding", finding)
    return DisputeDocument(
        kind=kind,
        title=content.title,
        number=content.number,
        markdown=document_render.markdown(content),
        docx_path=f"/documents/{kind.value}/{subject}/{key}.docx",
    )


async def resolve_issue(info: Info, id: str, kind: DocumentKind) -> IssueDocumentPayload:
    ctx = info.context.service
    try:
        number, written = await issue_document(ctx, info.context.principal, id, kind)
    except ValidationError as error:
        return validation_failed(error)
    except PermissionDeniedError as error:
        return permission_denied(error)
    return DocumentIssued(
        number=number,
        dispute=dispute_type(ctx, written.dispute),
        revision=written.record.revision,
    )


@strawberry.type
class DisputeDocumentQuery:
    dispute_document: DisputeDocument | None = strawberry.field(
        resolver=resolve_document,
        description=(
            "A document about a dispute (numbered once issued) or, as a draft, about an OVERLAP "
            "or GAP finding: parties, matter, places, facts, legal basis, chain of acts, decision. "
            "Null when there is no such dispute or finding."
        ),
    )


@strawberry.type
class DisputeDocumentMutation:
    issue_dispute_document: IssueDocumentPayload = strawberry.mutation(
        resolver=resolve_issue,
        description="Number a document of the dispute (e.g. 京大司协〔2026〕3号) and record it.",
    )
