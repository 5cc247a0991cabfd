"""Real layouts imported against the Daxing seed; the expected plans are written out by hand.

Seed facts used: 区城管执法局 is ``dx-cgzf``; 北京市市容环境卫生条例 is ``bj-srhjws`` with
article-level provisions ``bj-srhjws-a35``/``-a36``/``-a41``; 行政处罚法 is ``cn-xzcf`` with
``cn-xzcf-a20``/``-a24``; SEED-CF-002 exists and dx-cgzf holds it on 2025-07-01 (as SUPERVISOR
since the 2020 delegation).
"""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.enums import ActKind, Category, LawLevel, Review
from graph_service.domain.errors import ValidationError
from graph_service.engine.answers import FindingKind
from graph_service.engine.projection import Projection
from graph_service.service.spreadsheets import ListImport, preview_list_import, read_bytes

from . import workbooks

DAY = date(2025, 7, 1)


def imported(projection: Projection, data: bytes, name: str, **options: object) -> ListImport:
    return preview_list_import(
        projection,
        read_bytes(data, name),
        file=name,
        unit="区城管执法局",
        as_of=DAY,
        **options,  # type: ignore[arg-type]
    )


def test_title_rows_merged_category_synonyms_and_full_width_codes(daxing: Projection) -> None:
    before = daxing.dataset
    result = imported(daxing, workbooks.titled_with_merged_category(), "权力清单.xlsx")
    plan = result.plan
    assert (plan.new_items, plan.updated_items, plan.unchanged_items) == (
        ["01234", "X-NEW-3"],
        [],
        ["SEED-CF-002"],
    )
    items = {item.code: item for item in plan.upserts.items}
    first, third = items["01234"], items["X-NEW-3"]
    # full-width code folded, stray spaces gone, the merged 权力类别 cell reaches rows 5 and 6
    assert (first.name, first.category, first.basis) == (
        "对在城市道路上乱倒垃圾的处罚",
        Category.PENALTY,
        ["bj-srhjws-a35-p1"],
    )
    # a 子项 is the matter itself; its 主项 is kept in the note
    assert (third.name, third.category, third.basis, third.note) == (
        "对擅自设置户外广告设施的处罚",
        Category.PENALTY,
        ["cn-xzcf-a24", "bj-srhjws-a36"],
        "主项：对违反户外广告管理规定的处罚",
    )
    [provision] = plan.upserts.provisions
    assert (provision.id, provision.law, provision.article) == (
        "bj-srhjws-a35-p1",
        "bj-srhjws",
        "第35条 第1款",
    )
    [act] = plan.upserts.acts
    assert (act.kind, act.to, act.items, act.effective, act.review) == (
        ActKind.ASSIGN,
        ["dx-cgzf"],
        ["01234", "X-NEW-3"],
        DAY,
        Review.PENDING,
    )
    assert plan.warnings == [
        "未识别、未导入的列：工作表“行政处罚”的“责任处室”列",
        "已识别但本服务不保存的列：备注",
    ]
    # previewed like an act: the pending review is what appears, and the new items have no
    # holder until it is approved (GAP); nothing was applied
    assert result.preview is not None
    kinds = {f.kind for f in result.preview.appeared}
    assert kinds == {FindingKind.UNREVIEWED_ACT, FindingKind.GAP}
    assert daxing.dataset is before


