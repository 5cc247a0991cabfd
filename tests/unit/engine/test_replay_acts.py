"""One test per act kind: what replay makes of it, checked through ``jurisdiction``."""

from __future__ import annotations

from datetime import date

from graph_service.engine.answers import Mode, Role, Status

from .world import (
    ASSIGN_WJW,
    D2019,
    D2021,
    D2023,
    DELEGATE_XF,
    DX,
    ETDZ,
    I1,
    LX,
    RH,
    XF,
    primary_units,
    projection,
    roles,
)

P, S, A = Role.PRIMARY, Role.SUPERVISOR, Role.AGENT


def test_assign_by_legislation_is_statutory_over_the_units_region() -> None:
    p = projection([ASSIGN_WJW])
    assert roles(p, XF, D2019) == [("dx-wjw", P, Mode.STATUTORY)]
    assert p.jurisdiction(I1, XF, D2019).holders[0].holding.scope == DX
    assert p.jurisdiction(I1, XF, date(2015, 5, 31)).status == Status.GAP


def test_assign_by_a_normative_document_is_original_and_honours_scope() -> None:
    act = {
        "id": "a",
        "kind": "assign",
        "doc": "dxf",
        "effective": "2021-01-01",
        "items": [I1],
        "to": ["dx-cgj"],
        "scope": [LX],
    }
    p = projection([act])
    assert roles(p, LX, D2021) == [("dx-cgj", P, Mode.ORIGINAL)]
    assert p.jurisdiction(I1, XF, D2021).status == Status.GAP


def test_delegate_gives_the_town_primary_and_leaves_the_department_supervising() -> None:
    p = projection([ASSIGN_WJW, DELEGATE_XF])
    assert roles(p, XF, D2021) == [("xf", P, Mode.DELEGATED), ("dx-wjw", S, Mode.STATUTORY)]
    assert roles(p, LX, D2021) == [("dx-wjw", P, Mode.STATUTORY)]
    assert roles(p, XF, D2019) == [("dx-wjw", P, Mode.STATUTORY)]
    department = sorted(
        (h.valid_from, h.valid_to, h.carved_out, h.acts)
        for h in p.holdings()
        if h.unit == "dx-wjw" and h.role == P
    )
    assert department == [
        (date(2015, 6, 1), date(2020, 7, 1), frozenset(), ("a-wjw",)),
        (date(2020, 7, 1), None, frozenset({XF}), ("a-wjw", "d-xf")),
    ]


def test_entrust_keeps_the_principal_primary_and_adds_an_agent() -> None:
    entrust = {
        "id": "e",
        "kind": "entrust",
        "doc": "dxf",
        "effective": "2020-01-01",
        "items": [I1],
        "from": "dx-wjw",
        "to": ["dx-jds"],
    }
    p = projection([ASSIGN_WJW, entrust])
    answer = p.jurisdiction(I1, LX, D2021)
    assert answer.status == Status.CLEAR
    assert roles(p, LX, D2021) == [("dx-wjw", P, Mode.STATUTORY), ("dx-jds", A, Mode.ENTRUSTED)]
    assert answer.holders[1].holding.principal == "dx-wjw"


def test_transfer_ends_the_source_and_moves_scope_and_carve_outs() -> None:
    transfer = {
        "id": "t",
        "kind": "transfer",
        "doc": "dxf",
        "effective": "2022-01-01",
        "items": [I1],
        "from": "dx-wjw",
        "to": ["dx-cgj"],
    }
    p = projection([ASSIGN_WJW, DELEGATE_XF, transfer])
    assert roles(p, LX, D2023) == [("dx-cgj", P, Mode.TRANSFERRED)]
    # the delegation to 兴丰 survives the transfer; the supervisor role moves too
    assert roles(p, XF, D2023) == [("xf", P, Mode.DELEGATED), ("dx-cgj", S, Mode.TRANSFERRED)]
    moved = p.jurisdiction(I1, LX, D2023).holders[0].holding
    assert moved.scope == DX
    assert moved.acts == ("a-wjw", "d-xf", "t")
    assert roles(p, LX, D2021) == [("dx-wjw", P, Mode.STATUTORY)]


def test_cancel_ends_every_holding_and_the_item_is_no_longer_in_force() -> None:
    cancel = {"id": "c", "kind": "cancel", "doc": "dxf", "effective": "2022-01-01", "items": [I1]}
    p = projection([ASSIGN_WJW, DELEGATE_XF, cancel])
    answer = p.jurisdiction(I1, XF, D2023)
    assert (answer.status, answer.in_force, answer.holders) == (Status.NOT_IN_FORCE, False, ())
    assert [link.act for link in answer.chain] == ["c"]
    assert "已取消" in answer.explanation
    assert "2022年1月1日起" in answer.explanation
    assert "该职权已取消" in answer.explanation
    assert p.jurisdiction(I1, XF, D2021).in_force


