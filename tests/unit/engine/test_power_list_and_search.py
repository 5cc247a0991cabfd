"""Power lists merge scopes per item, role and mode; search ranks exact > prefix > substring."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.enums import Category
from graph_service.domain.errors import NotFoundError
from graph_service.engine.answers import Mode, Role, SearchKind

from .world import ASSIGN_WJW, D2021, DELEGATE_XF, DX, I1, LX, XF, projection

NAME = "对在禁止吸烟场所吸烟的处罚"


def test_department_lists_its_primary_power_and_the_supervision_it_kept() -> None:
    p = projection([ASSIGN_WJW, DELEGATE_XF])
    primary, supervisor = p.power_list("dx-wjw", D2021)
    assert (primary.role, primary.mode, primary.scopes, primary.valid_from, primary.acts) == (
        Role.PRIMARY,
        Mode.STATUTORY,
        (DX,),
        date(2015, 6, 1),
        ("a-wjw", "d-xf"),
    )
    # the district less 兴丰, which it delegated: the list says so rather than "the district"
    assert primary.carved_out == (XF,)
    assert [(b.provision, b.article) for b in primary.basis] == [("kyt-28", "第28条")]
    assert (supervisor.role, supervisor.scopes, supervisor.valid_from) == (
        Role.SUPERVISOR,
        (XF,),
        date(2020, 7, 1),
    )
    assert (primary.item, primary.item_name, primary.category) == (I1, NAME, Category.PENALTY)


def test_a_delegator_supervises_nothing_once_the_delegatee_is_designated_out() -> None:
    designate = {
        "id": "g",
        "kind": "designate",
        "effective": "2020-09-01",
        "items": [I1],
        "to": ["dx-cgj"],
        "scope": [XF],
    }
    p = projection([ASSIGN_WJW, DELEGATE_XF, designate])
    assert [e.role for e in p.power_list("dx-wjw", D2021)] == [Role.PRIMARY]
    assert Role.SUPERVISOR not in {c.holding.role for c in p.jurisdiction(I1, XF, D2021).holders}


def test_scopes_of_one_item_role_and_mode_are_merged() -> None:
    both = {**DELEGATE_XF, "to": ["dx-cgj"], "scope": [XF, LX]}
    [entry] = projection([ASSIGN_WJW, both]).power_list("dx-cgj", D2021)
    assert (entry.role, entry.mode, entry.scopes) == (Role.PRIMARY, Mode.DELEGATED, (LX, XF))


def test_power_list_of_an_unknown_unit_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        projection([]).power_list("nope", D2021)


def test_search_ranks_exact_then_prefix_then_substring() -> None:
    p = projection([])
    hits = p.search(SearchKind.UNIT, "区城管执法局")
    assert [(h.key, h.score) for h in hits] == [("dx-cgj", 3.0)]
    assert [h.key for h in p.search(SearchKind.UNIT, "区卫生健康")] == ["dx-wjw", "dx-jds"]
    ranked = p.search(SearchKind.REGION, "兴")
    assert [(h.key, h.score) for h in ranked] == [(XF, 2.0), (DX, 1.0)]
    assert [h.key for h in p.search(SearchKind.UNIT, "城管")] == ["dx-cgj"]  # by alias


def test_search_finds_laws_by_document_number_and_items_by_code_prefix() -> None:
    p = projection([])
    [law] = p.search(SearchKind.LAW, "京政发〔2020〕9号")
    assert (law.key, law.score) == ("jzf", 3.0)
    [item] = p.search(SearchKind.ITEM, "i")
    assert (item.key, item.name, item.score) == (I1, NAME, 2.0)
    assert p.search(SearchKind.ITEM, "吸烟", limit=0) == []
