"""Search hits and audit records."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import cast

import strawberry
from strawberry.scalars import JSON

from graph_service.domain.changes import ChangeRecord as DomainChangeRecord
from graph_service.domain.changes import HistoryEntry
from graph_service.domain.models import Record
from graph_service.engine import answers

from .enums import SearchKind


@strawberry.type(description="A record found by name, code or alias.")
class SearchHit:
    kind: SearchKind
    key: str = strawberry.field(description="Code or id to pass to other queries.")
    name: str
    detail: str = strawberry.field(description="What tells it apart (kind, parent, code).")
    score: float = strawberry.field(description="Higher is better.")


@strawberry.type(description="One change set in the change log: who, when, why and how much.")
class ChangeRecord:
    revision: int = strawberry.field(description="Its place in the change log (1, 2, 3 …).")
    id: str
    recorded_at: datetime
    recorded_by: str = strawberry.field(description="The principal who wrote it.")
    summary: str
    comment: str | None = strawberry.field(description="Why: the writer's reason.")
    document: str | None = strawberry.field(description="The document it implements.")
    replace: bool
    upserted: int
    deleted: int


@strawberry.enum(description="What a change set did to a record.")
class VersionOperation(Enum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@strawberry.type(description="One field of a record before and after a change (JSON values).")
class FieldChange:
    field: str
    before: JSON | None
    after: JSON | None


@strawberry.type(description="One version of a record, with the change set that wrote it.")
class RecordVersion:
    revision: int
    change: ChangeRecord
    operation: VersionOperation
    changes: list[FieldChange] = strawberry.field(
        description="The fields that differ from the version before (the audit stamp aside)."
    )
    record: JSON | None = strawberry.field(description="The record as written; null if deleted.")


def search_hit(hit: answers.SearchHit) -> SearchHit:
    return SearchHit(
        kind=hit.kind, key=hit.key, name=hit.name, detail=hit.detail, score=float(hit.score)
    )


def change_record(record: DomainChangeRecord) -> ChangeRecord:
    return ChangeRecord(
        revision=record.revision,
        id=record.id,
        recorded_at=record.recorded_at,
        recorded_by=record.recorded_by,
        summary=record.summary,
        comment=record.comment,
        document=record.document,
        replace=record.replace,
        upserted=record.upserted,
        deleted=record.deleted,
    )


def record_version(entry: HistoryEntry) -> RecordVersion:
    version = entry.version
    if version.after is None:
        operation = VersionOperation.DELETED
    elif version.before is None:
        operation = VersionOperation.CREATED
    else:
        operation = VersionOperation.UPDATED
    return RecordVersion(
        revision=version.revision,
        change=change_record(entry.change),
        operation=operation,
        changes=[
            FieldChange(field=name, before=old, after=new)
            for name, (old, new) in version.changed_fields().items()
        ],
        record=None if version.after is None else _as_json(version.after),
    )


def _as_json(record: Record) -> JSON:
    return cast(JSON, record.model_dump(mode="json", by_alias=True, exclude_none=True))
