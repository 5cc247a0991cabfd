"""The projection's own copy of the records, by collection and key, updated per change set.

``ChangeSet.applied_to`` re-validates the whole dataset, which at Beijing scale costs more than
the whole incremental update it serves; the records are already valid models, so the projection
keeps them in per-collection dicts (replaced, never mutated: snapshots stay valid for previews)
and builds the ``Dataset`` only when asked, with ``model_construct``. Dict order reproduces
``Dataset.merged``/``without`` exactly: an upsert keeps a record's position, a new record goes last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Record

ByKey = Mapping[str, Record]


@dataclass(frozen=True, slots=True)
class Records:
    """Every record by collection and key; treat as immutable."""

    by_kind: Mapping[EntityKind, ByKey]

    @classmethod
    def of(cls, dataset: Dataset) -> Records:
        return cls({kind: {r.key: r for r in dataset.collection(kind)} for kind in EntityKind})

    def __getitem__(self, kind: EntityKind) -> ByKey:
        return self.by_kind[kind]

    def changed(self, change: ChangeSet) -> Records:
        """The records after ``change``; untouched collections are shared, not copied."""
        if change.replace:
            return Records.of(change.applied_to(Dataset()))
        out = dict(self.by_kind)
        copies: dict[EntityKind, dict[str, Record]] = {}

        def own(kind: EntityKind) -> dict[str, Record]:
            if kind not in copies:
                copies[kind] = dict(self.by_kind[kind])
                out[kind] = copies[kind]
            return copies[kind]

        for ref in change.deletes:
            if ref.key in self.by_kind[ref.kind]:
                own(ref.kind).pop(ref.key, None)
        for kind, record in change.upserts.records():
            own(kind)[record.key] = record
        return Records(out)

    def dataset(self) -> Dataset:
        """The dataset these records make, without re-validating them."""
        fields: dict[str, Any] = {
            kind.value: list(self.by_kind[kind].values()) for kind in EntityKind
        }
        return Dataset.model_construct(**fields)
