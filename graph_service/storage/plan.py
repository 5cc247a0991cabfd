"""A change set as an ordered list of idempotent statements, and the log entry it leaves.

Both Cypher adapters run the same plan: Neo4j inside one transaction, FalkorDB (which cannot roll
back) from a redo journal. Every step can therefore be re-run after a crash without changing the
outcome: versions are MERGEd by (revision, ref) and keep the ``before`` of their first run,
deletes ignore missing nodes, upserts MERGE by key and number a node only when they create it,
links are dropped and re-MERGEd, and the log entry is MERGEd by the change set's id.

Order: the record versions (``before`` is read from the records as they still are), clear
(``replace``), deletes, every node upsert, then the relationships of the upserted records (so that
a reference to a record upserted in the same change set finds its target), then the log entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from graph_service.domain.changes import (
    ChangeRecord,
    ChangeSet,
    LoggedChange,
    RecordVersion,
    Revision,
    record_from_document,
)
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import Problem, ValidationError

from .catalog import UPSERT_BY_KIND, Statement
from .layout import LINK_BY_RELATION, Relation, document, links, node_row, ref

DEFAULT_BATCH = 2000
SEQ_STRIDE = 10_000_000  # a record's seq is revision * SEQ_STRIDE + its place in the change set
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Step:
    """One statement with its parameters."""

    statement: Statement
    params: Mapping[str, Any]

    @property
    def rows(self) -> int:
        """How many rows (records, refs or relationships) the step carries."""
        value = self.params.get("rows", self.params.get("refs"))
        return len(value) if isinstance(value, list) else 1


def plan_change(change: ChangeSet, revision: Revision, batch: int = DEFAULT_BATCH) -> list[Step]:
    """The statements that apply ``change`` as revision ``revision`` of the log.

    ``revision`` must be fixed before the first attempt (the journal keeps it), so that a replay
    writes the same versions and numbers new records exactly as the interrupted run did: a new
    record's ``seq`` (its place in ``load_all``) is ``revision * SEQ_STRIDE`` plus its place here.
    """
    if change.upserts.size() >= SEQ_STRIDE:
        raise ValidationError(
            [Problem("upserts", f"at most {SEQ_STRIDE - 1} records in one change set")]
        )
    steps: list[Step] = []
    at = {"revision": revision}
    deleted = [ref(d.kind, d.key) for d in change.deletes]
    versions: list[dict[str, Any]] = []
    for position, (kind, record) in enumerate(change.upserts.records()):
        key = ref(kind, record.key)
        after = document(record)
        versions.append(
            {
                "ref": key,
                "collection": kind.value,
                "key": record.key,
                "after": after,
                "position": position,
            }
        )
    if change.replace:
        steps.append(Step(Statement.CAPTURE_ALL_VERSIONS, at))
    steps += [
        Step(Statement.CAPTURE_DELETIONS, {**at, "rows": [{"ref": r} for r in chunk]})
        for chunk in _chunks(deleted, batch)
    ]
    steps += [
        Step(Statement.CAPTURE_VERSIONS, {**at, "rows": chunk})
        for chunk in _chunks(versions, batch)
    ]
    if change.replace:
        steps.append(Step(Statement.CLEAR_RECORDS, {}))
    steps += [Step(Statement.DELETE_RECORDS, {"refs": chunk}) for chunk in _chunks(deleted, batch)]

    seq = revision * SEQ_STRIDE
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
    steps.append(Step(Statement.RECORD_CHANGE, log_entry_params(change, revision)))
    return steps


def log_entry_params(change: ChangeSet, revision: Revision) -> dict[str, Any]:
    """Parameters of ``record_change``: the change set's log entry and the refs it names."""
    return {
        "id": change.id,
        "revision": revision,
        "recorded_at": change.recorded_at.isoformat(),
        "recorded_by": change.recorded_by,
        "summary": change.summary,
        "comment": change.comment,
        "document": change.document,
        "replace": change.replace,
        "touched": sorted({ref(t.kind, t.key) for t in change.touched()}),
    }


def change_record(change: ChangeSet, revision: Revision, row: Mapping[str, Any]) -> ChangeRecord:
    """The log entry of ``change`` as ``apply`` returns it; ``row``: what record_change returned."""
    return ChangeRecord(
        revision=revision,
        id=change.id,
        recorded_at=change.recorded_at,
        recorded_by=change.recorded_by,
        summary=change.summary,
        comment=change.comment,
        document=change.document,
        replace=change.replace,
        upserted=int(row["upserted"]),
        deleted=int(row["deleted"]),
    )


def change_record_from_row(row: Mapping[str, Any]) -> ChangeRecord:
    """A ``changes_after``/``record_versions`` row back as a ``ChangeRecord``."""
    return ChangeRecord(
        revision=int(row["revision"]),
        id=row["id"],
        recorded_at=datetime.fromisoformat(row["recorded_at"]),
        recorded_by=row["recorded_by"] or "system",
        summary=row["summary"] or "",
        comment=row.get("comment"),
        document=row.get("document"),
        replace=bool(row["replace"]),
        upserted=int(row["upserted"] or 0),
        deleted=int(row["deleted"] or 0),
    )


def version_from_row(row: Mapping[str, Any]) -> RecordVersion:
    """A ``versions_of_changes``/``record_versions`` row back as a ``RecordVersion``."""
    kind = EntityKind(row["collection"])
    return RecordVersion(
        revision=int(row["revision"]),
        kind=kind,
        key=row["key"],
        before=record_from_document(kind, row["before"]),
        after=record_from_document(kind, row["after"]),
    )


def logged_changes(
    entries: Sequence[Mapping[str, Any]], versions: Sequence[Mapping[str, Any]]
) -> list[LoggedChange]:
    """Log entries with their versions, as ``changes_since`` returns them."""
    by_revision: dict[int, list[RecordVersion]] = {}
    for row in versions:
        version = version_from_row(row)
        by_revision.setdefault(version.revision, []).append(version)
    return [
        LoggedChange(
            record=change_record_from_row(entry),
            versions=by_revision.get(int(entry["revision"]), []),
        )
        for entry in entries
    ]


def _chunks(values: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])
