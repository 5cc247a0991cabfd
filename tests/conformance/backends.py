"""The backends the conformance suite runs against: one factory per backend.

Every test in this directory that takes the ``store`` fixture runs once per backend below. A
backend declares its capabilities up front; a test marked ``@pytest.mark.requires(Capability.X)``
is skipped on a backend without X with the reason "backend lacks capability X".

The Neo4j backend uses the server of the session fixture ``neo4j_uri`` (``tests/conftest.py``:
the launcher in ``tests/neo4j/``, or the server ``NEO4J_URI`` names, with ``NEO4J_USER``/
``NEO4J_PASSWORD``/``NEO4J_DATABASE``); it wipes that database's records and audit nodes. Where
Neo4j cannot run the neo4j runs skip with the reason; with ``GRAPH_SERVICE_REQUIRE_NEO4J=1`` they
fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from graph_service.domain.errors import TransientStorageError
from graph_service.storage.port import Capability, GraphStore

Open = Callable[[Path], Awaitable[GraphStore]]
FailAt = Callable[[GraphStore, int, bool], None]


@dataclass(frozen=True)
class Backend:
    """How to open a store of one backend.

    ``open(workdir)`` gives a store whose contents belong to ``workdir``: empty the first time,
    the same data when opened again with the same ``workdir`` (that is how tests reopen).
    ``fail_at(store, n, always)`` makes ``apply`` hit a failure before its n-th statement (once,
    or on every attempt) to check that a failed apply leaves all or nothing.
    """

    name: str
    capabilities: frozenset[Capability]
    open: Open
    fail_at: FailAt
    server_fixture: str | None = None  # a fixture that provides the server, or skips


class InjectedFailureError(TransientStorageError):
    """The failure ``fail_at`` injects."""


# --- falkordb -----------------------------------------------------------------------------


async def _open_falkordb(workdir: Path) -> GraphStore:
    from graph_service.storage.falkordb import open_store

    return await open_store(workdir / "falkordb", batch_size=3)  # tiny batches: many statements


def _fail_at(store: GraphStore, at: int, always: bool) -> None:
    """Make the store's ``on_step`` test hook fail before statement ``at`` (once, or always)."""
    from graph_service.storage.plan import Step

    assert hasattr(store, "on_step"), f"{type(store).__name__} has no on_step test hook"
    fired: list[int] = []

    def hook(index: int, step: Step) -> None:
        if index == at and (always or not fired):
            fired.append(index)
            raise InjectedFailureError(f"injected before statement {index} ({step.statement})")

    store.on_step = hook


FALKORDB = Backend(
    name="falkordb",
    capabilities=frozenset({Capability.EMBEDDED, Capability.DURABLE_ON_KILL}),
    open=_open_falkordb,
    fail_at=_fail_at,
)


# --- neo4j ---------------------------------------------------------------------------------

# Test-only wipe so that each test starts from an empty database (Community has one database):
# everything goes but the (:Migration) nodes, and the schema stays.
_WIPE = "MATCH (n) WHERE NOT n:Migration DETACH DELETE n"


async def _open_neo4j(workdir: Path) -> GraphStore:
    """The configured server's database: migrated and wiped before a workdir's first open only."""
    from neo4j import AsyncGraphDatabase

    from graph_service.storage.neo4j import apply_migrations, neo4j_settings, open_store

    settings = neo4j_settings(os.environ)
    marker = workdir / "neo4j-opened"
    if not marker.exists():
        async with AsyncGraphDatabase.driver(settings.uri, auth=settings.auth) as driver:
            await apply_migrations(driver, settings.database)
            await driver.execute_query(_WIPE, database_=settings.database)
        marker.touch()
    return await open_store(settings.uri, settings.auth, settings.database, batch_size=3)


NEO4J = Backend(
    name="neo4j",
    capabilities=frozenset(
        {Capability.NATIVE_TRANSACTIONS, Capability.ROUTED_READS, Capability.DURABLE_ON_KILL}
    ),
    open=_open_neo4j,
    fail_at=_fail_at,
    server_fixture="neo4j_uri",
)

BACKENDS: dict[str, Backend] = {backend.name: backend for backend in (FALKORDB, NEO4J)}
