"""Where the deployment meets partner regions across a provincial border (京津冀 协作).

A border place is a leaf place whose district/county (or the place itself) is adjacent to a region
of another province-level division in which partner units sit. Computed once per set of regions
and units, and shared by CROSS_BORDER findings and by forks of the state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from graph_service.domain.enums import UnitKind
from graph_service.domain.models import Unit

from .regions import RegionIndex
from .state import EngineState


@dataclass(frozen=True, slots=True)
class BorderIndex:
    partners: Mapping[str, tuple[str, ...]]  # partner region -> partner units there
    places: Mapping[str, frozenset[str]]  # partner region -> border places adjacent to it

    @classmethod
    def build(cls, regions: RegionIndex, units: Mapping[str, Unit]) -> BorderIndex:
        partners: defaultdict[str, set[str]] = defaultdict(set)
        for unit in units.values():
            if unit.kind == UnitKind.PARTNER:
                for code in regions.up_to_county(unit.region):
                    partners[code].add(unit.id)
        places: defaultdict[str, set[str]] = defaultdict(set)
        for leaf in regions.leaves:
            home = regions.province_of(leaf)
            for code in regions.up_to_county(leaf):
                for other in regions.adjacent.get(code, ()):
                    if other in partners and regions.province_of(other) != home:
                        places[other].add(leaf)
        return cls(
            partners={k: tuple(sorted(v)) for k, v in partners.items() if k in places},
            places={k: frozenset(v) for k, v in places.items()},
        )


def border_index(state: EngineState) -> BorderIndex:
    found = state.derived.get("borders")
    if not isinstance(found, BorderIndex):
        found = BorderIndex.build(state.regions, state.catalog.units)
        state.derived["borders"] = found
    return found
