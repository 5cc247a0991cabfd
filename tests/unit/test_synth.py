"""The synthetic dataset: valid, deterministic, Beijing-sized, with every irregularity planted."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from benchmarks.suite import run
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.domain.enums import ActKind, RegionKind, UnitKind
from graph_service.engine.answers import FindingKind
from graph_service.engine.projection import Projection
from seed.synth.dataset import BEIJING, SMALL, synth_source, synthesize


@pytest.fixture(scope="module")
def beijing() -> Dataset:
    return synthesize(seed=2020, scale=BEIJING)


def test_small_scale_is_a_valid_document_that_survives_json() -> None:
    dataset = synthesize(seed=1, scale=SMALL)
    assert check_dataset(dataset) == []
    text = json.dumps(dataset.to_document(), ensure_ascii=False)
    assert parse_document(json.loads(text)) == dataset


def test_same_seed_gives_the_same_document_and_another_seed_another() -> None:
    first = synthesize(seed=7, scale=SMALL).to_document()
    assert synthesize(seed=7, scale=SMALL).to_document() == first
    assert synthesize(seed=8, scale=SMALL).to_document() != first


def test_every_record_is_marked_synthetic_with_its_seed() -> None:
    dataset = synthesize(seed=42, scale=SMALL)
    marks = {(record.illustrative, record.source) for _, record in dataset.records()}
    assert marks == {(True, "synthetic (graph-service synth, seed=42)")}
    assert synth_source(42) == "synthetic (graph-service synth, seed=42)"


def test_beijing_has_the_structure_of_the_benchmark_targets(beijing: Dataset) -> None:
    assert check_dataset(beijing) == []
    kinds = Counter(region.kind for region in beijing.regions)
    assert kinds[RegionKind.CITY] == 1
    assert kinds[RegionKind.DISTRICT] == 16
    assert kinds[RegionKind.STREET] + kinds[RegionKind.TOWNSHIP] == 343
    assert kinds[RegionKind.ZONE] == 3
    assert len(beijing.items) == 8000
    governments = {u.id for u in beijing.units if u.kind == UnitKind.GOVERNMENT}
    assert len(governments) == 17  # the city and 16 districts
    day = date(2020, 1, 1)
    departments = Counter(
        u.parent
        for u in beijing.units
        if u.kind == UnitKind.DEPARTMENT and u.valid_on(day) and not u.name.endswith("司法局")
    )
    district_governments = {gov for gov in departments if gov != "syn-gov"}
    assert len(district_governments) == 16
    assert {departments[gov] for gov in district_governments} == {60}


def test_beijing_delegates_431_items_to_every_town_of_each_district(beijing: Dataset) -> None:
    towns: dict[str, set[str]] = {}
    for unit in beijing.units:
        if unit.kind in {UnitKind.STREET, UnitKind.TOWNSHIP}:
            towns.setdefault(unit.parent or "", set()).add(unit.id)
    delegated: dict[str, set[str]] = {}
    for act in beijing.acts:
        if act.kind == ActKind.DELEGATE and act.effective == date(2020, 7, 1):
            district = act.id[: len("syn-d01")]
            assert set(act.to) == towns[f"{district}-gov"]
            delegated.setdefault(district, set()).update(act.items)
    assert len(delegated) == 16
    assert {len(items) for items in delegated.values()} == {431}


def test_beijing_has_some_of_every_irregular_act_and_unit(beijing: Dataset) -> None:
    acts = Counter(act.kind for act in beijing.acts)
    assert acts[ActKind.TRANSFER] >= 3
    assert acts[ActKind.CANCEL] >= 3
    assert acts[ActKind.ENTRUST] >= 3
    assert acts[ActKind.REVOKE] >= 1
    assert acts[ActKind.DESIGNATE] >= 1
    assert any(act.role == "joint" for act in beijing.acts)
    abolished = [u for u in beijing.units if u.valid_to is not None]
    assert any(u.successor for u in abolished)
    assert any(u.successor is None for u in abolished)
    zones = {r.code for r in beijing.regions if r.kind == RegionKind.ZONE}
    assert {zone for r in beijing.regions for zone in r.within} == zones
    committees = {u.id for u in beijing.units if u.kind == UnitKind.ZONE_COMMITTEE}
    assert {to for act in beijing.acts for to in act.to if to in committees} == committees


def test_the_engine_finds_the_planted_irregularities_at_small_scale() -> None:
    findings = Projection(synthesize(seed=3, scale=SMALL)).findings(date(2025, 6, 30))
    kinds = Counter(finding.kind for finding in findings)
    assert kinds[FindingKind.STALE_BASIS] == 3
    assert kinds[FindingKind.UNREVIEWED_ACT] == 1
    assert kinds[FindingKind.INVALID_DELEGATION] == 2  # a non-delegable item, a re-entrustment
    # the two 区街共有 items in district 1's first street: one field, the same claimants
    assert kinds[FindingKind.OVERLAP] == 1
    # never assigned, and the wound-up department's items (grouped by field, cause and units)
    assert kinds[FindingKind.GAP] >= 2


def test_the_benchmark_suite_runs_at_small_scale_without_io() -> None:
    report = run(SMALL, 5, queries=50, memory=lambda: (1.0, 2.0))
    rows = {row.name: row for row in report.rows}
    assert rows["resident memory after start-up"].value == 1.0
    assert rows["derived holding versions"].value is not None
    assert rows["derived holding versions"].value > 1000
    measured = [row for row in report.rows if row.target is not None and row.value is not None]
    assert len(measured) >= 6
    assert all(row.value is not None and row.value >= 0 for row in measured)
    # The networkx baseline and the engine find the same overlapping (item, place) pairs.
    assert "the same as the engine" in rows["networkx: overlap scan (median of 5 rounds)"].note
