"""Change sets: the only way anything is written, so every write is atomic and audited.

A change set upserts records by key and deletes others; the store applies it all or nothing and
keeps a ``ChangeRecord`` of it (who, when, why, what), which is the audit trail behind
``history(id)``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from .dataset import Dataset
from .enums import EntityKind


class EntityRef(BaseModel):
    """A record named by its collection and key."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: EntityKind
    key: str


class ChangeSet(BaseModel):
    """What one write does: optionally clear everything, then delete, then upsert."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    recorded_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    recorded_by: str = "system"
    summary: str = ""
    replace: bool = Field(default=False, description="Clear the whole graph first.")
    upserts: Dataset = Field(default_factory=Dataset)
    deletes: list[EntityRef] = Field(default_factory=list)

    def touched(self) -> list[EntityRef]:
        """Every record this change set writes or deletes."""
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
    """The audit entry the store keeps for an applied change set."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    recorded_at: datetime
    recorded_by: str
    summary: str
    replace: bool
    upserted: int
    deleted: int
