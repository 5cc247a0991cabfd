"""What the record commands share: read one record from a request, check it against the
projection, and commit it as one change set stamped with who, why and the document.

Every problem names its field as the caller sent it (``act.from``, not ``acts[0].from``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from graph_service.domain.changes import ChangeRecord, ChangeSet, EntityRef, Revision
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotFoundError, Problem, ValidationError
from graph_service.domain.models import Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..write import commit

NOUNS = {
    EntityKind.REGION: "region",
    EntityKind.UNIT: "unit",
    EntityKind.LAW: "law",
    EntityKind.PROVISION: "provision",
    EntityKind.ITEM: "item",
    EntityKind.ACT: "act",
    EntityKind.AGREEMENT: "agreement",
    EntityKind.PUBLISHED_LIST: "published list",
}


def parse_one(kind: EntityKind, value: object, name: str) -> Record:
    """One record of ``kind`` from a request argument called ``name``."""
    if not isinstance(value, dict):
        raise ValidationError([Problem(name, "must be an object")], f"{name} is not valid")
    try:
        dataset = parse_document({kind.value: [value]})
    except ValidationError as error:
        raise ValidationError(renamed(error.problems, kind, name), f"{name} is not valid") from None
    return dataset.collection(kind)[0]


def check_one(projection: Projection, record: Record, name: str) -> None:
    """Raise ``ValidationError`` when ``record`` does not fit the recorded graph."""
    kind = record.collection
    incoming = Dataset.model_validate({kind.value: [record]})
    problems = check_dataset(incoming, projection.records.by_kind)
    if problems:
        raise ValidationError(renamed(problems, kind, name), f"{name} is not valid")


def renamed(problems: list[Problem], kind: EntityKind, name: str) -> list[Problem]:
    """``acts[0].from`` -> ``act.from``: the caller sent one record, not a dataset."""
    prefix = f"{kind.value}[0]"
    return [
        Problem(p.path.replace(prefix, name, 1) if p.path else name, p.message) for p in problems
    ]


def existing(projection: Projection, kind: EntityKind, key: str) -> Record:
    found = projection.records[kind].get(key)
    if found is None:
        raise NotFoundError(NOUNS[kind], key)
    return found


def plain(record: Record) -> dict[str, Any]:
    """The record as the dataset format writes it (aliases, JSON values)."""
    return record.model_dump(mode="json", by_alias=True, exclude_none=True)


async def write(
    ctx: ServiceContext,
    build: Callable[[Projection], tuple[list[Record], list[EntityRef]]],
    *,
    by: str,
    summary: str,
    comment: str | None = None,
    document: str | None = None,
    expect: tuple[EntityRef, Revision | None] | None = None,
) -> ChangeRecord:
    """Commit the records ``build`` returns (upserts, deletes) for the current projection, with
    the audit stamp on new records; ``expect`` is the caller's ``expectedRevision`` if given."""

    def command(projection: Projection) -> ChangeSet:
        upserts, deletes = build(projection)
        now = datetime.now(UTC)
        stamped = [
            r if r.recorded_at is not None else r.model_copy(update={"recorded_at": now})
            for r in upserts
        ]
        stamped = [
            r if r.recorded_by is not None else r.model_copy(update={"recorded_by": by})
            for r in stamped
        ]
        rows: dict[str, list[Record]] = {}
        for record in stamped:
            rows.setdefault(record.collection.value, []).append(record)
        return ChangeSet(
            recorded_at=now,
            recorded_by=by,
            summary=summary,
            comment=comment,
            document=document,
            upserts=Dataset.model_validate(rows),
            deletes=deletes,
        )

    wanted = None if expect is None or expect[1] is None else (expect[0], expect[1])
    return await commit(ctx, command, expect=wanted)
