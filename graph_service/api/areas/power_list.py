"""Query area: a unit's power list."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service import service

from ..context import Info
from ..types.power_list import PowerListEntry, power_list_entry


def resolve_power_list(info: Info, unit: str, at: date | None = None) -> list[PowerListEntry]:
    ctx = info.context.service
    records = ctx.records()
    return [power_list_entry(records, e) for e in service.power_list(ctx, unit, at)]


@strawberry.type
class PowerListQuery:
    power_list: list[PowerListEntry] = strawberry.field(
        resolver=resolve_power_list,
        description="Every item a unit (its id) holds on a date (today when omitted).",
    )
