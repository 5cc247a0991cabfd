"""Records of the projection's dataset by key, for answers that name units, regions and items.

The engine answers with keys; the API shows names and kinds beside them. The index is rebuilt only
when the projection's dataset changes (each write replaces the dataset object).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph_service.domain.dataset import Dataset
from graph_service.domain.models import Law, PowerItem, Provision, Region, Unit


@dataclass(frozen=True, slots=True)
class RecordIndex:
    dataset: Dataset
    regions: Mapping[str, Region]
    units: Mapping[str, Unit]
    laws: Mapping[str, Law]
    provisions: Mapping[str, Provision]
    items: Mapping[str, PowerItem]

    @classmethod
    def of(cls, dataset: Dataset) -> RecordIndex:
        return cls(
            dataset=dataset,
            regions={r.code: r for r in dataset.regions},
            units={u.id: u for u in dataset.units},
            laws={law.id: law for law in dataset.laws},
            provisions={p.id: p for p in dataset.provisions},
            items={i.code: i for i in dataset.items},
        )
