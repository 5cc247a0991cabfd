"""The write figures of the change log (issue 8), end to end over HTTP: ``python -m benchmarks
writes``.

One run, in this order, on one temporary data directory:

1. ``graph-service load`` of the synthetic dataset into the empty data directory (a process);
2. ``serve`` (instance A, derived ``HOLDS`` export on, the default) and its first full export;
3. reads alone, then the same reads during one write per second: read p99 with and without;
4. one-act writes (``loadDataset`` of a 5-item transfer) one after another: p50/p99;
5. unit renames, then a unit change that rebuilds the projection, with reads going on: the
   longest a read waited;
6. a second ``serve`` (instance B) on the same data directory: how long after A acknowledged a
   write B answers at that revision (polling without a token; and with ``X-At-Least-Revision``).

Reads are ``jurisdiction`` questions over HTTP (random item, place and day), one after another
from a reader thread with a short pause; every latency is timed by the client.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from graph_service.domain.dataset import Dataset
from seed.synth.dataset import SCALES, SynthScale, synthesize
from seed.synth.world import district_prefix

from .measure import percentile
from .rows import Row, format_table
from .scenarios import busiest_district
from .served import Instance, admin_token, cli_load, serving

JURISDICTION = """
query Ask($item: String!, $place: String!, $at: Date!) {
  jurisdiction(item: $item, place: $place, at: $at) { status }
}
"""
REVISION = "{ __typename }"  # any operation: the answer states the revision it was computed at
READ_PAUSE = 0.02  # seconds between two reads of the reader thread
READ_WINDOW = 20.0  # seconds of reads alone, and of reads during one write per second
WRITES = 100  # one-act writes timed one after another
WRITE_PAUSE = 0.1
RENAMES = 3
FOLLOWED = 60  # writes on A whose arrival at B is timed (half with a token)
FIRST_DAY, LAST_DAY = date(2014, 1, 1), date(2026, 12, 31)
Progress = Callable[[str], None]


@dataclass(slots=True)
class Report:
    title: str
    rows: list[Row] = field(default_factory=list)


def run(scale: SynthScale, seed: int, *, writes: int = WRITES, progress: Progress) -> Report:
    report = Report(f"writes, scale={scale.name} seed={seed}")
    progress("generating the synthetic dataset")
    dataset = synthesize(seed=seed, scale=scale)
    plan = Plan.of(dataset, seed)
    with tempfile.TemporaryDirectory(prefix="graph-service-bench-writes-") as tmp:
        work = Path(tmp)
        path = work / "synth.json"
        path.write_text(json.dumps(dataset.to_document(), ensure_ascii=False), encoding="utf-8")
        data = work / "data"
        records = dataset.size()
        del dataset
        progress("graph-service load into an empty data dir")
        seconds = cli_load(path, data)
        report.rows.append(
            Row(
                "graph-service load into an empty data dir",
                seconds,
                "s",
                target=60,
                note=f"{records:,} records, {records / seconds:,.0f} records/s (whole command)",
            )
        )
        token = admin_token(data)
        progress("serve (A): start, first HOLDS export")
        started = time.perf_counter()
        with serving(data, "a", token) as a:
            ready = time.perf_counter() - started
            exported = a.wait_export_settled()
            report.rows.append(Row("serve A: start → ready", ready, "s", note="load + Projection"))
            report.rows.append(
                Row("serve A: first full HOLDS export", exported, "s", note="reconcile all items")
            )
            report.rows += _reads_during_writes(a, plan, progress)
            report.rows += _write_latency(a, plan, writes, progress)
            report.rows += _unit_changes(a, plan, progress)
            report.rows += _follower(a, data, plan, progress)
    return report


@dataclass(slots=True)
class Plan:
    """What the run asks and writes, fixed up front from the dataset."""

    questions: list[dict[str, str]]
    transfers: list[tuple[list[str], str, str]]  # five items, from, to: a different one each
    unit: dict[str, Any]  # the unit renamed and then changed
    written: int = 0

    @staticmethod
    def of(dataset: Dataset, seed: int) -> Plan:
        rng = random.Random(seed)
        items = [item.code for item in dataset.items]
        places = [region.code for region in dataset.regions if region.parent is not None]
        span = (LAST_DAY - FIRST_DAY).days
        questions = [
            {
                "item": rng.choice(items),
                "place": rng.choice(places),
                "at": (FIRST_DAY + timedelta(days=rng.randrange(span))).isoformat(),
            }
            for _ in range(5000)
        ]
        prefix = district_prefix(busiest_district(dataset))
        acts = {act.id: act for act in dataset.acts}
        units = {unit.id for unit in dataset.units}
        transfers = [
            (act.items[-5:], f"{district}-k{k:02d}", f"{district}-k{k + 1:02d}")
            for k in range(14, 58, 2)
            for district in (district_prefix(d) for d in range(16))
            if (act := acts.get(f"{district}-assign-k{k:02d}")) is not None
            and len(act.items) >= 5
            and f"{district}-k{k + 1:02d}" in units
        ]
        [unit] = [u for u in dataset.units if u.id == f"{prefix}-k13"]
        document = unit.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        return Plan(questions, transfers, document)

    def transfer(self) -> dict[str, Any]:
        """The next one-act write: five items a department was assigned move to the next
        department of its district (each write other items: a store's writes rarely pile up
        on the same five)."""
        n = self.written
        self.written += 1
        items, source, target = self.transfers[n % len(self.transfers)]
        act = {
            "id": f"bench-write-{n}",
            "kind": "transfer",
            "effective": (date(2026, 1, 1) + timedelta(days=n)).isoformat(),
            "items": items,
            "from": source,
            "to": [target],
            "review": "approved",  # only an approved act produces holdings
            "illustrative": True,
            "source": "benchmark write",
        }
        return {"$format": "authority-graph/1", "acts": [act]}

    def unit_with(self, **changes: Any) -> dict[str, Any]:
        return {"$format": "authority-graph/1", "units": [{**self.unit, **changes}]}


class Reader(threading.Thread):
    """Asks ``jurisdiction`` one question after another until stopped; ``(started, ms)``."""

    def __init__(self, instance: Instance, questions: list[dict[str, str]]) -> None:
        super().__init__(daemon=True)
        self.instance = instance
        self.questions = questions
        self.timings: list[tuple[float, float]] = []
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        with httpx.Client(timeout=120) as client:
            n = 0
            while not self.stop.is_set():
                question = self.questions[n % len(self.questions)]
                n += 1
                started = time.perf_counter()
                try:
                    self.instance.ask(JURISDICTION, question, client=client)
                except (httpx.HTTPError, RuntimeError) as exc:
                    self.error = exc
                    return
                self.timings.append((started, (time.perf_counter() - started) * 1000))
                time.sleep(READ_PAUSE)

    def finish(self) -> list[tuple[float, float]]:
        self.stop.set()
        self.join()
        if self.error is not None:
            raise RuntimeError(f"a read failed: {self.error}")
        return self.timings


def _reads(
    instance: Instance, plan: Plan, seconds: float, during: Callable[[], None] | None = None
) -> list[float]:
    reader = Reader(instance, plan.questions)
    reader.start()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if during is None:
            time.sleep(0.1)
        else:
            during()
    return sorted(ms for _, ms in reader.finish())


def _reads_during_writes(instance: Instance, plan: Plan, progress: Progress) -> list[Row]:
    progress(f"reads alone for {READ_WINDOW:.0f} s")
    _reads(instance, plan, 2.0)  # warm up: connections, first-use caches
    alone = _reads(instance, plan, READ_WINDOW)
    progress(f"the same reads during one write per second for {READ_WINDOW:.0f} s")
    write_times: list[float] = []

    def one_write_a_second() -> None:
        started = time.perf_counter()
        instance.load(plan.transfer())
        write_times.append(time.perf_counter() - started)
        time.sleep(max(0.0, 1.0 - (time.perf_counter() - started)))

    busy = _reads(instance, plan, READ_WINDOW, one_write_a_second)
    instance.wait_export_settled()
    base = percentile(alone, 0.99)
    return [
        Row(
            "read p50 / p99, no writes",
            base,
            "ms",
            note=f"p99; p50 {percentile(alone, 0.5):.1f} ms; {len(alone)} jurisdiction reads",
        ),
        Row(
            "read p99 during one write/s",
            percentile(busy, 0.99),
            "ms",
            target=2 * base,
            note=(
                f"target 2× the p99 without writes; p50 {percentile(busy, 0.5):.1f} ms, max "
                f"{busy[-1]:.0f} ms; {len(busy)} reads, {len(write_times)} writes"
            ),
        ),
    ]


def _write_latency(instance: Instance, plan: Plan, count: int, progress: Progress) -> list[Row]:
    progress(f"{count} one-act writes over HTTP")
    latencies: list[float] = []
    with httpx.Client(timeout=120) as client:
        for _ in range(count):
            document = plan.transfer()
            started = time.perf_counter()
            instance.load(document, client)
            latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(WRITE_PAUSE)
    lag = instance.readiness().get("export_lag")
    settled = instance.wait_export_settled()
    latencies.sort()
    note = (
        f"{count} loadDataset of a 5-item transfer, HOLDS export on; median "
        f"{statistics.median(latencies):.1f} ms, max {latencies[-1]:.0f} ms; export lag "
        f"{lag} right after, settled {settled:.1f} s later"
    )
    return [
        Row("one-act write over HTTP p50", percentile(latencies, 0.5), "ms", 50, note=note),
        Row("one-act write over HTTP p99", percentile(latencies, 0.99), "ms", 150),
    ]


def _longest_wait(instance: Instance, plan: Plan, document: dict[str, Any]) -> tuple[float, float]:
    """(the longest a read took that overlapped the write of ``document`` or the second after
    it, the write's own ms)."""
    reader = Reader(instance, plan.questions)
    reader.start()
    time.sleep(1.0)
    started = time.perf_counter()
    instance.load(document)
    written = time.perf_counter() - started
    time.sleep(1.0)
    timings = reader.finish()
    end = started + written + 1.0
    window = [ms for at, ms in timings if at + ms / 1000 >= started and at <= end]
    return max(window, default=0.0), written * 1000


def _unit_changes(instance: Instance, plan: Plan, progress: Progress) -> list[Row]:
    progress(f"{RENAMES} unit renames with reads going on")
    renames = [
        _longest_wait(instance, plan, plan.unit_with(name=f"{plan.unit['name']}（更名{n}）"))
        for n in range(RENAMES)
    ]
    progress("a unit change that rebuilds the projection, with reads going on")
    rebuild_wait, rebuild_ms = _longest_wait(instance, plan, plan.unit_with(valid_to="2099-12-31"))
    instance.wait_export_settled()
    waits = sorted(wait for wait, _ in renames)
    return [
        Row(
            "unit rename: longest read wait",
            waits[-1],
            "ms",
            target=100,
            note=(
                f"{RENAMES} renames (longest waits {', '.join(f'{w:.0f}' for w in waits)} ms); "
                f"the rename itself {statistics.median(ms for _, ms in renames):.0f} ms (median)"
            ),
        ),
        Row(
            "unit change that rebuilds: longest read wait",
            rebuild_wait,
            "ms",
            note=f"valid_to set on a department; the write itself {rebuild_ms:.0f} ms",
        ),
    ]


def _follower(a: Instance, data: Path, plan: Plan, progress: Progress) -> list[Row]:
    progress("serve (B) on the same data dir; its first HOLDS export")
    started = time.perf_counter()
    with serving(data, "b", a.token) as b:
        ready = time.perf_counter() - started
        b.wait_export_settled()
        progress(f"{FOLLOWED} writes on A, each awaited on B")
        polled: list[float] = []
        tokened: list[float] = []
        with httpx.Client(timeout=120) as poller:
            for n in range(FOLLOWED):
                revision = a.load(plan.transfer())
                acknowledged = time.perf_counter()
                if n % 2:
                    b.ask(REVISION, client=poller, at_least=revision)
                    tokened.append((time.perf_counter() - acknowledged) * 1000)
                else:
                    while b.ask(REVISION, client=poller)["extensions"]["revision"] < revision:
                        time.sleep(0.005)
                    polled.append((time.perf_counter() - acknowledged) * 1000)
                time.sleep(0.2)
        polled.sort()
        tokened.sort()
    return [
        Row("serve B (same data dir): start → ready", ready, "s"),
        Row(
            "follower: write on A answered by B, p99",
            percentile(polled, 0.99),
            "ms",
            target=1000,
            note=(
                f"{len(polled)} writes, B polled without a token; p50 "
                f"{percentile(polled, 0.5):.0f} ms"
            ),
        ),
        Row(
            "follower with X-At-Least-Revision, p99",
            percentile(tokened, 0.99),
            "ms",
            target=1000,
            note=(
                f"{len(tokened)} writes, one read on B with the token; p50 "
                f"{percentile(tokened, 0.5):.0f} ms"
            ),
        ),
    ]


def main(argv: list[str]) -> int:
    """``python -m benchmarks writes [--scale beijing|small] [--seed N] [--writes N]``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks writes", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="beijing")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--writes", type=int, default=WRITES, help="one-act writes timed")
    args = parser.parse_args(argv)

    def progress(step: str) -> None:
        print(f"… {step}", file=sys.stderr, flush=True)

    report = run(SCALES[args.scale], args.seed, writes=args.writes, progress=progress)
    print(f"Write benchmarks ({report.title}), Python {sys.version.split()[0]}")
    print(format_table(report.rows))
    return 0
