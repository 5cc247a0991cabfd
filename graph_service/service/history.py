"""Use case: the history of one record — every version, who wrote it, when, why and what changed."""

from __future__ import annotations

from graph_service.domain.changes import HistoryEntry
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotFoundError

from .context import ServiceContext
from .pagination import Page, Sorted
from .validation import require_page_size, require_text


async def history(ctx: ServiceContext, kind: EntityKind, key: str) -> list[HistoryEntry]:
    """The versions of the record, oldest first, each with its change set's log entry.

    A record that is neither stored now nor in the log is unknown: ``NotFoundError`` (a deleted
    record keeps its history).
    """
    key = require_text("key", key)
    entries = await ctx.store.record_versions(kind, key)
    if not entries and key not in ctx.projection.records[kind]:
        raise NotFoundError(kind.value.rstrip("s"), key)
    return entries


async def history_page(
    ctx: ServiceContext, kind: EntityKind, key: str, first: int = 20, after: str | None = None
) -> Page[HistoryEntry]:
    """One page of ``history``, oldest first; the cursor is the version's revision."""
    require_page_size("first", first)
    entries = await history(ctx, kind, key)
    return Sorted.of(entries, lambda e: (e.change.revision, "")).page(first, after)
