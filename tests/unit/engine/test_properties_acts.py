"""Invariants of designate, transfer, same-day recording order and "as recorded on", over random
acts in the hand-made Daxing world (``acts_strategy``)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.engine.answers import Role
from graph_service.engine.projection import Projection

from .acts_strategy import CHECK_DAYS, COVERED_BY, ITEMS, OLD_UNIT, PLACES, UNITS, acts
from .world import ALL_PLACES, I1, dataset

LEAVES = list(ALL_PLACES)
LAST = date(2023, 6, 1)  # the last day acts take effect in ``acts_strategy``
AFTER = date(2023, 7, 1)


def build(acts_: list[dict[str, Any]], **kwargs: Any) -> Projection:
    return Projection(dataset(acts_, units=[OLD_UNIT], items=ITEMS), **kwargs)


def primary(p: Projection, item: str, place: str, day: date) -> set[str]:
    answer = p.jurisdiction(item, place, day)
    return {c.holding.unit for c in answer.holders if c.holding.role == Role.PRIMARY}


def in_force(p: Projection, item: str, day: date) -> bool:
    return p.jurisdiction(item, LEAVES[0], day).in_force


@settings(max_examples=60, deadline=None)
@given(
    before=acts("a", (0, 6)),
    unit=st.sampled_from([u for u in UNITS if u != "old-cgj"]),  # units that still exist
    scope=st.lists(st.sampled_from(PLACES), min_size=1, max_size=2, unique=True),
)
def test_designate_leaves_exactly_one_primary_holder_at_its_places(
    before: list[dict[str, Any]], unit: str, scope: list[str]
) -> None:
    designate = {
        "id": "des",
        "kind": "designate",
        "effective": AFTER.isoformat(),
        "items": ["I1", "I2"],
        "to": [unit],
        "scope": scope,
    }
    p = build([*[{**a, "until": None} for a in before], designate])
    checked = 0
    for item in ("I1", "I2"):
        if not in_force(p, item, AFTER):
            continue
        for place in LEAVES:
            if COVERED_BY[place] & set(scope):
                assert primary(p, item, place, AFTER) == {unit}
                checked += 1
    assert checked or not any(in_force(p, item, AFTER) for item in ("I1", "I2"))


@settings(max_examples=60, deadline=None)
@given(
    before=acts("a", (1, 6)),
    source=st.sampled_from(UNITS[:4] + UNITS[4:7]),
    target=st.sampled_from(["dx-jds", "etdz", "lx"]),
)
def test_a_transfer_moves_every_answer_from_the_old_holder_to_the_new_and_nothing_else(
    before: list[dict[str, Any]], source: str, target: str
) -> None:
    base = [{**a, "until": None} for a in before]
    transfer = {
        "id": "tr",
        "kind": "transfer",
        "effective": AFTER.isoformat(),
        "items": ["I1", "I2"],
        "from": source,
        "to": [target],
    }
    plain, moved = build(base), build([*base, transfer])
    for item in ("I1", "I2"):
        for place in LEAVES:
            was = primary(plain, item, place, AFTER)
            assert primary(moved, item, place, AFTER) == {target if u == source else u for u in was}
            others = [
                (c.holding.unit, c.holding.role, c.holding.scope)
                for c in plain.jurisdiction(item, place, AFTER).holders
                if c.holding.unit not in {source, target}
            ]
            assert others == [
                (c.holding.unit, c.holding.role, c.holding.scope)
                for c in moved.jurisdiction(item, place, AFTER).holders
                if c.holding.unit not in {source, target}
            ]


@settings(max_examples=40, deadline=None)
@given(
    towns=st.lists(st.sampled_from(["xf", "lx", "rh"]), min_size=2, max_size=3, unique=True),
    others=acts("a", (0, 3)),
    seed=st.integers(0, 1000),
)
def test_findings_do_not_depend_on_the_order_same_day_independent_acts_were_recorded(
    towns: list[str], others: list[dict[str, Any]], seed: int
) -> None:
    """One delegation per town, all on one day, plus assignments of the other item."""
    same_day = [
        {
            "id": f"d-{t}",
            "kind": "delegate",
            "effective": "2020-07-01",
            "items": [I1],
            "from": "dx-wjw",
            "to": [t],
        }
        for t in towns
    ]
    same_day.append(
        {
            "id": "a-i2",
            "kind": "assign",
            "effective": "2020-07-01",
            "items": ["I2"],
            "to": ["dx-cgj"],
        }
    )
    base = [
        {
            "id": "a-wjw",
            "kind": "assign",
            "effective": "2019-01-01",
            "items": [I1],
            "to": ["dx-wjw"],
        },
        *[a for a in others if a["effective"] != "2020-07-01"],
    ]

    def recorded(order: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**a, "recorded_at": datetime(2020, 7, 1, 8, i, tzinfo=UTC).isoformat()}
            for i, a in enumerate(order)
        ]

    shuffled = list(same_day)
    random.Random(seed).shuffle(shuffled)
    one, two = build(base + recorded(same_day)), build(base + recorded(shuffled))
    for day in CHECK_DAYS:
        assert one.findings(day) == two.findings(day)
