"""After a change set is committed: the one dispatcher every consumer hangs off.

Called with the write lock held, in revision order, for every change set the log gains — those
this process wrote (before the write answers: read-your-writes) and those the follower reads from
the store (the CLI, another instance). In order:

1. the projection advances: in place when the change replays a few items; rebuilt on a copy in a
   worker thread and swapped in when it reaches everything (a unit's or region's structure, a
   replace), so reads go on meanwhile; a change that only renames replays nothing;
2. the derived ``HOLDS`` export is told which ``(unit, item)`` pairs' holdings changed (it
   writes them later, off the request path: ``holdings_export.py``);
3. a change event is published (subscriptions) and readers waiting for this revision wake up.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.engine.moved import Moved

from .context import ServiceContext
from .events import ChangeEvent

if TYPE_CHECKING:
    from .holdings_export import HoldingsExporter

log = logging.getLogger(__name__)
EVERYTHING = Moved(None, None)  # after a rebuild: any item's holdings may have changed
# references to the replaced projection when only ``_advance_projection`` holds it (its local,
# and the call's argument): then freeing it piecewise in a worker thread cannot pull the state
# from under a reader, and the event loop is spared the half second of freeing it at once
_ONLY_HERE = 2


class Dispatcher:
    """Feeds one committed change set to every consumer of this process."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self.exporter: HoldingsExporter | None = None  # set while the export runs

    async def committed(self, change: ChangeSet, record: ChangeRecord) -> None:
        ctx = self._ctx
        if record.revision <= ctx.revision:
            return  # already taken in (a follower racing a local write)
        moved = await self._advance_projection(change)
        ctx.revision = record.revision
        ctx.change_times.append((record.revision, record.recorded_at))
        if self.exporter is not None:
            self.exporter.mark(moved.items, record.revision, moved.pairs)
        ctx.events.publish(ChangeEvent(record, tuple(change.touched()), moved.items))
        waiting: list[tuple[int, asyncio.Future[None]]] = []
        for wanted, future in ctx.waiters:
            if wanted <= ctx.revision:
                if not future.done():
                    future.set_result(None)
            else:
                waiting.append((wanted, future))
        ctx.waiters[:] = waiting

    async def _advance_projection(self, change: ChangeSet) -> Moved:
        ctx = self._ctx
        projection = ctx.projection
        try:
            if projection.needs_rebuild(change):
                ctx.projection = await asyncio.to_thread(projection.rebuild_job(change))
                if sys.getrefcount(projection) <= _ONLY_HERE:  # no reader still holds it
                    await asyncio.to_thread(projection.dismantle)
                return EVERYTHING
            return projection.update(change)
        except Exception:
            # The store holds the change: the write has succeeded. A projection that failed to
            # follow must not keep serving a half-applied state.
            log.exception("projection update failed for change %s; rebuilding it", change.id)
            ctx.projection = await asyncio.to_thread(
                ctx.rebuild, change.applied_to(projection.dataset)
            )
            return EVERYTHING
