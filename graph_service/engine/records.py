"""The projection's own copy of the records, by collection and key, updated per change set.

``ChangeSet.applied_to`` re-validates the whole dataset, which at Beijing scale costs more than
the whole incremental update it serves; the records are already valid models, so the projection
keeps them in per-collection dicts (replaced, never mutated: snapshots stay valid for previews)
and builds the ``Dataset`` only when asked, with ``model_construct``. Dict order reproduces
``Dataset.merged``/``without`` exactly: an upsert keeps a record's position, a new record goes last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import (
    Act,
    Agreement,
    Dispute,
    Law,
    PowerItem,
    Provision,
    PublishedList,
    Record,
    Region,
    Unit,
)

ByKey = Mapping[str, Record]


@dataclass(frozen=True, slots=True)
class Records:
    """Every record by collection and key; treat as immutable.

    One typed field per collection, named as the ``EntityKind`` value (and the ``Dataset`` field),
    so readers get ``Mapping[str, Unit]`` without a cast; ``records[kind]`` serves code that is
    generic over the kind.
    """

    regions: Mapping[str, Region]
    units: Mapping[str, Unit]
    laws: Mapping[str, Law]
    provisions: Mapping[str, Provision]
    items: Mapping[str, PowerItem]
    acts: Mapping[str, Act]
    agreements: Mapping[str, Agreement]
    published_lists: Mapping[str, PublishedList]
    disputes: Mapping[str, Dispute]

    @classmethod
    def of(cls, dataset: Dataset) -> Records:
        collections: dict[str, Any] = {
            kind.value: {r.key: r for r in dataset.collection(kind)} for kind in EntityKind
        }
        return cls(**collections)

    def __getitem__(self, kind: EntityKind) -> ByKey:
        by_key: ByKey = getattr(self, kind.value)
        return by_key

    @property
    def by_kind(self) -> dict[EntityKind, ByKey]:
        """Every collection by kind (what ``check_dataset`` takes as the stored records)."""
        return {kind: self[kind] for kind in EntityKind}

    def changed(self, change: ChangeSet) -> Records:
        """The records after ``change``; untouched collections are shared, not copied."""
        if change.replace:
            return Records.of(change.applied_to(Dataset()))
        copies: dict[EntityKind, dict[str, Record]] = {}

        def own(kind: EntityKind) -> dict[str, Record]:
            if kind not in copies:
                copies[kind] = dict(self[kind])
            return copies[kind]

        for ref in change.deletes:
            if ref.key in self[ref.kind]:
                own(ref.kind).pop(ref.key, None)
        for kind, record in change.upserts.records():
            own(kind)[record.key] = record
        changed: dict[str, Any] = {kind.value: copy for kind, copy in copies.items()}
        return replace(self, **changed)

    def dataset(self) -> Dataset:
        """The dataset these records make, without re-validating them."""
        collections: dict[str, Any] = {kind.value: list(self[kind].values()) for kind in EntityKind}
        return Dataset.model_construct(**collections)
