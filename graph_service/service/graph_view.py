"""Use case: the neighbourhood of a record as nodes and edges for a graph view (DESIGN §7)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from graph_service.engine.graph_edges import EdgeKind
from graph_service.engine.graph_view import GraphView

from .context import ServiceContext
from .validation import require_text


def graph_view(
    ctx: ServiceContext,
    focus: str,
    at: date | None = None,
    depth: int = 1,
    kinds: Collection[EdgeKind] | None = None,
    limit: int = 200,
) -> GraphView:
    """The graph around ``focus`` (``kind:key`` or a bare key) on ``at`` (today when not given).

    Read from the in-memory projection: it never waits on the database. Raises
    ``ValidationError`` for a blank focus or ``depth``/``limit`` out of range and
    ``NotFoundError`` for a focus no record has.
    """
    focus = require_text("focus", focus)
    return ctx.projection.graph(focus, at or date.today(), depth, kinds, limit)
