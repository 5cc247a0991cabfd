"""Consistency tokens: a write returns its revision, a read may ask to be at least that fresh.

As Zanzibar's zookies: a client that wrote through one instance and reads through another sends
the revision it got back; the read waits (bounded) until this instance's projection has reached
it, and otherwise fails with a retryable error instead of answering from an older state.
"""

from __future__ import annotations

import asyncio

from graph_service.domain.changes import Revision
from graph_service.domain.errors import NotYetConsistentError, Problem, ValidationError

from .context import ServiceContext


async def at_least(ctx: ServiceContext, revision: Revision) -> None:
    """Return once the projection is at ``revision`` or later; ``NotYetConsistentError`` after
    the ``at_least_timeout`` setting."""
    if revision < 0:
        raise ValidationError([Problem("atLeast", "a revision is 0 or more")])
    if ctx.revision >= revision:
        return
    ctx.wake_follower.set()
    reached: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    ctx.waiters.append((revision, reached))
    try:
        async with asyncio.timeout(ctx.options.at_least_timeout):
            await reached
    except TimeoutError:
        raise NotYetConsistentError(revision, ctx.revision) from None
    finally:
        ctx.waiters[:] = [w for w in ctx.waiters if w[1] is not reached]
