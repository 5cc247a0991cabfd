"""Typed views of the projection's records that the spreadsheet use cases need."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotFoundError
from graph_service.domain.models import Act, Law, PowerItem, Provision, PublishedList, Region, Unit
from graph_service.engine.records import Records
from graph_service.engine.sheets.columns import compact
from graph_service.engine.sheets.export_rows import Lookup


def lookup_of(records: Records) -> Lookup:
    # Each collection holds only its own model (Records is keyed by EntityKind).
    return Lookup(
        items=cast(Mapping[str, PowerItem], records[EntityKind.ITEM]),
        provisions=cast(Mapping[str, Provision], records[EntityKind.PROVISION]),
        laws=cast(Mapping[str, Law], records[EntityKind.LAW]),
        regions=cast(Mapping[str, Region], records[EntityKind.REGION]),
        acts=cast(Mapping[str, Act], records[EntityKind.ACT]),
    )


def published_of(records: Records, unit: str) -> list[PublishedList]:
    lists = cast(Mapping[str, PublishedList], records[EntityKind.PUBLISHED_LIST])
    return sorted((p for p in lists.values() if p.unit == unit), key=lambda p: p.version)


def resolve_unit(records: Records, wanted: str) -> Unit:
    """A unit by id, else by its name or an alias (区城管执法局); ``NotFoundError`` otherwise."""
    units = cast(Mapping[str, Unit], records[EntityKind.UNIT])
    if wanted in units:
        return units[wanted]
    key = compact(wanted)
    found = [u for u in units.values() if key in {compact(n) for n in (u.name, *u.aliases)}]
    if len(found) == 1:
        return found[0]
    raise NotFoundError("unit", wanted)
