"""Properties of the rules issue 10 added, over random acts in the hand-made Daxing world:
coverage (NO_DATA before it, nothing raised), NOT_IN_FORCE, the supervisor's lifetime, and
grouping (every place where an item overlaps is in exactly one OVERLAP finding naming the item)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import ActKind
from graph_service.engine.answers import FindingKind, Mode, Role, Status
from graph_service.engine.projection import Projection

from .acts_strategy import CHECK_DAYS, ITEMS, OLD_UNIT, acts
from .world import ALL_PLACES, DX, dataset

CODES = [i["code"] for i in ITEMS]


def world(acts_: list[dict[str, Any]]) -> Dataset:
    return dataset(acts_, units=[OLD_UNIT], items=ITEMS)


def with_coverage(ds: Dataset, start: date) -> Dataset:
    regions = [
        r.model_copy(update={"coverage_from": start}) if r.code == DX else r for r in ds.regions
    ]
    return ds.model_copy(update={"regions": regions})


@settings(max_examples=40, deadline=None)
@given(acts_=acts("a", (0, 6)), start=st.sampled_from(CHECK_DAYS))
def test_before_coverage_nothing_is_known_and_after_it_the_answers_are_unchanged(
    acts_: list[dict[str, Any]], start: date
) -> None:
    plain = Projection(world(acts_))
    covered = Projection(with_coverage(world(acts_), start))
    for day in CHECK_DAYS:
        if day < start:
            assert covered.findings(day) == []
        else:
            assert covered.findings(day) == plain.findings(day)
        for code in CODES:
            for place in ALL_PLACES:
                answer = covered.jurisdiction(code, place, day)
                if day < start:
                    assert (answer.status, answer.holders) == (Status.NO_DATA, ())
                else:
                    assert answer.status == plain.jurisdiction(code, place, day).status
                    before = plain.jurisdiction(code, place, day).holders
                    assert [c.holding for c in answer.holders] == [c.holding for c in before]


@settings(max_examples=40, deadline=None)
@given(acts_=acts("a", (0, 7)))
def test_status_not_in_force_exactly_when_the_item_is_not_in_force_and_then_no_holders(
    acts_: list[dict[str, Any]],
) -> None:
    p = Projection(world(acts_))
    for day in CHECK_DAYS:
        for code in CODES:
            answer = p.jurisdiction(code, ALL_PLACES[0], day)
            assert (answer.status == Status.NOT_IN_FORCE) == (not answer.in_force)
            if not answer.in_force:
                assert answer.holders == ()
                assert all(link.kind == ActKind.CANCEL for link in answer.chain)


@settings(max_examples=40, deadline=None)
@given(acts_=acts("a", (0, 7)))
def test_a_supervisor_always_has_another_units_delegated_holding_to_supervise_there(
    acts_: list[dict[str, Any]],
) -> None:
    p = Projection(world(acts_))
    kinds = {a["id"]: a["kind"] for a in acts_}
    for day in CHECK_DAYS:
        for code in CODES:
            for place in ALL_PLACES:
                holders = [c.holding for c in p.jurisdiction(code, place, day).holders]
                for supervisor in (h for h in holders if h.role == Role.SUPERVISOR):
                    mine = {a for a in supervisor.acts if kinds.get(a) == "delegate"}
                    assert any(
                        h.role == Role.PRIMARY and h.unit != supervisor.unit and mine & set(h.acts)
                        for h in holders
                    )


@settings(max_examples=40, deadline=None)
@given(acts_=acts("a", (0, 7)))
def test_every_overlapping_place_is_in_exactly_one_overlap_finding_naming_the_item(
    acts_: list[dict[str, Any]],
) -> None:
    p = Projection(world(acts_))
    for day in CHECK_DAYS:
        overlaps = [f for f in p.findings(day) if f.kind == FindingKind.OVERLAP]
        for code in CODES:
            for place in ALL_PLACES:
                status = p.jurisdiction(code, place, day).status
                naming = [f for f in overlaps if code in f.items and place in f.places]
                assert len(naming) == (1 if status == Status.OVERLAP else 0)


@settings(max_examples=40, deadline=None)
@given(acts_=acts("a", (1, 7)))
def test_a_grant_is_statutory_exactly_when_its_assign_act_says_so(
    acts_: list[dict[str, Any]],
) -> None:
    p = Projection(world(acts_))
    by_id = {a["id"]: a for a in acts_}
    for holding in p.holdings():
        origin = by_id.get(holding.acts[0]) if holding.acts else None
        if (
            holding.mode in {Mode.ORIGINAL, Mode.STATUTORY}
            and origin
            and origin["kind"] == "assign"
        ):
            assert (holding.mode == Mode.STATUTORY) == bool(origin.get("statutory"))
