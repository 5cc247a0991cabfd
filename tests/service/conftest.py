"""Service contexts over a real store: the embedded FalkorDB in a temporary data dir, and Neo4j
(the session's server, wiped first).

``instance`` opens one more service on the same store each time it is called, as a second
``serve`` process would: they share the store (and its server) and nothing else, so what one
writes reaches the other only through the change log.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path

import pytest

from graph_service.bootstrap import open_service
from graph_service.config import Settings, StoreKind, load_settings
from graph_service.service import ServiceContext

from ..api.small_dataset import DISTRICT

Instance = Callable[[], Awaitable[ServiceContext]]
_WIPE = "MATCH (n) WHERE NOT n:Migration DETACH DELETE n"  # the schema and its records stay


@pytest.fixture(params=["falkordb", "neo4j"])
async def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    store: dict[str, object] = {"data_dir": tmp_path / "data"}
    if request.param == "neo4j":
        from neo4j import AsyncGraphDatabase

        uri: str = request.getfixturevalue("neo4j_uri")  # starts the server, or skips
        async with AsyncGraphDatabase.driver(uri) as driver:
            await driver.execute_query(_WIPE)
        store = {"store": StoreKind.NEO4J, "neo4j_uri": uri}
    return load_settings(
        {}, seed_on_empty=False, jurisdiction=(DISTRICT,), follow_interval=0.05, **store
    )


@pytest.fixture
async def instance(settings: Settings) -> AsyncIterator[Instance]:
    async with AsyncExitStack() as stack:

        async def another() -> ServiceContext:
            return await stack.enter_async_context(open_service(settings))

        yield another
