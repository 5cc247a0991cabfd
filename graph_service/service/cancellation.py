"""Background loops stop when asked, even when a library swallowed the request.

The service's background tasks (the follower, the ``HOLDS`` export) are stopped by cancelling
them. On Python 3.11, ``asyncio.wait_for`` returns the awaited call's result instead of raising
``CancelledError`` when the cancellation comes just as that call finishes, and drivers use it
(redis-py around a send once a socket timeout is set; others in their own ways), or turn a
cancelled I/O into their own error, which our loops catch and retry. The task then goes on with
its cancellation requested but never delivered, and whoever awaits it to stop waits for ever (a
test's teardown hung CI that way). ``asyncio.Task.cancelling`` still counts the request, so each
loop asks ``stop_if_asked`` where it would go round again.
"""

from __future__ import annotations

import asyncio

__all__ = ["stop_if_asked"]


def stop_if_asked() -> None:
    """Raise ``CancelledError`` if the current task has been asked to stop."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError
