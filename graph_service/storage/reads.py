"""Reads shared by the Cypher adapters, written against a tiny ``Run`` callable.

A variable-length pattern cannot take its depth as a parameter, so ``neighbourhood`` walks the graph
breadth first with one pre-written step (``neighbours``) per level; each adapter only supplies how
to run a statement and get rows back as dicts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from graph_service.domain.changes import (
    HistoryEntry,
    LoggedChange,
    Revision,
    Snapshot,
)
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotFoundError, TransientStorageError
from graph_service.storage.port import Edge, Node, Subgraph

from .catalog import Statement
from .layout import dataset_from_documents, ref, split_ref
from .plan import change_record_from_row, logged_changes, version_from_row

Row = Mapping[str, Any]
Run = Callable[[Statement, Mapping[str, Any]], Awaitable[Sequence[Row]]]

LOAD_PAGE = 5000
SNAPSHOT_ATTEMPTS = 5


async def load_all(run: Run, page: int = LOAD_PAGE) -> Dataset:
    """Every record, each collection in recorded order, paged by ``seq``."""
    documents: list[tuple[str, str]] = []
    after = 0
    while True:
        rows = await run(Statement.LOAD_RECORDS, {"after": after, "limit": page})
        documents += [(row["collection"], row["doc"]) for row in rows]
        if len(rows) < page:
            return dataset_from_documents(documents)
        after = int(rows[-1]["seq"])


async def snapshot(run: Run, page: int = LOAD_PAGE) -> Snapshot:
    """Every record and the revision it is the state of.

    The pages of ``load_all`` are separate statements; another process may write between them.
    The head revision is read before and after: when it moved, the pages are read again.
    """
    for _ in range(SNAPSHOT_ATTEMPTS):
        head = await head_revision(run)
        dataset = await load_all(run, page)
        if await head_revision(run) == head:
            return Snapshot(dataset=dataset, revision=head)
    raise TransientStorageError("the store kept changing while it was read; try again")


async def head_revision(run: Run) -> Revision:
    rows = await run(Statement.HEAD_REVISION, {})
    return int(rows[0]["head"] or 0)


async def changes_since(run: Run, revision: Revision, limit: int) -> list[LoggedChange]:
    """The log after ``revision``, oldest first: at most ``limit`` change sets, with contents."""
    entries = await run(Statement.CHANGES_AFTER, {"after": revision, "limit": limit})
    if not entries:
        return []
    revisions = [int(row["revision"]) for row in entries]
    versions = await run(Statement.VERSIONS_OF_CHANGES, {"revisions": revisions})
    return logged_changes(entries, versions)


async def record_versions(run: Run, kind: EntityKind, key: str) -> list[HistoryEntry]:
    rows = await run(Statement.RECORD_VERSIONS, {"ref": ref(kind, key)})
    return [
        HistoryEntry(change=change_record_from_row(row), version=version_from_row(row))
        for row in rows
    ]


async def change_times(run: Run, after: Revision = 0) -> list[tuple[Revision, datetime]]:
    """``(revision, recorded_at)`` of every change set after ``after``, in order."""
    rows = await run(Statement.CHANGE_TIMES, {"after": after})
    return [(int(row["revision"]), datetime.fromisoformat(row["recorded_at"])) for row in rows]


async def neighbourhood(run: Run, kind: EntityKind, key: str, depth: int) -> Subgraph:
    """The record and every record within ``depth`` relationships, with those relationships.

    Raises ``NotFoundError`` when the record is not stored. Edges name records by key.
    """
    start = ref(kind, key)
    found = await run(Statement.RECORD_NODES, {"refs": [start]})
    if not found:
        raise NotFoundError(kind.value, key)
    nodes: dict[str, Node] = {start: _node(found[0])}
    edges: set[tuple[str, str, str]] = set()
    frontier = [start]
    for _ in range(max(depth, 0)):
        if not frontier:
            break
        rows = await run(Statement.NEIGHBOURS, {"refs": frontier})
        reached: list[str] = []
        for row in rows:
            edges.add((row["source"], row["target"], row["type"]))
            if row["ref"] not in nodes:
                nodes[row["ref"]] = _node(row)
                reached.append(row["ref"])
        frontier = reached
    return Subgraph(
        nodes=[nodes[r] for r in sorted(nodes)],
        edges=[
            Edge(source=split_ref(s)[1], target=split_ref(t)[1], type=kind_)
            for s, t, kind_ in sorted(edges)
        ],
    )


def _node(row: Row) -> Node:
    return Node(kind=EntityKind(row["collection"]), key=row["key"], label=row["name"] or row["key"])
