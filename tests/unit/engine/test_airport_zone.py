"""The Daxing airport zone: its committee and the two towns the zone lies across.

The Beijing part of the 临空经济区 lies across 榆垡镇 and 礼贤镇 (facts.md). Here each town is
split into its part inside the zone and the rest, so both the town's and the committee's
holdings reach the parts inside the zone: after 京政发〔2020〕9号 (to the towns) and
〔2020〕22号 (to the committee) both are competent there — a 多头管辖 the district settles —
until the district government designates the committee.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_service.engine.answers import FindingKind, Mode, Role, Status

from .world import ASSIGN_WJW, DX, I1, projection, roles

AIR, YF, LXZ = "AIR", "YF", "LXZ"
YF_IN, YF_OUT, LXZ_IN, LXZ_OUT = "YF-in", "YF-out", "LXZ-in", "LXZ-out"
REGIONS: list[dict[str, Any]] = [
    {"code": AIR, "name": "大兴机场临空经济区（北京部分）", "kind": "zone", "parent": DX},
    {"code": YF, "name": "榆垡镇", "kind": "township", "parent": DX},
    {"code": LXZ, "name": "礼贤镇", "kind": "township", "parent": DX},
    {
        "code": YF_IN,
        "name": "榆垡镇（临空区内）",
        "kind": "township",
        "parent": YF,
        "within": [AIR],
    },
    {"code": YF_OUT, "name": "榆垡镇（临空区外）", "kind": "township", "parent": YF},
    {
        "code": LXZ_IN,
        "name": "礼贤镇（临空区内）",
        "kind": "township",
        "parent": LXZ,
        "within": [AIR],
    },
    {"code": LXZ_OUT, "name": "礼贤镇（临空区外）", "kind": "township", "parent": LXZ},
]
UNITS: list[dict[str, Any]] = [
    {"id": "yf", "name": "榆垡镇人民政府", "kind": "township", "region": YF, "parent": "dx-gov"},
    {"id": "lxz", "name": "礼贤镇人民政府", "kind": "township", "region": LXZ, "parent": "dx-gov"},
    {
        "id": "air",
        "name": "临空经济区（大兴）管委会",
        "kind": "zone_committee",
        "region": AIR,
        "parent": "dx-gov",
    },
]
TO_TOWNS: dict[str, Any] = {
    "id": "jzf9",
    "kind": "delegate",
    "doc": "jzf",
    "basis": ["cfl-24"],
    "effective": "2020-07-01",
    "items": [I1],
    "from": "dx-wjw",
    "to": ["yf", "lxz"],
}
TO_COMMITTEE: dict[str, Any] = {
    "id": "jzf22",
    "kind": "delegate",
    "doc": "jzf",
    "effective": "2021-01-08",
    "items": [I1],
    "from": "dx-wjw",
    "to": ["air"],
}
DESIGNATE: dict[str, Any] = {
    "id": "des-air",
    "kind": "designate",
    "doc": "dxf",
    "issuer": "dx-gov",
    "effective": "2022-01-01",
    "items": [I1],
    "to": ["air"],
    "scope": [AIR],
}
P, S = Role.PRIMARY, Role.SUPERVISOR
D2021B = date(2021, 6, 1)


def airport(*acts: dict[str, Any]):  # type: ignore[no-untyped-def]
    return projection([ASSIGN_WJW, *acts], units=UNITS, regions=REGIONS)


def test_the_towns_hold_the_delegated_power_in_and_out_of_the_zone_before_the_committee() -> None:
    p = airport(TO_TOWNS)
    assert roles(p, YF_IN, date(2020, 12, 1)) == [
        ("yf", P, Mode.DELEGATED),
        ("dx-wjw", S, Mode.STATUTORY),
    ]
    assert roles(p, LXZ_OUT, date(2020, 12, 1))[0] == ("lxz", P, Mode.DELEGATED)


def test_the_committee_and_each_town_both_hold_it_inside_the_zone_one_overlap_per_town() -> None:
    p = airport(TO_TOWNS, TO_COMMITTEE)
    answer = p.jurisdiction(I1, YF_IN, D2021B)
    assert answer.status == Status.OVERLAP
    assert [(c.holding.unit, c.holding.role) for c in answer.holders if c.holding.role == P] == [
        ("air", P),
        ("yf", P),
    ]
    assert p.jurisdiction(I1, YF_OUT, D2021B).status == Status.CLEAR
    overlaps = [f for f in p.findings(D2021B) if f.kind == FindingKind.OVERLAP]
    # the committee against each town in its part of the zone: two parties each time, sharing
    # only the committee, so two conflicts
    assert sorted((f.units, f.places) for f in overlaps) == [
        (("air", "lxz"), (LXZ_IN,)),
        (("air", "yf"), (YF_IN,)),
    ]
    assert {(f.routing.coordinator, f.routing.coordinating_government) for f in overlaps} == {
        ("dx-sfj", "dx-gov")
    }


def test_designating_the_committee_leaves_it_alone_inside_and_the_towns_outside() -> None:
    p = airport(TO_TOWNS, TO_COMMITTEE, DESIGNATE)
    day = date(2022, 6, 1)
    assert {u for u, role, _ in roles(p, YF_IN, day) if role == P} == {"air"}
    assert {u for u, role, _ in roles(p, LXZ_IN, day) if role == P} == {"air"}
    assert {u for u, role, _ in roles(p, YF_OUT, day) if role == P} == {"yf"}
    assert [f for f in p.findings(day) if f.kind == FindingKind.OVERLAP] == []
    assert "指定由临空经济区（大兴）管委会管辖" in p.jurisdiction(I1, YF_IN, day).explanation
