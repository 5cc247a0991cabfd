"""Keep the embedded FalkorDB running: notice when it dies, restart it with backoff.

The server is a separate process; if it is killed (out of memory, an operator's ``kill -9``) the
service would otherwise keep answering from its projection while every write and history read
fails, and readiness would not say so. The supervisor polls the server's pid a few times a second
(by its socket when the pid is unknown), and on death marks the store ``restarting`` (requests then
fail fast with the retryable ``STORE_UNAVAILABLE`` instead of waiting on a dead socket), starts a
new server in the same data directory (the append-only file brings every acknowledged write back),
retrying with exponential backoff, and tells the store to re-check its journal once it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from graph_service.domain.errors import StorageError

from . import server

log = logging.getLogger(__name__)
UP, RESTARTING, STOPPED = "up", "restarting", "stopped"


@dataclass(frozen=True, slots=True)
class ServerStatus:
    reachable: bool
    detail: str  # "ok", "loading", "restarting", "down" or "stopped": never a path
    restarts: int


class Supervisor:
    """One watcher task per open store; ``stop()`` before the server is shut down on purpose."""

    def __init__(
        self,
        handle: server.ServerHandle,
        on_restart: Callable[[], None],
        *,
        interval: float = 0.2,
        first_backoff: float = 0.5,
        max_backoff: float = 30.0,
    ) -> None:
        self._handle = handle
        self._on_restart = on_restart
        self._interval = interval
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff
        self._task: asyncio.Task[None] | None = None
        self.state = STOPPED
        self.restarts = 0

    @property
    def restarting(self) -> bool:
        return self.state == RESTARTING

    def start(self) -> None:
        if self._task is None:
            self.state = UP
            self._task = asyncio.create_task(self._watch(), name="falkordb-supervisor")

    async def stop(self) -> None:
        self.state = STOPPED
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def status(self) -> ServerStatus:
        """What readiness reports: a live ping unless the server is known to be restarting."""
        if self.state != UP:
            return ServerStatus(False, self.state, self.restarts)
        found = await asyncio.to_thread(server.state, self._handle)
        detail = "ok" if found == "ready" else found
        return ServerStatus(found == "ready", detail, self.restarts)

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            if self._handle.pid is not None:
                alive = server.is_alive(self._handle)  # waitpid and kill(0): no blocking
            else:
                alive = await asyncio.to_thread(server.is_alive, self._handle)
            if not alive:
                await self._restart()

    async def _restart(self) -> None:
        self.state = RESTARTING
        log.error("the embedded FalkorDB (pid %s) has died; restarting it", self._handle.pid)
        delay = self._first_backoff
        while True:
            try:
                await asyncio.to_thread(server.restart, self._handle)
            except StorageError as error:
                log.error("restarting FalkorDB failed (%s); next attempt in %.1f s", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._max_backoff)
                continue
            break
        self.restarts += 1
        self._on_restart()
        self.state = UP
        log.warning("the embedded FalkorDB is back (pid %s)", self._handle.pid)
