"""The real neo4j driver, pointed at a port where no server listens (no Neo4j needed): opening the
store and migrating fail at once with the service's error, the driver's cause chained and no
driver left open (pytest turns an unclosed driver's ResourceWarning into an error)."""

from __future__ import annotations

import socket

import pytest
from neo4j import exceptions as neo4j_errors

from graph_service.domain.errors import StoreUnavailableError
from graph_service.storage.neo4j import migrate, open_store


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
async def test_opening_a_store_nobody_serves_is_store_unavailable(scheme: str) -> None:
    with pytest.raises(StoreUnavailableError, match="cannot reach Neo4j for connect") as caught:
        await open_store(f"{scheme}://127.0.0.1:{closed_port()}", None, "neo4j")
    assert isinstance(caught.value.__cause__, neo4j_errors.ServiceUnavailable)


async def test_migrate_against_nobody_is_store_unavailable() -> None:
    with pytest.raises(StoreUnavailableError, match="migrate"):
        await migrate(f"bolt://127.0.0.1:{closed_port()}", None, "neo4j")