def test_two_sheets_and_a_section_heading_giving_the_category(daxing: Projection) -> None:
    plan = imported(daxing, workbooks.two_sheets(), "两表.xlsx").plan
    items = {item.code: (item.category, item.basis) for item in plan.upserts.items}
    assert items == {
        "X-LIC-1": (Category.LICENSE, ["bj-srhjws-a41"]),
        "X-COE-1": (Category.COERCION, ["cn-xzcf-a20"]),
        "X-COE-2": (Category.COERCION, ["cn-xzcf-a24-p1-i2"]),
    }
    assert plan.warnings == ["两表.xlsx 工作表“强制” 第2行（一、行政强制措施）不是事项行，未导入"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_csv_in_gb18030_and_utf8_with_or_without_bom(daxing: Projection, encoding: str) -> None:
    data = workbooks.gb18030_csv().decode("gb18030").encode(encoding)
    plan = imported(daxing, data, "清单.csv").plan
    assert (plan.new_items, plan.unchanged_items) == (["X-CSV-1"], ["SEED-CF-002"])
    [item] = plan.upserts.items
    assert (item.name, item.category, item.basis) == (
        "对在公共场所吸烟的处罚",
        Category.OTHER,
        ["bj-srhjws-a36"],
    )


def test_xls_with_a_merged_category(daxing: Projection) -> None:
    plan = imported(daxing, workbooks.xls_with_merged_category(), "旧清单.xls").plan
    assert [(i.code, i.category, i.basis) for i in plan.upserts.items] == [
        ("X-XLS-1", Category.PENALTY, ["bj-srhjws-a41"]),
        ("X-XLS-2", Category.PENALTY, ["bj-srhjws-a41"]),
    ]


def test_a_malformed_basis_and_an_unknown_law_name_sheet_row_and_column(
    daxing: Projection,
) -> None:
    rows: list[list[object]] = [
        [n, f"X-{n}", f"事项{n}", "处罚", "《北京市市容环境卫生条例》第41条"] for n in range(1, 9)
    ]
    rows.append([9, "X-9", "事项9", "处罚", "《北京市市容环境卫生条例》"])
    rows.append([10, "X-10", "事项10", "处罚", "《北京市某某条例》第十条"])  # row 12
    with pytest.raises(ValidationError) as refused:
        imported(daxing, workbooks.with_rows(rows), "权力清单.xlsx")
    assert [f"{p.path}：{p.message}" for p in refused.value.problems] == [
        "权力清单.xlsx 第11行 设定依据：《北京市市容环境卫生条例》未写明条款（应写明“第X条”）",
        "权力清单.xlsx 第12行 设定依据：未找到法规《北京市某某条例》",
    ]


def test_create_laws_makes_a_law_marked_for_review(daxing: Projection) -> None:
    rows: list[list[object]] = [[1, "X-1", "事项1", "处罚", "《北京市某某条例》第十条第二款"]]
    plan = imported(daxing, workbooks.with_rows(rows), "清单.xlsx", create_laws=True).plan
    [law] = plan.upserts.laws
    assert (law.title, law.level, law.illustrative) == (
        "北京市某某条例",
        LawLevel.LOCAL_REGULATION,
        False,
    )
    assert law.note is not None
    assert "待核实" in law.note
    [provision] = plan.upserts.provisions
    assert (provision.law, provision.article, provision.id) == (
        law.id,
        "第10条 第2款",
        f"{law.id}-a10-p2",
    )
    assert plan.new_laws == [law.id]


def test_published_makes_the_next_list_version_instead_of_an_act(daxing: Projection) -> None:
    result = imported(
        daxing, workbooks.titled_with_merged_category(), "权力清单.xlsx", published=True
    )
    assert result.plan.upserts.acts == []
    [listed] = result.plan.upserts.published_lists
    assert (listed.unit, listed.version, listed.published, listed.items) == (
        "dx-cgzf",
        1,
        DAY,
        ["01234", "SEED-CF-002", "X-NEW-3"],
    )
    assert result.preview is not None
    assert FindingKind.LIST_MISMATCH in {f.kind for f in result.preview.appeared}


def test_the_document_is_found_by_its_number(daxing: Projection) -> None:
    data = workbooks.gb18030_csv()
    plan = imported(daxing, data, "清单.csv", doc="京政发〔2020〕9号").plan
    assert [act.doc for act in plan.upserts.acts] == ["jzf-2020-9"]
    with pytest.raises(ValidationError) as refused:
        imported(daxing, data, "清单.csv", doc="京政发〔2099〕1号")
    assert [str(p) for p in refused.value.problems] == ["doc: 未找到文件“京政发〔2099〕1号”"]


def test_another_implementing_unit_is_reported_once_with_its_rows(daxing: Projection) -> None:
    rows: list[list[object]] = [
        [n, f"X-{n}", f"事项{n}", "处罚", "《北京市市容环境卫生条例》第41条", "区市场监管局"]
        for n in (1, 2)
    ]
    header = ["序号", "事项编码", "事项名称", "职权类别", "设定依据", "实施主体"]
    plan = imported(daxing, workbooks.with_rows(rows, header), "清单.xlsx").plan
    assert plan.warnings == ["实施主体“区市场监管局”与导入单位不一致（第3、4行）"]
