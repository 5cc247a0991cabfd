"""``python -m benchmarks.backends [--scale beijing|small] [--seed N]``: both stores side by side.

The same synthetic dataset goes through the same steps on the embedded FalkorDB and on Neo4j 5
(the test server of ``tests/neo4j/``, started here on a free loopback port, heap 2 GB, page cache
512 MB), each step timed once:

0. warm-up, not timed: the small synthetic dataset written and read back (a fresh JVM interprets
   and compiles as it goes: Neo4j's first statements take seconds each);
1. write the whole dataset, replacing the warm-up: one ``replace`` change set (``apply``);
2. one-act write: a transfer of 5 items as one change set (the store's part of a write; the
   engine's part, ``Projection.apply``, is the same for both and measured by ``make bench``);
3. ``load_all`` on an open store: every record read back, page by page;
4. cold start to ready: what ``graph-service serve`` does before it accepts requests
   (``bootstrap.open_service``: open the store, ``load_all``, build the projection). For the
   embedded store that includes starting its server from its files; Neo4j is a server the
   service connects to, already running (its own start, empty, is printed in the notes).

One run, on demand (it takes minutes at Beijing scale); never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graph_service.bootstrap import open_service
from graph_service.config import Settings, StoreKind
from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.storage.port import GraphStore
from seed.synth.dataset import SCALES, synthesize
from tests import neo4j_server

from . import scenarios
from .rows import display_width

NEO4J_HEAP_MB = 2048
NEO4J_PAGE_CACHE_MB = 512
Progress = Callable[[str], None]


@dataclass(slots=True)
class Figures:
    """One backend's column: seconds per step, and what to say about it."""

    write: float = 0.0
    one_act: float = 0.0
    load_all: float = 0.0
    cold_start: float = 0.0
    notes: list[str] = field(default_factory=list)


async def measure(
    open_store: Callable[[], Awaitable[GraphStore]],
    settings: Settings,
    dataset: Dataset,
    progress: Progress,
) -> Figures:
    """The four steps on one backend; ``open_store`` gives an open store of it, empty at first."""
    figures = Figures()
    transfer = ChangeSet(upserts=Dataset(acts=[scenarios.small_transfer(dataset)]))
    store = await open_store()
    try:
        progress("  warming up: the small dataset written and read back")
        await store.apply(ChangeSet(replace=True, upserts=warm_up()))
        await store.load_all()
        progress("  writing the dataset")
        figures.write = await _seconds(store.apply(ChangeSet(replace=True, upserts=dataset)))
        progress("  one-act write")
        figures.one_act = await _seconds(store.apply(transfer))
    finally:
        await store.close()
    store = await open_store()
    try:
        progress("  load_all")
        started = time.perf_counter()
        loaded = await store.load_all()
        figures.load_all = time.perf_counter() - started
    finally:
        await store.close()
    assert loaded == transfer.applied_to(dataset), "load_all did not give back what was written"
    progress("  cold start")
    started = time.perf_counter()
    async with open_service(settings) as ctx:
        figures.cold_start = time.perf_counter() - started
        figures.notes.append(f"{len(ctx.projection.holdings()):,} holdings")
    return figures


@cache
def warm_up() -> Dataset:
    """Run through every statement once before timing: a fresh JVM compiles as it goes."""
    return synthesize(seed=1, scale=SCALES["small"])


async def _seconds(call: Awaitable[object]) -> float:
    started = time.perf_counter()
    await call
    return time.perf_counter() - started


async def falkordb(dataset: Dataset, workdir: Path, progress: Progress) -> Figures:
    from graph_service.storage.falkordb import open_store

    data_dir = workdir / "falkordb"
    settings = Settings(
        data_dir=data_dir, store=StoreKind.FALKORDB, seed_on_empty=False, write_back_holdings=False
    )
    return await measure(lambda: open_store(data_dir), settings, dataset, progress)


async def neo4j(dataset: Dataset, workdir: Path, progress: Progress) -> Figures:
    from graph_service.storage.neo4j import open_store

    progress("  starting Neo4j")
    server = await asyncio.to_thread(
        neo4j_server.start,
        workdir / "neo4j",
        heap_mb=NEO4J_HEAP_MB,
        page_cache_mb=NEO4J_PAGE_CACHE_MB,
    )
    try:
        settings = Settings(
            store=StoreKind.NEO4J,
            neo4j_uri=server.uri,
            seed_on_empty=False,
            write_back_holdings=False,
        )
        figures = await measure(
            lambda: open_store(server.uri, None, "neo4j", migrate=True),
            settings,
            dataset,
            progress,
        )
        figures.notes.insert(0, f"Neo4j {await _version(server.uri)}")
        figures.notes.append(f"server start (empty) {server.started_in:.1f} s")
        return figures
    finally:
        server.stop()


async def _version(uri: str) -> str:
    from neo4j import AsyncGraphDatabase

    async with AsyncGraphDatabase.driver(uri) as driver:
        records, _, _ = await driver.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v"
        )
        return str(records[0]["v"])


def table(records: int, columns: dict[str, Figures]) -> str:
    """A Markdown table: one row per step, one column per backend."""
    rows = [
        ("write the dataset (one change set)", "write", "s"),
        ("one-act write (transfer of 5 items)", "one_act", "ms"),
        (f"load_all ({records:,} records)", "load_all", "s"),
        ("cold start: store → ready (open_service)", "cold_start", "s"),
    ]
    header = ["figure", *columns]
    lines = [header, ["---"] * len(header)]
    for name, attribute, unit in rows:
        cells = [name]
        for figures in columns.values():
            value = getattr(figures, attribute) * (1000 if unit == "ms" else 1)
            cells.append(f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}")
        lines.append(cells)
    lines.append(["notes", *("; ".join(f.notes) for f in columns.values())])
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "| "
        + " | ".join(
            cell + " " * (width - display_width(cell))
            for cell, width in zip(line, widths, strict=True)
        )
        + " |"
        for line in lines
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.backends", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="beijing")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    reason = neo4j_server.unavailable()
    if reason is not None:
        print(f"cannot start Neo4j here: {reason}", file=sys.stderr)
        return 2

    def progress(step: str) -> None:
        print(f"… {step}", file=sys.stderr, flush=True)

    progress(f"generating the {args.scale} dataset")
    dataset = synthesize(seed=args.seed, scale=SCALES[args.scale])
    columns: dict[str, Figures] = {}
    with tempfile.TemporaryDirectory(prefix="graph-service-backends-") as tmp:
        progress("embedded FalkorDB")
        columns["embedded FalkorDB"] = asyncio.run(falkordb(dataset, Path(tmp), progress))
        progress("Neo4j")
        columns["Neo4j"] = asyncio.run(neo4j(dataset, Path(tmp), progress))
    python = sys.version.split()[0]
    print(f"Stores side by side (scale={args.scale} seed={args.seed}), Python {python}")
    print(table(dataset.size(), columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
