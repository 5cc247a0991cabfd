"""Use case: import a power-list spreadsheet (权力清单) for a unit, previewed, all or nothing.

The file is read into grids (``reading``), its rows found and planned into one change set by the
engine (``engine.sheets``), previewed on the projection as an act is (``Projection.preview``)
and, unless it is a dry run or changes nothing, written through ``load_dataset`` with the file
name as its reason. Any problem refuses the whole file; nothing is written.

Not yet behind GraphQL: the mutation belongs to the ``establishment_office`` role; it will call
``import_list`` with the uploaded bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import check_dataset
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Law, Unit
from graph_service.engine.answers import Preview
from graph_service.engine.projection import Projection
from graph_service.engine.sheets.laws import LawIndex
from graph_service.engine.sheets.plan import ImportOptions, ImportPlan, Recorded, plan_import
from graph_service.engine.sheets.table import Grid, read_table

from ..context import ServiceContext
from ..load_dataset import load_dataset
from .lookup import lookup_of, published_of, resolve_unit
from .reading import read_bytes

SUMMARY = "权力清单未导入"


@dataclass(slots=True)
class ListImport:
    """What an import found and did: the plan, its preview, and the record if it was written."""

    file: str
    unit: Unit
    as_of: date
    plan: ImportPlan
    preview: Preview | None  # None when the list changes nothing
    record: ChangeRecord | None = None  # None for a dry run or an empty change


def preview_list_import(
    projection: Projection,
    grids: list[Grid],
    *,
    file: str,
    unit: str,
    as_of: date | None = None,
    doc: str | None = None,
    create_laws: bool = False,
    published: bool = False,
) -> ListImport:
    """The planned change of a list already read into grids, previewed; nothing is written."""
    records = projection.records
    target = resolve_unit(records, unit)
    day = as_of or date.today()
    lookup = lookup_of(records)
    options = ImportOptions(
        file=file,
        as_of=day,
        doc=_document(lookup.laws, doc),
        create_laws=create_laws,
        published=published,
    )
    table, problems = read_table(file, grids)
    if problems:
        raise ValidationError(problems, SUMMARY)
    recorded = Recorded(
        laws=lookup.laws,
        provisions=lookup.provisions,
        items=lookup.items,
        acts=lookup.acts.keys(),
        published=published_of(records, target.id),
        held={entry.item for entry in projection.power_list(target.id, day)},
    )
    plan, problems = plan_import(table, target, recorded, options)
    if plan is None:
        raise ValidationError(problems, SUMMARY)
    if plan.empty:
        return ListImport(file, target, day, plan, None)
    problems = check_dataset(plan.upserts, projection.dataset)
    if problems:  # the planner only refers to what exists or what it creates: a bug if reached
        raise ValidationError(problems, SUMMARY)
    change = ChangeSet(upserts=plan.upserts, recorded_by="preview")
    return ListImport(file, target, day, plan, projection.preview(change, day))


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

    Raises ``ValidationError`` with every problem in Chinese (``权力清单.xlsx 第12行 设定依据``), or
    ``NotFoundError`` for an unknown unit; in both cases nothing is written.
    """
    name = Path(filename).name
    grids = read_bytes(data, name)
    result = preview_list_import(
        ctx.projection,
        grids,
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


async def record_list_import(ctx: ServiceContext, result: ListImport, *, by: str) -> ListImport:
    """Write a previewed import (nothing when it changes nothing), with the file as the reason."""
    if result.plan.empty:
        return result
    reason = f"导入权力清单 {result.file}（{result.unit.name}，{result.as_of.isoformat()}）"
    result.record = await load_dataset(ctx, result.plan.upserts, by=by, summary=reason)
    return result


def _document(laws: Mapping[str, Law], doc: str | None) -> str | None:
    """The law id ``doc`` names: an id, a title or a document number (京政发〔2020〕9号)."""
    if doc is None or doc in laws:
        return doc
    found = LawIndex(laws.values(), []).laws(doc)
    if len(found) == 1:
        return found[0]
    raise ValidationError([Problem("doc", f"未找到文件“{doc}”")], SUMMARY)
