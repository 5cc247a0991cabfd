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

from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, LiteralString, TypeVar

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import QueryError
from graph_service.storage import reads
from graph_service.storage.catalog import Statement, statement
from graph_service.storage.holdings import holding_steps
from graph_service.storage.plan import DEFAULT_BATCH, Step, change_record, plan_change
from graph_service.storage.port import Capability, Subgraph

from .errors import translated
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
        async def work(tx: AsyncManagedTransaction) -> Dataset:
            return await reads.load_all(_runner(tx))

        return await self._read("load_all", work)

    async def history(self, kind: EntityKind, key: str) -> list[ChangeRecord]:
        async def work(tx: AsyncManagedTransaction) -> list[ChangeRecord]:
            return await reads.history(_runner(tx), kind, key)

        return await self._read("history", work)

    async def neighbourhood(self, kind: EntityKind, key: str, depth: int) -> Subgraph:
        async def work(tx: AsyncManagedTransaction) -> Subgraph:
            return await reads.neighbourhood(_runner(tx), kind, key, depth)

        return await self._read("neighbourhood", work)

    async def apply(self, change: ChangeSet) -> ChangeRecord:
        """Apply ``change`` in one write transaction and return its audit entry."""

        async def work(tx: AsyncManagedTransaction) -> None:
            # Planned inside the transaction, after the lock: a retry re-reads the top ``seq``.
            await run_statement(tx, Statement.LOCK_WRITES, {"holder": change.id})
            top = await run_statement(tx, Statement.MAX_RECORD_SEQ, {})
            first_seq = int(top[0]["top"]) + 1
            await _run_steps(tx, plan_change(change, first_seq, self._batch), self.on_step)

        await self._write("apply", work, change.recorded_by)
        return change_record(change)

    async def write_holdings(
        self, holdings: Iterable[object], *, recorded_by: str = "system"
    ) -> int:
        """Replace every ``(:Unit)-[:HOLDS]->(:PowerItem)`` with ``holdings``, in one transaction.

        ``holdings``: mappings or dataclasses with ``unit, item, scope, role, mode, valid_from,
        valid_to, acts`` (and optionally ``id, carved_out, joint, principal``); see
        ``storage/holdings.py``. Returns how many relationships were written (rows naming a unit
        or item that is not stored are skipped).
        """
        steps = holding_steps(holdings, self._batch)

        async def work(tx: AsyncManagedTransaction) -> int:
            await run_statement(tx, Statement.LOCK_WRITES, {"holder": "write_holdings"})
            return await _run_steps(tx, steps)

        return await self._write("write_holdings", work, recorded_by)

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
) -> int:
    """Run ``steps`` in order; return how many relationships they created (for holdings)."""
    created = 0
    for index, step in enumerate(steps):
        if on_step is not None:
            on_step(index, step)
        result = await tx.run(_checked(step.statement, step.params), dict(step.params))
        summary = await result.consume()
        created += summary.counters.relationships_created
    return created


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
