"""Markers by directory (as strawberry does), so `-m unit` selects exactly tests/unit; and the one
Neo4j server of the session, for every test that needs the production store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import neo4j_server

_MARK_BY_DIR = {
    "unit": "unit",
    "conformance": "conformance",
    "service": "service",
    "api": "api",
    "e2e": "e2e",
    "browser": "browser",
}
REQUIRE_NEO4J = "GRAPH_SERVICE_REQUIRE_NEO4J"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).parts
        for directory, mark in _MARK_BY_DIR.items():
            if directory in parts:
                item.add_marker(getattr(pytest.mark, mark))


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Bolt URI of a Neo4j 5 for this session, also exported as ``NEO4J_URI``.

    ``NEO4J_URI`` already set: that server is used as is (its ``neo4j`` database is wiped by the
    tests!). Otherwise the launcher in ``tests/neo4j/`` starts one on a free port, started at the
    first test that asks and stopped by pid at the end of the session. Without Java 17+ or Maven
    the tests that ask skip with the reason; with ``GRAPH_SERVICE_REQUIRE_NEO4J=1`` (CI) they fail.
    """
    configured = os.environ.get("NEO4J_URI")
    if configured:
        yield configured
        return
    reason = neo4j_server.unavailable()
    if reason is not None:
        if os.environ.get(REQUIRE_NEO4J) == "1":
            pytest.fail(f"{REQUIRE_NEO4J}=1 but Neo4j cannot run here: {reason}")
        pytest.skip(f"neo4j not run: {reason}")
    server = neo4j_server.start(tmp_path_factory.mktemp("neo4j"))
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("NEO4J_URI", server.uri)
            yield server.uri
    finally:
        server.stop()
