"""The numbered Neo4j DDL (``cypher/schema/neo4j/``) on a real Neo4j 5: applied in order to a
database without schema, recorded, skipped when recorded, and harmless when run again anyway
(what a crash between a file and its record, or two instances migrating at once, amounts to).

The schema the server reports afterwards is compared with what the files declare, so a file the
server reads differently from what its text says (another index type, another property) fails.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from neo4j import AsyncDriver, AsyncGraphDatabase
from neo4j import exceptions as neo4j_errors
from typer.testing import CliRunner

from graph_service.cli import app
from graph_service.storage.catalog import Dialect, schema
from graph_service.storage.neo4j import apply_migrations, migrate
from graph_service.storage.neo4j.migrations import version_of

DDL = schema(Dialect.NEO4J)
DATABASE = "neo4j"
_CONSTRAINT = re.compile(
    r"CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(\w+:(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE"
)
_INDEX = re.compile(r"CREATE INDEX (\w+) IF NOT EXISTS FOR \(\w+:(\w+)\) ON \(\w+\.(\w+)\)")

SchemaObject = tuple[str, str, str, str]  # (kind, name, label, property)


def declared() -> set[SchemaObject]:
    """What the DDL files say: a uniqueness constraint or a range index per file."""
    objects: set[SchemaObject] = set()
    for ddl in DDL:
        if found := _CONSTRAINT.fullmatch(ddl.text.strip()):
            objects.add(("UNIQUENESS", found[1], found[2], found[3]))
        elif found := _INDEX.fullmatch(ddl.text.strip()):
            objects.add(("RANGE", found[1], found[2], found[3]))
        else:
            pytest.fail(f"{ddl.name} is neither a uniqueness constraint nor an index: {ddl.text}")
    return objects


async def rows(driver: AsyncDriver, query: str) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(query, database_=DATABASE)
    return [record.data() for record in records]


async def server_schema(driver: AsyncDriver) -> set[SchemaObject]:
    """Constraints, and the indexes no constraint owns, as the server reports them."""
    constraints = await rows(
        driver, "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *"
    )
    indexes = await rows(
        driver,
        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint "
        "WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN *",
    )
    return {
        (row["type"], row["name"], *row["labelsOrTypes"], *row["properties"])
        for row in constraints + indexes
    }


async def drop_schema(driver: AsyncDriver) -> None:
    """Back to a database without our schema: no constraints, indexes or migration records."""
    for row in await rows(driver, "SHOW CONSTRAINTS YIELD name RETURN name"):
        await driver.execute_query(f"DROP CONSTRAINT {row['name']}", database_=DATABASE)
    for row in await rows(driver, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN *"):
        await driver.execute_query(f"DROP INDEX {row['name']}", database_=DATABASE)
    await driver.execute_query("MATCH (m:Migration) DELETE m", database_=DATABASE)


@pytest.fixture
async def driver(neo4j_uri: str) -> AsyncIterator[AsyncDriver]:
    opened = AsyncGraphDatabase.driver(neo4j_uri)
    try:
        await drop_schema(opened)
        assert await server_schema(opened) == set()
        yield opened
    finally:
        await apply_migrations(opened, DATABASE)  # leave the schema for the other tests
        await opened.close()


async def test_every_file_applies_in_order_to_a_database_without_schema(
    driver: AsyncDriver,
) -> None:
    applied = await apply_migrations(driver, DATABASE)

    assert applied == [ddl.name for ddl in DDL]
    assert await server_schema(driver) == declared()
    recorded = await rows(driver, "MATCH (m:Migration) RETURN m.version AS v, m.name AS name")
    assert sorted((r["v"], r["name"]) for r in recorded) == [(version_of(d), d.name) for d in DDL]


async def test_recorded_files_are_skipped_and_rerunning_them_changes_nothing(
    driver: AsyncDriver,
) -> None:
    await apply_migrations(driver, DATABASE)
    after_first = await server_schema(driver)

    assert await apply_migrations(driver, DATABASE) == []

    # As if the records were lost (a crash after the DDL ran): every file runs again, harmlessly.
    await driver.execute_query("MATCH (m:Migration) DELETE m", database_=DATABASE)
    assert await apply_migrations(driver, DATABASE) == [ddl.name for ddl in DDL]
    assert await server_schema(driver) == after_first
    count = await rows(driver, "MATCH (m:Migration) RETURN count(m) AS n")
    assert count == [{"n": len(DDL)}]


async def test_only_the_missing_files_run(driver: AsyncDriver) -> None:
    assert await apply_migrations(driver, DATABASE, DDL[:3]) == [ddl.name for ddl in DDL[:3]]

    assert await apply_migrations(driver, DATABASE) == [ddl.name for ddl in DDL[3:]]
    assert await server_schema(driver) == declared()


async def test_migrate_connects_and_the_unique_keys_are_enforced(
    driver: AsyncDriver, neo4j_uri: str
) -> None:
    assert await migrate(neo4j_uri, None, DATABASE) == [ddl.name for ddl in DDL]
    await driver.execute_query("CREATE (:Unit {id: 'twice'})", database_=DATABASE)
    try:
        with pytest.raises(neo4j_errors.ConstraintError, match="already exists"):
            await driver.execute_query("CREATE (:Unit {id: 'twice'})", database_=DATABASE)
    finally:
        await driver.execute_query("MATCH (u:Unit {id: 'twice'}) DELETE u", database_=DATABASE)


def test_the_migrate_command_applies_what_is_missing(driver: AsyncDriver, neo4j_uri: str) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["--store", neo4j_uri, "migrate"])
    again = runner.invoke(app, ["--store", neo4j_uri, "migrate"])

    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == [f"applied {len(DDL)} migration(s)"] + [
        f"  {ddl.name}" for ddl in DDL
    ]
    assert again.exit_code == 0, again.output
    assert again.output.strip() == "applied 0 migration(s)"
