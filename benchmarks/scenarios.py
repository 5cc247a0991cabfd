"""The acts the write benchmarks record: a small transfer, and a 431-item delegation to 22 towns.

Both are built from the synthetic dataset's own structure (``seed.synth.dataset``), so
they are realistic for it: the delegation moves 431 items the city-management bureau of a 22-town
district still holds itself to every one of its streets and towns, as the 2020 delegation did.
"""

from __future__ import annotations

from datetime import date

from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import ActKind
from graph_service.domain.models import Act
from seed.synth.world import district_prefix

DELEGATED_ITEMS, TOWNS = 431, 22


def busiest_district(dataset: Dataset) -> int:
    """The first district with 22 towns (or the one with most towns at smaller scales)."""
    towns: dict[str, int] = {}
    for region in dataset.regions:
        if region.kind in {"street", "township"} and region.parent:
            towns[region.parent] = towns.get(region.parent, 0) + 1
    districts = sorted(towns)
    exact = [code for code in districts if towns[code] == TOWNS]
    chosen = exact[0] if exact else max(districts, key=lambda code: towns[code])
    return districts.index(chosen)


def _acts(dataset: Dataset) -> dict[str, Act]:
    return {act.id: act for act in dataset.acts}


def delegation_to_towns(dataset: Dataset) -> Act:
    """Up to 431 items district department k00 still holds, delegated to all its towns."""
    d = busiest_district(dataset)
    prefix, acts = district_prefix(d), _acts(dataset)
    assigned = acts[f"{prefix}-assign-k00"].items
    delegated = {
        code for act in dataset.acts if act.from_unit == f"{prefix}-k00" for code in act.items
    }
    kept = [code for code in assigned if code not in delegated]
    towns = [
        unit.id
        for unit in dataset.units
        if unit.parent == f"{prefix}-gov" and unit.kind in {"street", "township"}
    ]
    return Act.model_validate(
        {
            "id": "bench-delegate",
            "kind": ActKind.DELEGATE,
            "effective": date(2025, 7, 1),
            "items": kept[:DELEGATED_ITEMS],
            "from": f"{prefix}-k00",
            "to": towns,
            "doc": "syn-doc-2020-9",
            "illustrative": True,
            "source": "benchmark scenario",
        }
    )


def small_transfer(dataset: Dataset) -> Act:
    """Five items moved from one department to another in one district: a typical write."""
    prefix = district_prefix(busiest_district(dataset))
    items = _acts(dataset)[f"{prefix}-assign-k14"].items[-5:]
    return Act.model_validate(
        {
            "id": "bench-transfer",
            "kind": ActKind.TRANSFER,
            "effective": date(2025, 1, 1),
            "items": items,
            "from": f"{prefix}-k14",
            "to": [f"{prefix}-k15"],
            "illustrative": True,
            "source": "benchmark scenario",
        }
    )
