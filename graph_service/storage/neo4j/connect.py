"""Opening the store: one driver per process, checked before the service starts answering.

The driver owns a connection pool (and, for ``neo4j://``, the cluster's routing table); one per
process is right, and ``Neo4jStore.close`` closes it. ``verify_connectivity`` makes a wrong URI,
an unreachable server or bad credentials fail at start with a ``StoreUnavailableError`` instead
of at the first request.
"""

from __future__ import annotations

from neo4j import Auth

from graph_service.storage.plan import DEFAULT_BATCH

from .driver import new_driver
from .errors import translated
from .migrations import apply_migrations
from .settings import Neo4jSettings
from .store import Neo4jStore


async def open_store(
    uri: str,
    auth: Auth | None,
    database: str,
    *,
    user_agent: str | None = None,
    migrate: bool = False,
    batch_size: int = DEFAULT_BATCH,
) -> Neo4jStore:
    """Connect to ``uri``, check the server answers, optionally apply pending DDL.

    ``migrate=True`` needs a user allowed to change the schema; by default schema changes are left
    to ``graph-service migrate`` so the service can run with a less privileged user.
    """
    with translated("connect"):
        driver = new_driver(uri, auth, user_agent=user_agent)
    try:
        with translated("connect"):
            # No session config here: passing it is a preview feature of the driver (warns).
            await driver.verify_connectivity()
        if migrate:
            await apply_migrations(driver, database)
        store = Neo4jStore(driver, database, batch=batch_size)
        await store.migrate_log()
    except BaseException:
        await driver.close()
        raise
    return store


async def open_store_from_settings(settings: Neo4jSettings, *, migrate: bool = False) -> Neo4jStore:
    """``open_store`` with the ``NEO4J_*`` settings (see ``settings.py``)."""
    return await open_store(settings.uri, settings.auth, settings.database, migrate=migrate)
