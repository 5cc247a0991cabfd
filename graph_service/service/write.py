"""The write path every command takes: check against the projection, commit as the next
revision, dispatch.

A command is a function from the current projection to a change set (it validates and raises
``ValidationError`` with every problem). ``commit`` runs it under the write lock, writes the
change set with the projection's revision as the expected head — so a change checked against an
older state is never written — and, when another process wrote first (``HeadMovedError``), takes
its change sets in and checks the command again. After the commit the dispatcher advances the
projection before ``commit`` returns, so the writer reads its own write.
"""

from __future__ import annotations

from collections.abc import Callable

from graph_service.domain.changes import ChangeRecord, ChangeSet, EntityRef, Revision
from graph_service.domain.errors import HeadMovedError, StaleRevisionError
from graph_service.engine.projection import Projection

from .context import ServiceContext
from .follow import catch_up

Command = Callable[[Projection], ChangeSet]
ATTEMPTS = 5


async def commit(
    ctx: ServiceContext,
    command: Command,
    *,
    expect: tuple[EntityRef, Revision] | None = None,
) -> ChangeRecord:
    """Run ``command`` against the current projection and write its change set; its log entry.

    ``expect`` is optimistic concurrency: the record and the revision of its latest version the
    caller saw (``expectedRevision``). It is checked under the lock, before every attempt — the
    head check then makes it race-free — and a stale one raises ``StaleRevisionError``: nothing
    is written.
    """
    dispatcher = ctx.dispatcher
    async with ctx.write_lock:
        for attempt in range(ATTEMPTS):
            if expect is not None:
                await _check_expected(ctx, *expect)
            change = command(ctx.projection)
            try:
                record = await ctx.store.apply(change, expected_head=ctx.revision)
            except HeadMovedError:
                if attempt == ATTEMPTS - 1:
                    raise
                await catch_up(ctx)
                continue
            await dispatcher.committed(change, record)
            return record
    raise AssertionError("unreachable")  # pragma: no cover


async def latest_revision(ctx: ServiceContext, ref: EntityRef) -> Revision:
    """The revision of the record's latest version in the log (0: never written)."""
    versions = await ctx.store.record_versions(ref.kind, ref.key)
    return max((entry.change.revision for entry in versions), default=0)


async def _check_expected(ctx: ServiceContext, ref: EntityRef, expected: Revision) -> None:
    latest = await latest_revision(ctx, ref)
    if latest != expected:
        raise StaleRevisionError(ref.kind.value, ref.key, expected, latest)
