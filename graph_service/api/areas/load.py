"""Mutation area: load a dataset document (all or nothing), for administrators only.

A dataset that does not validate is an expected outcome, so it is a member of the payload union
(``ValidationFailed`` with every problem and its path) rather than a GraphQL error; so is a caller
whose role may not load (``PermissionDenied``, answered by ``api/permissions.py``). ``replace``
wipes every record first, so it also needs ``confirm: true``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from graph_service import service
from graph_service.domain.errors import Problem, ValidationError

from ..context import Info
from ..types.payloads import PermissionDenied, ValidationFailed, validation_failed


@strawberry.type(description="The dataset was written; every record carries the audit stamp.")
class LoadSucceeded:
    revision: int = strawberry.field(
        description="The change log's revision of this write: pass it as atLeast to read it back."
    )
    change_id: str
    recorded_at: datetime
    recorded_by: str
    upserted: int
    deleted: int


LoadDatasetPayload = Annotated[
    LoadSucceeded | ValidationFailed | PermissionDenied, strawberry.union("LoadDatasetPayload")
]

UNCONFIRMED_REPLACE = Problem(
    "confirm",
    "replace: true 将删除全部现有记录，须同时传入 confirm: true / "
    "replace: true deletes every record first; pass confirm: true as well",
)


async def resolve_load_dataset(
    info: Info, document: JSON, replace: bool = False, confirm: bool = False
) -> LoadDatasetPayload:
    try:
        if replace and not confirm:
            raise ValidationError([UNCONFIRMED_REPLACE], "replace was not confirmed")
        record = await service.load_document(
            info.context.service, document, replace=replace, by=info.context.principal.name
        )
    except ValidationError as error:
        return validation_failed(error)
    return LoadSucceeded(
        revision=record.revision,
        change_id=record.id,
        recorded_at=record.recorded_at,
        recorded_by=record.recorded_by,
        upserted=record.upserted,
        deleted=record.deleted,
    )


@strawberry.type
class LoadMutation:
    load_dataset: LoadDatasetPayload = strawberry.mutation(
        resolver=resolve_load_dataset,
        description=(
            "Load an authority-graph/1 document: upsert its records (or, with replace and "
            "confirm, make it the whole graph). All or nothing. Administrators only."
        ),
    )
