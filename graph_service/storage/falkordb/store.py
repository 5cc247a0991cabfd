"""The embedded FalkorDB backend of the storage port.

``open_store`` starts (or reuses) the server in the data directory, creates the indexes, completes
any change set a crash left in the journal, and only then returns the store. Every statement comes
from the shared catalog; this module only runs them: ``apply`` through the redo journal
(``journal.py``), reads through the shared helpers of ``storage/reads.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from falkordb.asyncio import FalkorDB
from falkordb.asyncio.query_result import QueryResult

from graph_service.domain.changes import (
    ChangeRecord,
    ChangeSet,
    HistoryEntry,
    LoggedChange,
    Revision,
    Snapshot,
)
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import QueryError, StorageError, StoreUnavailableError
from graph_service.domain.holdings import Holding, Pair
from graph_service.storage import reads
from graph_service.storage.catalog import Cypher, Dialect, Statement, schema, statement
from graph_service.storage.holdings import holding_steps
from graph_service.storage.log_format import migrate_log
from graph_service.storage.plan import DEFAULT_BATCH, Step, change_record, plan_change
from graph_service.storage.port import Capability, Subgraph

from . import compaction, mutex, server, together
from .errors import IndexExistsError, translated
from .journal import Journal, JournalEntry
from .params import check_steps
from .supervisor import Supervisor
from .tokens import falkordb_tokens

log = logging.getLogger(__name__)
RETRIES = 2  # further attempts to complete a journaled change set before giving up
StepHook = Callable[[int, Step], None]


class FalkorDBStore:
    """A ``GraphStore`` on an embedded FalkorDB; one asyncio lock orders its operations."""

    def __init__(
        self, handle: server.ServerHandle, db: FalkorDB, graph: str, name: str, batch: int
    ) -> None:
        self._server = handle
        self._db = db
        self._graph = db.select_graph(graph)
        self._journal = Journal(db.connection, graph)
        self._holdings_key = f"graph-service:{graph}:holdings-lock"  # see mutex.py
        self._name = name
        self._batch = batch
        self._lock = asyncio.Lock()
        self._closed = False
        self._check_journal = True
        self._last_created = 0  # relationships created by the last statement run
        self._idle_timer: asyncio.TimerHandle | None = None  # a rewrite waiting for a pause
        self._idle_compaction: asyncio.Task[None] | None = None
        self.on_step: StepHook | None = None  # test hook: called before each statement of apply
        self.supervisor = Supervisor(handle, on_restart=self._server_restarted)
        self.tokens = falkordb_tokens(self._run, lambda: self._closed)  # the port's TokenStore
        self.load_page = reads.LOAD_PAGE  # records per page of load_all

    @property
    def capabilities(self) -> frozenset[Capability]:
        return frozenset({Capability.EMBEDDED, Capability.DURABLE_ON_KILL})

    @property
    def data_dir(self) -> Path:
        return self._server.data_dir

    @property
    def server_pid(self) -> int | None:
        return self._server.pid

    async def load_all(self) -> Dataset:
        return (await self.snapshot()).dataset

    async def snapshot(self) -> Snapshot:
        async with self._lock:
            await self._recover()
            return await reads.snapshot(self._run, self.load_page)

    async def head_revision(self) -> Revision:
        async with self._lock:
            await self._recover()
            return await reads.head_revision(self._run)

    async def changes_since(self, revision: Revision, limit: int = 100) -> list[LoggedChange]:
        async with self._lock:
            await self._recover()
            return await reads.changes_since(self._run, revision, limit)

    async def record_versions(self, kind: EntityKind, key: str) -> list[HistoryEntry]:
        async with self._lock:
            await self._recover()
            return await reads.record_versions(self._run, kind, key)

    async def change_times(self, after: Revision = 0) -> list[tuple[Revision, datetime]]:
        async with self._lock:
            await self._recover()
            return await reads.change_times(self._run, after)

    async def neighbourhood(self, kind: EntityKind, key: str, depth: int) -> Subgraph:
        async with self._lock:
            await self._recover()
            return await reads.neighbourhood(self._run, kind, key, depth)

    async def apply(
        self, change: ChangeSet, *, expected_head: Revision | None = None
    ) -> ChangeRecord:
        """Journal ``change`` with the next revision (the commit point), then run its
        statements to completion. ``HeadMovedError`` if ``expected_head`` is not the head."""
        check_steps(plan_change(change, 1, self._batch))  # before anything becomes durable
        async with self._lock:
            await self._recover()
            entry = await self._journal.begin(change, expected_head)
            if entry is None:
                self._check_journal = True  # another process left one: complete it, then ours
                await self._recover()
                entry = await self._journal.begin(change, expected_head)
                if entry is None:
                    raise StoreUnavailableError("another process keeps writing to this store")
            self._check_journal = True
            last: StorageError | None = None
            for attempt in range(1 + RETRIES):
                try:
                    row = await self._complete(entry)
                except QueryError as exc:
                    await self._quarantine(entry.encode(), exc)
                    raise
                except StorageError as exc:
                    last = exc
                    await asyncio.sleep(0.05 * (attempt + 1))
                else:
                    self._check_journal = False
                    return change_record(change, entry.revision, row)
            raise StoreUnavailableError(
                f"change set {change.id} is recorded in the journal but could not be completed "
                f"({last}); it will be completed before the store next answers"
            ) from last

    async def write_holdings(
        self,
        holdings: Iterable[Holding],
        *,
        items: Collection[str] | None = None,
        pairs: Collection[Pair] | None = None,
        recorded_by: str = "system",
    ) -> int:
        """Replace the derived ``(:Unit)-[:HOLDS]->(:PowerItem)`` of ``items`` (all when None),
        or of the ``(unit, item)`` ``pairs``, with ``holdings`` (see ``storage/holdings.py``).

        Not journaled: holdings are derived from acts for people browsing the graph, and the
        service's exporter rewrites them again after a failure; a crash mid-way leaves a
        partial view, never wrong records. The lock is released between batches, so a large
        export does not hold up writes; each batch also holds the lock every process shares
        (``mutex.py``). Returns how many relationships were written.
        """
        # tens of thousands of rows for a full export: built off the event loop, which serves
        steps = await asyncio.to_thread(holding_steps, list(holdings), self._batch, items, pairs)
        created = 0
        for step in steps:
            # the shared lock first: waiting for another process must not hold up this one's
            # writes and reads (a killed holder's lock lingers until it expires)
            async with mutex.held(self._db.connection, self._holdings_key), self._lock:
                await self._recover()
                await self._run(step.statement, step.params)
                created += self._last_created
        await self._compact_in_time()  # a full export logs tens of megabytes
        return created

    async def close(self) -> None:
        """Disconnect; stop the server unless another process of ours still uses it."""
        if self._closed:
            return
        self._closed = True
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        if self._idle_compaction is not None:
            self._idle_compaction.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._idle_compaction
        await self.supervisor.stop()
        await self._db.aclose()
        try:
            others = await asyncio.to_thread(server.other_clients, self._server, self._name)
        except StoreUnavailableError:
            return  # already gone
        if not others:
            # let the log become a snapshot first: a long log makes the next start very slow
            with contextlib.suppress(StorageError):
                await asyncio.to_thread(compaction.compact, self._server, wait=True)
            await asyncio.to_thread(server.stop, self._server)

    def _server_restarted(self) -> None:
        self._check_journal = True  # a write may have been cut short by the server's death

    async def _recover(self) -> None:
        if self._closed:
            raise StoreUnavailableError("the store is closed")
        if self.supervisor.restarting:
            raise StoreUnavailableError("FalkorDB is restarting")
        if not self._check_journal:
            return
        text = await self._journal.pending_text()
        if text is not None:
            try:
                entry = JournalEntry.decode(text)
            except (ValueError, KeyError, TypeError, QueryError) as exc:
                await self._quarantine(text, exc)
            else:
                try:
                    await self._complete(entry)
                except QueryError as exc:
                    await self._quarantine(text, exc)
        self._check_journal = False

    async def _quarantine(self, text: str, cause: Exception) -> None:
        """Set aside a journal entry the server can never apply, so that writes go on."""
        where = await self._journal.quarantine(text, str(cause))
        name = text.partition("\n")[0] or "(undecodable)"
        log.error(
            "change set %s cannot be applied by this server and was set aside under the key "
            "%r, so that later writes go on; statements run before the failure stay applied, "
            "compare with its contents there: %s",
            name,
            where,
            cause,
        )

    async def _complete(self, entry: JournalEntry) -> Mapping[str, Any]:
        """Run the entry's statements, retire it; the log entry's counts (the last row)."""
        steps = plan_change(entry.change, entry.revision, self._batch)
        rows: list[dict[str, Any]] = []
        # Small statements go in one round trip (together.py); the log entry goes last and alone,
        # once everything before it has run without error.
        *body, entry_step = steps
        for group in [*together.groups(body), [(len(body), entry_step)]]:
            for index, step in group:
                if self.on_step is not None:
                    self.on_step(index, step)
            if len(group) == 1:
                rows = await self._run(group[0][1].statement, group[0][1].params)
                continue
            rows = await self._execute_together(
                [(statement(step.statement), step.params) for _, step in group]
            )
        await self._journal.finish(entry)
        await self._compact_in_time()
        return rows[0] if rows else {"upserted": 0, "deleted": 0}

    async def _compact_in_time(self) -> None:
        """After writing: rewrite a log past ``URGENT_LIMIT`` now, one past ``LOG_LIMIT`` once
        writes pause (``compaction.py``)."""
        info = await self._persistence()
        if compaction.urgent(info):
            await asyncio.to_thread(compaction.compact, self._server)
        elif compaction.wanted(info):
            self._compact_when_idle()

    def _compact_when_idle(self) -> None:
        """Rewrite the log into a snapshot once no write has come for ``compaction.IDLE``
        seconds (see ``compaction.py``); each write pushes the moment back."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        loop = asyncio.get_running_loop()
        self._idle_timer = loop.call_later(compaction.IDLE, self._compact_now)

    def _compact_now(self) -> None:
        self._idle_timer = None
        if not self._closed and (self._idle_compaction is None or self._idle_compaction.done()):
            self._idle_compaction = asyncio.get_running_loop().create_task(self._compact())

    async def _compact(self) -> None:
        try:
            await asyncio.to_thread(compaction.compact, self._server)
        except StorageError as exc:  # the next write, or close(), tries again
            log.warning("could not rewrite the append-only file: %s", exc)

    async def _persistence(self) -> dict[str, Any]:
        with translated("info persistence"):
            return dict(await self._db.connection.info("persistence"))

    async def _run(self, which: Statement, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return await self._execute(statement(which), params)

    async def _execute_together(
        self, statements: list[tuple[Cypher, Mapping[str, Any]]]
    ) -> list[dict[str, Any]]:
        """Run ``statements`` in one round trip (``together.py``); the last one's rows."""
        for cypher, params in statements:
            _checked(cypher, params)
        results = await together.run_together(self._db.connection, self._graph, statements)
        return _rows(results[-1])

    async def _execute(self, cypher: Cypher, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        _checked(cypher, params)
        with translated(cypher.name):
            result = await self._graph.query(cypher.text, dict(params))
        self._last_created = int(result.relationships_created)
        return _rows(result)

    async def _ensure_schema(self) -> None:
        for ddl in schema(Dialect.FALKORDB):
            with contextlib.suppress(IndexExistsError):
                await self._execute(ddl, {})

    async def _migrate_log(self) -> None:
        """Bring a store written before revisions up to date; keep the head key in step."""
        adopted = await migrate_log(self._run)
        if adopted:
            log.info("change log upgraded: %d stored records got their first version", adopted)
        await self._journal.raise_head(await reads.head_revision(self._run))


def _checked(cypher: Cypher, params: Mapping[str, Any]) -> None:
    if set(params) != cypher.params:
        raise QueryError(f"{cypher.name} takes {sorted(cypher.params)}, got {sorted(params)}")


def _rows(result: QueryResult) -> list[dict[str, Any]]:
    columns = [column[1] for column in result.header]
    return [dict(zip(columns, row, strict=True)) for row in result.result_set]


async def open_store(
    data_dir: Path,
    *,
    graph: str = "authority",
    batch_size: int = DEFAULT_BATCH,
    start_timeout: float = 60.0,
) -> FalkorDBStore:
    """Start or reuse the server in ``data_dir`` and return a store ready to answer."""
    handle = await asyncio.to_thread(server.start_or_reuse, Path(data_dir), start_timeout)
    name = f"{server.CLIENT_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        with translated("connect"):
            db = FalkorDB(unix_socket_path=str(handle.socket), client_name=name)
    except BaseException:
        await asyncio.to_thread(server.stop, handle)
        raise
    store = FalkorDBStore(handle, db, graph, name, batch_size)
    try:
        await store._ensure_schema()
        async with store._lock:
            await store._recover()
            await store._migrate_log()
        await asyncio.to_thread(compaction.compact, handle)  # a crash may have left a long log
    except BaseException:
        await store.close()
        raise
    store.supervisor.start()
    return store
