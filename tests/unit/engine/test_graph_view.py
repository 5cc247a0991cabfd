"""The graph around a record on a date: holdings and delegations appear on the day they start,
the region tree and legal bases are drawn, the cap is reported, bad arguments are refused."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.errors import NotFoundError, ValidationError
from graph_service.engine.answers import Mode, Role
from graph_service.engine.graph_edges import EdgeKind, NodeKind

from .world import ASSIGN_WJW, DELEGATE_XF, DX, ETDZ, GA, I1, RH, XF, projection

BEFORE, ON = date(2020, 6, 30), date(2020, 7, 1)


def _edges(view: object, kind: EdgeKind) -> list[tuple[str, str]]:
    return sorted((e.source, e.target) for e in view.edges if e.kind == kind)  # type: ignore[attr-defined]


def test_the_delegation_to_xingfeng_appears_on_the_day_it_takes_effect() -> None:
    p = projection([ASSIGN_WJW, DELEGATE_XF])

    before = p.graph(I1, BEFORE)
    assert before.focus == "item:I1"
    assert {n.id for n in before.nodes} == {"item:I1", "unit:dx-wjw", "law:kyt"}
    assert _edges(before, EdgeKind.DELEGATED) == []

    after = p.graph(I1, ON)
    assert {n.id for n in after.nodes} == {"item:I1", "unit:dx-wjw", "unit:xf", "law:kyt"}
    [delegation] = [e for e in after.edges if e.kind == EdgeKind.DELEGATED]
    assert (delegation.source, delegation.target) == ("unit:dx-wjw", "unit:xf")
    assert delegation.acts == ("d-xf",)
    assert delegation.items == (I1,)
    holds = {(e.source, e.role, e.mode): e for e in after.edges if e.kind == EdgeKind.HOLDS}
    street = holds["unit:xf", Role.PRIMARY, Mode.DELEGATED]
    assert street.scopes == (XF,)
    assert street.acts == ("d-xf",)
    assert street.valid_from == ON
    supervisor = holds["unit:dx-wjw", Role.SUPERVISOR, Mode.STATUTORY]
    assert supervisor.scopes == (XF,)
    # the edge says role and mode in the words of the exported power lists
    assert (street.label, supervisor.label) == ("主体（下放）", "指导监督（法定）")
    assert holds["unit:dx-wjw", Role.PRIMARY, Mode.STATUTORY].carved_out == (XF,)


def test_nodes_carry_chinese_labels_and_key_properties_focus_first() -> None:
    view = projection([ASSIGN_WJW, DELEGATE_XF]).graph("unit:xf", ON)
    focus, *rest = view.nodes
    assert (focus.id, focus.kind, focus.label, focus.distance) == (
        "unit:xf",
        NodeKind.UNIT,
        "兴丰街道办事处",
        0,
    )
    assert dict(focus.properties)["region"] == "兴丰街道"
    assert all(n.distance == 1 for n in rest)
    item = next(n for n in rest if n.kind == NodeKind.ITEM)
    assert item.label == "对在禁止吸烟场所吸烟的处罚"
    assert dict(item.properties)["category"] == "penalty"
    [basis] = [e for e in projection([ASSIGN_WJW]).graph(I1, ON).edges if e.kind == "BASED_ON"]
    assert basis.label == "依据 第28条"


def test_a_region_shows_its_tree_zones_neighbours_and_the_units_sited_there() -> None:
    view = projection([ASSIGN_WJW]).graph(DX, ON)
    assert view.focus == f"region:{DX}"
    assert (f"region:{DX}", f"region:{XF}") in _edges(view, EdgeKind.PARENT_OF)
    assert (f"region:{DX}", f"region:{GA}") in _edges(view, EdgeKind.ADJACENT_TO)
    assert ("unit:dx-wjw", f"region:{DX}") in _edges(view, EdgeKind.LOCATED_IN)
    zone = projection([ASSIGN_WJW]).graph(f"region:{ETDZ}", ON)
    assert (f"region:{RH}", f"region:{ETDZ}") in _edges(zone, EdgeKind.WITHIN)


def test_depth_two_reaches_the_holders_of_what_a_street_holds_and_closes_the_ring() -> None:
    p = projection([ASSIGN_WJW, DELEGATE_XF])
    one = p.graph("unit:xf", ON, depth=1)
    two = p.graph("unit:xf", ON, depth=2)
    assert "unit:dx-gov" in {n.id for n in one.nodes}
    assert {n.id for n in one.nodes} < {n.id for n in two.nodes}
    # dx-wjw and dx-gov are both one step out: the ego graph keeps the edge between them
    assert ("unit:dx-gov", "unit:dx-wjw") in _edges(one, EdgeKind.PARENT_OF)


def test_kinds_keep_only_the_asked_edges_and_what_they_reach() -> None:
    view = projection([ASSIGN_WJW, DELEGATE_XF]).graph(
        "unit:xf", ON, depth=2, kinds=[EdgeKind.HOLDS]
    )
    assert {e.kind for e in view.edges} == {EdgeKind.HOLDS}
    assert {n.id for n in view.nodes} == {"unit:xf", "item:I1", "unit:dx-wjw"}


def test_the_cap_keeps_the_nearest_nodes_and_reports_what_it_left_out() -> None:
    p = projection([ASSIGN_WJW])
    whole = p.graph(DX, ON, depth=2)
    capped = p.graph(DX, ON, depth=2, limit=5)
    assert not whole.truncated
    assert capped.truncated
    assert len(capped.nodes) == 5
    assert (capped.total_nodes, capped.total_edges) == (len(whole.nodes), len(whole.edges))
    kept = {n.id for n in capped.nodes}
    assert all(e.source in kept and e.target in kept for e in capped.edges)
    assert [n.distance for n in capped.nodes] == sorted(n.distance for n in capped.nodes)


def test_an_act_shows_the_units_it_moves_the_items_and_its_document() -> None:
    view = projection([ASSIGN_WJW, DELEGATE_XF]).graph("act:d-xf", ON)
    assert view.nodes[0].label == "京政发〔2020〕9号 · 下放"
    assert ("unit:dx-wjw", "unit:xf") in _edges(view, EdgeKind.DELEGATED)
    assert _edges(view, EdgeKind.INVOLVES) == [("act:d-xf", "unit:dx-wjw"), ("act:d-xf", "unit:xf")]
    assert ("act:d-xf", "item:I1") in _edges(view, EdgeKind.CONCERNS)
    assert ("act:d-xf", "law:jzf") in _edges(view, EdgeKind.BASED_ON)
    law = projection([ASSIGN_WJW, DELEGATE_XF]).graph("law:jzf", ON)
    assert ("act:d-xf", "law:jzf") in _edges(law, EdgeKind.BASED_ON)


def test_an_agreement_joins_its_parties() -> None:
    agreement = {
        "id": "ag1",
        "title": "大兴—固安城市管理执法协作协议",
        "parties": ["dx-cgj", "ga-zf"],
        "items": [I1],
    }
    view = projection([ASSIGN_WJW], agreements=[agreement]).graph("agreement:ag1", ON)
    assert _edges(view, EdgeKind.PARTY_TO) == [
        ("unit:dx-cgj", "agreement:ag1"),
        ("unit:ga-zf", "agreement:ag1"),
    ]
    assert ("agreement:ag1", "item:I1") in _edges(view, EdgeKind.CONCERNS)


@pytest.mark.parametrize(
    ("depth", "limit", "field"),
    [(0, 10, "depth"), (4, 10, "depth"), (1, 0, "limit"), (1, 2001, "limit")],
)
def test_out_of_range_arguments_are_refused_naming_the_field(
    depth: int, limit: int, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        projection([ASSIGN_WJW]).graph(I1, ON, depth=depth, limit=limit)
    assert [p.path for p in raised.value.problems] == [field]


@pytest.mark.parametrize("focus", ["nowhere", "unit:I1", "agreement:none"])
def test_an_unknown_focus_is_not_found(focus: str) -> None:
    with pytest.raises(NotFoundError):
        projection([ASSIGN_WJW]).graph(focus, ON)
