"""One benchmark run: every figure of docs/benchmarks.md, measured once, in a fixed order.

The order matters: read-only figures first (cold start, memory, queries, the findings scan and its
networkx baseline), then the write figures, which change the projection; last, with the projection
freed, the cold start of the service from an embedded store holding the dataset.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.engine.answers import Finding, FindingKind, JurisdictionAnswer
from graph_service.engine.projection import Projection
from seed.synth.dataset import SynthScale, synthesize

from . import nx_baseline, scenarios
from .measure import memory_mb, percentile, timed
from .rows import Row
from .store_start import cold_start_rows

FINDINGS_DAY = date(2025, 6, 30)
# previews leave the projection as it was, so one can be timed several times: the first call
# also pays for memory the process has not used yet and for per-day caches (target places)
PREVIEWS = 5
FIRST_DAY, LAST_DAY = date(2014, 1, 1), date(2026, 12, 31)


@dataclass(slots=True)
class Report:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run(
    scale: SynthScale,
    seed: int,
    *,
    queries: int = 20_000,
    workdir: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
    memory: Callable[[], tuple[float, float]] = memory_mb,
) -> Report:
    """Measure every figure once.

    ``workdir`` None parses the JSON from memory instead of a file, and ``memory`` (resident and
    peak MB) can be replaced, so that a smoke test of this function does no I/O at all.
    """
    report = Report(f"scale={scale.name} seed={seed}")
    rows = report.rows

    dataset = _load(scale, seed, workdir, rows, progress)
    gc.collect()
    rows += _engine(dataset, seed, queries, progress, memory)
    gc.collect()  # the projection is gone: the service started below builds its own
    if workdir is None:
        report.notes.append("cold start from the store: not measured (no working directory)")
    else:
        progress("writing the dataset to an embedded store, then starting the service from it")
        rows += cold_start_rows(dataset, workdir)
    return report


def _engine(
    dataset: Dataset,
    seed: int,
    queries: int,
    progress: Callable[[str], None],
    memory: Callable[[], tuple[float, float]],
) -> list[Row]:
    """The engine's figures, on one projection built here and dropped on return."""
    rows: list[Row] = []
    progress("building the projection (cold start)")
    projection, seconds = timed(lambda: Projection(dataset))
    rows.append(Row("cold start: Projection(dataset)", seconds, "s", target=15))
    rows.append(Row("derived holding versions", len(projection.holdings()), ""))
    rss, peak = memory()
    rows.append(Row("resident memory after start-up", rss, "MB", target=1500))
    rows.append(Row("peak resident memory so far", peak, "MB"))

    progress(f"{queries} jurisdiction queries")
    rows += _jurisdiction(projection, dataset, seed, queries)

    progress("findings scan")
    found, seconds = timed(lambda: projection.findings(FINDINGS_DAY))
    kinds = Counter(f.kind for f in found)
    rows.append(Row(f"findings({FINDINGS_DAY})", seconds, "s", target=1, note=_counts(kinds)))

    progress("networkx baseline")
    rows += _baseline(projection, found, seconds)

    progress("preview and apply")
    rows += _writes(projection)
    return rows


def _writes(projection: Projection) -> list[Row]:
    """Preview the 431-item delegation, then apply a small transfer and the delegation itself."""
    rows: list[Row] = []
    delegation = scenarios.delegation_to_towns(projection.dataset)
    shape = f"{len(delegation.items)} items to {len(delegation.to)} towns"
    change = ChangeSet(upserts=Dataset(acts=[delegation]))
    runs = [timed(lambda: projection.preview(change))[1] * 1000 for _ in range(PREVIEWS)]
    rows.append(
        Row(
            f"previewAct: 431-item delegation (median of {PREVIEWS})",
            statistics.median(runs),
            "ms",
            200,
            note=f"{shape}; first call {runs[0]:.0f} ms, slowest {max(runs):.0f} ms",
        )
    )
    transfer = scenarios.small_transfer(projection.dataset)
    change = ChangeSet(upserts=Dataset(acts=[transfer]))
    _, seconds = timed(lambda: projection.apply(change))
    note = f"transfer of {len(transfer.items)} items"
    rows.append(Row("apply one act (Projection.apply)", seconds * 1000, "ms", target=50, note=note))
    change = ChangeSet(upserts=Dataset(acts=[delegation]))
    _, seconds = timed(lambda: projection.apply(change))
    rows.append(Row("apply the 431-item delegation", seconds * 1000, "ms", note=shape))
    return rows


