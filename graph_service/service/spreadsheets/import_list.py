"""Use case, read side: what importing a power-list spreadsheet (权力清单) would change.

The file, already read into grids (``reading``), is planned into one change set by the engine
(``engine.sheets``: header, columns, 设定依据, items, provisions, the assign act or list version)
and previewed on the projection as an act is (``Projection.preview``). Nothing is written here:
``commands/import_list.py`` records a previewed import. Any problem refuses the whole file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import check_dataset
from graph_service.domain.errors import Problem, ValidationError
from graph_service.domain.models import Law, Unit
from graph_service.engine.answers import Preview
from graph_service.engine.projection import Projection
from graph_service.engine.sheets.laws import LawIndex
from graph_service.engine.sheets.plan import ImportOptions, ImportPlan, Recorded, plan_import
from graph_service.engine.sheets.table import Grid, read_table

from .lookup import lookup_of, published_of, resolve_unit

SUMMARY = "权力清单未导入"


@dataclass(slots=True)
class ListImport:
    """What an import found and did: the plan, its preview, and the log entry once written."""

    unit: Unit
    options: ImportOptions
    plan: ImportPlan
    grids: list[Grid] = field(repr=False)
    preview: Preview | None = None  # None when the list changes nothing
    record: ChangeRecord | None = None  # None for a dry run or an empty change

    @property
    def file(self) -> str:
        return self.options.file

    @property
    def as_of(self) -> date:
        return self.options.as_of


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
    """The planned change of a list already read into grids, previewed; nothing is written.

    Raises ``ValidationError`` with every problem in Chinese (``权力清单.xlsx 第12行 设定依据``),
    or ``NotFoundError`` for an unknown unit.
    """
    records = projection.records
    target = resolve_unit(records, unit)
    options = ImportOptions(
        file=file,
        as_of=as_of or date.today(),
        doc=_document(lookup_of(records).laws, doc),
        create_laws=create_laws,
        published=published,
    )
    result = plan_list_import(projection, grids, target, options)
    if not result.plan.empty:
        change = ChangeSet(upserts=result.plan.upserts, recorded_by="preview")
        result.preview = projection.preview(change, options.as_of)
    return result


def plan_list_import(
    projection: Projection, grids: list[Grid], unit: Unit, options: ImportOptions
) -> ListImport:
    """The plan of the list against ``projection`` (no preview); ``ValidationError`` if bad."""
    table, problems = read_table(options.file, grids)
    if problems:
        raise ValidationError(problems, SUMMARY)
    records = projection.records
    lookup = lookup_of(records)
    recorded = Recorded(
        laws=lookup.laws,
        provisions=lookup.provisions,
        items=lookup.items,
        acts=lookup.acts.keys(),
        published=published_of(records, unit.id),
        held={entry.item for entry in projection.power_list(unit.id, options.as_of)},
    )
    plan, problems = plan_import(table, unit, recorded, options)
    if plan is None:
        raise ValidationError(problems, SUMMARY)
    problems = check_dataset(plan.upserts, projection.dataset) if not plan.empty else []
    if problems:  # the planner only refers to what exists or what it creates: a bug if reached
        raise ValidationError(problems, SUMMARY)
    return ListImport(unit, options, plan, grids)


def _document(laws: Mapping[str, Law], doc: str | None) -> str | None:
    """The law id ``doc`` names: an id, a title or a document number (京政发〔2020〕9号)."""
    if doc is None or doc in laws:
        return doc
    found = LawIndex(laws.values(), []).laws(doc)
    if len(found) == 1:
        return found[0]
    raise ValidationError([Problem("doc", f"未找到文件“{doc}”")], SUMMARY)
