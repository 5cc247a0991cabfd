"""The follower: change sets written by anyone else reach this process's projection.

Another instance on the same store, or ``graph-service load`` run against the data directory of a
running service, writes to the log; this task looks at the store's head revision every
``follow_interval`` (0.2 s by default; at once when a reader asks for a revision it has not seen)
and feeds whatever is new, in revision order, through the same dispatcher as local writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from graph_service.domain.errors import StorageError

from .cancellation import stop_if_asked
from .context import ServiceContext

log = logging.getLogger(__name__)
PAGE = 50


async def catch_up(ctx: ServiceContext) -> int:
    """Take in every change set after ``ctx.revision``; how many. The caller holds the write
    lock."""
    taken = 0
    while True:
        changes = await ctx.store.changes_since(ctx.revision, PAGE)
        for logged in changes:
            await ctx.dispatcher.committed(logged.as_change_set(), logged.record)
            taken += 1
        if len(changes) < PAGE:
            return taken


async def follow(ctx: ServiceContext) -> None:
    """Follow the store's log until cancelled."""
    failing = False
    while True:
        stop_if_asked()
        # asyncio.timeout, not wait_for: cancelling the follower (shutdown) while wait_for is
        # finishing its own timeout could leave the cancellation swallowed and the task running
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(ctx.options.follow_interval):
                await ctx.wake_follower.wait()
        ctx.wake_follower.clear()
        try:
            if await ctx.store.head_revision() > ctx.revision:
                async with ctx.write_lock:
                    taken = await catch_up(ctx)
                if taken:
                    log.info("took in %d change set(s) written elsewhere", taken)
            failing = False
        except StorageError as exc:
            if not failing:
                log.warning("cannot follow the store's change log: %s", exc)
            failing = True
