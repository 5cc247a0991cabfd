"""Query area: the graph around a unit, item, region, act, law or agreement, for graph views."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service import service
from graph_service.engine.graph_edges import EdgeKind

from ..context import Info
from ..types.graph import Graph, graph


def resolve_graph(
    info: Info,
    focus: str,
    depth: int = 1,
    at: date | None = None,
    kinds: list[EdgeKind] | None = None,
    limit: int = 200,
) -> Graph:
    return graph(service.graph_view(info.context.service, focus, at, depth, kinds, limit))


@strawberry.type
class GraphQuery:
    graph: Graph = strawberry.field(
        resolver=resolve_graph,
        description=(
            "The neighbourhood of a record on a date (today when omitted), as nodes and edges "
            "ready for a graph view. `focus` is `kind:key` (unit:dx-wsjkw, item:SEED-CF-014, "
            "region:110115001000, act:…, law:…, agreement:…) or a bare key; `depth` 1–3 steps; "
            "`kinds` keeps only those edge kinds (all when omitted); at most `limit` (1–2000) "
            "nodes, nearest first, with `truncated` and the totals when the cap bites."
        ),
    )
