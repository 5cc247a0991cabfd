"""Where the deployment meets partner regions across a provincial border (京津冀 协作), at the
level the data knows it (DESIGN §5).

A border fact is an ``adjacent`` link between a region of the deployment's side and a partner
region (a region of another province-level division in which partner units sit, or one of its
descendants). The fact is about the region that carries it: 大兴区 adjacent to 固安县 is a
district-level fact and concerns the district as a whole, not each of its towns; 榆垡镇 adjacent
to 广阳区 is a town-level fact. Computed once per set of regions and units, and shared by
CROSS_BORDER findings, jurisdiction counterparts and forks of the state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from graph_service.domain.enums import UnitKind
from graph_service.domain.models import Unit

from .answers import AdjacencyLevel
from .regions import COUNTY_LEVEL, RegionIndex
from .state import EngineState


@dataclass(frozen=True, slots=True)
class BorderIndex:
    partners: Mapping[str, tuple[str, ...]]  # partner region -> partner units there
    places: Mapping[str, frozenset[str]]  # partner region -> home regions carrying the fact
    # home region -> partner regions it borders by its own fact
    facts: Mapping[str, frozenset[str]]

    @classmethod
    def build(cls, regions: RegionIndex, units: Mapping[str, Unit]) -> BorderIndex:
        partners: defaultdict[str, set[str]] = defaultdict(set)
        for unit in units.values():
            if unit.kind == UnitKind.PARTNER:
                for code in regions.up_to_county(unit.region):
                    partners[code].add(unit.id)
        places: defaultdict[str, set[str]] = defaultdict(set)
        facts: defaultdict[str, set[str]] = defaultdict(set)
        for home in regions.regions:
            if home in partners:
                continue
            province = regions.province_of(home)
            for other in regions.adjacent.get(home, ()):
                if regions.province_of(other) == province:
                    continue
                for partner in regions.up_to_county(other):
                    if partner in partners:
                        places[partner].add(home)
                        facts[home].add(partner)
        return cls(
            partners={k: tuple(sorted(v)) for k, v in partners.items() if k in places},
            places={k: frozenset(v) for k, v in places.items()},
            facts={k: frozenset(v) for k, v in facts.items()},
        )


def adjacency_level(regions: RegionIndex, home: str) -> AdjacencyLevel:
    """DISTRICT when the border fact is recorded on a district/county, else TOWNSHIP."""
    region = regions.regions.get(home)
    if region is not None and region.kind in COUNTY_LEVEL:
        return AdjacencyLevel.DISTRICT
    return AdjacencyLevel.TOWNSHIP


def border_index(state: EngineState) -> BorderIndex:
    found = state.derived.get("borders")
    if not isinstance(found, BorderIndex):
        found = BorderIndex.build(state.regions, state.catalog.units)
        state.derived["borders"] = found
    return found
