"""How findings name many places and units in a memo: exactly, never "等26个（26处）".

Places that make up the whole of a district (every leaf place under it) are named as the
district (``大兴区全域``); the others are listed in full. Units that are every street office and
township government of a district are named as such (``大兴区各街道办事处、乡镇人民政府``). A memo
can then quote the sentence as it stands.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph_service.domain.enums import UnitKind

from .regions import COUNTY_LEVEL
from .state import EngineState

_LOCAL = frozenset({UnitKind.STREET, UnitKind.TOWNSHIP})


def place_phrase(state: EngineState, places: Iterable[str]) -> str:
    """``大兴区全域`` or ``榆垡镇、礼贤镇``: the places, whole districts collapsed."""
    regions = state.regions
    given = list(dict.fromkeys(places))
    left = set(given)
    parts: list[str] = []
    for code in sorted({c for p in given if (c := regions.county_of(p)) is not None}):
        under = regions.places(code)
        if under and under <= left and code not in left:
            parts.append(f"{regions.name(code)}全域")
            left -= under
    parts += [regions.name(p) for p in given if p in left]
    return "、".join(parts)


def local_units_of(state: EngineState, county: str) -> frozenset[str]:
    """Every street office and township government in ``county`` (cached)."""
    cache = state.derived.setdefault("local_units", {})
    found = cache.get(county)
    if found is None:
        found = frozenset(
            u.id
            for u in state.catalog.units.values()
            if u.kind in _LOCAL and state.regions.county_of(u.region) == county
        )
        cache[county] = found
    return found  # type: ignore[no-any-return]


def unit_phrase(state: EngineState, units: Iterable[str]) -> str:
    """The units' names; every street and township of a district named as one group."""
    catalog, regions = state.catalog, state.regions
    given = list(dict.fromkeys(units))
    left = set(given)
    groups: list[str] = []
    counties = {
        c
        for u in given
        if (found := catalog.units.get(u)) is not None
        and found.kind in _LOCAL
        and (c := regions.county_of(found.region)) is not None
    }
    for county in sorted(counties):
        local = local_units_of(state, county)
        if len(local) > 1 and local <= left:
            groups.append(f"{regions.name(county)}各街道办事处、乡镇人民政府（共{len(local)}个）")
            left -= local
    named = [catalog.unit_name(u) for u in given if u in left]
    return "、".join([*named, *groups])


def is_county_level(state: EngineState, code: str) -> bool:
    region = state.regions.regions.get(code)
    return region is not None and region.kind in COUNTY_LEVEL
