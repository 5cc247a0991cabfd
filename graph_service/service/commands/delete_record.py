"""Command: delete one record, only where nothing refers to it (else ``InUseError`` naming the
referrers). The change log keeps the deleted version, so its history remains."""

from __future__ import annotations

from graph_service.domain.changes import ChangeRecord, EntityRef, Revision
from graph_service.domain.dataset import referrers
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import InUseError
from graph_service.domain.models import Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from .one_record import NOUNS, existing, write


async def delete_record(
    ctx: ServiceContext,
    kind: EntityKind,
    key: str,
    *,
    by: str,
    comment: str | None = None,
    expected_revision: Revision | None = None,
) -> ChangeRecord:
    """Delete ``kind``/``key``; refused while another record refers to it."""
    ref = EntityRef(kind=kind, key=key)

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        existing(projection, kind, key)
        using = referrers(projection.dataset, kind, key)
        if using:
            raise InUseError(kind.value, key, using)
        return [], [ref]

    return await write(
        ctx,
        build,
        by=by,
        summary=f"删除{NOUNS[kind]} {key}",
        comment=comment,
        expect=(ref, expected_revision),
    )
