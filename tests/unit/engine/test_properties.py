"""Properties over generated acts: undoing a delegation restores every answer."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from .world import ALL_PLACES, ASSIGN_WJW, DELEGATE_XF, I1, projection, roles

STREET_UNITS = {"LX": "lx", "RH": "rh", "XF": "xf"}
LATER = date(2024, 1, 1)


@settings(max_examples=25, deadline=None)
@given(
    places=st.sets(st.sampled_from(ALL_PLACES), min_size=1),
    revoked=st.sets(st.sampled_from(ALL_PLACES)),
)
def test_delegate_then_revoke_leaves_the_revoked_places_as_before(
    places: set[str], revoked: set[str]
) -> None:
    to = [STREET_UNITS[p] for p in sorted(places)]
    back = [STREET_UNITS[p] for p in sorted(places & revoked)]
    acts = [ASSIGN_WJW, {**DELEGATE_XF, "to": to}]
    if back:
        acts.append(
            {
                "id": "r",
                "kind": "revoke",
                "effective": "2022-01-01",
                "items": [I1],
                "from": "dx-wjw",
                "to": back,
            }
        )
    p = projection(acts)
    plain = projection([ASSIGN_WJW])
    for place in ALL_PLACES:
        if place in places and place not in revoked:
            assert [u for u, role, _ in roles(p, place, LATER) if role == "PRIMARY"] == [
                STREET_UNITS[place]
            ]
        else:
            assert roles(p, place, LATER) == roles(plain, place, LATER)


@settings(max_examples=25, deadline=None)
@given(until=st.dates(min_value=date(2020, 7, 2), max_value=date(2030, 1, 1)))
def test_a_temporary_delegation_ends_exactly_on_its_until(until: date) -> None:
    p = projection([ASSIGN_WJW, {**DELEGATE_XF, "until": until.isoformat()}])
    plain = projection([ASSIGN_WJW])
    assert [u for u, *_ in roles(p, "XF", until)] == ["dx-wjw"]
    assert roles(p, "XF", until) == roles(plain, "XF", until)
    day_before = date.fromordinal(until.toordinal() - 1)
    assert next(u for u, *_ in roles(p, "XF", day_before)) == "xf"
    assert p.findings(until) == plain.findings(until)