def test_revoke_ends_the_delegation_and_the_department_is_primary_again() -> None:
    revoke = {
        "id": "r",
        "kind": "revoke",
        "doc": "dxf",
        "effective": "2022-01-01",
        "items": [I1],
        "from": "dx-wjw",
        "to": ["xf"],
    }
    p = projection([ASSIGN_WJW, DELEGATE_XF, revoke])
    assert roles(p, XF, D2023) == [("dx-wjw", P, Mode.STATUTORY)]
    assert p.jurisdiction(I1, XF, D2023).holders[0].holding.acts == ("a-wjw", "d-xf", "r")
    assert roles(p, XF, D2021) == [("xf", P, Mode.DELEGATED), ("dx-wjw", S, Mode.STATUTORY)]


def test_designate_carves_every_other_primary_holder_out_of_the_places() -> None:
    both = {
        "id": "a2",
        "kind": "assign",
        "doc": "dxf",
        "effective": "2019-01-01",
        "items": [I1],
        "to": ["dx-cgj"],
    }
    designate = {
        "id": "g",
        "kind": "designate",
        "doc": "dxf",
        "effective": "2022-01-01",
        "items": [I1],
        "to": ["dx-cgj"],
        "scope": [XF],
    }
    p = projection([ASSIGN_WJW, both, designate])
    assert p.jurisdiction(I1, XF, D2021).status == Status.OVERLAP
    assert roles(p, XF, D2023) == [("dx-cgj", P, Mode.ORIGINAL), ("dx-cgj", P, Mode.DESIGNATED)]
    assert p.jurisdiction(I1, XF, D2023).status == Status.CLEAR
    assert p.jurisdiction(I1, LX, D2023).status == Status.OVERLAP


def test_joint_holders_do_not_overlap_each_other_but_a_sole_one_does() -> None:
    joint = {
        "id": "j",
        "kind": "assign",
        "doc": "dxf",
        "effective": "2019-01-01",
        "items": [I1],
        "to": ["dx-wjw", "dx-cgj"],
        "role": "joint",
    }
    sole = {
        "id": "s",
        "kind": "assign",
        "doc": "dxf",
        "effective": "2022-01-01",
        "items": [I1],
        "to": ["gzw-dx"],
    }
    p = projection([joint, sole])
    assert p.jurisdiction(I1, LX, D2021).status == Status.CLEAR
    assert sorted(primary_units(p, LX, D2021)) == ["dx-cgj", "dx-wjw"]
    assert p.jurisdiction(I1, LX, D2023).status == Status.OVERLAP


def test_until_ends_what_the_act_created_and_gives_back_what_it_took() -> None:
    temporary = {**DELEGATE_XF, "until": "2021-01-01"}
    p = projection([ASSIGN_WJW, temporary])
    assert primary_units(p, XF, date(2020, 12, 31)) == ["xf"]
    assert roles(p, XF, D2021) == [("dx-wjw", P, Mode.STATUTORY)]
    assert p.jurisdiction(I1, XF, D2021).holders[0].holding.acts == ("a-wjw",)


def test_abolished_unit_passes_its_holdings_to_its_successor() -> None:
    units = [
        {
            "id": "old",
            "name": "原区卫生局",
            "kind": "department",
            "region": DX,
            "parent": "dx-gov",
            "valid_to": "2020-01-01",
            "successor": "dx-wjw",
        },
    ]
    assign_old = {**ASSIGN_WJW, "to": ["old"]}
    p = projection([assign_old], units=units)
    assert roles(p, LX, D2019) == [("old", P, Mode.STATUTORY)]
    assert roles(p, LX, D2021) == [("dx-wjw", P, Mode.STATUTORY)]
    assert p.jurisdiction(I1, LX, D2021).holders[0].holding.acts == ("a-wjw",)


def test_abolished_unit_without_successor_leaves_a_gap() -> None:
    units = [
        {
            "id": "old",
            "name": "原区卫生局",
            "kind": "department",
            "region": DX,
            "parent": "dx-gov",
            "valid_to": "2020-01-01",
        },
    ]
    p = projection([{**ASSIGN_WJW, "to": ["old"]}], units=units)
    assert p.jurisdiction(I1, LX, D2021).status == Status.GAP


def test_a_zone_holding_covers_the_streets_within_the_zone() -> None:
    zone = {
        "id": "z",
        "kind": "assign",
        "doc": "dxf",
        "effective": "2019-01-01",
        "items": [I1],
        "to": ["etdz"],
    }
    p = projection([zone])
    holder = p.jurisdiction(I1, RH, D2021).holders[0].holding
    assert (holder.unit, holder.scope) == ("etdz", ETDZ)
    assert p.jurisdiction(I1, XF, D2021).status == Status.GAP


def test_carving_a_zone_out_also_carves_the_streets_within_it() -> None:
    to_zone = {
        "id": "dz",
        "kind": "delegate",
        "doc": "jzf",
        "effective": "2020-07-01",
        "items": [I1],
        "from": "dx-wjw",
        "to": ["etdz"],
    }
    p = projection([ASSIGN_WJW, to_zone])
    assert primary_units(p, RH, D2021) == ["etdz"]
    assert primary_units(p, LX, D2021) == ["dx-wjw"]
