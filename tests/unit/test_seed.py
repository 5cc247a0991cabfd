"""The Daxing seed: complete, valid, honest about its sources and in sync with its builder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph_service.domain.dataset import Dataset, check_dataset
from graph_service.domain.enums import RegionKind, UnitKind
from graph_service.engine.projection import Projection
from graph_service.service.dataset_files import read_dataset
from seed import daxing_path
from seed.build_daxing import DEFAULT_REFERENCE, build
from seed.schema_export import SCHEMA_PATH, render_json_schema

DAXING = "110115000000"
XINGFENG = "110115001000"
SMOKING = "SEED-CF-014"  # 对个人在禁止吸烟场所吸烟的处罚


@pytest.fixture(scope="module")
def seed() -> Dataset:
    return read_dataset(daxing_path())


def test_the_seed_has_no_problems(seed: Dataset) -> None:
    assert check_dataset(seed) == []


def test_daxing_has_8_streets_14_towns_and_its_zones(seed: Dataset) -> None:
    under = [r for r in seed.regions if r.parent == DAXING]
    assert sum(r.kind == RegionKind.STREET for r in under) == 8
    assert sum(r.kind == RegionKind.TOWNSHIP for r in under) == 14
    nbs_zones = sorted(r.code for r in under if r.kind == RegionKind.ZONE and r.code.isdigit())
    assert nbs_zones == ["110115403000", "110115404000", "110115405000", "110115406000"]
    assert {r.code for r in under if r.kind == RegionKind.ZONE} - set(nbs_zones) == {"110115-LKQ"}


def test_xingfeng_street_and_the_dual_plate_towns(seed: Dataset) -> None:
    regions = {r.code: r for r in seed.regions}
    assert regions[XINGFENG].name == "兴丰街道"
    assert regions[XINGFENG].kind == RegionKind.STREET
    yizhuang = regions["110115004000"]
    assert (yizhuang.name, yizhuang.kind) == ("亦庄地区", RegionKind.TOWNSHIP)
    assert yizhuang.aliases == ["亦庄镇", "110115112000"]
    assert regions["110115007000"].aliases == ["西红门镇"]


def test_only_supported_within_and_adjacency_links(seed: Dataset) -> None:
    within = {r.code: r.within for r in seed.regions if r.within}
    assert within == {"110115012000": ["110115403000"], "110115013000": ["110115403000"]}
    adjacent = {r.code: r.adjacent for r in seed.regions if r.adjacent}
    assert adjacent == {
        DAXING: [
            "110106000000",
            "110105000000",
            "110112000000",
            "110111000000",
            "131022000000",
            "131003000000",
        ],
        # the airport site lies between 榆垡镇/礼贤镇 and 广阳区 (facts.md §1): town-level facts
        "110115106000": ["131003000000"],
        "110115107000": ["131003000000"],
    }


def test_the_seed_declares_its_coverage_and_statutory_grants_only_to_streets_and_towns(
    seed: Dataset,
) -> None:
    [daxing] = [r for r in seed.regions if r.code == DAXING]
    assert daxing.coverage_from == date(2020, 1, 1)
    statutory = {a.id for a in seed.acts if a.statutory}
    holders = {u.id: u.kind for u in seed.units}
    assert statutory
    assert all(
        holders[t] in {UnitKind.STREET, UnitKind.TOWNSHIP}
        for a in seed.acts
        if a.id in statutory
        for t in a.to
    )
    assert "assign-SEED-CF-018-towns" in statutory


def test_units_of_daxing(seed: Dataset) -> None:
    units = {u.id: u for u in seed.units}
    streets = [u for u in units.values() if u.kind == UnitKind.STREET]
    towns = [u for u in units.values() if u.kind == UnitKind.TOWNSHIP]
    assert (len(streets), len(towns)) == (8, 14)
    assert all(u.parent == "dx-gov" for u in streets + towns)
    assert units["dx-street-xingfeng"].region == XINGFENG
    assert units["dx-gov"].parent == "bj-gov"
    departments = [u for u in units.values() if u.region == DAXING and u.parent == "dx-gov"]
    assert len(departments) == 20  # D01-D20 of daxing_departments.csv
    assert units["dx-wsjkw"].name == "北京市大兴区卫生健康委员会"
    assert units["dx-sfj"].name == "北京市大兴区司法局"
    assert "区城管执法局" in units["dx-cgzf"].aliases
    vertical = {u.id: u.superior for u in units.values() if u.region == DAXING and u.vertical}
    assert vertical == {
        "dx-ghzy": "bj-ghzrw",
        "dx-gafj": "bj-gaj",
        "dx-tax": "bj-tax",
        "dx-xfjy": "bj-xfjy",
    }
    assert units["jkq-gwh"].kind == units["dx-lkq-gwh"].kind == UnitKind.ZONE_COMMITTEE


def test_the_71_items_with_their_legal_basis(seed: Dataset) -> None:
    assert len(seed.items) == 71
    provisions = {p.id: p for p in seed.provisions}
    smoking = next(i for i in seed.items if i.code == SMOKING)
    assert smoking.name == "对个人在禁止吸烟场所吸烟的处罚"
    assert smoking.basis == ["bj-kzxy-a25"]
    text = provisions["bj-kzxy-a25"].text or ""
    assert text.startswith("第二十五条 个人违反本条例第十四条规定")
    assert all(item.basis for item in seed.items)


def test_every_record_has_a_source(seed: Dataset) -> None:
    missing = [(kind.value, r.key) for kind, r in seed.records() if not r.source]
    assert missing == []


def test_illustrative_records_are_exactly_the_unconfirmed_ones(seed: Dataset) -> None:
    illustrative = {r.key for _, r in seed.records() if r.illustrative}
    assert illustrative == {
        "jzf-2020-9-dx-cgzf-illustrative",
        "jzf-2020-22-dx-ghzy-illustrative",
        "illustrative-dx-lf-cgzf",
    }
    assert all("ILLUSTRATIVE" in (r.note or "") for _, r in seed.records() if r.illustrative)
    facts = {a.id: a.items for a in seed.acts if a.doc == "jzf-2020-9" and not a.illustrative}
    assert facts == {
        "jzf-2020-9-dx-wsjkw": ["SEED-CF-014", "SEED-CF-015"],
        "jzf-2020-9-dx-cgzf": ["SEED-CF-023"],
    }
    assert all(a.illustrative for a in seed.acts if a.doc == "jzf-2020-22")


def test_unverified_document_numbers_are_not_seeded(seed: Dataset) -> None:
    numbers = {law.doc_number for law in seed.laws if law.doc_number}
    assert numbers == {"京政发〔2020〕9号", "京政发〔2020〕22号", "北京市人民政府令第314号"}


def test_the_2020_delegation_reaches_every_street_and_town(seed: Dataset) -> None:
    towns_and_streets = {u.id for u in seed.units if u.kind in {UnitKind.STREET, UnitKind.TOWNSHIP}}
    for act in (a for a in seed.acts if a.doc == "jzf-2020-9"):
        assert act.effective == date(2020, 7, 1)
        assert set(act.to) == towns_and_streets
        # 行政处罚法 第24条 took effect on 2021-07-15: it cannot be the basis of a 2020 act.
        assert "cn-xzcf-a24" not in act.basis
        assert "bj-jdbsc-a11" in act.basis


def test_smoking_at_xingfeng_moves_from_the_department_to_the_street(seed: Dataset) -> None:
    projection = Projection(seed)
    before = projection.jurisdiction(SMOKING, XINGFENG, date(2020, 6, 30))
    assert [c.holding.unit for c in before.holders] == ["dx-wsjkw"]
    after = projection.jurisdiction(SMOKING, XINGFENG, date(2020, 7, 1))
    assert after.holders[0].holding.unit == "dx-street-xingfeng"
    assert "jzf-2020-9-dx-wsjkw" in after.holders[0].holding.acts
    assert "京政发〔2020〕9号" in after.explanation


def test_the_committed_seed_is_what_the_builder_writes(tmp_path: Path) -> None:
    if not DEFAULT_REFERENCE.is_dir():
        pytest.skip(f"reference data not present at {DEFAULT_REFERENCE}")
    build(DEFAULT_REFERENCE, tmp_path)
    built = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.yaml")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in daxing_path().glob("*.yaml")}
    assert sorted(built) == sorted(committed)
    stale = [name for name in built if built[name] != committed[name]]
    assert stale == [], f"seed/daxing is stale: run .venv/bin/python -m seed.build_daxing ({stale})"


def test_the_committed_json_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_json_schema(), (
        "seed/schema/authority-graph-1.schema.json is stale: "
        "run .venv/bin/python -m seed.schema_export"
    )
