"""Invariants of legal review and withdrawal over random acts in the hand-made Daxing world: only
approved acts produce holdings, and a withdrawn act is exactly an act that ends on its withdrawal
(or, withdrawn on or before it takes effect, no act at all)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.engine.projection import Projection

from .acts_strategy import CHECK_DAYS, ITEMS, OLD_UNIT, PLACES, acts
from .world import dataset


def build(acts_: list[dict[str, Any]]) -> Projection:
    return Projection(dataset(acts_, units=[OLD_UNIT], items=ITEMS))


def answers(p: Projection) -> dict[tuple[str, str, date], Any]:
    """Holders and status of every question (the explanation aside: it names pending acts)."""
    return {
        (item, place, day): (answer.status, answer.holders)
        for item in ("I1", "I2")
        for place in PLACES
        for day in CHECK_DAYS[::2]
        if (answer := p.jurisdiction(item, place, day))
    }


@settings(max_examples=60, deadline=None)
@given(recorded=acts("a", (1, 6)))
def test_only_approved_acts_produce_holdings(recorded: list[dict[str, Any]]) -> None:
    p = build(recorded)
    approved = {a["id"] for a in recorded if a["review"] == "approved"}
    assert {act for h in p.holdings() for act in h.acts} <= approved
    # and the unapproved ones might as well not be there
    assert answers(p) == answers(build([a for a in recorded if a["id"] in approved]))


@settings(max_examples=60, deadline=None)
@given(recorded=acts("a", (1, 6)), data=st.data())
def test_a_withdrawn_act_is_an_act_ending_on_its_withdrawal(
    recorded: list[dict[str, Any]], data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(recorded))
    day = data.draw(st.sampled_from(CHECK_DAYS))
    withdrawn = {**target, "review": "approved", "withdrawn_on": day.isoformat()}
    others = [{**a, "withdrawn_on": None} for a in recorded if a["id"] != target["id"]]
    effective = date.fromisoformat(target["effective"])
    until = target.get("until")
    ends = min(day, until) if until is not None else day
    if ends <= effective:
        expected = others
    else:
        expected = [*others, {**withdrawn, "withdrawn_on": None, "until": ends.isoformat()}]
    order = [a["id"] for a in recorded]
    ordered = sorted([*others, withdrawn], key=lambda a: order.index(a["id"]))
    expected.sort(key=lambda a: order.index(a["id"]))
    assert answers(build(ordered)) == answers(build(expected))
