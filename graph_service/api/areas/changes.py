"""Query area: the change log as an audit trail (who, when, why, what), for the justice bureau."""

from __future__ import annotations

import strawberry

from graph_service import service
from graph_service.domain.changes import LoggedChange
from graph_service.domain.enums import EntityKind

from ..context import Info
from ..types.misc import ChangeRecord, change_record


@strawberry.type(description="A record a change set wrote or deleted.")
class TouchedRecord:
    kind: EntityKind
    key: str


@strawberry.type(description="One change set of the log.")
class ChangeEntry:
    change: ChangeRecord
    touched: list[TouchedRecord]


@strawberry.type
class ChangeEdge:
    node: ChangeEntry
    cursor: str


@strawberry.type(description="A page of change sets, oldest first.")
class ChangeConnection:
    edges: list[ChangeEdge]
    total_count: int
    has_next_page: bool
    end_cursor: str | None


def _entry(logged: LoggedChange) -> ChangeEntry:
    return ChangeEntry(
        change=change_record(logged.record),
        touched=[TouchedRecord(kind=v.kind, key=v.key) for v in logged.versions],
    )


async def resolve_changes(
    info: Info,
    since: int = 0,
    by: str | None = None,
    kind: EntityKind | None = None,
    first: int = 20,
    after: str | None = None,
) -> ChangeConnection:
    page = await service.list_changes(
        info.context.service, since=since, by=by, kind=kind, first=first, after=after
    )
    return ChangeConnection(
        edges=[ChangeEdge(node=_entry(e.node), cursor=e.cursor) for e in page.edges],
        total_count=page.total_count,
        has_next_page=page.has_next_page,
        end_cursor=page.end_cursor,
    )


@strawberry.type
class ChangesQuery:
    changes: ChangeConnection = strawberry.field(
        resolver=resolve_changes,
        description=(
            "Change sets after revision `since`, oldest first: written by `by` (a principal's "
            "name) and touching a record of `kind`, when given."
        ),
    )
