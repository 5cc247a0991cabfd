"""Statements run on a store's database directly, beside the adapter: for tests that must write
what the adapter never would (an old layout) or count what the port does not expose."""

from __future__ import annotations

from typing import Any, LiteralString

from graph_service.storage.port import GraphStore


async def by_hand(
    store: GraphStore, cypher: LiteralString, params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Run ``cypher`` on the store's database on a connection of its own; the rows."""
    from graph_service.storage.falkordb.store import FalkorDBStore
    from graph_service.storage.neo4j.store import Neo4jStore

    if isinstance(store, FalkorDBStore):
        from falkordb.asyncio import FalkorDB

        from graph_service.storage.falkordb.server import SOCKET_NAME

        db = FalkorDB(unix_socket_path=str(store.data_dir / SOCKET_NAME))
        try:
            result = await db.select_graph("authority").query(cypher, params or {})
        finally:
            await db.aclose()
        columns = [column[1] for column in result.header]
        return [dict(zip(columns, row, strict=True)) for row in result.result_set]
    if isinstance(store, Neo4jStore):
        records, _, _ = await store.driver.execute_query(
            cypher, params or {}, database_=store.database
        )
        return [record.data() for record in records]
    raise AssertionError(f"no direct access to a {type(store).__name__}")  # pragma: no cover


async def forget_head(store: GraphStore) -> None:
    """Remove the head-revision key FalkorDB keeps beside its journal since log format 2 (Neo4j
    reads the head from the log itself)."""
    from graph_service.storage.falkordb.store import FalkorDBStore

    if isinstance(store, FalkorDBStore):
        from falkordb.asyncio import FalkorDB

        from graph_service.storage.falkordb.journal import Journal
        from graph_service.storage.falkordb.server import SOCKET_NAME

        db = FalkorDB(unix_socket_path=str(store.data_dir / SOCKET_NAME))
        try:
            await db.connection.delete(Journal(None, "authority").head_key)
        finally:
            await db.aclose()
