"""The exported 区城管执法局 list imports back as no change; bad files are refused whole."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from graph_service.domain.errors import NotFoundError, ValidationError
from graph_service.engine.projection import Projection
from graph_service.service.spreadsheets import (
    ListFormat,
    list_rows,
    preview_list_import,
    read_bytes,
    render_list,
)

from . import workbooks

DAY = date(2025, 6, 30)
UNIT = "dx-cgzf"  # seed/daxing/units.yaml: 北京市大兴区城市管理综合行政执法局 (区城管执法局)


@pytest.mark.parametrize("fmt", list(ListFormat))
def test_the_exported_list_imports_back_as_an_empty_change(
    daxing: Projection, fmt: ListFormat
) -> None:
    exported = render_list(daxing, "区城管执法局", fmt, DAY)
    held = {entry.item for entry in daxing.power_list(UNIT, DAY)}
    assert exported.rows == len(held) > 0
    name = f"区城管执法局.{fmt.value}"
    result = preview_list_import(
        daxing, read_bytes(exported.content, name), file=name, unit=UNIT, as_of=DAY
    )
    assert result.plan.empty
    assert result.preview is None
    assert sorted(result.plan.unchanged_items) == sorted(held)
    assert result.plan.not_listed == []


def test_the_xlsx_has_a_title_a_styled_frozen_header_text_codes_and_derived_columns(
    daxing: Projection,
) -> None:
    book = load_workbook(io.BytesIO(render_list(daxing, UNIT, ListFormat.XLSX, DAY).content))
    ws = book["权力清单"]
    assert ws["A1"].value == "北京市大兴区城市管理综合行政执法局权力清单（2025年6月30日）"
    header = [cell.value for cell in ws[2]]
    assert header[:6] == ["序号", "事项编码", "事项名称", "子项", "职权类别", "设定依据"]
    assert header[-7:] == [
        "职权角色",
        "取得方式",
        "行使范围",
        "划出区域",
        "起始日期",
        "终止日期",
        "依据决定",
    ]
    assert ws.freeze_panes == "C3"
    assert ws["B2"].font.bold
    assert ws["B2"].fill.start_color.rgb.endswith("DDEBF7")
    assert ws.column_dimensions["C"].width == 40
    rows = {
        row[1]: dict(zip(header, row, strict=True)) for row in ws.iter_rows(3, values_only=True)
    }
    assert ws["B3"].number_format == "@"
    # SEED-CF-001 was delegated to the streets and towns by 京政发〔2020〕9号 (from 2020-07-01):
    # the bureau keeps it elsewhere in the district and supervises it there, the streets and
    # towns are carved out of its own holding, and the delegating act is named
    delegated = rows["SEED-CF-001"]
    assert delegated["职权角色"] == "主体、指导监督"
    assert delegated["设定依据"] == "《北京市市容环境卫生条例》第三十五条"
    assert "兴丰街道" in str(delegated["划出区域"])
    assert "（京政发〔2020〕9号）" in str(delegated["依据决定"])


def test_an_unknown_published_version_is_not_found(daxing: Projection) -> None:
    with pytest.raises(NotFoundError, match="unknown published list 'dx-cgzf@1'"):
        list_rows(daxing, UNIT, version=1)


def refused(daxing: Projection, data: bytes, name: str) -> list[str]:
    before = daxing.dataset
    with pytest.raises(ValidationError) as error:
        preview_list_import(daxing, read_bytes(data, name), file=name, unit=UNIT, as_of=DAY)
    assert daxing.dataset is before
    return [f"{p.path}：{p.message}" for p in error.value.problems]


def test_not_a_spreadsheet(daxing: Projection) -> None:
    assert refused(daxing, b"\x89PNG\r\n\x1a\n" + bytes(200), "清单.xlsx") == [
        "清单.xlsx：不是有效的 Excel 文件，无法读取"
    ]
    assert refused(daxing, b"<html></html>", "清单.pdf") == [
        "清单.pdf：不支持的文件类型“.pdf”，请使用 XLSX、XLS 或 CSV"
    ]


def test_empty_files(daxing: Projection) -> None:
    assert refused(daxing, b"", "清单.csv") == ["清单.csv：文件为空"]
    assert refused(daxing, workbooks.with_rows([], header=["说明"]), "清单.xlsx") == [
        "清单.xlsx：未找到表头：没有一行同时列出“事项名称”和其他清单列"
    ]


def test_a_header_missing_the_item_name(daxing: Projection) -> None:
    data = workbooks.with_rows([[1, "X-1", "处罚"]], header=["序号", "事项编码", "职权类别"])
    assert refused(daxing, data, "清单.xlsx") == [
        "清单.xlsx 第2行：表头缺少“事项名称”列（已识别：事项编码、序号、职权类别）"
    ]


def test_duplicate_codes(daxing: Projection) -> None:
    rows: list[list[object]] = [
        [1, "X-1", "事项一", "处罚", "《北京市市容环境卫生条例》第41条"],
        [2, "X-1", "事项二", "处罚", "《北京市市容环境卫生条例》第41条"],
    ]
    assert refused(daxing, workbooks.with_rows(rows), "清单.xlsx") == [
        "清单.xlsx 第4行 事项编码：“X-1”与第3行重复"
    ]


def test_ten_thousand_columns(daxing: Projection) -> None:
    assert refused(daxing, workbooks.wide(10_000), "清单.xlsx") == [
        "清单.xlsx：工作表“Sheet”有10000列，超过200列上限"
    ]
    wide_csv = (",".join(["事项名称", *(f"列{i}" for i in range(9_999))]) + "\n").encode()
    assert refused(daxing, wide_csv, "清单.csv") == [
        "清单.csv：工作表“清单”有10000列，超过200列上限"
    ]


def test_csv_in_another_encoding(daxing: Projection) -> None:
    assert refused(daxing, "事项名称\n".encode("utf-16"), "清单.csv") == [
        "清单.csv：CSV 文件为 UTF-16 编码，请另存为 UTF-8 或 GB18030"
    ]
    assert refused(daxing, "name,caf\xe9\n".encode("latin-1"), "清单.csv") == [
        "清单.csv：无法识别 CSV 文件编码，请另存为 UTF-8 或 GB18030"
    ]
