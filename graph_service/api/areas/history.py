"""Query area: the audit trail of one record."""

from __future__ import annotations

import strawberry

from graph_service import service
from graph_service.domain.enums import EntityKind

from ..context import Info
from ..types.misc import ChangeRecord, change_record


async def resolve_history(info: Info, kind: EntityKind, key: str) -> list[ChangeRecord]:
    records = await service.history(info.context.service, kind, key)
    return [change_record(r) for r in records]


@strawberry.type
class HistoryQuery:
    history: list[ChangeRecord] = strawberry.field(
        resolver=resolve_history,
        description="The change sets that wrote or deleted a record (its collection and key).",
    )
