"""Apply the Neo4j DDL files in order, once each, recording them as ``(:Migration)`` nodes.

The DDL is ``cypher/schema/neo4j/NNN_name.cypher``, read through the shared catalog: one
``CREATE CONSTRAINT``/``CREATE INDEX … IF NOT EXISTS`` per file, because Neo4j runs one statement
per query and refuses schema changes in a transaction that also writes data. So each file runs in
its own write transaction and its record in the next one. Every instance may run ``migrate`` at
start: a recorded file is skipped, and a race between two instances (or a crash between running
a file and recording it) only repeats a statement that does nothing the second time.
"""

from __future__ import annotations

from datetime import UTC, datetime

from neo4j import AsyncDriver, AsyncManagedTransaction, Auth

from graph_service.storage.catalog import Cypher, Dialect, Statement, schema

from .driver import new_driver
from .errors import translated
from .store import run_statement
from .transactions import tagged


def version_of(ddl: Cypher) -> int:
    """``3`` for ``003_record_seq`` (the catalog has checked the numbering)."""
    return int(ddl.name.split("_", 1)[0])


async def apply_migrations(
    driver: AsyncDriver, database: str, migrations: tuple[Cypher, ...] | None = None
) -> list[str]:
    """Run the DDL files not yet recorded in ``database``; return their names in order."""
    pending = schema(Dialect.NEO4J) if migrations is None else migrations
    applied: list[str] = []
    with translated("migrate"):
        async with driver.session(database=database) as session:
            done = await session.execute_read(tagged(_applied_versions, "migrate"))
            for ddl in pending:
                if version_of(ddl) in done:
                    continue
                await session.execute_write(tagged(_run_ddl, "migrate"), ddl)
                now = datetime.now(UTC).isoformat()
                await session.execute_write(tagged(_record, "migrate"), ddl, now)
                applied.append(ddl.name)
    return applied


async def migrate(uri: str, auth: Auth | None, database: str) -> list[str]:
    """Connect, apply pending DDL, disconnect: what ``graph-service migrate`` runs."""
    with translated("migrate"):
        driver = new_driver(uri, auth)
    try:
        with translated("migrate"):
            # Fail at once on a wrong URI or password: transaction functions would retry for 30 s.
            await driver.verify_connectivity()
        return await apply_migrations(driver, database)
    finally:
        await driver.close()


async def _applied_versions(tx: AsyncManagedTransaction) -> set[int]:
    rows = await run_statement(tx, Statement.APPLIED_MIGRATIONS, {})
    return {int(row["version"]) for row in rows}


async def _run_ddl(tx: AsyncManagedTransaction, ddl: Cypher) -> None:
    result = await tx.run(ddl.text)
    await result.consume()


async def _record(tx: AsyncManagedTransaction, ddl: Cypher, applied_at: str) -> None:
    params = {"version": version_of(ddl), "name": ddl.name, "applied_at": applied_at}
    await run_statement(tx, Statement.RECORD_MIGRATION, params)
