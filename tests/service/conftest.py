"""Service contexts over a real embedded FalkorDB in a temporary data dir.

``instance`` opens one more service on the same data dir each time it is called, as a second
``serve`` process would: they share the store (and its server) and nothing else, so what one
writes reaches the other only through the change log.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path

import pytest

from graph_service.bootstrap import open_service
from graph_service.config import load_settings
from graph_service.service import ServiceContext

from ..api.small_dataset import DISTRICT

Instance = Callable[[], Awaitable[ServiceContext]]


@pytest.fixture
async def instance(tmp_path: Path) -> AsyncIterator[Instance]:
    settings = load_settings(
        {},
        data_dir=tmp_path / "data",
        seed_on_empty=False,
        jurisdiction=(DISTRICT,),
        follow_interval=0.05,
    )
    async with AsyncExitStack() as stack:

        async def another() -> ServiceContext:
            return await stack.enter_async_context(open_service(settings))

        yield another
