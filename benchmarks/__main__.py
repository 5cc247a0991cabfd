"""``python -m benchmarks [--scale beijing|small] [--seed N] [--queries N]``: one run, one table.

``python -m benchmarks writes …``: the change log's write figures, end to end (``writes.py``).
``python -m benchmarks http …``: the service over HTTP against graphql-core and bare Starlette
(``over_http/``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from seed.synth.dataset import SCALES

from .rows import format_table
from .suite import run


def main(argv: list[str] | None = None) -> int:
    args_given = sys.argv[1:] if argv is None else argv
    if args_given[:1] == ["writes"]:
        from .writes import main as writes

        return writes(args_given[1:])
    if args_given[:1] == ["http"]:
        from .over_http import main as http

        return http(args_given[1:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="beijing")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--queries", type=int, default=20_000, help="jurisdiction queries")
    args = parser.parse_args(args_given)

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
