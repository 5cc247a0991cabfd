"""The power-list benchmark runs (at 50 rows, only to keep it working; figures are not checked)."""

from __future__ import annotations

from benchmarks import power_lists


def test_the_power_list_benchmark_runs() -> None:
    rows = power_lists.run(50, repeats=1)
    assert next(row.name for row in rows) == "import 50-row XLSX → previewed change"
    assert all(row.value is not None and row.value > 0 for row in rows)
