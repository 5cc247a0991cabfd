"""Answers name the acts awaiting legal review (法制审核) that would change them: pending acts
naming the item whose reach covers the place — not rejected or withdrawn ones, not elsewhere."""

from __future__ import annotations

from datetime import date

from graph_service.engine.answers import Status
from graph_service.engine.projection import Projection

from .world import ASSIGN_WJW, DELEGATE_XF, I1, LX, XF, dataset

DAY = date(2021, 6, 1)
PENDING = {**DELEGATE_XF, "id": "d-pending", "review": "pending"}


def test_pending_acts_covering_the_place_are_named_and_change_nothing() -> None:
    acts = [
        ASSIGN_WJW,
        PENDING,
        {**PENDING, "id": "d-nodoc", "doc": None, "effective": "2021-03-01"},
        {**PENDING, "id": "d-rejected", "review": "rejected", "review_opinion": "不符合条件"},
        {**PENDING, "id": "d-withdrawn", "withdrawn_on": "2021-02-01"},
        {**PENDING, "id": "d-elsewhere", "to": ["lx"]},
    ]
    answer = Projection(dataset(acts)).jurisdiction(I1, XF, DAY)
    assert [p.act for p in answer.pending] == ["d-pending", "d-nodoc"]
    assert answer.status == Status.CLEAR
    assert [c.holding.unit for c in answer.holders] == ["dx-wjw"]
    assert "另有涉及本事项的2项决定（" in answer.explanation
    assert "2021年3月1日起施行的下放决定" in answer.explanation
    assert answer.explanation.endswith("尚待法制审核，审核通过前均不产生职权。")
    assert Projection(dataset(acts)).jurisdiction(I1, LX, DAY).pending[0].act == "d-elsewhere"


def test_once_approved_the_act_is_no_longer_pending_and_takes_effect() -> None:
    answer = Projection(dataset([ASSIGN_WJW, {**PENDING, "review": "approved"}])).jurisdiction(
        I1, XF, DAY
    )
    assert answer.pending == ()
    assert "尚待法制审核" not in answer.explanation
    assert [c.holding.unit for c in answer.holders if c.holding.role.name == "PRIMARY"] == ["xf"]