def _load(
    scale: SynthScale,
    seed: int,
    workdir: Path | None,
    rows: list[Row],
    progress: Callable[[str], None],
) -> Dataset:
    """Generate the dataset, then time reading it back from JSON as the service would."""
    progress("generating the synthetic dataset")
    generated, seconds = timed(lambda: synthesize(seed=seed, scale=scale))
    rows.append(Row("generate synthetic dataset", seconds, "s"))
    text = json.dumps(generated.to_document(), ensure_ascii=False)
    progress("parsing it back from JSON")
    dataset, seconds = timed(lambda: _parse(text, workdir))
    where = "file" if workdir is not None else "memory"
    rows.append(Row(f"JSON {where} → Dataset", seconds, "s", note=f"{len(text) / 1e6:.1f} MB"))
    problems, seconds = timed(lambda: check_dataset(dataset))
    rows.append(Row("check_dataset", seconds, "s", note=f"{len(problems)} problems"))
    return dataset


def _baseline(projection: Projection, found: list[Finding], engine_seconds: float) -> list[Row]:
    """The networkx overlap scan over the engine's holdings, and how the two compare."""
    holdings = projection.holdings()
    graph, build_seconds = timed(lambda: nx_baseline.build_graph(projection.dataset, holdings))
    overlaps, nx_seconds = timed(lambda: nx_baseline.overlap_scan(graph, FINDINGS_DAY))
    nx_pairs = {(item, place) for (item, _), places in overlaps.items() for place in places}
    # A grouped finding (DESIGN.md §5: one conflict is one finding) names several items; the
    # baseline counts each (item, place) on its own, so compare pairs, not findings.
    engine_pairs = {
        (item, place)
        for f in found
        if f.kind == FindingKind.OVERLAP
        for item in (f.items or (f.item,))
        for place in f.places
    }
    agreement = "the same as the engine" if nx_pairs == engine_pairs else "ENGINE DIFFERS"
    return [
        Row("networkx: build graph", build_seconds, "s"),
        Row(
            "networkx: overlap scan",
            nx_seconds,
            "s",
            note=f"{len(nx_pairs)} overlapping (item, place), {agreement} ({len(engine_pairs)})",
        ),
        Row(
            "speed-up: networkx overlap scan / engine findings",
            nx_seconds / engine_seconds,
            "×",
            target=10,
            at_least=True,
            note=(
                f"{(build_seconds + nx_seconds) / engine_seconds:.2f}× counting the graph build; "
                "the engine computes every finding kind, the baseline only overlaps"
            ),
        ),
    ]


def _parse(text: str, workdir: Path | None) -> Dataset:
    if workdir is None:
        return parse_document(json.loads(text))
    path = workdir / "synth.json"
    path.write_text(text, encoding="utf-8")
    return parse_document(json.loads(path.read_text(encoding="utf-8")))


def _jurisdiction(projection: Projection, dataset: Dataset, seed: int, count: int) -> list[Row]:
    """p50/p99 over random (item, place, day); places are streets, towns, zones and districts."""
    rng = random.Random(seed)
    items = [item.code for item in dataset.items]
    places = [region.code for region in dataset.regions if region.parent is not None]
    span = (LAST_DAY - FIRST_DAY).days
    asks = [
        (rng.choice(items), rng.choice(places), FIRST_DAY + timedelta(days=rng.randrange(span)))
        for _ in range(count)
    ]
    latencies: list[float] = []
    whole: list[float] = []  # the same questions, every lazy part read (explanation, counterparts)
    for item, place, day in asks:
        _, seconds = timed(lambda: projection.jurisdiction(item, place, day))  # noqa: B023
        latencies.append(seconds * 1e6)
        _, seconds = timed(lambda: _read_all(projection.jurisdiction(item, place, day)))  # noqa: B023
        whole.append(seconds * 1e6)
    latencies.sort()
    whole.sort()
    return [
        Row("jurisdiction p50", percentile(latencies, 0.5), "µs", note=f"{count} queries"),
        Row("jurisdiction p99", percentile(latencies, 0.99), "µs", target=100),
        Row(
            "jurisdiction p50, whole answer read",
            percentile(whole, 0.5),
            "µs",
            note="explanation, every chain sentence and the counterparts (computed when read)",
        ),
        Row("jurisdiction p99, whole answer read", percentile(whole, 0.99), "µs"),
    ]


def _read_all(answer: JurisdictionAnswer) -> None:
    """Read every part of ``answer`` a client may select, so that each lazy part is computed."""
    _ = answer.explanation, answer.counterparts
    for holder in answer.holders:
        for link in holder.chain:
            _ = link.explanation


def _counts(kinds: Counter[FindingKind]) -> str:
    return ", ".join(f"{kind.value} {n}" for kind, n in sorted(kinds.items()))
