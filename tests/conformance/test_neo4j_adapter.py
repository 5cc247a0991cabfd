"""What is Neo4j's own in the adapter, checked on a real Neo4j 5: the transaction metadata and the
user agent a DBA sees, a statement the server refuses midway (constraint) undoing the whole
change set, the driver's temporal types arriving as plain Python values, and the server's routine
notifications kept out of the log.

The port's behaviour itself is the conformance suite's (``test_store.py``, on both backends).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver, AsyncGraphDatabase, GraphDatabase

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.errors import ConstraintViolationError
from graph_service.domain.models import Region, Unit
from graph_service.storage.neo4j import Neo4jStore, apply_migrations, default_user_agent
from graph_service.storage.neo4j.values import row
from graph_service.storage.plan import Step

from .backends import BACKENDS
from .datasets import small

DATABASE = "neo4j"
Query = Callable[[str], list[dict[str, Any]]]


@pytest.fixture
async def store(neo4j_uri: str, tmp_path: Path) -> AsyncIterator[Neo4jStore]:
    opened = await BACKENDS["neo4j"].open(tmp_path)  # migrated and wiped
    assert isinstance(opened, Neo4jStore)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def other(neo4j_uri: str) -> Iterator[Query]:
    """Queries on another connection (synchronous: they also run from inside a transaction)."""
    with GraphDatabase.driver(neo4j_uri) as driver:

        def query(text: str) -> list[dict[str, Any]]:
            records, _, _ = driver.execute_query(text, database_=DATABASE)
            return [record.data() for record in records]

        yield query


async def test_a_change_set_runs_in_one_transaction_tagged_with_the_service_and_the_user(
    store: Neo4jStore, other: Query
) -> None:
    seen: list[list[dict[str, Any]]] = []

    def look(index: int, step: Step) -> None:
        if index < 4:
            seen.append(
                other(
                    "SHOW TRANSACTIONS YIELD metaData, database "
                    "WHERE metaData.app = 'authority-graph-service' RETURN metaData, database",
                )
            )

    store.on_step = look
    await store.apply(ChangeSet(recorded_by="编办-张三", upserts=small()))

    assert len(seen) == 4  # a look before each of the first statements of the plan
    expected = {"app": "authority-graph-service", "operation": "apply", "user": "编办-张三"}
    # Every statement ran in the same single open transaction, tagged for SHOW TRANSACTIONS.
    assert all(rows == [{"metaData": expected, "database": DATABASE}] for rows in seen)


async def test_the_server_sees_the_services_user_agent(store: Neo4jStore, other: Query) -> None:
    await store.load_all()  # the pool keeps a connection open

    agents = other("CALL dbms.listConnections() YIELD userAgent RETURN userAgent")

    assert default_user_agent().startswith("authority-graph-service/")
    assert {"userAgent": default_user_agent()} in agents


async def test_a_statement_the_server_refuses_undoes_the_whole_change_set(
    store: Neo4jStore, other: Query
) -> None:
    before = small()
    await store.apply(ChangeSet(upserts=before))
    # Another node already claims the ref the new unit will take: its MERGE succeeds, setting
    # its ref breaks the uniqueness constraint, after the region has been written.
    other("CREATE (:Record {ref: 'units/late'})")
    change = ChangeSet(
        upserts=Dataset(
            regions=[Region(code="R9", name="新区", kind="zone")],
            units=[Unit(id="late", name="后来的单位", kind="street", region="R9")],
        )
    )

    with pytest.raises(ConstraintViolationError, match="ConstraintValidationFailed"):
        await store.apply(change)

    assert await store.load_all() == before
    assert other(f"MATCH (c:Change {{id: '{change.id}'}}) RETURN c.id AS id") == []


def test_temporal_values_from_the_server_become_plain_python(neo4j_uri: str) -> None:
    with GraphDatabase.driver(neo4j_uri) as driver:
        records, _, _ = driver.execute_query(
            "RETURN date('2020-07-01') AS d, datetime('2026-11-23T08:30:00Z') AS t, "
            "{acts: [{effective: date('2019-01-01')}]} AS nested",
            database_=DATABASE,
        )
    assert row(records[0]) == {
        "d": date(2020, 7, 1),
        "t": datetime(2026, 11, 23, 8, 30, tzinfo=UTC),
        "nested": {"acts": [{"effective": date(2019, 1, 1)}]},
    }
    assert type(row(records[0])["d"]) is date


async def test_routine_server_notifications_are_not_logged(
    store: Neo4jStore, neo4j_uri: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Re-running the ``IF NOT EXISTS`` DDL (every start) and reading a label the database has
    never seen (every empty database) make the server notify; a plain driver logs both, ours
    neither."""
    never_seen = "MATCH (n:NeverStoredHere) RETURN n.nothing AS x"

    async def routine(driver: AsyncDriver) -> None:
        await driver.execute_query("MATCH (m:Migration) DELETE m", database_=DATABASE)
        await apply_migrations(driver, DATABASE)  # every file again: "already exists"
        await driver.execute_query(never_seen, database_=DATABASE)

    caplog.set_level(logging.DEBUG, logger="neo4j.notifications")
    async with AsyncGraphDatabase.driver(neo4j_uri) as plain:
        await routine(plain)
    assert any("already exists" in r.getMessage() for r in caplog.records)
    assert any("NeverStoredHere" in r.getMessage() for r in caplog.records)
    caplog.clear()

    await routine(store.driver)

    assert [r.getMessage() for r in caplog.records] == []
