"""API tokens on Neo4j: the shared ``CypherTokenStore``, one tagged transaction per statement.

Lookups are reads (routed to followers on ``neo4j://``; a token created a moment ago on the leader
is found there once replicated, which ``token create`` followed by a request meets in practice);
saving, revoking and touching are writes. Token statements take no ``lock_writes``: they touch only
``(:ApiToken)`` nodes, never records, so they cannot disturb the numbering of change sets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import AsyncDriver, AsyncManagedTransaction

from graph_service.domain.errors import QueryError
from graph_service.storage.catalog import Statement, statement
from graph_service.storage.reads import Row
from graph_service.storage.tokens import CypherTokenStore

from .errors import translated
from .transactions import tagged
from .values import row

READS = frozenset({Statement.FIND_TOKEN_BY_HASH, Statement.LIST_TOKENS})


def neo4j_tokens(driver: AsyncDriver, database: str) -> CypherTokenStore:
    """The token store on ``database`` through ``driver``."""

    async def run(which: Statement, params: Mapping[str, Any]) -> Sequence[Row]:
        cypher = statement(which)
        if set(params) != cypher.params:
            raise QueryError(f"{cypher.name} takes {sorted(cypher.params)}, got {sorted(params)}")

        async def work(tx: AsyncManagedTransaction) -> list[Row]:
            result = await tx.run(cypher.text, dict(params))
            return [row(record) async for record in result]

        operation = f"tokens.{which.value}"
        with translated(operation):
            async with driver.session(database=database) as session:
                if which in READS:
                    return await session.execute_read(tagged(work, operation))
                return await session.execute_write(tagged(work, operation))

    return CypherTokenStore(run)
