"""Change events: what each committed change set did, for subscribers (live updates).

Fed by the dispatcher after every change set the projection took in, whoever wrote it (this
process, the CLI or another instance, through the follower), so a subscriber of this instance
hears of every write. A subscriber that does not keep up loses the oldest events, not the
service's memory: its queue is bounded, and it is told how many it missed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

from graph_service.domain.changes import ChangeRecord, EntityRef

QUEUE_SIZE = 256


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One change set as the projection took it in."""

    record: ChangeRecord
    touched: tuple[EntityRef, ...]
    items: frozenset[str] | None  # items whose holdings were replayed (None: all)
    missed: int = 0  # events this subscriber lost before this one


class ChangeEvents:
    """A fan-out of change events to any number of subscribers."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[ChangeEvent]] = set()
        self._missed: dict[asyncio.Queue[ChangeEvent], int] = {}

    @property
    def subscribers(self) -> int:
        return len(self._queues)

    def publish(self, event: ChangeEvent) -> None:
        for queue in self._queues:
            if queue.full():
                queue.get_nowait()
                self._missed[queue] = self._missed.get(queue, 0) + 1
            missed = self._missed.pop(queue, 0)
            queue.put_nowait(
                ChangeEvent(event.record, event.touched, event.items, missed) if missed else event
            )

    async def subscribe(self) -> AsyncIterator[ChangeEvent]:
        """Every event published from now on, until the caller stops iterating."""
        queue: asyncio.Queue[ChangeEvent] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._queues.discard(queue)
            self._missed.pop(queue, None)
