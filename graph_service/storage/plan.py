"""A change set as an ordered list of idempotent statements, and the audit record it leaves.

Both Cypher adapters run the same plan: Neo4j inside one transaction, FalkorDB (which cannot roll
back) from a redo journal. Every step can therefore be re-run after a crash without changing the
outcome: deletes ignore missing nodes, upserts MERGE by key and number a node only when they create
it, links are dropped and re-MERGEd, and the audit node is MERGEd by the change set's id.

Order: clear (``replace``), deletes, every node upsert, then the relationships of the upserted
records (so that a reference to a record upserted in the same change set finds its target), then
the audit node last.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from graph_service.domain.changes import ChangeRecord, ChangeSet
from graph_service.domain.enums import EntityKind

from .catalog import UPSERT_BY_KIND, Statement
from .layout import LINK_BY_RELATION, Relation, links, node_row, ref

DEFAULT_BATCH = 2000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Step:
    """One statement with its parameters."""

    statement: Statement
    params: Mapping[str, Any]

    @property
    def rows(self) -> int:
        """How many rows (records, refs or relationships) the step carries."""
        value = next(iter(self.params.values()), None) if self.params else None
        return len(value) if isinstance(value, list) else 1


def plan_change(change: ChangeSet, first_seq: int, batch: int = DEFAULT_BATCH) -> list[Step]:
    """The statements that apply ``change``; new records are numbered from ``first_seq``.

    ``first_seq`` must be fixed before the first attempt (the journal keeps it), so that a replay
    numbers the records exactly as the interrupted run did.
    """
    steps: list[Step] = []
    if change.replace:
        steps.append(Step(Statement.CLEAR_RECORDS, {}))
    deleted = [ref(d.kind, d.key) for d in change.deletes]
    steps += [Step(Statement.DELETE_RECORDS, {"refs": chunk}) for chunk in _chunks(deleted, batch)]

    seq = first_seq
    upserted: list[str] = []
    regions: list[str] = []
    edges: dict[Relation, list[dict[str, str]]] = {relation: [] for relation in Relation}
    for kind in EntityKind:
        rows: list[dict[str, Any]] = []
        for record in change.upserts.collection(kind):
            rows.append(node_row(kind, record, seq))
            seq += 1
            upserted.append(ref(kind, record.key))
            if kind is EntityKind.REGION:
                regions.append(ref(kind, record.key))
            for relation, source, target in links(kind, record):
                edges[relation].append({"src": source, "dst": target})
        steps += [Step(UPSERT_BY_KIND[kind], {"rows": chunk}) for chunk in _chunks(rows, batch)]

    steps += [Step(Statement.UNLINK_OWNED, {"refs": c}) for c in _chunks(upserted, batch)]
    steps += [Step(Statement.UNLINK_PARENT, {"refs": c}) for c in _chunks(regions, batch)]
    for relation, pairs in edges.items():
        statement = LINK_BY_RELATION[relation]
        steps += [Step(statement, {"rows": chunk}) for chunk in _chunks(pairs, batch)]
    steps.append(Step(Statement.RECORD_CHANGE, audit_params(change)))
    return steps


def audit_params(change: ChangeSet) -> dict[str, Any]:
    """Parameters of ``record_change``: the change set's audit entry and the refs it touched."""
    record = change_record(change)
    return {
        "id": record.id,
        "recorded_at": record.recorded_at.isoformat(),
        "recorded_by": record.recorded_by,
        "summary": record.summary,
        "replace": record.replace,
        "upserted": record.upserted,
        "deleted": record.deleted,
        "touched": sorted({ref(t.kind, t.key) for t in change.touched()}),
    }


def change_record(change: ChangeSet) -> ChangeRecord:
    """The audit entry of ``change`` as ``apply`` returns it."""
    return ChangeRecord(
        id=change.id,
        recorded_at=change.recorded_at,
        recorded_by=change.recorded_by,
        summary=change.summary,
        replace=change.replace,
        upserted=change.upserts.size(),
        deleted=len(change.deletes),
    )


def change_record_from_row(row: Mapping[str, Any]) -> ChangeRecord:
    """A ``change_history`` row back as a ``ChangeRecord``."""
    return ChangeRecord(
        id=row["id"],
        recorded_at=datetime.fromisoformat(row["recorded_at"]),
        recorded_by=row["recorded_by"],
        summary=row["summary"],
        replace=bool(row["replace"]),
        upserted=int(row["upserted"]),
        deleted=int(row["deleted"]),
    )


def _chunks(values: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])
