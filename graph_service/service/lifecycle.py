"""Opening the service's state and running its background consumers.

``open_context`` reads a consistent snapshot of the store (the records and the revision they are
the state of) into a projection. ``running`` starts what hangs off the change log in the
background — the follower, and the derived ``HOLDS`` export, which first reconciles every item so
that a crash never leaves the graph browsable without holdings — and stops them on exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from graph_service.storage.port import GraphStore, HoldingsWriter

from .context import ProjectionFactory, ServiceContext, ServiceOptions
from .follow import follow
from .holdings_export import HoldingsExporter

log = logging.getLogger(__name__)
STOP_WAIT = 10.0  # seconds the background tasks get to stop once cancelled


async def open_context(
    store: GraphStore, build: ProjectionFactory, options: ServiceOptions | None = None
) -> ServiceContext:
    """The service state over ``store``, at the store's head revision."""
    snapshot = await store.snapshot()
    projection = await asyncio.to_thread(build, snapshot.dataset)
    ctx = ServiceContext(
        store=store,
        projection=projection,
        rebuild=build,
        revision=snapshot.revision,
        options=options or ServiceOptions(),
    )
    ctx.change_times = [t for t in await store.change_times(0) if t[0] <= snapshot.revision]
    return ctx


@asynccontextmanager
async def running(ctx: ServiceContext) -> AsyncIterator[ServiceContext]:
    """Run the follower and the holdings export while the caller serves."""
    tasks: list[asyncio.Task[None]] = []
    exporter: HoldingsExporter | None = None
    if ctx.options.write_back_holdings and isinstance(ctx.store, HoldingsWriter):
        exporter = HoldingsExporter(ctx, ctx.store)
        ctx.dispatcher.exporter = exporter
        exporter.mark(None, ctx.revision)  # reconcile whatever a crash left behind
        tasks.append(asyncio.create_task(exporter.run(), name="holdings-export"))
    tasks.append(asyncio.create_task(follow(ctx), name="follower"))
    try:
        yield ctx
    finally:
        await _stop(tasks)
        ctx.dispatcher.exporter = None


async def _stop(tasks: list[asyncio.Task[None]]) -> None:
    """Cancel the background tasks and wait for them, at most ``STOP_WAIT`` seconds: a task
    that does not stop is reported and left behind rather than holding up the shutdown."""
    for task in tasks:
        task.cancel()
    _, pending = await asyncio.wait(tasks, timeout=STOP_WAIT)
    for task in pending:
        log.error("background task %s did not stop within %.0f s", task.get_name(), STOP_WAIT)
    for task in tasks:
        if task.done():
            with contextlib.suppress(asyncio.CancelledError):
                task.result()  # a task that failed fails the shutdown, as before
