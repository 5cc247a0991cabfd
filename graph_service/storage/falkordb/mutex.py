"""A lock shared by every process on one server: a Redis key set with ``NX`` and an expiry.

FalkorDB runs each query atomically for its writes, but reads what a write query matches before
it takes the graph's write lock: two processes replacing the same item's derived ``HOLDS`` at once
(two service instances, each taking in the other's changes) both found none to clear and both
wrote theirs, leaving two copies. The exporters of all processes therefore take this lock around
each statement that replaces holdings. It expires (``TTL_MS``) so that a killed process cannot
hold it for ever; it is released only by the holder (compare and delete, in one script).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from .errors import translated

TTL_MS = 10_000  # far longer than one statement of at most a batch of rows
POLL = 0.005
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


@asynccontextmanager
async def held(connection: Any, key: str) -> AsyncIterator[None]:
    """Hold ``key`` for the block; waits while another process holds it."""
    token = uuid.uuid4().hex
    while True:
        with translated(f"lock {key}"):
            if await connection.set(key, token, nx=True, px=TTL_MS):
                break
        await asyncio.sleep(POLL)
    try:
        yield
    finally:
        with translated(f"unlock {key}"):
            await connection.eval(_RELEASE, 1, key, token)
