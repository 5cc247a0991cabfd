"""Neo4j adapter of the storage port (production), through the official driver's async API.

``open_store(uri, auth, database)`` connects and returns a ``Neo4jStore`` (a ``GraphStore`` plus
``write_holdings``); ``migrate(uri, auth, database)`` applies the DDL in
``cypher/schema/neo4j/``; ``neo4j_settings(environ)`` reads ``NEO4J_URI``/``NEO4J_USER``/
``NEO4J_PASSWORD``/``NEO4J_DATABASE``. See docs/deploy-neo4j.md and ADR 0002.
"""

from .connect import open_store, open_store_from_settings
from .driver import default_user_agent
from .migrations import apply_migrations, migrate
from .settings import Neo4jSettings, is_neo4j_uri, neo4j_settings
from .store import Neo4jStore

__all__ = [
    "Neo4jSettings",
    "Neo4jStore",
    "apply_migrations",
    "default_user_agent",
    "is_neo4j_uri",
    "migrate",
    "neo4j_settings",
    "open_store",
    "open_store_from_settings",
]
