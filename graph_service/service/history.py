"""Use case: the audit trail of one record (what was recorded about it, when and by whom)."""

from __future__ import annotations

from graph_service.domain.changes import ChangeRecord
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotFoundError

from .context import ServiceContext
from .validation import require_text


async def history(ctx: ServiceContext, kind: EntityKind, key: str) -> list[ChangeRecord]:
    """The change sets that wrote or deleted the record, oldest first.

    A record that is neither stored now nor mentioned by any change is unknown: ``NotFoundError``
    (a deleted record still has its history).
    """
    key = require_text("key", key)
    records = await ctx.store.history(kind, key)
    if not records and not _exists(ctx, kind, key):
        raise NotFoundError(kind.value.rstrip("s"), key)
    return records


def _exists(ctx: ServiceContext, kind: EntityKind, key: str) -> bool:
    return any(record.key == key for record in ctx.projection.dataset.collection(kind))
