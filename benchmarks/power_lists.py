"""``python -m benchmarks.power_lists [--rows N]``: power-list spreadsheets in and out, one run.

Against the Daxing seed (the deployment's own graph): a generated 2,000-row 权力清单 for
区城管执法局, laid out as 编办 do (title row, merged category cells, citations in Chinese numerals,
some to paragraphs the seed does not have yet), is read and planned into a previewed change set;
the change is then applied, and the unit's list, now about 2,000 items, exported as XLSX and CSV
and imported back (an empty change). Each figure is timed ``--repeats`` times (nothing is written):
the median is set against the target, the first call is in the note.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from openpyxl import Workbook

from graph_service.domain.changes import ChangeSet
from graph_service.engine.projection import Projection
from graph_service.engine.sheets.numerals import to_numeral
from graph_service.service.dataset_files import read_dataset
from graph_service.service.spreadsheets import (
    ListFormat,
    ListImport,
    preview_list_import,
    read_bytes,
    render_list,
)
from seed import daxing_path

from .measure import timed
from .rows import Row, format_table

UNIT = "dx-cgzf"
DAY = date(2025, 7, 1)
IMPORT_TARGET_S, EXPORT_TARGET_S = 2.0, 1.0
REPEATS = 3  # as the suite times previews: the median against the target, the first in the note
T = TypeVar("T")
CATEGORIES = ["行政处罚", "行政强制", "行政检查", "行政许可", "其他行政权力"]
CITED = [  # laws of the seed, by title, with articles it has (and paragraphs it has not)
    ("北京市市容环境卫生条例", [35, 36, 41, 53, 55]),
    ("中华人民共和国大气污染防治法", [119]),
    ("北京市生活垃圾管理条例", [60, 63, 64]),
]


def generated_list(rows: int) -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["北京市大兴区城市管理综合行政执法局权力清单（测试）"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "权力编码", "权力名称", "权力类别", "设定依据", "行使主体", "承办机构"])
    for n in range(1, rows + 1):
        title, articles = CITED[n % len(CITED)]
        article = to_numeral(articles[n % len(articles)])
        basis = f"《{title}》第{article}条" + (f"第{to_numeral(n % 3 + 1)}款" if n % 4 == 0 else "")
        category = CATEGORIES[(n - 1) // 10 % len(CATEGORIES)] if n % 10 == 1 else None
        code, name = f"BENCH-{n:05d}", f"测试事项{n}"
        ws.append([n, code, name, category, basis, "区城管执法局", "执法科"])
        if n % 10 == 0:
            ws.merge_cells(f"D{n - 7}:D{n + 2}")  # one category cell per ten rows
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(rows: int, repeats: int = REPEATS) -> list[Row]:
    projection = Projection(read_dataset(daxing_path()))
    data = generated_list(rows)

    def import_it() -> ListImport:
        grids = read_bytes(data, "bench.xlsx")
        return preview_list_import(projection, grids, file="bench.xlsx", unit=UNIT, as_of=DAY)

    result, import_s = repeated(import_it, repeats)
    assert result.preview is not None
    assert len(result.plan.new_items) == rows
    projection.apply(ChangeSet(upserts=result.plan.upserts))
    xlsx, xlsx_s = repeated(lambda: render_list(projection, UNIT, ListFormat.XLSX, DAY), repeats)
    _, csv_s = repeated(lambda: render_list(projection, UNIT, ListFormat.CSV, DAY), repeats)

    def reimport() -> ListImport:
        grids = read_bytes(xlsx.content, "back.xlsx")
        return preview_list_import(projection, grids, file="back.xlsx", unit=UNIT, as_of=DAY)

    back, back_s = repeated(reimport, repeats)
    assert back.plan.empty
    listed = f"{xlsx.rows:,} rows"
    provisions = f"{len(result.plan.new_provisions)} new provisions"
    return [
        _row(f"import {rows:,}-row XLSX → previewed change", import_s, IMPORT_TARGET_S, provisions),
        _row("export list as XLSX", xlsx_s, EXPORT_TARGET_S, listed),
        _row("export list as CSV", csv_s, EXPORT_TARGET_S, listed),
        _row("re-import the exported XLSX (no change)", back_s, IMPORT_TARGET_S, listed),
    ]


def repeated(call: Callable[[], T], times: int) -> tuple[T, Timings]:
    """``call()``'s last result and the wall and CPU seconds of each of ``times`` calls."""
    timings = Timings([], [])
    for _ in range(times):
        cpu = time.process_time()
        result, took = timed(call)
        timings.wall.append(took)
        timings.cpu.append(time.process_time() - cpu)
    return result, timings


@dataclass(frozen=True, slots=True)
class Timings:
    wall: list[float]
    cpu: list[float]


def _row(name: str, timings: Timings, target: float, note: str) -> Row:
    """The median wall time against the target; the first call and the median CPU time (what a
    busy shared machine does not inflate) in the note."""
    first, cpu = timings.wall[0], statistics.median(timings.cpu)
    note = f"first {first:.2f} s, CPU {cpu:.2f} s; {note}"
    return Row(name, statistics.median(timings.wall), "s", target, note=note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.power_lists", description=__doc__)
    parser.add_argument("--rows", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args(argv)
    python = sys.version.split()[0]
    print(f"Power-list spreadsheets (Daxing seed + {args.rows:,} rows), Python {python}")
    print(format_table(run(args.rows, args.repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
