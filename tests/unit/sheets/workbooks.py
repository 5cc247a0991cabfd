"""Power-list files in the layouts 编办 really use, generated in memory for the tests.

Each builder returns the file's bytes; what the import should make of them is written out by hand
in the tests. Codes, names and citations are chosen against the Daxing seed: SEED-CF-002 exists
(对临街商业… , 《北京市市容环境卫生条例》第35条); the law 北京市市容环境卫生条例 is ``bj-srhjws``.
"""

from __future__ import annotations

import io

import xlwt
from openpyxl import Workbook

UNIT = "dx-cgzf"
EXISTING_NAME = "对临街商业、饮食业经营者超出门窗进行店外经营的处罚"


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def titled_with_merged_category() -> bytes:
    """One sheet: a merged title row, a note, then the header (row 3) with spaced and synonym
    names and an unknown column; the 权力类别 cell of rows 4-6 is one merged cell."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "行政处罚"
    ws.append(["北京市大兴区城市管理综合行政执法局权力清单"])
    ws.merge_cells("A1:I1")
    ws.append(["注：本清单经区委编办审核，自2025年7月1日起公布施行。"])
    ws.append(
        [
            "序 号",
            "权力编码",
            "权力名称",
            "子项",
            "权力类别",
            "设定依据",
            "行使主体",
            "备注",
            "责任处室",
        ]
    )
    ws.append(
        [
            1,
            "０１２３４",
            "  对在城市道路上乱倒垃圾的处罚 ",
            None,
            "行政处罚",
            "《北京市市容环境卫生条例》第三十五条第一款",
            "区城管执法局",
            "",
            "市容科",
        ]
    )
    ws.append(
        [
            2,
            "SEED-CF-002",
            EXISTING_NAME,
            None,
            None,
            "《北京市市容环境卫生条例》第35条",
            "北京市大兴区城市管理综合行政执法局",
            None,
            "市容科",
        ]
    )
    ws.append(
        [
            3,
            "X-NEW-3",
            "对违反户外广告管理规定的处罚",
            "对擅自设置户外广告设施的处罚",
            None,
            "【中华人民共和国行政处罚法】第二十四条；（北京市市容环境卫生条例）第三十六条",
            "区城管执法局",
            None,
            "广告科",
        ]
    )
    ws.merge_cells("E4:E6")
    return _save(book)


def two_sheets() -> bytes:
    """Two sheets with different headers; the second has a section heading merged across
    (一、行政强制措施) that gives its rows their category, and a blank row."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "许可"
    first.append(["事项编码", "事项名称", "职权类别", "法律依据"])
    first.append(["X-LIC-1", "户外广告设施设置审批", "许可", "北京市市容环境卫生条例第四十一条"])
    second = book.create_sheet("强制")
    second.append(["序号", "职权编码", "职权名称", "事项类型", "实施依据"])
    second.append(["一、行政强制措施"])
    second.merge_cells("A2:E2")
    second.append([1, "X-COE-1", "查封违法使用的场所", None, "《中华人民共和国行政处罚法》第20条"])
    second.append([])
    second.append(
        [2, "X-COE-2", "扣押违法物品", "", "《中华人民共和国行政处罚法》第二十四条第一款第二项"]
    )
    return _save(book)


def gb18030_csv() -> bytes:
    text = (
        "事项编码,事项名称,职权类别,设定依据\r\n"
        "X-CSV-1,对在公共场所吸烟的处罚,其他行政权力,《北京市市容环境卫生条例》第三十六条\r\n"
        f"SEED-CF-002,{EXISTING_NAME},行政处罚,\r\n"
    )
    return text.encode("gb18030")


def xls_with_merged_category() -> bytes:
    """The old binary format (xlwt): a merged title row, the header, a category merged down."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单")
    sheet.write_merge(0, 0, 0, 3, "权力清单")
    for col, name in enumerate(["事项编码", "事项名称", "职权类别", "设定依据"]):
        sheet.write(1, col, name)
    sheet.write(2, 0, "X-XLS-1")
    sheet.write(2, 1, "对乱涂乱画的处罚")
    sheet.write(2, 3, "《北京市市容环境卫生条例》第41条")
    sheet.write(3, 0, "X-XLS-2")
    sheet.write(3, 1, "对乱贴小广告的处罚")
    sheet.write(3, 3, "《北京市市容环境卫生条例》第41条")
    sheet.write_merge(2, 3, 2, 2, "行政处罚")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_rows(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    """A sheet with a title row, the header in row 2 and ``rows`` from row 3."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["权力清单"])
    ws.append(header or ["序号", "事项编码", "事项名称", "职权类别", "设定依据"])
    for row in rows:
        ws.append(row)
    return _save(book)


def wide(columns: int) -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["事项名称", "事项编码", *(f"列{i}" for i in range(columns - 2))])
    return _save(book)
