"""Use case: a unit's power list (权力清单) on a date, as derived from the acts."""

from __future__ import annotations

from datetime import date

from graph_service.engine.answers import PowerListEntry

from .context import ServiceContext
from .validation import require_text


def power_list(ctx: ServiceContext, unit: str, at: date | None = None) -> list[PowerListEntry]:
    """Every item ``unit`` holds on ``at`` (today when not given); ``NotFoundError`` if unknown."""
    unit = require_text("unit", unit)
    return ctx.projection.power_list(unit, at or date.today())
