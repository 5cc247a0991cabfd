"""Reading a power-list file into grids of text: XLSX and XLS with python-calamine, CSV by hand.

calamine reads both Excel formats fast and reports merged ranges, so openpyxl is only used to write.
Numbers come back as floats: a whole number is written without ``.0`` (item codes are text). CSV is
decoded as UTF-8 (with or without BOM), else GB18030; anything else is refused by name. Files past
the limits below are refused before their cells are read.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

from python_calamine import CalamineWorkbook

from graph_service.domain.errors import Problem, ValidationError
from graph_service.engine.sheets.table import Grid

EXCEL = frozenset({".xlsx", ".xlsm", ".xls"})
SUPPORTED = EXCEL | {".csv"}
MAX_BYTES = 20 * 1024 * 1024
MAX_COLUMNS = 200
MAX_ROWS = 100_000


def read_file(path: Path) -> list[Grid]:
    """The grids of ``path``; ``ValidationError`` (in Chinese, naming the file) if unreadable."""
    if path.suffix.lower() not in SUPPORTED:
        raise _refused(
            path.name, f"不支持的文件类型“{path.suffix or '无扩展名'}”，请使用 XLSX、XLS 或 CSV"
        )
    if path.stat().st_size > MAX_BYTES:
        raise _refused(path.name, f"文件超过{MAX_BYTES // 1024 // 1024}MB上限")
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(data: bytes, filename: str) -> list[Grid]:
    """The grids of a file's content; ``filename`` gives its type and names it in problems."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED:
        raise _refused(
            filename, f"不支持的文件类型“{suffix or '无扩展名'}”，请使用 XLSX、XLS 或 CSV"
        )
    if not data.strip():
        raise _refused(filename, "文件为空")
    if len(data) > MAX_BYTES:
        raise _refused(filename, f"文件超过{MAX_BYTES // 1024 // 1024}MB上限")
    grids = _read_csv(data, filename) if suffix == ".csv" else _read_excel(data, filename)
    for grid in grids:
        width = max((len(row) for row in grid.cells), default=0)
        if width > MAX_COLUMNS:
            raise _refused(filename, _too_many(grid.sheet, width, "列", MAX_COLUMNS))
    return grids


def _too_many(sheet: str, count: int, what: str, limit: int) -> str:
    return f"工作表“{sheet}”有{count}{what}，超过{limit}{what}上限"


def _refused(filename: str, message: str) -> ValidationError:
    return ValidationError([Problem(filename, message)], "权力清单未导入")


def _read_excel(data: bytes, filename: str) -> list[Grid]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises its own errors for every kind of unreadable file
        raise _refused(filename, "不是有效的 Excel 文件，无法读取") from None
    grids: list[Grid] = []
    try:
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            # ``end`` is the last used cell, 0-based; rows and columns are counted from A1
            last_row, last_column = sheet.end or (-1, -1)
            if last_column + 1 > MAX_COLUMNS:
                raise _refused(filename, _too_many(name, last_column + 1, "列", MAX_COLUMNS))
            if last_row + 1 > MAX_ROWS:
                raise _refused(filename, _too_many(name, last_row + 1, "行", MAX_ROWS))
            # From A1 (skip_empty_area=False), the coordinates merged ranges are given in.
            rows = sheet.to_python(skip_empty_area=False)
            cells = [[_text(value) for value in row] for row in rows]
            merged = [
                (top, left, bottom, right)
                for (top, left), (bottom, right) in sheet.merged_cell_ranges or []
            ]
            grids.append(Grid(name, cells, merged))
    except ValidationError:
        raise
    except Exception:
        raise _refused(filename, "Excel 文件已损坏，无法读取") from None
    finally:
        book.close()
    return grids


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _read_csv(data: bytes, filename: str) -> list[Grid]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refused(filename, "CSV 文件为 UTF-16 编码，请另存为 UTF-8 或 GB18030")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _refused(filename, "无法识别 CSV 文件编码，请另存为 UTF-8 或 GB18030")
    if "\x00" in text:
        raise _refused(filename, "不是文本格式的 CSV 文件")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        cells = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise _refused(filename, f"CSV 格式有误：{error}") from None
    if len(cells) > MAX_ROWS:
        raise _refused(filename, _too_many(Path(filename).stem, len(cells), "行", MAX_ROWS))
    return [Grid(Path(filename).stem, cells)]
