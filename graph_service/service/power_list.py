"""Use case: a unit's power list (权力清单) on a date, as derived from the acts, whole or paged.

The biggest Beijing unit holds 1,304 rows (813 KB of JSON): clients page it with ``first``/
``after``. The list is computed once per (unit, day) and revision (``Projection``'s cache) and
paged by bisecting its sort keys (``pagination.Sorted``).
"""

from __future__ import annotations

from datetime import date

from graph_service.engine.answers import PowerListEntry
from graph_service.engine.projection import Projection

from .context import ServiceContext
from .pagination import Page, Sorted, SortKey, joined_key
from .validation import require_page_size, require_text


def power_list(ctx: ServiceContext, unit: str, at: date | None = None) -> list[PowerListEntry]:
    """Every item ``unit`` holds on ``at`` (today when not given); ``NotFoundError`` if unknown."""
    unit = require_text("unit", unit)
    return ctx.projection.power_list(unit, at or date.today())


def power_list_page(
    ctx: ServiceContext,
    unit: str,
    at: date | None = None,
    first: int = 20,
    after: str | None = None,
) -> Page[PowerListEntry]:
    """One page of ``power_list``, in its order (item, role, mode)."""
    return power_list_page_of(ctx.projection, unit, at or date.today(), first, after)


def power_list_page_of(
    projection: Projection, unit: str, at: date, first: int = 20, after: str | None = None
) -> Page[PowerListEntry]:
    """``power_list_page`` on a projection (what the engine benchmark times)."""
    unit = require_text("unit", unit)
    require_page_size("first", first)

    def sort() -> Sorted[PowerListEntry]:
        return Sorted.of(projection.sorted_power_list(unit, at), entry_key)

    return projection.derived(("powerList", unit, at), sort).page(first, after)


def entry_key(entry: PowerListEntry) -> SortKey:
    """The list's own order as a cursor key: (item, role, mode)."""
    return joined_key(entry.item, entry.role.value, entry.mode.value)
