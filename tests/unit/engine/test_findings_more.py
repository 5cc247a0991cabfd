"""LIST_MISMATCH, CROSS_BORDER and EVALUATION_DUE, with expectations written out by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_service.engine.answers import Finding, FindingKind, Severity
from graph_service.engine.projection import Projection

from .world import ASSIGN_WJW, D2021, DELEGATE_XF, DX, GA, I1, XF, dataset, projection

I2_ITEM: dict[str, Any] = {
    "code": "I2",
    "name": "对未按规定设置禁烟标识的处罚",
    "category": "penalty",
    "basis": ["kyt-28"],
    "field": "卫生健康",
}
I3_ITEM: dict[str, Any] = {
    "code": "I3",
    "name": "公共场所卫生检查",
    "category": "inspection",
    "basis": ["kyt-28"],
    "field": "卫生健康",
}
ITEMS: list[dict[str, Any]] = [
    {
        "code": I1,
        "name": "对在禁止吸烟场所吸烟的处罚",
        "category": "penalty",
        "basis": ["kyt-28"],
        "field": "卫生健康",
    },
    I2_ITEM,
    I3_ITEM,
]
ASSIGN_ALL: dict[str, Any] = {**ASSIGN_WJW, "items": [I1, "I2", "I3"]}
AGREEMENT: dict[str, Any] = {
    "id": "agr",
    "title": "京冀毗邻地区卫生健康执法协作协议",
    "parties": ["dx-wjw", "ga-zf"],
    "fields": ["卫生健康"],
    "valid_from": "2020-01-01",
}


def of_kind(findings: list[Finding], kind: FindingKind) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# -- LIST_MISMATCH -------------------------------------------------------------------------------


def published(version: int, day: str, items: list[str]) -> dict[str, Any]:
    return {"unit": "dx-wjw", "version": version, "published": day, "items": items}


def test_the_latest_list_published_by_the_day_is_compared_with_the_held_items() -> None:
    lists = [
        published(1, "2019-01-01", [I1, "I2", "I3"]),  # right until the delegation... and after
        published(2, "2020-01-01", [I1, "I2"]),  # leaves I3 out
        published(3, "2022-01-01", [I1, "I2", "I3"]),  # not yet published on 2021-01-01
    ]
    p = Projection(dataset([ASSIGN_ALL], items=ITEMS, published_lists=lists))
    [mismatch] = of_kind(p.findings(D2021), FindingKind.LIST_MISMATCH)
    assert (mismatch.units, mismatch.missing_items, mismatch.extra_items) == (
        ("dx-wjw",),
        ("I3",),
        (),
    )
    assert mismatch.acts == ("a-wjw",)
    assert mismatch.severity == Severity.MEDIUM
    assert (mismatch.routing.coordinator, mismatch.routing.coordinating_government) == (
        "dx-sfj",
        "dx-gov",
    )
    assert mismatch.summary == (
        "区卫生健康委2020年1月1日公示的第2版权力清单与依据决定推导的职权不一致：漏列1项，多列0项。"
    )
    assert of_kind(p.findings(date(2019, 6, 1)), FindingKind.LIST_MISMATCH) == []
    assert of_kind(p.findings(date(2022, 6, 1)), FindingKind.LIST_MISMATCH) == []


def test_an_item_delegated_away_must_leave_the_departments_list() -> None:
    """After 2020-07-01 the department only supervises I1 in 兴丰 but still holds it elsewhere;
    a town that received I1 and did not list it is missing it."""
    lists = [
        published(1, "2019-01-01", [I1]),
        {"unit": "xf", "version": 1, "published": "2020-08-01", "items": ["I2"]},
    ]
    p = Projection(dataset([ASSIGN_WJW, DELEGATE_XF], items=ITEMS, published_lists=lists))
    [mismatch] = of_kind(p.findings(D2021), FindingKind.LIST_MISMATCH)
    assert (mismatch.units, mismatch.missing_items, mismatch.extra_items) == (
        ("xf",),
        (I1,),
        ("I2",),
    )
    assert mismatch.acts == ("d-xf",)


# -- CROSS_BORDER --------------------------------------------------------------------------------


def test_border_places_without_an_agreement_for_the_field_are_one_finding_per_field() -> None:
    p = Projection(dataset([ASSIGN_ALL], items=ITEMS))
    [border] = of_kind(p.findings(D2021), FindingKind.CROSS_BORDER)
    assert border.items == (I1, "I2", "I3")
    assert border.item is None
    assert border.units == ("ga-zf",)
    # a district-level border fact: one finding for the district, never one per street
    assert border.places == (DX,)
    assert (border.routing.coordinator, border.routing.coordinating_government) == (
        "dx-sfj",
        "dx-gov",
    )
    assert border.severity == Severity.LOW
    assert border.summary.startswith(
        "大兴区与固安县接壤（区县级接壤信息），但“卫生健康”领域的3项职权"
    )
    assert border.summary.endswith("尚无与固安县综合行政执法局签订的有效执法协作协议。")


def test_an_agreement_covering_the_field_on_the_day_clears_it() -> None:
    p = Projection(dataset([ASSIGN_ALL], items=ITEMS, agreements=[AGREEMENT]))
    assert of_kind(p.findings(D2021), FindingKind.CROSS_BORDER) == []
    [before] = of_kind(p.findings(date(2019, 6, 1)), FindingKind.CROSS_BORDER)
    assert before.places == (DX,)


def test_an_agreement_naming_one_item_leaves_the_others_of_the_field() -> None:
    one_item = {**AGREEMENT, "fields": [], "items": ["I3"]}
    p = Projection(dataset([ASSIGN_ALL], items=ITEMS, agreements=[one_item]))
    [border] = of_kind(p.findings(D2021), FindingKind.CROSS_BORDER)
    assert border.items == (I1, "I2")


def test_items_without_a_field_or_not_in_force_need_no_agreement() -> None:
    no_field = [{**i, "field": None} for i in ITEMS]
    assert (
        of_kind(projection([ASSIGN_ALL], items=no_field).findings(D2021), FindingKind.CROSS_BORDER)
        == []
    )
    cancel = {
        "id": "c",
        "kind": "cancel",
        "doc": "dxf",
        "effective": "2020-01-01",
        "items": [I1, "I2", "I3"],
    }
    p = projection([ASSIGN_ALL, cancel], items=ITEMS)
    assert p.findings(D2021) == []


def test_a_partner_region_of_the_same_province_is_no_border() -> None:
    """固安县 re-homed under 北京市 for the sake of the test: no provincial border, no finding."""
    from .world import REGIONS

    regions = [dict(r, parent="110000") if r["code"] == GA else r for r in REGIONS]
    doc = dataset([ASSIGN_ALL], items=ITEMS).model_dump(by_alias=True)
    doc["regions"] = regions
    p = Projection(type(dataset([])).model_validate(doc))
    assert of_kind(p.findings(D2021), FindingKind.CROSS_BORDER) == []


# -- EVALUATION_DUE ------------------------------------------------------------------------------


def test_a_penalty_delegation_to_a_street_is_due_for_evaluation_after_two_years() -> None:
    p = projection([ASSIGN_WJW, DELEGATE_XF], items=ITEMS)
    assert of_kind(p.findings(date(2022, 6, 30)), FindingKind.EVALUATION_DUE) == []
    [due] = of_kind(p.findings(date(2022, 7, 1)), FindingKind.EVALUATION_DUE)
    assert (due.acts, due.units, due.items, due.places) == (
        ("d-xf",),
        ("dx-wjw", "xf"),
        (I1,),
        (XF,),
    )
    assert (due.routing.coordinator, due.severity) == ("dx-sfj", Severity.MEDIUM)
    assert due.summary == (
        f"京政发〔2020〕9号《{p.dataset.laws[2].title}》自2020年7月1日起将"
        f"“{p.dataset.items[0].name}”由区卫生健康委下放至兴丰街道办事处行使。"
        "《中华人民共和国行政处罚法》第二十四条要求对下放的行政处罚权定期组织评估；"
        "按本系统设定的评估周期（730日），自生效之日（2020年7月1日）起应于2022年7月1日前"
        "完成评估，截至2022年7月1日尚无评估记录。"
    )
    assert "d-xf" not in due.summary


def test_an_evaluation_restarts_the_period_and_the_period_is_configurable() -> None:
    evaluated = {**DELEGATE_XF, "evaluated": ["2022-03-01"]}
    p = projection([ASSIGN_WJW, evaluated], items=ITEMS)
    assert of_kind(p.findings(date(2023, 6, 1)), FindingKind.EVALUATION_DUE) == []
    [due] = of_kind(p.findings(date(2024, 3, 1)), FindingKind.EVALUATION_DUE)
    assert "上次评估之日（2022年3月1日）" in due.summary
    yearly = Projection(dataset([ASSIGN_WJW, evaluated], items=ITEMS), evaluation_period_days=365)
    assert of_kind(yearly.findings(date(2023, 3, 1)), FindingKind.EVALUATION_DUE) != []


def test_no_evaluation_is_due_for_a_revoked_or_non_penalty_delegation() -> None:
    revoke = {
        "id": "r",
        "kind": "revoke",
        "effective": "2021-06-01",
        "items": [I1],
        "from": "dx-wjw",
        "to": ["xf"],
    }
    p = projection([ASSIGN_WJW, DELEGATE_XF, revoke], items=ITEMS)
    assert of_kind(p.findings(date(2023, 1, 1)), FindingKind.EVALUATION_DUE) == []
    inspection = {**DELEGATE_XF, "items": ["I3"], "basis": []}
    p = projection([{**ASSIGN_WJW, "items": ["I3"]}, inspection], items=ITEMS)
    assert of_kind(p.findings(date(2023, 1, 1)), FindingKind.EVALUATION_DUE) == []
