"""Typed views of the projection's records that the spreadsheet use cases need."""

from __future__ import annotations

from graph_service.domain.errors import NotFoundError
from graph_service.domain.models import PublishedList, Unit
from graph_service.engine.records import Records
from graph_service.engine.sheets.columns import compact
from graph_service.engine.sheets.export_rows import Lookup


def lookup_of(records: Records) -> Lookup:
    return Lookup(
        items=records.items,
        provisions=records.provisions,
        laws=records.laws,
        regions=records.regions,
        acts=records.acts,
    )


def published_of(records: Records, unit: str) -> list[PublishedList]:
    lists = records.published_lists.values()
    return sorted((p for p in lists if p.unit == unit), key=lambda p: p.version)


def resolve_unit(records: Records, wanted: str) -> Unit:
    """A unit by id, else by its name or an alias (区城管执法局); ``NotFoundError`` otherwise."""
    units = records.units
    if wanted in units:
        return units[wanted]
    key = compact(wanted)
    found = [u for u in units.values() if key in {compact(n) for n in (u.name, *u.aliases)}]
    if len(found) == 1:
        return found[0]
    raise NotFoundError("unit", wanted)
