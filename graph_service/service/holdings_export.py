"""The derived ``HOLDS`` export: keeps ``(:Unit)-[:HOLDS]->(:PowerItem)`` in the store current.

Holdings are derived from acts by the engine; a store that keeps them (``HoldingsWriter``) lets
people browsing the database see the authority graph. Writing them is never on a request path:
the dispatcher marks what a change set altered — the ``(unit, item)`` pairs whose holdings differ,
or everything after a rebuild — and this task rewrites just those in the background, in bounded
batches. A transfer of five items changes about ten pairs, while the items have hundreds of
holdings each across the districts and towns: rewriting whole items made each write's export
statement cost as much as the write itself, and it competed with the next write for the store.
So the task also waits for a gap between writes (the write lock free) before each batch.

A failure never fails a committed write: what was marked stays marked and is written again after
a pause that grows up to a minute. On start every item is marked, so whatever a crash left
half-written is reconciled with the projection. ``lag`` says how many revisions the export is
behind.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection

from graph_service.domain.errors import AuthorityGraphError
from graph_service.domain.holdings import Pair
from graph_service.storage.port import HoldingsWriter

from .cancellation import stop_if_asked
from .context import ServiceContext

log = logging.getLogger(__name__)
ITEMS_PER_BATCH = 500
PAIRS_PER_BATCH = 500
FIRST_PAUSE = 0.5
LONGEST_PAUSE = 60.0


class HoldingsExporter:
    """A background writer of derived holdings for the items and pairs marked dirty."""

    def __init__(self, ctx: ServiceContext, writer: HoldingsWriter) -> None:
        self._ctx = ctx
        self._writer = writer
        self._dirty: set[str] = set()  # whole items
        self._pairs: set[Pair] = set()
        self._everything = False
        self._wanted = 0  # the newest revision whose holdings must be exported
        self.exported = 0  # every holding up to this revision is in the store
        self.failures = 0  # consecutive failed attempts
        self._wake = asyncio.Event()
        self._settled = asyncio.Event()  # set while nothing is left to export
        self._settled.set()

    @property
    def lag(self) -> int:
        """Revisions the store's derived holdings are behind the projection."""
        return max(self._wanted - self.exported, 0)

    @property
    def idle(self) -> bool:
        return not self._dirty and not self._pairs and not self._everything

    def mark(
        self,
        items: Collection[str] | None,
        revision: int,
        pairs: Collection[Pair] | None = None,
    ) -> None:
        """Mark what revision ``revision`` altered: ``items`` (None: every item) whole, or, when
        ``pairs`` is given, only those ``(unit, item)`` pairs of them."""
        if items is None:
            self._everything = True
        elif pairs is None:
            self._dirty.update(items)
        else:
            self._pairs.update(pairs)
        self._wanted = max(self._wanted, revision)
        if self.idle:
            self.exported = self._wanted
        else:
            self._settled.clear()
        self._wake.set()

    async def run(self) -> None:
        """Export until cancelled."""
        pause = FIRST_PAUSE
        while True:
            await self._wake.wait()
            self._wake.clear()
            while not self.idle:
                try:
                    await self._between_writes()
                    await self._export_once()
                except (AuthorityGraphError, OSError) as exc:
                    stop_if_asked()  # a driver may turn a cancelled call into its own error
                    self.failures += 1
                    log.warning(
                        "derived holdings export failed (%s); retrying in %.1f s", exc, pause
                    )
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, LONGEST_PAUSE)
                else:
                    self.failures = 0
                    pause = FIRST_PAUSE
                stop_if_asked()  # a driver may have swallowed the cancellation in this batch

    async def _between_writes(self) -> None:
        """Wait until no write is under way (its commit and the projection's update), so that a
        batch runs in the gap after it instead of holding up its store statements."""
        lock = self._ctx.write_lock
        if lock.locked():
            async with lock:
                pass

    async def _export_once(self) -> None:
        """Write one batch of marked items, else of marked pairs; unmarked only once written."""
        ctx = self._ctx
        target = self._wanted
        if self._everything:
            self._dirty |= set(ctx.projection.records.items)
            self._everything = False
        if self._dirty:
            batch = sorted(self._dirty)[:ITEMS_PER_BATCH]
            self._dirty.difference_update(batch)  # marked again meanwhile: stays marked
            whole = set(batch)
            covered = {pair for pair in self._pairs if pair[1] in whole}
            self._pairs -= covered  # the items' statements rewrite these pairs too
            try:
                await self._writer.write_holdings(ctx.projection.holdings_of(batch), items=batch)
            except BaseException:
                self._dirty.update(batch)
                self._pairs |= covered
                raise
        else:
            pairs = sorted(self._pairs)[:PAIRS_PER_BATCH]
            self._pairs.difference_update(pairs)
            holdings = ctx.projection.holdings_of(sorted({item for _, item in pairs}))
            try:
                await self._writer.write_holdings(holdings, pairs=pairs)
            except BaseException:
                self._pairs.update(pairs)
                raise
        if self.idle:
            self.exported = max(self.exported, target)
            if not self.lag:
                self._settled.set()

    async def drain(self) -> None:
        """Wait until every marked item is written (bound it with ``asyncio.timeout``)."""
        await self._settled.wait()
