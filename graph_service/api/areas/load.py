"""Mutation area: load a dataset document (all or nothing).

A dataset that does not validate is an expected outcome, so it is a member of the payload union
(``ValidationFailed`` with every problem and its path) rather than a GraphQL error.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from graph_service import service
from graph_service.domain.errors import ValidationError

from ..context import Info


@strawberry.type(description="One thing wrong with the input: where (acts[12].from) and why.")
class Problem:
    path: str
    message: str


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


@strawberry.type(description="Nothing was written: every problem found, each with its path.")
class ValidationFailed:
    message: str
    problems: list[Problem]


LoadDatasetPayload = Annotated[
    LoadSucceeded | ValidationFailed, strawberry.union("LoadDatasetPayload")
]


async def resolve_load_dataset(
    info: Info, document: JSON, replace: bool = False
) -> LoadDatasetPayload:
    try:
        record = await service.load_document(
            info.context.service, document, replace=replace, by="graphql"
        )
    except ValidationError as error:
        return ValidationFailed(
            message=str(error),
            problems=[Problem(path=p.path, message=p.message) for p in error.problems],
        )
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
            "Load an authority-graph/1 document: upsert its records (or, with replace, make it "
            "the whole graph). All or nothing."
        ),
    )
