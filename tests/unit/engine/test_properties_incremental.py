"""Incremental ``apply`` (resumed or replayed items, copy-on-write catalog) equals a full rebuild,
and ``preview`` leaves the projection untouched, after any sequence of random acts."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.engine.projection import Projection

from .acts_strategy import (
    AGREEMENTS,
    CHECK_DAYS,
    ITEMS,
    OLD_UNIT,
    PLACES,
    PUBLISHED_LISTS,
    UNITS,
    act,
    acts,
)
from .world import dataset


def snapshot(p: Projection) -> dict[str, Any]:
    """Everything a reader can see, in a comparable form."""
    return {
        "holdings": sorted(p.holdings(), key=lambda h: h.id),
        "findings": {day: p.findings(day) for day in CHECK_DAYS},
        "answers": {
            (item, place, day): p.jurisdiction(item, place, day)
            for item in ("I1", "I2")
            for place in PLACES
            for day in CHECK_DAYS[::2]
        },
        "lists": {(u, day): p.power_list(u, day) for u in UNITS for day in CHECK_DAYS[::3]},
    }


def base(acts_: list[dict[str, Any]], lists: list[dict[str, Any]] = PUBLISHED_LISTS) -> Dataset:
    return dataset(
        acts_, units=[OLD_UNIT], items=ITEMS, agreements=AGREEMENTS, published_lists=lists
    )


@settings(max_examples=60, deadline=None)
@given(
    first=acts("a", (0, 4)),
    later=acts("b", (1, 5)),
    in_date_order=st.booleans(),
    deletes=st.lists(st.integers(0, 8), max_size=2),
)
def test_applying_acts_one_by_one_equals_a_full_rebuild(
    first: list[dict[str, Any]],
    later: list[dict[str, Any]],
    in_date_order: bool,
    deletes: list[int],
) -> None:
    """In date order most acts come after everything replayed, so replay resumes; otherwise
    the items are replayed from scratch."""
    if in_date_order:
        first.sort(key=lambda a: a["effective"])
        later.sort(key=lambda a: a["effective"])
        later = [a for a in later if not first or a["effective"] >= first[-1]["effective"]]
    p = Projection(base(first))
    recorded = list(first)
    for act_doc in later:
        p.apply(ChangeSet(upserts=Dataset.model_validate({"acts": [act_doc]})))
        recorded.append(act_doc)
    for index in deletes:
        if index < len(recorded):
            gone = recorded.pop(index)
            p.apply(ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key=gone["id"])]))
    fresh = Projection(base(recorded))
    assert snapshot(p) == snapshot(fresh)
    assert p.dataset == fresh.dataset


NEW_LIST: dict[str, Any] = {"unit": "dx-wjw", "version": 2, "published": "2020-01-01", "items": []}


@settings(max_examples=60, deadline=None)
@given(
    first=acts("a", (0, 4)),
    later=acts("b", (0, 3)),
    deletes=st.lists(st.integers(0, 3), max_size=1),
    new_list=st.booleans(),
    at=st.sampled_from(CHECK_DAYS),
)
def test_preview_changes_nothing_and_predicts_exactly_what_applying_would_change(
    first: list[dict[str, Any]],
    later: list[dict[str, Any]],
    deletes: list[int],
    new_list: bool,
    at: Any,
) -> None:
    """The preview's findings and answers are those of a full rebuild after the change."""
    gone = [first[i]["id"] for i in deletes if i < len(first)]
    upserts: dict[str, Any] = {"acts": later, "published_lists": [NEW_LIST] if new_list else []}
    change = ChangeSet(
        upserts=Dataset.model_validate(upserts),
        deletes=[EntityRef(kind=EntityKind.ACT, key=key) for key in gone],
    )
    p = Projection(base(first))
    before = snapshot(p)
    preview = p.preview(change, at)
    assert snapshot(p) == before
    kept = [a for a in first if a["id"] not in gone]
    after = Projection(base(kept + later, PUBLISHED_LISTS + upserts["published_lists"]))
    old_findings = {f.id: f for f in p.findings(at)}
    new_findings = {f.id: f for f in after.findings(at)}
    assert {f.id for f in preview.appeared} == new_findings.keys() - old_findings.keys()
    assert {f.id for f in preview.resolved} == old_findings.keys() - new_findings.keys()
    pairs = [(old_findings[k], new_findings[k]) for k in old_findings.keys() & new_findings]
    assert set(preview.changed) == {(was, now) for was, now in pairs if was != now}
    expected = set()
    for item in ("I1", "I2"):
        for place in PLACES[:3]:
            was, now = p.jurisdiction(item, place, at), after.jurisdiction(item, place, at)
            units = [
                tuple(sorted({c.holding.unit for c in a.holders if c.holding.role == "PRIMARY"}))
                for a in (was, now)
            ]
            if (was.status, units[0]) != (now.status, units[1]):
                expected.add((item, place, was.status, units[0], now.status, units[1]))
    got = {
        (c.item, c.place, c.before_status, c.before_units, c.after_status, c.after_units)
        for c in preview.answers
        if c.place in PLACES[:3]
    }
    assert got == expected


