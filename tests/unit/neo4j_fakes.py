"""A driver stand-in that records what the Neo4j adapter asks for and answers with the driver's
own result objects (``neo4j.Record``, ``ResultSummary`` with ``SummaryCounters``).

It behaves like the async driver where the adapter depends on it: ``driver.session(database=…)``
is an async context manager; ``execute_read``/``execute_write`` call the transaction function once
with a transaction whose ``run`` returns an async-iterable result; the metadata set by
``unit_of_work`` is read from the function as the real session does. Answers come from
``responder(statement_text, params)``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from neo4j import Address, Record, ResultSummary, ServerInfo

Responder = Callable[[str, dict[str, Any]], tuple[list[dict[str, Any]], int]]


def no_rows(text: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    return [], 0


@dataclass
class Call:
    """One ``tx.run``: which transaction (by number), the text and the parameters."""

    tx: int
    text: str
    params: dict[str, Any]


@dataclass
class Transaction:
    """One transaction function invocation as the session ran it."""

    number: int
    access: str  # "read" | "write"
    database: str
    metadata: dict[str, Any] | None


class FakeResult:
    def __init__(self, rows: list[dict[str, Any]], relationships_created: int) -> None:
        self._records = [Record(row) for row in rows]  # type: ignore[no-untyped-call]
        self._created = relationships_created

    async def __aiter__(self) -> AsyncIterator[Record]:
        for record in self._records:
            yield record

    async def consume(self) -> ResultSummary:
        server = ServerInfo(Address(("localhost", 7687)), (5, 4))
        metadata = {"server": server, "stats": {"relationships-created": self._created}}
        return ResultSummary(Address(("localhost", 7687)), True, bool(self._records), metadata)


class FakeTx:
    def __init__(self, driver: FakeDriver, number: int) -> None:
        self._driver = driver
        self._number = number

    async def run(self, text: str, parameters: dict[str, Any] | None = None) -> FakeResult:
        params = dict(parameters or {})
        self._driver.calls.append(Call(self._number, text, params))
        if self._driver.fail_on is not None and self._driver.fail_on in text:
            raise self._driver.error or RuntimeError("no error set")
        rows, created = self._driver.responder(text, params)
        return FakeResult(rows, created)


class FakeSession:
    def __init__(self, driver: FakeDriver, database: str) -> None:
        self._driver = driver
        self._database = database

    async def __aenter__(self) -> FakeSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def execute_read(self, function: Any, *args: Any) -> Any:
        return await self._execute("read", function, *args)

    async def execute_write(self, function: Any, *args: Any) -> Any:
        return await self._execute("write", function, *args)

    async def _execute(self, access: str, function: Any, *args: Any) -> Any:
        number = len(self._driver.transactions)
        metadata = getattr(function, "metadata", None)
        self._driver.transactions.append(Transaction(number, access, self._database, metadata))
        return await function(FakeTx(self._driver, number), *args)


@dataclass
class FakeDriver:
    responder: Responder = no_rows
    calls: list[Call] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    fail_on: str | None = None  # raise ``error`` when a statement containing this runs
    error: Exception | None = None
    closed: bool = False

    def session(self, *, database: str) -> FakeSession:
        return FakeSession(self, database)

    async def close(self) -> None:
        self.closed = True

    def texts(self, tx: int | None = None) -> list[str]:
        """The statements run, optionally those of one transaction."""
        return [c.text for c in self.calls if tx is None or c.tx == tx]
