"""Search hits and audit records."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph_service.domain.changes import ChangeRecord as DomainChangeRecord
from graph_service.engine import answers

from .enums import SearchKind


@strawberry.type(description="A record found by name, code or alias.")
class SearchHit:
    kind: SearchKind
    key: str = strawberry.field(description="Code or id to pass to other queries.")
    name: str
    detail: str = strawberry.field(description="What tells it apart (kind, parent, code).")
    score: float = strawberry.field(description="Higher is better.")


@strawberry.type(description="One applied change set: the audit trail behind history.")
class ChangeRecord:
    id: str
    recorded_at: datetime
    recorded_by: str
    summary: str
    replace: bool
    upserted: int
    deleted: int


def search_hit(hit: answers.SearchHit) -> SearchHit:
    return SearchHit(
        kind=hit.kind, key=hit.key, name=hit.name, detail=hit.detail, score=float(hit.score)
    )


def change_record(record: DomainChangeRecord) -> ChangeRecord:
    return ChangeRecord(
        id=record.id,
        recorded_at=record.recorded_at,
        recorded_by=record.recorded_by,
        summary=record.summary,
        replace=record.replace,
        upserted=record.upserted,
        deleted=record.deleted,
    )
