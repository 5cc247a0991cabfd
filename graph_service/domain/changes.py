"""Change sets and the change log: the only way anything is written, and the truth behind it.

A ``ChangeSet`` upserts records by key and deletes others. The store applies it all or nothing,
gives it the next ``revision`` (a number that only grows) and keeps it in the change log with
its contents: every record version it wrote or deleted, before and after (``RecordVersion``),
who wrote it, when and why (``ChangeRecord``). Current state, history, answers "as recorded on"
a day and every other instance's projection are derived from that log (DESIGN §3).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .dataset import Dataset
from .enums import EntityKind
from .models import MODEL_BY_KIND, Record
from .text import Line, Text

Revision = int
"""The position of a change set in the log: 1, 2, 3 … (0 is the empty store)."""


class EntityRef(BaseModel):
    """A record named by its collection and key."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: EntityKind
    key: str


class ChangeSet(BaseModel):
    """What one write does: delete, then upsert; ``replace`` deletes every other record too."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    recorded_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    recorded_by: Line = Field(default="system", description="The principal who wrote it.")
    summary: Text = Field(default="(no summary)", description="What it does, in a line.")
    comment: Text | None = Field(default=None, description="Why: the writer's reason.")
    document: Line | None = Field(default=None, description="The document it implements.")
    replace: bool = Field(default=False, description="Delete every record not upserted.")
    upserts: Dataset = Field(default_factory=Dataset)
    deletes: list[EntityRef] = Field(default_factory=list)

    def touched(self) -> list[EntityRef]:
        """Every record this change set writes or deletes (a replace: as named here)."""
        refs = [EntityRef(kind=kind, key=record.key) for kind, record in self.upserts.records()]
        return refs + list(self.deletes)

    def applied_to(self, before: Dataset) -> Dataset:
        """The dataset that results from applying this change set to ``before``."""
        base = Dataset() if self.replace else before
        gone: dict[EntityKind, list[str]] = {}
        for ref in self.deletes:
            gone.setdefault(ref.kind, []).append(ref.key)
        return base.without(gone).merged(self.upserts)


class ChangeRecord(BaseModel):
    """The log's entry for an applied change set: its revision, who, when, why and how much."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    revision: Revision
    id: str
    recorded_at: datetime
    recorded_by: str
    summary: str
    comment: str | None = None
    document: str | None = None
    replace: bool = False
    upserted: int
    deleted: int


class RecordVersion(BaseModel):
    """One record as a change set left it: ``before`` and ``after`` (None: absent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    revision: Revision
    kind: EntityKind
    key: str
    before: Record | None = None
    after: Record | None = None

    @property
    def ref(self) -> EntityRef:
        return EntityRef(kind=self.kind, key=self.key)

    def changed_fields(self) -> dict[str, tuple[Any, Any]]:
        """``{field: (before, after)}`` of every field whose value differs (JSON values).

        The audit stamp (``recorded_at``/``recorded_by``) is the log's business, not a change.
        """
        old = _plain(self.before)
        new = _plain(self.after)
        return {
            name: (old.get(name), new.get(name))
            for name in sorted(set(old) | set(new))
            if old.get(name) != new.get(name) and name not in _STAMP
        }


class LoggedChange(BaseModel):
    """A change set as the log keeps it: its entry and the record versions it wrote."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    record: ChangeRecord
    versions: list[RecordVersion] = Field(default_factory=list)

    @property
    def revision(self) -> Revision:
        return self.record.revision

    def as_change_set(self) -> ChangeSet:
        """The change set that, applied to the state at ``revision - 1``, gives this one's."""
        upserts: dict[str, Any] = {}
        deletes: list[EntityRef] = []
        for version in self.versions:
            if version.after is None:
                deletes.append(version.ref)
            else:
                upserts.setdefault(version.kind.value, []).append(version.after)
        r = self.record
        return ChangeSet(
            id=r.id,
            recorded_at=r.recorded_at,
            recorded_by=r.recorded_by or "system",
            summary=r.summary or "(no summary)",
            comment=r.comment or None,
            document=r.document or None,
            replace=r.replace,
            upserts=Dataset.model_construct(**upserts),
            deletes=deletes,
        )


class HistoryEntry(BaseModel):
    """One version of a record with the log entry of the change set that wrote it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    change: ChangeRecord
    version: RecordVersion


class Snapshot(BaseModel):
    """Every stored record and the revision they are the state of."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dataset: Dataset
    revision: Revision


def undo_of(later: Sequence[LoggedChange]) -> ChangeSet:
    """The change that takes the state after ``later`` back to the state before its first.

    Each record touched later goes back to the ``before`` of its earliest later version: put
    back when it existed then, deleted when it did not.
    """
    first: dict[tuple[EntityKind, str], RecordVersion] = {}
    for change in sorted(later, key=lambda c: c.revision):
        for version in change.versions:
            first.setdefault((version.kind, version.key), version)
    upserts: dict[str, list[Record]] = {}
    deletes: list[EntityRef] = []
    for version in first.values():
        if version.before is None:
            deletes.append(version.ref)
        else:
            upserts.setdefault(version.kind.value, []).append(version.before)
    return ChangeSet(
        recorded_by="system",
        summary="undo later change sets",
        upserts=Dataset.model_construct(**upserts),  # type: ignore[arg-type]
        deletes=deletes,
    )


def fold(log: Iterable[LoggedChange], start: Dataset | None = None) -> Dataset:
    """The dataset the change sets of ``log`` (in revision order) leave, from ``start``."""
    state = Dataset() if start is None else start
    for change in sorted(log, key=lambda c: c.revision):
        state = change.as_change_set().applied_to(state)
    return state


_STAMP = frozenset({"recorded_at", "recorded_by"})


def _plain(record: Record | None) -> dict[str, Any]:
    return {} if record is None else record.model_dump(mode="json", by_alias=True)


def record_from_document(kind: EntityKind, document: str | None) -> Record | None:
    """A record back from the JSON document the store keeps (None stays None)."""
    if document is None:
        return None
    return MODEL_BY_KIND[kind].model_validate(json.loads(document))
