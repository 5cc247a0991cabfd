"""A change log kept in memory, for engine tests: each change set with the record versions it
wrote, as a store's log keeps them (``before`` read from the state it was applied to)."""

from __future__ import annotations

from datetime import UTC, datetime

from graph_service.domain.changes import (
    ChangeRecord,
    ChangeSet,
    LoggedChange,
    RecordVersion,
    fold,
)
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Record


class MemoryLog:
    def __init__(self) -> None:
        self.changes: list[LoggedChange] = []

    @property
    def state(self) -> Dataset:
        return fold(self.changes)

    def append(self, change: ChangeSet) -> LoggedChange:
        before = self.state
        current: dict[tuple[EntityKind, str], Record] = {
            (kind, record.key): record for kind, record in before.records()
        }
        revision = len(self.changes) + 1
        versions: dict[tuple[EntityKind, str], RecordVersion] = {}
        if change.replace:
            for (kind, key), record in current.items():
                versions[(kind, key)] = RecordVersion(
                    revision=revision, kind=kind, key=key, before=record
                )
        for ref in change.deletes:
            if (ref.kind, ref.key) in current:
                versions[(ref.kind, ref.key)] = RecordVersion(
                    revision=revision,
                    kind=ref.kind,
                    key=ref.key,
                    before=current[(ref.kind, ref.key)],
                )
        for kind, record in change.upserts.records():
            versions[(kind, record.key)] = RecordVersion(
                revision=revision,
                kind=kind,
                key=record.key,
                before=current.get((kind, record.key)),
                after=record,
            )
        logged = LoggedChange(
            record=ChangeRecord(
                revision=revision,
                id=change.id,
                recorded_at=change.recorded_at.astimezone(UTC)
                if change.recorded_at.tzinfo
                else change.recorded_at.replace(tzinfo=UTC),
                recorded_by=change.recorded_by,
                summary=change.summary,
                replace=change.replace,
                upserted=change.upserts.size(),
                deleted=sum(1 for v in versions.values() if v.after is None),
            ),
            versions=list(versions.values()),
        )
        self.changes.append(logged)
        return logged


def at(minute: int) -> datetime:
    return datetime(2024, 1, 1, 12, minute, tzinfo=UTC)
