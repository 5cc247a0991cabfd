"""Use case: export a unit's power list on a date, or a published version, as XLSX or CSV.

Read-only and public like ``powerList``: the rows come from the projection (``engine.sheets``),
quickly, and ``encode_list`` turns them into a file (``writing``), the slow part, which a caller on
the event loop runs in a worker thread. The same rows import back as an empty change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from graph_service.domain.errors import NotFoundError
from graph_service.engine.projection import Projection
from graph_service.engine.sheets.export_rows import ListSheet, list_sheet, published_sheet

from ..context import ServiceContext
from .lookup import lookup_of, published_of, resolve_unit
from .writing import csv_bytes, xlsx_bytes


class ListFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


MEDIA_TYPES = {
    ListFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ListFormat.CSV: "text/csv; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class ExportedList:
    filename: str  # ASCII: power-list-<unit>-<date or v<version>>.<format>
    media_type: str
    content: bytes
    rows: int


def list_rows(
    projection: Projection, unit: str, at: date | None = None, version: int | None = None
) -> ListSheet:
    """The rows of ``unit``'s list on ``at`` (today), or of its published ``version``."""
    records = projection.records
    target = resolve_unit(records, unit)
    lookup = lookup_of(records)
    if version is None:
        day = at or date.today()
        return list_sheet(target, projection.power_list(target.id, day), lookup, day)
    versions = {p.version: p for p in published_of(records, target.id)}
    if version not in versions:
        raise NotFoundError("published list", f"{target.id}@{version}")
    listed = versions[version]
    return published_sheet(target, version, listed.published, listed.items, lookup)


def encode_list(sheet: ListSheet, fmt: ListFormat) -> ExportedList:
    """The rows as a file (pure CPU work: the API runs it in a worker thread)."""
    content = xlsx_bytes(sheet) if fmt is ListFormat.XLSX else csv_bytes(sheet)
    return ExportedList(f"{sheet.name}.{fmt.value}", MEDIA_TYPES[fmt], content, len(sheet.rows))


def render_list(
    projection: Projection,
    unit: str,
    fmt: ListFormat,
    at: date | None = None,
    version: int | None = None,
) -> ExportedList:
    """``list_rows`` then ``encode_list``."""
    return encode_list(list_rows(projection, unit, at, version), fmt)


def export_list(
    ctx: ServiceContext, unit: str, at: date | None = None, version: int | None = None
) -> ListSheet:
    """The rows of ``unit``'s list to export (``encode_list`` makes the file); ``NotFoundError``
    for an unknown unit or version."""
    return list_rows(ctx.projection, unit, at, version)
