"""From the cells of each sheet to the rows of a power list, as 编办 lay them out.

The header is the first row (among the first ``HEADER_SEARCH``) that names 事项名称 and at least one
other known column, so title rows and notes above it are skipped. Cells merged down several rows
(a category spanning its items) give every row their value; a row merged across (a section heading
such as ``一、行政处罚``) sets the category of the rows below it that leave it empty. Every problem
names the file, the sheet (when the workbook has several), the row and the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph_service.domain.enums import Category
from graph_service.domain.errors import Problem

from .columns import Column, category_of, column_of, compact

HEADER_SEARCH = 30


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet's cells as text from A1; ``merged`` ranges as (first row, first column, last
    row, last column), 0-based and inclusive."""

    sheet: str
    cells: list[list[str]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the file, printed as 编办 read it: ``权力清单.xlsx 工作表“处罚” 第12行``."""

    file: str
    sheet: str | None
    row: int  # 1-based, as the spreadsheet shows it

    def at(self, column: str | None = None) -> str:
        sheet = f" 工作表“{self.sheet}”" if self.sheet else ""
        return f"{self.file}{sheet} 第{self.row}行" + (f" {column}" if column else "")


@dataclass(frozen=True, slots=True)
class ListRow:
    where: Where
    values: dict[Column, str]
    section: Category | None = None  # the category of the section heading above it

    def get(self, column: Column) -> str:
        return self.values.get(column, "")


@dataclass(slots=True)
class ListTable:
    rows: list[ListRow] = field(default_factory=list)
    columns: set[Column] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)  # 工作表“X”的“Y”列
    skipped: list[str] = field(default_factory=list)  # sheets and rows that are not items


def read_table(file: str, grids: list[Grid]) -> tuple[ListTable, list[Problem]]:
    """The item rows of every sheet that has a header, and the problems found on the way."""
    table, problems = ListTable(), []
    several = len(grids) > 1
    for grid in grids:
        problems += _read_sheet(file, grid, several, table)
    if not table.columns and not problems:
        problems.append(Problem(file, "未找到表头：没有一行同时列出“事项名称”和其他清单列"))
    return table, problems


def _read_sheet(file: str, grid: Grid, several: bool, table: ListTable) -> list[Problem]:
    sheet = grid.sheet if several else None
    if not any(any(cell.strip() for cell in row) for row in grid.cells):
        if several:
            table.skipped.append(f"工作表“{grid.sheet}”为空")
        return []
    header_at, header, near = _find_header(grid.cells)
    if header is None:
        if near is not None:
            found = "、".join(sorted({c.value for c in near[1].values()}))
            where = Where(file, sheet, near[0] + 1)
            return [Problem(where.at(), f"表头缺少“事项名称”列（已识别：{found}）")]
        table.skipped.append(f"工作表“{grid.sheet}”未找到表头，未导入")
        return []
    problems = _check_header(file, sheet, grid, header_at, header, table)
    cells = _filled(grid, header_at)
    section: Category | None = None
    name_header = next(
        h for i, h in _headers(grid.cells[header_at]) if header.get(i) == Column.NAME
    )
    for offset, row in enumerate(cells[header_at + 1 :], start=header_at + 1):
        where = Where(file, sheet, offset + 1)
        values = _values(row, header)
        if not any(values.values()):
            continue
        if not values.get(Column.NAME):
            if values.get(Column.CODE):
                problems.append(Problem(where.at(Column.NAME), "未填写"))
                continue
            heading = " ".join(dict.fromkeys(cell.strip() for cell in row if cell.strip()))
            section = category_of(heading) or section
            table.skipped.append(f"{where.at()}（{heading[:40]}）不是事项行，未导入")
            continue
        if compact(values[Column.NAME]) == compact(name_header):
            continue  # the header repeated on a new page
        table.rows.append(ListRow(where, values, section))
    return problems


def _headers(row: list[str]) -> list[tuple[int, str]]:
    return [(i, cell) for i, cell in enumerate(row) if cell.strip()]


def _find_header(
    cells: list[list[str]],
) -> tuple[int, dict[int, Column] | None, tuple[int, dict[int, Column]] | None]:
    near: tuple[int, dict[int, Column]] | None = None
    for at, row in enumerate(cells[:HEADER_SEARCH]):
        mapped = {i: c for i, text in _headers(row) if (c := column_of(text)) is not None}
        if Column.NAME in mapped.values() and len(mapped) >= 2:
            return at, mapped, None
        if len(mapped) >= 2 and near is None:
            near = (at, mapped)
    return 0, None, near


def _check_header(
    file: str, sheet: str | None, grid: Grid, at: int, header: dict[int, Column], table: ListTable
) -> list[Problem]:
    problems: list[Problem] = []
    where = Where(file, sheet, at + 1)
    seen: dict[Column, str] = {}
    for i, text in _headers(grid.cells[at]):
        column = header.get(i)
        if column is None:
            table.unknown.append(f"工作表“{grid.sheet}”的“{text.strip()}”列")
        elif column in seen and column is not Column.BASIS:
            problems.append(Problem(where.at(text.strip()), f"与“{seen[column]}”列重复"))
        else:
            seen[column] = text.strip()
            table.columns.add(column)
    return problems


def _filled(grid: Grid, header_at: int) -> list[list[str]]:
    """The cells with every range merged down (over two or more rows) filled with its value."""
    cells = [list(row) for row in grid.cells]
    for top, left, bottom, right in grid.merged:
        if bottom <= top or top <= header_at or top >= len(cells):
            continue
        value = cells[top][left] if left < len(cells[top]) else ""
        for r in range(top, min(bottom, len(cells) - 1) + 1):
            row = cells[r]
            for c in range(left, right + 1):
                if c < len(row):
                    row[c] = value if c == left else ""
    return cells


def _values(row: list[str], header: dict[int, Column]) -> dict[Column, str]:
    values: dict[Column, str] = {}
    for i, column in header.items():
        text = _clean(row[i]) if i < len(row) else ""
        if column is Column.BASIS and values.get(column) and text:
            text = f"{values[column]}；{text}"
        if text or column not in values:
            values[column] = text
    if values.get(Column.CODE):
        values[Column.CODE] = compact(values[Column.CODE])
    return values


def _clean(text: str) -> str:
    """Stray spaces gone: ends stripped, full-width spaces and line breaks as single spaces."""
    return re.sub(r"[\s\u3000]+", " ", text).strip()
