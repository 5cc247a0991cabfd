"""The region index's bits say the same as its sets (the findings scan reads the bits)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graph_service.engine.regions import RegionIndex
from seed.synth.dataset import synthesize
from seed.synth.scale import SMALL

REGIONS = RegionIndex(synthesize(seed=2020, scale=SMALL).regions)
SCOPES = sorted(REGIONS.regions)


def test_every_scope_has_the_bits_of_its_places() -> None:
    for scope in SCOPES:
        places = REGIONS.places(scope)
        assert REGIONS.scope_bits.get(scope, 0) == REGIONS.bits_of(places)
        assert REGIONS.places_of(REGIONS.scope_bits.get(scope, 0)) == sorted(places)


@given(st.lists(st.sampled_from(SCOPES), max_size=6), st.lists(st.sampled_from(SCOPES), max_size=6))
def test_union_and_difference_of_bits_are_those_of_the_sets(
    covered: list[str], carved: list[str]
) -> None:
    places = frozenset().union(*(REGIONS.places(s) for s in covered))
    less = places.difference(*(REGIONS.places(s) for s in carved))
    bits = 0
    for scope in covered:
        bits |= REGIONS.scope_bits.get(scope, 0)
    for scope in carved:
        bits &= ~REGIONS.scope_bits.get(scope, 0)
    assert REGIONS.places_of(bits) == sorted(less)
    assert REGIONS.bits_of(less) == bits


def test_a_code_that_is_not_a_leaf_adds_no_bit() -> None:
    assert REGIONS.bits_of(["no-such-place"]) == 0
    assert REGIONS.places_of(0) == []
