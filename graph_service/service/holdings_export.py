"""The derived ``HOLDS`` export: keeps ``(:Unit)-[:HOLDS]->(:PowerItem)`` in the store current.

Holdings are derived from acts by the engine; a store that keeps them (``HoldingsWriter``) lets
people browsing the database see the authority graph. Writing them is never on a request path:
the dispatcher marks the items a change set replayed, and this task writes those items' holdings
in the background, in bounded batches of items. A failure never fails a committed write: the
items stay marked and are written again after a pause that grows up to a minute. On start every
item is marked, so whatever a crash left half-written is reconciled with the projection.
``lag`` says how many revisions the export is behind.
"""

from __future__ import annotations

import asyncio
import logging

from graph_service.domain.errors import AuthorityGraphError
from graph_service.storage.port import HoldingsWriter

from .context import ServiceContext

log = logging.getLogger(__name__)
ITEMS_PER_BATCH = 500
FIRST_PAUSE = 0.5
LONGEST_PAUSE = 60.0


class HoldingsExporter:
    """A background writer of derived holdings for the items marked dirty."""

    def __init__(self, ctx: ServiceContext, writer: HoldingsWriter) -> None:
        self._ctx = ctx
        self._writer = writer
        self._dirty: set[str] = set()
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
        return not self._dirty and not self._everything

    def mark(self, items: frozenset[str] | None, revision: int) -> None:
        if items is None:
            self._everything = True
        else:
            self._dirty |= items
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
                    await self._export_once()
                except (AuthorityGraphError, OSError) as exc:
                    self.failures += 1
                    log.warning(
                        "derived holdings export failed (%s); retrying in %.1f s", exc, pause
                    )
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, LONGEST_PAUSE)
                else:
                    self.failures = 0
                    pause = FIRST_PAUSE

    async def _export_once(self) -> None:
        """Write one batch of marked items; they are unmarked only once written."""
        ctx = self._ctx
        target = self._wanted
        if self._everything:
            self._dirty |= set(ctx.projection.records.items)
            self._everything = False
        batch = sorted(self._dirty)[:ITEMS_PER_BATCH]
        self._dirty.difference_update(batch)  # a change marking them again meanwhile stays marked
        holdings = ctx.projection.holdings_of(batch)
        try:
            await self._writer.write_holdings(holdings, items=batch)
        except BaseException:
            self._dirty.update(batch)
            raise
        if self.idle:
            self.exported = max(self.exported, target)
            if not self.lag:
                self._settled.set()

    async def drain(self) -> None:
        """Wait until every marked item is written (bound it with ``asyncio.timeout``)."""
        await self._settled.wait()
