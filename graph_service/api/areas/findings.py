"""Query area: findings the justice bureau must coordinate."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service import service

from ..context import Info
from ..types.findings import FindingConnection, FindingFilter, finding_connection


def resolve_findings(
    info: Info,
    at: date | None = None,
    filter: FindingFilter | None = None,  # the GraphQL argument is named filter
    first: int = 20,
    after: str | None = None,
) -> FindingConnection:
    ctx = info.context.service
    page = service.list_findings(ctx, at, _criteria(filter), first, after)
    return finding_connection(ctx.records(), page)


def _criteria(given: FindingFilter | None) -> service.FindingFilter:
    if given is None:
        return service.FindingFilter()
    return service.FindingFilter(
        kinds=tuple(given.kinds or ()),
        severities=tuple(given.severities or ()),
        item=given.item,
        unit=given.unit,
        place=given.place,
    )


@strawberry.type
class FindingsQuery:
    findings: FindingConnection = strawberry.field(
        resolver=resolve_findings,
        description=(
            "Findings on a date (today when omitted), most severe first, paged with `first` and "
            "`after` (the `endCursor` of the previous page)."
        ),
    )
