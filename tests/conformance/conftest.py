"""The ``store`` fixture, parametrised over every backend of ``backends.py``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from graph_service.storage.port import Capability, GraphStore

from .backends import BACKENDS, Backend


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "requires(capability): skip on a backend that lacks this Capability"
    )


@pytest.fixture(params=sorted(BACKENDS), ids=str)
def backend(request: pytest.FixtureRequest) -> Backend:
    chosen = BACKENDS[request.param]
    if chosen.server_fixture is not None:
        request.getfixturevalue(chosen.server_fixture)  # starts the server, or skips
    for marker in request.node.iter_markers("requires"):
        needed = Capability(marker.args[0])
        if needed not in chosen.capabilities:
            pytest.skip(f"backend lacks capability {needed.value}")
    return chosen


class Opened:
    """The store under test, reopenable on the same data."""

    def __init__(self, backend: Backend, workdir: Path) -> None:
        self.backend = backend
        self.workdir = workdir
        self.current: GraphStore | None = None

    async def open(self) -> GraphStore:
        self.current = await self.backend.open(self.workdir)
        return self.current

    async def reopen(self) -> GraphStore:
        if self.current is not None:
            await self.current.close()
        return await self.open()

    async def close(self) -> None:
        if self.current is not None:
            await self.current.close()
            self.current = None


@pytest.fixture
async def opened(backend: Backend, tmp_path: Path) -> AsyncIterator[Opened]:
    handle = Opened(backend, tmp_path)
    await handle.open()
    yield handle
    await handle.close()


@pytest.fixture
def store(opened: Opened) -> GraphStore:
    assert opened.current is not None
    return opened.current


@pytest.fixture
def reopen(opened: Opened) -> Callable[[], Awaitable[GraphStore]]:
    return opened.reopen
