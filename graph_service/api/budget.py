"""A time budget that costs nothing for a coroutine that never waits.

Most prepared queries (a jurisdiction question, a page of kept findings) complete without ever
suspending: their resolvers are ``async`` but read only the in-memory projection. An
``asyncio.timeout`` around them arms and cancels a timer on the event loop for nothing — about
5% of a small query's time in the lean route (ADR 0015). ``within`` runs the coroutine's first
step directly; only when it suspends (it waits for the store, a lock, another task) is the
remaining work awaited under ``asyncio.timeout_at`` with the deadline counted from the start, so
the budget means what it did: a request still past it when it next waits gets ``TimeoutError``.
Like ``asyncio.timeout``, nothing can interrupt a step that never yields.
"""

from __future__ import annotations

import asyncio
import types
from collections.abc import Coroutine, Generator
from typing import Any, TypeVar

T = TypeVar("T")


async def within(seconds: float, work: Coroutine[Any, Any, T]) -> T:
    """``await work``, with ``TimeoutError`` once ``seconds`` have passed at a suspension."""
    deadline = asyncio.get_running_loop().time() + seconds
    try:
        yielded = work.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    except BaseException:
        work.close()
        raise
    async with asyncio.timeout_at(deadline):
        resumed: T = await _resume(work, yielded)
        return resumed


@types.coroutine
def _resume(work: Coroutine[Any, Any, T], yielded: Any) -> Generator[Any, Any, T]:
    """Go on driving ``work`` from where its first step suspended (on ``yielded``), passing what
    the task sends and throws (its cancellation included) through to it."""
    while True:
        try:
            sent = yield yielded
        except BaseException as thrown:
            try:
                yielded = work.throw(thrown)
            except StopIteration as done:
                value: T = done.value
                return value
        else:
            try:
                yielded = work.send(sent)
            except StopIteration as done:
                value = done.value
                return value
