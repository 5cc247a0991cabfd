"""The storage port: the few things the service needs from a graph database.

Small protocols (as SpiceDB's datastore port) so that each adapter (``storage/falkordb``,
``storage/neo4j``) and each wrapper (metrics, read-only) implements exactly these. Answers are not
computed here: the engine works on an in-memory projection loaded through ``load_all``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from graph_service.domain.auth import ApiToken
from graph_service.domain.changes import (
    ChangeRecord,
    ChangeSet,
    HistoryEntry,
    LoggedChange,
    Revision,
    Snapshot,
)
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.holdings import Holding, Pair


class Capability(StrEnum):
    """What a backend can do beyond the port's guarantees; the conformance suite reads these."""

    NATIVE_TRANSACTIONS = "native_transactions"  # multi-statement rollback in the database
    ROUTED_READS = "routed_reads"  # reads can go to replicas (neo4j:// routing)
    DURABLE_ON_KILL = "durable_on_kill"  # survives kill -9 of the database process
    EMBEDDED = "embedded"  # the service starts the database itself


class Node(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: EntityKind
    key: str
    label: str


class Edge(BaseModel):
    model_config = ConfigDict(frozen=True)
    source: str
    target: str
    type: str


class Subgraph(BaseModel):
    """Nodes and relationships around a record, as stored."""

    model_config = ConfigDict(frozen=True)
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)


@runtime_checkable
class GraphReader(Protocol):
    async def load_all(self) -> Dataset:
        """Every record in the store, as one dataset."""
        ...

    async def snapshot(self) -> Snapshot:
        """Every record and the revision of the log they are the state of."""
        ...

    async def head_revision(self) -> Revision:
        """The newest revision in the change log (0: nothing was ever written)."""
        ...

    async def changes_since(self, revision: Revision, limit: int = 100) -> list[LoggedChange]:
        """The change sets after ``revision``, oldest first, at most ``limit``, with contents
        (every record version each wrote or deleted). A follower pages through it."""
        ...

    async def record_versions(self, kind: EntityKind, key: str) -> list[HistoryEntry]:
        """Every version of one record with who, when and why, oldest first (a deleted record
        keeps its versions)."""
        ...

    async def change_times(self, after: Revision = 0) -> list[tuple[Revision, datetime]]:
        """``(revision, recorded_at)`` of every change set after ``after``, in order."""
        ...

    async def neighbourhood(self, kind: EntityKind, key: str, depth: int) -> Subgraph:
        """The record and what lies within ``depth`` relationships of it."""
        ...


@runtime_checkable
class GraphWriter(Protocol):
    async def apply(
        self, change: ChangeSet, *, expected_head: Revision | None = None
    ) -> ChangeRecord:
        """Apply the change set all or nothing, durably, as the next revision of the log; its
        log entry. With ``expected_head``, ``HeadMovedError`` (nothing written) unless the log's
        head is that revision: the caller checked the change against that state."""
        ...


@runtime_checkable
class TokenStore(Protocol):
    """API tokens, kept in the graph store so that every instance on it sees the same ones.

    Tokens are not records of the authority graph: no change set writes them and ``load_all``
    never returns them. Only the hash of a token's secret is stored.
    """

    async def save(self, token: ApiToken) -> None:
        """Store a new token (its id and hash are new)."""
        ...

    async def find_by_hash(self, secret_hash: str) -> ApiToken | None:
        """The token whose secret hashes to ``secret_hash`` (revoked ones too), or ``None``."""
        ...

    async def list_all(self) -> list[ApiToken]:
        """Every token, revoked ones included, oldest first."""
        ...

    async def revoke(self, token_id: str, at: datetime) -> ApiToken | None:
        """Mark the token revoked at ``at`` (an earlier revocation stays); ``None`` if unknown."""
        ...

    async def touch(self, token_id: str, at: datetime) -> None:
        """Record that the token was last used at ``at``."""
        ...


@runtime_checkable
class GraphStore(GraphReader, GraphWriter, Protocol):
    """A whole backend: reads, writes, its API tokens and its lifecycle."""

    @property
    def capabilities(self) -> frozenset[Capability]: ...

    @property
    def tokens(self) -> TokenStore:
        """The API tokens kept in this store."""
        ...

    async def close(self) -> None:
        """Release connections (and stop an embedded server)."""
        ...


@runtime_checkable
class HoldingsWriter(Protocol):
    """A store that keeps the engine's derived holdings as ``(:Unit)-[:HOLDS]->(:PowerItem)``.

    Optional: holdings are derived from acts, so a store without it loses nothing; those that have
    it let people browsing the database (Neo4j Browser, Bloom) see the current authority graph.
    """

    async def write_holdings(
        self,
        holdings: Iterable[Holding],
        *,
        items: Collection[str] | None = None,
        pairs: Collection[Pair] | None = None,
        recorded_by: str = ...,
    ) -> int:
        """Replace the derived holding relationships of ``items`` (every one when None), or
        only those between the ``(unit, item)`` ``pairs``, with ``holdings``; return how many
        were written."""
        ...
