"""Command: load a dataset, all or nothing, with the audit stamp on every record.

The incoming records are checked against the projection they will change (inside the write lock,
so no other write slips in between), stamped with who recorded them and when, and written to the
store as one change set; with ``replace`` every record not in the dataset is deleted, and the log
keeps each deletion. A failed check writes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import ValidationError
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..write import commit

KIND_LABELS = {
    EntityKind.REGION: "区划",
    EntityKind.UNIT: "执法主体",
    EntityKind.LAW: "法规",
    EntityKind.PROVISION: "条款",
    EntityKind.ITEM: "事项",
    EntityKind.ACT: "决定",
    EntityKind.AGREEMENT: "协议",
    EntityKind.PUBLISHED_LIST: "公示清单",
    EntityKind.DISPUTE: "执法争议",
}


async def load_document(
    ctx: ServiceContext,
    document: object,
    *,
    replace: bool = False,
    by: str = "api",
    comment: str | None = None,
) -> ChangeRecord:
    """Parse a JSON/YAML ``authority-graph/1`` document and load it (see ``load_dataset``)."""
    incoming = parse_document(document)
    return await load_dataset(ctx, incoming, replace=replace, by=by, comment=comment)


async def load_dataset(
    ctx: ServiceContext,
    incoming: Dataset,
    *,
    replace: bool = False,
    by: str = "api",
    comment: str | None = None,
) -> ChangeRecord:
    """Upsert ``incoming`` (or, with ``replace``, make it the whole graph); the log entry.

    Raises ``ValidationError`` with every problem (paths into ``incoming``) when it does not fit.
    """

    def command(projection: Projection) -> ChangeSet:
        stored = None if replace else projection.records.by_kind
        problems = check_dataset(incoming, stored)
        if problems:
            raise ValidationError(problems, "dataset is not valid")
        now = datetime.now(UTC)
        return ChangeSet(
            recorded_at=now,
            recorded_by=by,
            summary=summary_of(incoming, replace),
            comment=comment,
            replace=replace,
            upserts=stamped(incoming, now, by),
        )

    return await commit(ctx, command)


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


def summary_of(incoming: Dataset, replace: bool) -> str:
    counts = "、".join(
        f"{KIND_LABELS[kind]}{len(incoming.collection(kind))}条"
        for kind in EntityKind
        if incoming.collection(kind)
    )
    verb = "整体替换为" if replace else "载入"
    return f"{verb}数据集：{counts or '无记录'}"
