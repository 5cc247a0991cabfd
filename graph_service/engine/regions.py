"""The region index: which scopes cover a place, which places lie under a scope, who borders whom.

Built once per dataset. ``covering(place)`` is the closure of a region under ``parent`` and
``within`` (荣华街道 → 大兴区, 北京经济技术开发区 → …), so a holding covers a place exactly when its
scope is in that set; lookups then cost a few dictionary hits instead of a tree walk per question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from graph_service.domain.enums import RegionKind, UnitKind
from graph_service.domain.models import Region, Unit

COUNTY_LEVEL = frozenset({RegionKind.DISTRICT, RegionKind.COUNTY})
_TOWN_UNITS = frozenset({UnitKind.TOWNSHIP, UnitKind.STREET})


class RegionIndex:
    """Ancestors, ``within`` zones, leaf places and adjacency of every region."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self.regions: dict[str, Region] = {r.code: r for r in regions}
        self.children: dict[str, list[str]] = defaultdict(list)
        members: dict[str, list[str]] = defaultdict(list)  # zone -> regions lying within it
        adjacent: dict[str, set[str]] = defaultdict(set)
        for region in self.regions.values():
            if region.parent in self.regions:
                self.children[region.parent].append(region.code)
            for zone in region.within:
                members[zone].append(region.code)
            for other in region.adjacent:
                adjacent[region.code].add(other)
                adjacent[other].add(region.code)
        self.adjacent: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in adjacent.items()}
        self._covering: dict[str, frozenset[str]] = {}
        for code in self.regions:
            self._covering[code] = self._closure(code)
        self.leaves: frozenset[str] = frozenset(
            c for c in self.regions if not self.children.get(c) and not members.get(c)
        )
        under: dict[str, set[str]] = defaultdict(set)
        for leaf in self.leaves:
            for scope in self._covering[leaf]:
                under[scope].add(leaf)
        self._places: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in under.items()}
        self.scope_places: Mapping[str, frozenset[str]] = self._places  # read-only: hot loops
        # The same sets as bits of one int (a leaf's bit is its rank in code order): the
        # findings scan unions and intersects the places of hundreds of holdings per item, and
        # an int's | and & do that in one step each.
        self.leaf_order: tuple[str, ...] = tuple(sorted(self.leaves))
        self._bit: dict[str, int] = {leaf: 1 << i for i, leaf in enumerate(self.leaf_order)}
        self.scope_bits: Mapping[str, int] = {
            scope: self.bits_of(places) for scope, places in self._places.items()
        }

    def renamed(self, regions: Iterable[Region]) -> RegionIndex:
        """This index with ``regions`` swapped in for records of the same codes whose structure
        (parent, within, adjacency, kind, validity) is unchanged: names and notes only."""
        copy = object.__new__(RegionIndex)
        names = ("children", "adjacent", "_covering", "leaves", "_places", "scope_places")
        for name in (*names, "leaf_order", "_bit", "scope_bits"):
            setattr(copy, name, getattr(self, name))
        copy.regions = {**self.regions, **{r.code: r for r in regions}}
        return copy

    def _closure(self, code: str) -> frozenset[str]:
        seen = {code}
        todo = [code]
        while todo:
            region = self.regions.get(todo.pop())
            if region is None:
                continue
            for up in [region.parent, *region.within]:
                if up is not None and up not in seen:
                    seen.add(up)
                    todo.append(up)
        return frozenset(seen)

    def __contains__(self, code: object) -> bool:
        return code in self.regions

    def name(self, code: str) -> str:
        region = self.regions.get(code)
        return region.name if region else code

    def covering(self, place: str) -> frozenset[str]:
        """The place, its ancestors and the zones it (or an ancestor) lies within."""
        found = self._covering.get(place)
        return found if found is not None else frozenset((place,))

    def covers(self, scope: str, place: str) -> bool:
        return scope in self.covering(place)

    def places(self, scope: str, at: date | None = None) -> frozenset[str]:
        """The leaf regions (places with no children nor members) under or within ``scope``."""
        found = self._places.get(scope, frozenset())
        if at is None:
            return found
        return frozenset(p for p in found if self.regions[p].valid_on(at))

    def bits_of(self, places: Iterable[str]) -> int:
        """``places`` (leaves) as bits (``scope_bits``); a code that is not a leaf adds none."""
        bits = 0
        bit = self._bit
        for place in places:
            bits |= bit.get(place, 0)
        return bits

    def places_of(self, bits: int) -> list[str]:
        """The leaves whose bits are set in ``bits``, in code order."""
        order = self.leaf_order
        found: list[str] = []
        while bits:
            low = bits & -bits
            found.append(order[low.bit_length() - 1])
            bits ^= low
        return found

    def county_of(self, code: str) -> str | None:
        """The nearest district or county at or above ``code`` along ``parent``."""
        node = self.regions.get(code)
        while node is not None:
            if node.kind in COUNTY_LEVEL:
                return node.code
            node = self.regions.get(node.parent) if node.parent else None
        return None

    def up_to_county(self, code: str) -> list[str]:
        """``code`` and its ``parent`` ancestors up to and including its district/county."""
        out: list[str] = []
        node = self.regions.get(code)
        while node is not None:
            out.append(node.code)
            if node.kind in COUNTY_LEVEL:
                break
            node = self.regions.get(node.parent) if node.parent else None
        return out or [code]

    def province_of(self, code: str) -> str:
        """The top of ``code``'s ``parent`` chain: its province-level division."""
        node = self.regions.get(code)
        top = code
        seen: set[str] = set()
        while node is not None and node.code not in seen:
            seen.add(node.code)
            top = node.code
            node = self.regions.get(node.parent) if node.parent else None
        return top

    def borders(self, place: str, other: str) -> bool:
        """Whether ``place`` (or its district) borders ``other`` (or ``other``'s district)."""
        mine = self.up_to_county(place)
        theirs = set(self.up_to_county(other))
        return any(self.adjacent.get(code, frozenset()) & theirs for code in mine)

    def infer_jurisdiction(self, units: Iterable[Unit]) -> list[str]:
        """Districts/counties that have at least one township or street unit in them.

        A deployment records its own townships and streets as units; partner regions across a
        border appear only through partner units, so they are left out.
        """
        found: set[str] = set()
        for unit in units:
            if unit.kind in _TOWN_UNITS and unit.region in self.regions:
                county = self.county_of(unit.region)
                if county is not None:
                    found.add(county)
        return sorted(found)
