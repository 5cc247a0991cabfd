"""Query area: jurisdiction (who is competent, and why)."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service import service

from ..context import Info
from ..types.jurisdiction import JurisdictionAnswer, jurisdiction_answer


async def resolve_jurisdiction(
    info: Info,
    item: str,
    place: str,
    at: date | None = None,
    as_recorded_on: date | None = None,
) -> JurisdictionAnswer:
    ctx = info.context.service
    answer = await service.ask_jurisdiction(ctx, item, place, at, as_recorded_on)
    return jurisdiction_answer(ctx.records(), answer)


@strawberry.type
class JurisdictionQuery:
    jurisdiction: JurisdictionAnswer = strawberry.field(
        resolver=resolve_jurisdiction,
        description=(
            "Who is competent for an item (its code) at a place (a region code) on a date "
            "(today when omitted), with the legal basis and the chain of acts behind each holder. "
            "With asRecordedOn: what our records said at the end of that day."
        ),
    )
