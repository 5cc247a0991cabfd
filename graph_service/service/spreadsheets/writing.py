"""Writing a power list as XLSX (openpyxl: a title row, a styled and frozen header, column widths,
codes stored as text) or as CSV (UTF-8 with a BOM, so that Excel opens it in Chinese)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from graph_service.engine.sheets.columns import Column
from graph_service.engine.sheets.export_rows import ListSheet

WIDTHS = {
    Column.SEQ: 6,
    Column.CODE: 16,
    Column.NAME: 40,
    Column.SUB: 20,
    Column.CATEGORY: 12,
    Column.BASIS: 48,
    Column.SUBJECT: 24,
    Column.SCOPES: 24,
    Column.CARVED_OUT: 30,
    Column.ACTS: 36,
}
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_THIN = Side(style="thin", color="808080")
_WRAP = Alignment(wrap_text=True, vertical="top")


def xlsx_bytes(sheet: ListSheet) -> bytes:
    """The list as an XLSX workbook: title in row 1, header in row 2 (frozen), items below."""
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = "权力清单"
    width = len(sheet.header)
    ws.append([sheet.title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([column.value for column in sheet.header])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    code_at = sheet.header.index(Column.CODE)
    for row in sheet.rows:
        ws.append(row)
        code = ws.cell(row=ws.max_row, column=code_at + 1)
        code.number_format = "@"  # item codes are text (leading zeros, long digit strings)
    for i, column in enumerate(sheet.header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(column, 14)
    for column in (Column.NAME, Column.BASIS, Column.ACTS):
        letter = get_column_letter(sheet.header.index(column) + 1)
        for cell in ws[letter][2:]:
            cell.alignment = _WRAP
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(width)}{max(ws.max_row, 2)}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(sheet: ListSheet) -> bytes:
    """The list as CSV: the header, then the items (no title row), UTF-8 with a BOM."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([column.value for column in sheet.header])
    writer.writerows(sheet.rows)
    return out.getvalue().encode("utf-8-sig")
