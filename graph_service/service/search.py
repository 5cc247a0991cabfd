"""Use case: find items, units, regions or laws by name, code or alias."""

from __future__ import annotations

from graph_service.engine.answers import SearchHit, SearchKind

from .context import ServiceContext
from .validation import require_page_size, require_text


def search(ctx: ServiceContext, kind: SearchKind, text: str, limit: int = 20) -> list[SearchHit]:
    """The best ``limit`` hits of ``kind`` for ``text``, best first (the engine ranks them)."""
    text = require_text("text", text)
    limit = require_page_size("limit", limit)
    return ctx.projection.search(kind, text, limit)
