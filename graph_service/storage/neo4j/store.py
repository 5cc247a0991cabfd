"""The Neo4j backend of the storage port, on the official driver's async API.

Every statement comes from the shared catalog (the same files the embedded FalkorDB runs) and the
plan of a change set from ``storage/plan.py``; what is Neo4j's here is how they are run:

- reads go through ``session.execute_read`` (routed to followers/read replicas on ``neo4j://``),
  a whole port call in one transaction function;
- a change set is ONE ``session.execute_write`` transaction: ``lock_writes`` first (so several
  service instances apply change sets one at a time and ``seq`` numbers stay unique), then the
  plan. Neo4j rolls the transaction back on any failure: nothing partial is ever visible;
- the driver retries transaction functions on retryable errors; nothing here retries again;
- every transaction carries metadata naming the service, the operation and the acting user.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping
from datetime import datetime
from typing import Any, LiteralString, TypeVar

from neo4j import AsyncDriver, AsyncManagedTransaction

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
from graph_service.domain.errors import HeadMovedError, QueryError
from graph_service.domain.holdings import Holding, Pair
from graph_service.storage import reads
from graph_service.storage.catalog import Statement, statement
from graph_service.storage.holdings import holding_steps
from graph_service.storage.log_format import migrate_log
from graph_service.storage.plan import DEFAULT_BATCH, Step, change_record, plan_change
from graph_service.storage.port import Capability, Subgraph

from .errors import translated
from .tokens import neo4j_tokens
from .transactions import tagged
from .values import row

Row = dict[str, Any]
T = TypeVar("T")
Work = Callable[[AsyncManagedTransaction], Awaitable[T]]
StepHook = Callable[[int, Step], None]


class Neo4jStore:
    """A ``GraphStore`` on one Neo4j database; safe to share between concurrent requests."""

    def __init__(self, driver: AsyncDriver, database: str, *, batch: int = DEFAULT_BATCH) -> None:
        self._driver = driver
        self._database = database
        self._batch = batch
        self.on_step: StepHook | None = None  # test hook: called before each step of apply
        self.tokens = neo4j_tokens(driver, database)  # the port's TokenStore
        self.load_page = reads.LOAD_PAGE  # records per page of load_all

    @property
    def capabilities(self) -> frozenset[Capability]:
        # Committed transactions are in Neo4j's transaction log: they survive kill -9.
        return frozenset(
            {Capability.NATIVE_TRANSACTIONS, Capability.ROUTED_READS, Capability.DURABLE_ON_KILL}
        )

    @property
    def database(self) -> str:
        return self._database

    @property
    def driver(self) -> AsyncDriver:
        """The driver (for ``migrate`` and operational tooling sharing the connection pool)."""
        return self._driver

    async def load_all(self) -> Dataset:
        return (await self.snapshot()).dataset

    async def snapshot(self) -> Snapshot:
        async def work(tx: AsyncManagedTransaction) -> Snapshot:
            return await reads.snapshot(_runner(tx), self.load_page)

        return await self._read("load_all", work)

    async def head_revision(self) -> Revision:
        async def work(tx: AsyncManagedTransaction) -> Revision:
            return await reads.head_revision(_runner(tx))

        return await self._read("head_revision", work)

    async def changes_since(self, revision: Revision, limit: int = 100) -> list[LoggedChange]:
        async def work(tx: AsyncManagedTransaction) -> list[LoggedChange]:
            return await reads.changes_since(_runner(tx), revision, limit)

        return await self._read("changes_since", work)

    async def record_versions(self, kind: EntityKind, key: str) -> list[HistoryEntry]:
        async def work(tx: AsyncManagedTransaction) -> list[HistoryEntry]:
            return await reads.record_versions(_runner(tx), kind, key)

        return await self._read("record_versions", work)

    async def change_times(self, after: Revision = 0) -> list[tuple[Revision, datetime]]:
        async def work(tx: AsyncManagedTransaction) -> list[tuple[Revision, datetime]]:
            return await reads.change_times(_runner(tx), after)

        return await self._read("change_times", work)

    async def neighbourhood(self, kind: EntityKind, key: str, depth: int) -> Subgraph:
        async def work(tx: AsyncManagedTransaction) -> Subgraph:
            return await reads.neighbourhood(_runner(tx), kind, key, depth)

        return await self._read("neighbourhood", work)

    async def apply(
        self, change: ChangeSet, *, expected_head: Revision | None = None
    ) -> ChangeRecord:
        """Apply ``change`` as the next revision in one write transaction; its log entry.

        ``HeadMovedError`` (nothing written) when ``expected_head`` is given and the log's head
        is another revision.
        """

        async def work(tx: AsyncManagedTransaction) -> ChangeRecord:
            # Planned inside the transaction, after the lock: a retry re-reads the head.
            await run_statement(tx, Statement.LOCK_WRITES, {"holder": change.id})
            head = await reads.head_revision(_runner(tx))
            if expected_head is not None and head != expected_head:
                raise HeadMovedError(head, expected_head)
            revision = head + 1
            steps = plan_change(change, revision, self._batch)
            last = await _run_steps(tx, steps, self.on_step)
            return change_record(change, revision, last)

        return await self._write("apply", work, change.recorded_by)

    async def write_holdings(
        self,
        holdings: Iterable[Holding],
        *,
        items: Collection[str] | None = None,
        pairs: Collection[Pair] | None = None,
        recorded_by: str = "system",
    ) -> int:
        """Replace the ``(:Unit)-[:HOLDS]->(:PowerItem)`` of ``items`` (all when None), or of
        the ``(unit, item)`` ``pairs``, with ``holdings``, in one transaction.

        See ``storage/holdings.py``. Returns how many relationships were written (rows naming a
        unit or item that is not stored are skipped).
        """
        steps = holding_steps(holdings, self._batch, items, pairs)

        async def work(tx: AsyncManagedTransaction) -> int:
            await run_statement(tx, Statement.LOCK_WRITES, {"holder": "write_holdings"})
            created = 0
            for step in steps:
                result = await tx.run(_checked(step.statement, step.params), dict(step.params))
                created += (await result.consume()).counters.relationships_created
            return created

        return await self._write("write_holdings", work, recorded_by)

    async def migrate_log(self) -> int:
        """Bring a log written before revisions up to date (see ``storage/log_format.py``)."""

        async def work(tx: AsyncManagedTransaction) -> int:
            await run_statement(tx, Statement.LOCK_WRITES, {"holder": "migrate_log"})
            return await migrate_log(_runner(tx))

        return await self._write("migrate_log", work, "system")

    async def close(self) -> None:
        with translated("close"):
            await self._driver.close()

    async def _read(self, operation: str, work: Work[T]) -> T:
        with translated(operation):
            async with self._driver.session(database=self._database) as session:
                return await session.execute_read(tagged(work, operation))

    async def _write(self, operation: str, work: Work[T], user: str) -> T:
        with translated(operation):
            async with self._driver.session(database=self._database) as session:
                return await session.execute_write(tagged(work, operation, user))


async def run_statement(
    tx: AsyncManagedTransaction, which: Statement, params: Mapping[str, Any]
) -> list[Row]:
    """Run one catalog statement in ``tx`` and return its rows as plain dicts."""
    result = await tx.run(_checked(which, params), dict(params))
    return [row(record) async for record in result]


async def _run_steps(
    tx: AsyncManagedTransaction, steps: list[Step], on_step: StepHook | None = None
) -> Row:
    """Run ``steps`` in order; the first row the last one returned (the log entry's counts)."""
    rows: list[Row] = []
    for index, step in enumerate(steps):
        if on_step is not None:
            on_step(index, step)
        rows = await run_statement(tx, step.statement, step.params)
    return rows[0] if rows else {"upserted": 0, "deleted": 0}


def _checked(which: Statement, params: Mapping[str, Any]) -> LiteralString:
    """The statement's text, after checking it gets exactly the parameters it declares."""
    cypher = statement(which)
    if set(params) != cypher.params:
        raise QueryError(f"{cypher.name} takes {sorted(cypher.params)}, got {sorted(params)}")
    return cypher.text


def _runner(tx: AsyncManagedTransaction) -> reads.Run:
    """The ``Run`` callable the shared reads need, bound to one transaction."""

    async def run(which: Statement, params: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        return list(await run_statement(tx, which, params))

    return run
