"""Query area: a unit's power list."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service import service

from ..context import Info
from ..types.connection import Connection, connection
from ..types.power_list import PowerListEntry, power_list_entry


def resolve_power_list(info: Info, unit: str, at: date | None = None) -> list[PowerListEntry]:
    ctx = info.context.service
    records = ctx.records()
    return [power_list_entry(records, e) for e in service.power_list(ctx, unit, at)]


def resolve_power_list_page(
    info: Info, unit: str, at: date | None = None, first: int = 20, after: str | None = None
) -> Connection[PowerListEntry]:
    ctx = info.context.service
    records = ctx.records()
    page = service.power_list_page(ctx, unit, at, first, after)
    return connection(page, lambda e: power_list_entry(records, e))


@strawberry.type
class PowerListQuery:
    power_list: list[PowerListEntry] = strawberry.field(
        resolver=resolve_power_list,
        description="Every item a unit (its id) holds on a date (today when omitted).",
    )
    power_list_page: Connection[PowerListEntry] = strawberry.field(
        resolver=resolve_power_list_page,
        description=(
            "`powerList` paged: `first` rows (0–200) after the cursor `after` (the `endCursor` "
            "of the previous page), in the list's order (item, role, mode)."
        ),
    )
