"""Query area: the audit trail of one record."""

from __future__ import annotations

import strawberry

from graph_service import service
from graph_service.domain.enums import EntityKind
from graph_service.service.disputes import check_may_see

from ..context import Info
from ..types.connection import Connection, connection
from ..types.misc import RecordVersion, record_version


async def resolve_history(info: Info, kind: EntityKind, key: str) -> list[RecordVersion]:
    if kind is EntityKind.DISPUTE:  # a dispute's history is its parties' and the bureau's
        check_may_see(info.context.service, info.context.principal, key)
    entries = await service.history(info.context.service, kind, key)
    return [record_version(entry) for entry in entries]


async def resolve_history_page(
    info: Info, kind: EntityKind, key: str, first: int = 20, after: str | None = None
) -> Connection[RecordVersion]:
    if kind is EntityKind.DISPUTE:
        check_may_see(info.context.service, info.context.principal, key)
    page = await service.history_page(info.context.service, kind, key, first, after)
    return connection(page, record_version)


@strawberry.type
class HistoryQuery:
    history: list[RecordVersion] = strawberry.field(
        resolver=resolve_history,
        description=(
            "Every version of a record (its collection and key), oldest first: who wrote it, "
            "when, why and which fields changed. A deleted record keeps its history."
        ),
    )
    history_page: Connection[RecordVersion] = strawberry.field(
        resolver=resolve_history_page,
        description=(
            "`history` paged: `first` versions (0–200) after the cursor `after` (the "
            "`endCursor` of the previous page), oldest first."
        ),
    )