@st.composite
def chains(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Assignments, then acts one per later day mostly between departments and towns: the
    shape of real records, where every new act comes after all others and replay resumes."""
    out: list[dict[str, Any]] = [
        {
            "id": "base-wjw",
            "kind": "assign",
            "effective": "2018-01-01",
            "items": ["I1", "I2"],
            "to": ["dx-wjw"],
        },
        {
            "id": "base-old",
            "kind": "assign",
            "effective": "2018-01-01",
            "items": ["I2"],
            "to": ["old-cgj"],
            "scope": ["XF", "ETDZ"],
        },
    ]
    days = sorted(draw(st.lists(st.sampled_from(CHECK_DAYS[1:]), min_size=1, max_size=6)))
    for i, day in enumerate(days):
        later = draw(act(f"c{i}"))
        later["effective"] = day.isoformat()
        later.pop("until", None)
        if later["kind"] in {"delegate", "revoke", "entrust", "transfer"}:
            later["from"] = draw(st.sampled_from(["dx-wjw", "old-cgj", "dx-cgj", "xf"]))
        out.append(later)
    return out


@settings(max_examples=60, deadline=None)
@given(chain=chains())
def test_a_chain_of_later_acts_applied_one_by_one_equals_a_full_rebuild(
    chain: list[dict[str, Any]],
) -> None:
    p = Projection(base(chain[:2]))
    for act_doc in chain[2:]:
        p.apply(ChangeSet(upserts=Dataset.model_validate({"acts": [act_doc]})))
    assert snapshot(p) == snapshot(Projection(base(chain)))


def test_a_later_transfer_hands_on_its_delegations_and_agents_as_a_full_rebuild_does() -> None:
    """A transfer resumes only the lineages it can reach: the source's own, and those that name
    the source as principal (an agent it entrusted) or delegator (a town it delegated to). The
    agent's and the town's lineages are not the source's: left out of the resume, they would
    keep the old principal and delegator, and the new holder could not revoke the delegation."""

    def approved(act_id: str, kind: str, day: str, **fields: Any) -> dict[str, Any]:
        return {"id": act_id, "kind": kind, "effective": day, "review": "approved", **fields}

    chain = [
        approved("t-base", "assign", "2018-01-01", items=["I1", "I2"], to=["dx-wjw"]),
        approved("t-other", "assign", "2018-01-01", items=["I1"], to=["dx-cgj"], scope=["LX"]),
        approved("t-del", "delegate", "2019-01-01", items=["I1", "I2"], to=["xf"])
        | {"from": "dx-wjw"},
        approved("t-ent", "entrust", "2020-07-01", items=["I1"], to=["dx-jds"])
        | {"from": "dx-wjw"},
        approved("t-move", "transfer", "2022-01-01", items=["I1", "I2"], to=["gzw-dx"])
        | {"from": "dx-wjw"},
        approved("t-back", "revoke", "2023-06-01", items=["I1"], to=["xf"]) | {"from": "gzw-dx"},
    ]
    p = Projection(base(chain[:4]))
    for later in chain[4:]:
        p.apply(ChangeSet(upserts=Dataset.model_validate({"acts": [later]})))
        assert snapshot(p) == snapshot(Projection(base(chain[: chain.index(later) + 1])))
    moved = [h for h in p.holdings() if h.valid_from.isoformat() == "2022-01-01"]
    assert {h.principal for h in moved if h.unit == "dx-jds"} == {"gzw-dx"}
    revoked = [h for h in p.holdings() if h.unit == "xf" and h.item == "I1"]
    assert [h.valid_to.isoformat() for h in revoked if h.valid_to] == ["2023-06-01"]
