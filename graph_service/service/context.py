"""The state every use case shares: the store, the in-memory projection and the write lock.

Reads go to the projection and never wait on the database; writes are serialised by one
``asyncio.Lock`` so that each is checked against the projection it will change, written to the store
all or nothing, and only then applied to the projection.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from graph_service.domain.dataset import Dataset
from graph_service.engine.projection import Projection
from graph_service.storage.port import GraphStore

from .records import RecordIndex

ProjectionFactory = Callable[[Dataset], Projection]


@dataclass(slots=True)
class ServiceContext:
    """One process's service state; built by bootstrap, handed to every use case."""

    store: GraphStore
    projection: Projection
    rebuild: ProjectionFactory  # a fresh projection from a dataset (used if an update fails)
    write_back_holdings: bool = True  # keep (:Unit)-[:HOLDS]->(:PowerItem) current in the store
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _index: RecordIndex | None = None

    def records(self) -> RecordIndex:
        """Records of the current projection by key (a view, renewed after each write)."""
        records = self.projection.records
        if self._index is None or self._index.source is not records:
            self._index = RecordIndex.of(records)
        return self._index
