"""Use case: the change log as an audit trail — who changed what, when and why — filtered by the
principal who wrote it and the kind of record it touched, paged like every list."""

from __future__ import annotations

from graph_service.domain.changes import LoggedChange, Revision
from graph_service.domain.enums import EntityKind

from .context import ServiceContext
from .pagination import Page, paginate
from .validation import require_page_size

_BATCH = 200


async def list_changes(
    ctx: ServiceContext,
    *,
    since: Revision = 0,
    by: str | None = None,
    kind: EntityKind | None = None,
    first: int = 20,
    after: str | None = None,
) -> Page[LoggedChange]:
    """Change sets after revision ``since``, oldest first, written by ``by`` and touching a
    record of ``kind`` (either filter optional)."""
    first = require_page_size("first", first)
    found: list[LoggedChange] = []
    cursor = max(since, 0)
    while True:
        batch = await ctx.store.changes_since(cursor, _BATCH)
        if not batch:
            break
        for change in batch:
            if by is not None and change.record.recorded_by != by:
                continue
            if kind is not None and not any(v.kind == kind for v in change.versions):
                continue
            found.append(change)
        cursor = batch[-1].revision
        if len(batch) < _BATCH:
            break
    return paginate(found, lambda c: (c.revision, c.record.id), first, after)
