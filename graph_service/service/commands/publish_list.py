"""Command: publish (公示) a unit's power list as it stands on a day: a new ``PublishedList``
version with every entry (item, role, mode, scopes), so later diffs can say what changed and
LIST_MISMATCH compares the published list with the holdings."""

from __future__ import annotations

from datetime import date

from graph_service.domain.changes import ChangeRecord, EntityRef
from graph_service.domain.errors import NotFoundError
from graph_service.domain.models import PublishedEntry, PublishedList, Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from .one_record import write


async def publish_list(
    ctx: ServiceContext, unit: str, at: date, *, by: str, note: str | None = None
) -> ChangeRecord:
    """Publish ``unit``'s power list on ``at`` as its next version."""

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        if unit not in projection.records.units:
            raise NotFoundError("unit", unit)
        entries = [
            PublishedEntry(item=e.item, role=e.role.value, mode=e.mode.value, scopes=list(e.scopes))
            for e in projection.power_list(unit, at)
        ]
        versions = [
            p.version for p in projection.records.published_lists.values() if p.unit == unit
        ]
        published = PublishedList(
            unit=unit,
            version=max(versions, default=0) + 1,
            published=at,
            items=list(dict.fromkeys(e.item for e in entries)),
            entries=entries,
            note=note,
        )
        return [published], []

    return await write(ctx, build, by=by, summary=f"公示 {unit} 权力清单（{at.isoformat()}）")
