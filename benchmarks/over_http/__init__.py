"""``python -m benchmarks http``: how fast answers reach a client over HTTP (issue 15).

One run stands up, on this machine, three servers under the same uvicorn configuration, one
worker each, and loads them in turn, round after round (interleaved, so that a noisy neighbour
hits all three alike), from a load generator in its own process (``load.py``):

- **the service**: ``graph-service serve`` on the Daxing seed (``servers.py``);
- **the floor**: the same query run by bare graphql-core on the service's own schema and
  resolvers (``reference.py``): what the service could cost at best;
- **the ceiling**: a bare Starlette endpoint answering a fixed small JSON.

Figures (medians over the rounds, with their ranges, beside the targets): a small
``jurisdiction`` query with variables at 64 connections: throughput service/floor, p99 at
saturation and at equal load (open loop at the same rate for both), CPU per request (the server
process's CPU time over its requests); a repeated read answered from the service's caches against
the ceiling (when persisted documents exist); and on the synthetic Beijing dataset, the power list
of the unit holding most items: the first page over HTTP against the use case's own time in
process, the whole list over HTTP against the floor. ``--compare`` also runs ``serve`` as it was
before the serving-stack changes (h11, stdlib json, a log line per request) and on uvloop, at 64
and 256 connections (ADR 0013). The load average is printed at the start and the end.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..rows import format_table
from .run import CONNECTIONS, ROUNDS, SECONDS, Options, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks http", description=__doc__)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--seconds", type=float, default=SECONDS, help="per load run")
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--compare", action="store_true", help="also before/after and uvloop")
    parser.add_argument("--no-beijing", action="store_true", help="skip the power-list figures")
    args = parser.parse_args(argv)
    options = Options(
        rounds=args.rounds,
        seconds=args.seconds,
        connections=args.connections,
        compare=args.compare,
        beijing=not args.no_beijing,
    )

    def progress(step: str) -> None:
        print(f"… {step}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="graph-service-bench-http-") as tmp:
        report = run(options, Path(tmp), progress)
    print(f"Benchmarks ({report.title}), Python {sys.version.split()[0]}")
    print(format_table(report.rows))
    for note in report.notes:
        print(f"note: {note}")
    return 0
