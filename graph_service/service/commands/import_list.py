"""Command: record a power-list import (权力清单) as one change, exactly as it was previewed.

Inside the write lock the list is planned again against the current projection; if anything was
recorded since the preview and the change would differ, the import is refused (``ConflictError``)
rather than writing something nobody previewed. The change set keeps the file as its reason
(``comment``), the deciding document (``--doc``) as its ``document``, and every record the audit
stamp. Not yet behind GraphQL: the mutation belongs to the ``establishment_office`` role and will
call ``import_list`` with the uploaded bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from graph_service.domain.changes import ChangeSet
from graph_service.domain.errors import ConflictError
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..spreadsheets.import_list import ListImport, plan_list_import, preview_list_import
from ..spreadsheets.reading import read_bytes
from ..write import commit
from .load_dataset import stamped


async def import_list(
    ctx: ServiceContext,
    data: bytes,
    filename: str,
    unit: str,
    *,
    as_of: date | None = None,
    doc: str | None = None,
    create_laws: bool = False,
    published: bool = False,
    dry_run: bool = False,
    by: str = "api",
) -> ListImport:
    """Read, plan, preview and (unless ``dry_run``) record a power list for ``unit``.

    Raises ``ValidationError`` with every problem in Chinese, ``NotFoundError`` for an unknown
    unit; in both cases nothing is written.
    """
    name = Path(filename).name
    result = preview_list_import(
        ctx.projection,
        read_bytes(data, name),
        file=name,
        unit=unit,
        as_of=as_of,
        doc=doc,
        create_laws=create_laws,
        published=published,
    )
    if dry_run:
        return result
    return await record_list_import(ctx, result, by=by)


async def record_list_import(ctx: ServiceContext, previewed: ListImport, *, by: str) -> ListImport:
    """Write a previewed import (nothing when it changes nothing); the log entry in ``record``."""
    if previewed.plan.empty:
        return previewed

    def command(projection: Projection) -> ChangeSet:
        again = plan_list_import(projection, previewed.grids, previewed.unit, previewed.options)
        if again.plan.upserts != previewed.plan.upserts:
            raise ConflictError("预览之后库中记录已有变化，请重新预览后再导入")
        now = datetime.now(UTC)
        return ChangeSet(
            recorded_at=now,
            recorded_by=by,
            summary=_summary(previewed),
            comment=f"导入权力清单 {previewed.file}",
            document=previewed.options.doc,
            upserts=stamped(previewed.plan.upserts, now, by),
        )

    previewed.record = await commit(ctx, command)
    return previewed


def _summary(result: ListImport) -> str:
    plan = result.plan
    parts = [f"事项新增{len(plan.new_items)}项、更新{len(plan.updated_items)}项"]
    if plan.new_provisions:
        parts.append(f"条款新增{len(plan.new_provisions)}条")
    if plan.new_laws:
        parts.append(f"法规新建{len(plan.new_laws)}部（待核实）")
    if plan.act:
        parts.append(f"赋予决定 {plan.act}（待法制审核）")
    if plan.version:
        parts.append(f"公示清单第{plan.version}版")
    when = result.as_of.isoformat()
    return f"导入{result.unit.name}权力清单（{when}）：" + "，".join(parts)
