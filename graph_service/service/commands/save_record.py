"""Command: save (upsert) one record of a kind other than acts — a unit, item, law, provision,
region or agreement — checked against the whole graph (references, cycles, e.g. a unit
abolished on a day with a successor that must exist)."""

from __future__ import annotations

from graph_service.domain.changes import ChangeRecord, EntityRef, Revision
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from .one_record import NOUNS, check_one, parse_one, write

SAVED_KINDS = (
    EntityKind.REGION,
    EntityKind.UNIT,
    EntityKind.LAW,
    EntityKind.PROVISION,
    EntityKind.ITEM,
    EntityKind.AGREEMENT,
)


async def save_record(
    ctx: ServiceContext,
    kind: EntityKind,
    record: object,
    *,
    by: str,
    comment: str | None = None,
    document: str | None = None,
    expected_revision: Revision | None = None,
) -> tuple[Record, ChangeRecord]:
    """Upsert ``record`` of ``kind``; the record as stored and the log entry."""
    if kind not in SAVED_KINDS:
        raise ValueError(f"{kind} is not saved by save_record")
    name = NOUNS[kind]
    parsed = parse_one(kind, record, name)

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        check_one(projection, parsed, name)
        return [parsed], []

    change = await write(
        ctx,
        build,
        by=by,
        summary=f"保存{name} {parsed.key}",
        comment=comment,
        document=document,
        expect=(EntityRef(kind=kind, key=parsed.key), expected_revision),
    )
    return ctx.projection.records[kind][parsed.key], change
