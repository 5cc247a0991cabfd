"""Use case: who is competent for an item at a place on a date, and why (DESIGN.md §4)."""

from __future__ import annotations

from datetime import date

from graph_service.engine.answers import JurisdictionAnswer

from .as_recorded import projection_as_recorded
from .context import ServiceContext
from .validation import require_text


async def ask_jurisdiction(
    ctx: ServiceContext,
    item: str,
    place: str,
    at: date | None = None,
    as_recorded_on: date | None = None,
) -> JurisdictionAnswer:
    """The engine's answer for ``item`` at ``place`` on ``at`` (today when not given).

    With ``as_recorded_on`` it is what our records said at the end of that day, as the change
    log stood then ("what did we record, and when"): later amendments, withdrawals and replaces
    are undone.

    Raises ``NotFoundError`` for an unknown item or place (the engine checks both).
    """
    item = require_text("item", item)
    place = require_text("place", place)
    projection = ctx.projection
    if as_recorded_on is not None:
        projection = await projection_as_recorded(ctx, as_recorded_on)
    return projection.jurisdiction(item, place, at or date.today())
