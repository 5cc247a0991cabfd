"""``python -m benchmarks [--scale beijing|small] [--seed N] [--queries N]``: one run, one table."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from graph_service.service.synth import SCALES

from .rows import format_table
from .suite import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="beijing")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--queries", type=int, default=20_000, help="jurisdiction queries")
    args = parser.parse_args(argv)

    def progress(step: str) -> None:
        print(f"… {step}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="graph-service-bench-") as tmp:
        report = run(
            SCALES[args.scale],
            args.seed,
            queries=args.queries,
            workdir=Path(tmp),
            progress=progress,
        )
    print(f"Benchmarks ({report.title}), Python {sys.version.split()[0]}")
    print(format_table(report.rows))
    for note in report.notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
