"""Mutation area: keep the other records current (编办) — save (upsert) a unit, item, law,
provision, region or agreement, and delete a record nothing refers to.

Each save takes one record as in the dataset format (JSON), checked against the whole graph;
``expectedRevision`` refuses the write when the record changed since it was read.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from graph_service import service
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import DomainError

from ..context import Info
from ..types.misc import ChangeRecord, change_record
from ..types.payloads import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
    expected_outcome,
)


@strawberry.type(description="The record was saved; the change log keeps the version before.")
class RecordSaved:
    record: JSON = strawberry.field(description="The record as stored.")
    revision: int
    change: ChangeRecord


@strawberry.type(description="The record was deleted; its history remains in the change log.")
class RecordDeleted:
    kind: EntityKind
    key: str
    revision: int
    change: ChangeRecord


SaveRecordPayload = Annotated[
    RecordSaved | ValidationFailed | PermissionDenied | NotFound | Conflict,
    strawberry.union("SaveRecordPayload"),
]
DeleteRecordPayload = Annotated[
    RecordDeleted | ValidationFailed | PermissionDenied | NotFound | Conflict,
    strawberry.union("DeleteRecordPayload"),
]


async def _save(
    info: Info,
    kind: EntityKind,
    record: JSON,
    comment: str | None,
    document: str | None,
    expected_revision: int | None,
) -> SaveRecordPayload:
    try:
        saved, change = await service.save_record(
            info.context.service,
            kind,
            record,
            by=info.context.principal.name,
            comment=comment,
            document=document,
            expected_revision=expected_revision,
        )
    except DomainError as error:
        return expected_outcome(error, "record")
    return RecordSaved(
        record=cast(JSON, saved.model_dump(mode="json", by_alias=True, exclude_none=True)),
        revision=change.revision,
        change=change_record(change),
    )


def _saver(kind: EntityKind) -> Callable[..., Awaitable[SaveRecordPayload]]:
    async def resolve(
        info: Info,
        record: JSON,
        comment: str | None = None,
        document: str | None = None,
        expected_revision: int | None = None,
    ) -> SaveRecordPayload:
        return await _save(info, kind, record, comment, document, expected_revision)

    return resolve


async def resolve_delete_record(
    info: Info,
    kind: EntityKind,
    key: str,
    comment: str | None = None,
    expected_revision: int | None = None,
) -> DeleteRecordPayload:
    try:
        change = await service.delete_record(
            info.context.service,
            kind,
            key,
            by=info.context.principal.name,
            comment=comment,
            expected_revision=expected_revision,
        )
    except DomainError as error:
        return expected_outcome(error, "key")
    return RecordDeleted(kind=kind, key=key, revision=change.revision, change=change_record(change))


def _save_field(kind: EntityKind, noun: str) -> SaveRecordPayload:
    return cast(
        SaveRecordPayload,
        strawberry.mutation(
            resolver=_saver(kind),
            description=(
                f"Save (create or update) one {noun} as in the dataset format's `{kind.value}`, "
                "checked against the whole graph. The establishment office (编办) only."
            ),
        ),
    )


@strawberry.type
class RecordsMutation:
    save_unit: SaveRecordPayload = _save_field(EntityKind.UNIT, "unit")
    save_item: SaveRecordPayload = _save_field(EntityKind.ITEM, "power-list item")
    save_law: SaveRecordPayload = _save_field(EntityKind.LAW, "law or document")
    save_provision: SaveRecordPayload = _save_field(EntityKind.PROVISION, "provision")
    save_region: SaveRecordPayload = _save_field(EntityKind.REGION, "region")
    save_agreement: SaveRecordPayload = _save_field(EntityKind.AGREEMENT, "agreement")
    delete_record: DeleteRecordPayload = strawberry.mutation(
        resolver=resolve_delete_record,
        description=(
            "Delete one record where nothing refers to it (else Conflict naming the referrers); "
            "its history remains. The establishment office (编办) only."
        ),
    )
