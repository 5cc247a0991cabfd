"""The state every use case shares: the store, the projection at its revision, the write lock and
the after-commit consumers.

Reads go to the projection and never wait on the database. Writes are serialised by one
``asyncio.Lock`` so that each is checked against the projection it will change and written to the
store as the next revision (``write.commit``); what follows a commit (the projection advancing,
the derived holdings export, change events) hangs off the change log (``dispatch.py``), never off
the request path, and the same path serves change sets written by other processes (``follow.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from graph_service.domain.changes import Revision
from graph_service.domain.dataset import Dataset
from graph_service.engine.projection import Projection
from graph_service.engine.records import Records
from graph_service.storage.port import GraphStore

from .events import ChangeEvents

if TYPE_CHECKING:
    from .dispatch import Dispatcher

ProjectionFactory = Callable[[Dataset], Projection]


@dataclass(slots=True)
class ServiceOptions:
    """Tunables of the write path and its consumers (settings hand them in)."""

    write_back_holdings: bool = True  # keep (:Unit)-[:HOLDS]->(:PowerItem) current in the store
    follow_interval: float = 0.2  # seconds between looks at the store's head revision
    at_least_timeout: float = 2.0  # how long a read waits for a revision it asked for
    document_prefix: str = "京大司"  # numbers of the bureau's documents: 京大司协〔2026〕3号
    # days a dispute may stay in a status before it is overdue, by status; none by default
    dispute_deadlines: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class ServiceContext:
    """One process's service state; built by bootstrap, handed to every use case."""

    store: GraphStore
    projection: Projection
    rebuild: ProjectionFactory  # a fresh projection from a dataset (after a failed update)
    revision: Revision = 0  # the revision of the change log the projection is the state of
    options: ServiceOptions = field(default_factory=ServiceOptions)
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    events: ChangeEvents = field(default_factory=ChangeEvents)
    # (revision, recorded_at) of every change set up to ``revision``: answers as recorded on a day
    change_times: list[tuple[Revision, datetime]] = field(default_factory=list)
    # readers waiting for a revision (``consistency.at_least``), woken by the dispatcher
    waiters: list[tuple[Revision, asyncio.Future[None]]] = field(default_factory=list)
    wake_follower: asyncio.Event = field(default_factory=asyncio.Event)
    dispatcher: Dispatcher = field(init=False)

    def __post_init__(self) -> None:
        from .dispatch import Dispatcher  # the dispatcher works on this context

        self.dispatcher = Dispatcher(self)

    def records(self) -> Records:
        """Records of the current projection by key (a new object after each write)."""
        return self.projection.records
