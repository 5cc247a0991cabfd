"""Query area: search items, units, regions and laws by name, code or alias."""

from __future__ import annotations

import strawberry

from graph_service import service
from graph_service.engine.answers import SearchKind

from ..context import Info
from ..types.misc import SearchHit, search_hit


def _search(info: Info, kind: SearchKind, text: str, limit: int) -> list[SearchHit]:
    return [search_hit(hit) for hit in service.search(info.context.service, kind, text, limit)]


def resolve_items(info: Info, text: str, limit: int = 20) -> list[SearchHit]:
    return _search(info, SearchKind.ITEM, text, limit)


def resolve_units(info: Info, text: str, limit: int = 20) -> list[SearchHit]:
    return _search(info, SearchKind.UNIT, text, limit)


def resolve_regions(info: Info, text: str, limit: int = 20) -> list[SearchHit]:
    return _search(info, SearchKind.REGION, text, limit)


def resolve_laws(info: Info, text: str, limit: int = 20) -> list[SearchHit]:
    return _search(info, SearchKind.LAW, text, limit)


@strawberry.type
class SearchQuery:
    search_items: list[SearchHit] = strawberry.field(
        resolver=resolve_items,
        description="Power items whose name or code matches the text, best first.",
    )
    search_units: list[SearchHit] = strawberry.field(
        resolver=resolve_units,
        description="Units whose name, alias or id matches the text, best first.",
    )
    search_regions: list[SearchHit] = strawberry.field(
        resolver=resolve_regions,
        description="Regions whose name, alias or code matches the text, best first.",
    )
    search_laws: list[SearchHit] = strawberry.field(
        resolver=resolve_laws,
        description="Laws whose title, number or id matches the text, best first.",
    )
