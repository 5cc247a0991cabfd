"""Answers as recorded on a day: the projection as the change log stood at the end of that day.

"What did our records say on R about T" (DESIGN §3): the state after the last change set recorded
by the end of R, whatever was amended, withdrawn or replaced since. The change sets after it are
read from the log and undone on a fork of the live projection (``Projection.as_recorded``): only
the items they touch are replayed, unless they changed a unit's or region's structure, when the
view is rebuilt in a worker thread. Views are cached per revision until the projection changes.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from graph_service.domain.changes import LoggedChange, Revision, undo_of
from graph_service.engine.projection import Projection
from graph_service.engine.recorded import cutoff

from .context import ServiceContext

PAGE = 200


def revision_recorded_by(ctx: ServiceContext, recorded_on: date | datetime) -> Revision:
    """The last revision recorded by the end of ``recorded_on`` (0: nothing yet)."""
    limit = cutoff(recorded_on)
    found = 0
    for revision, at in ctx.change_times:
        stamp = at if at.tzinfo else at.replace(tzinfo=limit.tzinfo)
        if stamp <= limit:
            found = max(found, revision)
    return found


async def projection_as_recorded(ctx: ServiceContext, recorded_on: date | datetime) -> Projection:
    """The projection as recorded at the end of ``recorded_on``."""
    revision = revision_recorded_by(ctx, recorded_on)
    live = ctx.projection
    if revision >= ctx.revision:
        return live
    cached = live.cached_view(revision)
    if cached is not None:
        return cached
    later: list[LoggedChange] = []
    while True:
        page = await ctx.store.changes_since(later[-1].revision if later else revision, PAGE)
        later += [c for c in page if c.revision <= ctx.revision]
        if len(page) < PAGE or (later and later[-1].revision >= ctx.revision):
            break
    undo = undo_of(later)
    if live.needs_rebuild(undo):
        return await asyncio.to_thread(live.as_recorded, revision, undo)
    return live.as_recorded(revision, undo)
