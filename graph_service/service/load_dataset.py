"""Use case: load a dataset, all or nothing, with the audit stamp on every record.

The incoming records are checked against the projection they will change (inside the write lock, so
no other write slips in between), stamped with who recorded them and when, written to the store as
one change set and only then applied to the projection. A failed check writes nothing; a failed
store write leaves both the store and the projection as they were.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import ValidationError
from graph_service.storage.port import HoldingsWriter

from .context import ServiceContext

log = logging.getLogger(__name__)


async def load_document(
    ctx: ServiceContext, document: object, *, replace: bool = False, by: str = "api"
) -> ChangeRecord:
    """Parse a JSON/YAML ``authority-graph/1`` document and load it (see ``load_dataset``)."""
    return await load_dataset(ctx, parse_document(document), replace=replace, by=by)


async def load_dataset(
    ctx: ServiceContext, incoming: Dataset, *, replace: bool = False, by: str = "api"
) -> ChangeRecord:
    """Upsert ``incoming`` (or, with ``replace``, make it the whole graph) and return the record.

    Raises ``ValidationError`` with every problem (paths into ``incoming``) when it does not fit.
    """
    async with ctx.write_lock:
        stored = None if replace else ctx.projection.dataset
        problems = check_dataset(incoming, stored)
        if problems:
            raise ValidationError(problems, "dataset is not valid")
        now = datetime.now(UTC)
        change = ChangeSet(
            recorded_at=now,
            recorded_by=by,
            summary=_summary(incoming, replace),
            replace=replace,
            upserts=stamped(incoming, now, by),
        )
        record = await ctx.store.apply(change)
        _advance_projection(ctx, change)
        await write_back_holdings(ctx, by)
        return record


async def write_back_holdings(ctx: ServiceContext, by: str) -> None:
    """Rewrite the derived holdings in a store that keeps them, for people browsing the graph."""
    if ctx.write_back_holdings and isinstance(ctx.store, HoldingsWriter):
        written = await ctx.store.write_holdings(ctx.projection.holdings(), recorded_by=by)
        log.info("wrote %d derived holdings back to the store", written)


def stamped(dataset: Dataset, at: datetime, by: str) -> Dataset:
    """``dataset`` with ``recorded_at``/``recorded_by`` set on every record that lacks them."""
    out: dict[str, list[object]] = {}
    for kind in EntityKind:
        rows: list[object] = []
        for record in dataset.collection(kind):
            update: dict[str, object] = {}
            if record.recorded_at is None:
                update["recorded_at"] = at
            if record.recorded_by is None:
                update["recorded_by"] = by
            rows.append(record.model_copy(update=update) if update else record)
        out[kind.value] = rows
    return Dataset.model_validate(out)


def _advance_projection(ctx: ServiceContext, change: ChangeSet) -> None:
    """Apply a stored change to the projection; rebuild it whole if the update fails midway.

    The store already holds the change, so the write has succeeded; a projection that failed to
    follow must not keep serving a half-applied state.
    """
    before = ctx.projection.dataset
    try:
        ctx.projection.apply(change)
    except Exception:
        log.exception("projection update failed for change %s; rebuilding it", change.id)
        ctx.projection = ctx.rebuild(change.applied_to(before))


def _summary(incoming: Dataset, replace: bool) -> str:
    counts = ", ".join(
        f"{len(incoming.collection(kind))} {kind.value}"
        for kind in EntityKind
        if incoming.collection(kind)
    )
    verb = "replace the graph with" if replace else "load"
    return f"{verb} {counts or 'nothing'}"
