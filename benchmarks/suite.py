"""One benchmark run: every figure of docs/benchmarks.md, measured once, in a fixed order.

The order matters: read-only figures first (cold start, memory, then ``ROUNDS`` interleaved rounds
of jurisdiction queries, the findings scan, its networkx baseline, findings and power-list pages and
the 431-item preview), then the write figures, which change the projection; last, with the
projection freed, the cold start of the service from an embedded store holding the dataset.

Figures that slipped on a slower or busier host are medians of one timing per round: the rounds
interleave them, so a burst of load elsewhere on the machine lands in one round of every figure
rather than in every timing of one figure. Each round asks about its own day (``FINDINGS_DAY``
minus the round), so a round's findings scan and first power list are computed, never kept.
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

import networkx as nx

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.domain.models import Act
from graph_service.engine.answers import FindingKind, JurisdictionAnswer
from graph_service.engine.findings import finding_order
from graph_service.engine.projection import Projection
from graph_service.service.list_findings import FindingFilter, findings_page
from graph_service.service.pagination import encode_cursor
from graph_service.service.power_list import power_list_page_of
from seed.synth.dataset import SynthScale, synthesize

from . import nx_baseline, scenarios
from .measure import memory_mb, percentile, timed
from .rows import Row
from .store_start import cold_start_rows

FINDINGS_DAY = date(2025, 6, 30)
# rounds of the interleaved figures (each a median of one timing per round); previews leave the
# projection as it was, so one is timed per round: the first call also pays for memory the
# process has not used yet and for per-day caches (target places)
ROUNDS = 5
PAGE = 200  # the largest page a client may ask for (service/validation.py)
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

    progress("networkx baseline: building its graph")
    graph, build_seconds = timed(
        lambda: nx_baseline.build_graph(projection.dataset, projection.holdings())
    )
    # The baseline's millions of nodes and dicts are the benchmark's, not the service's: out of
    # later collections, as the projection's own build is (``Projection._build``), lest every
    # full collection during the rounds rescan them inside a timed query.
    gc.freeze()
    rounds = Rounds()
    asks = _asks(dataset, seed, queries)
    unit = _biggest_unit(projection)
    delegation = scenarios.delegation_to_towns(projection.dataset)
    preview = ChangeSet(upserts=Dataset(acts=[delegation]))
    for number in range(ROUNDS):
        progress(
            f"round {number + 1} of {ROUNDS}: jurisdiction, findings, networkx, pages, preview"
        )
        day = FINDINGS_DAY - timedelta(days=number)
        rounds.run(projection, asks[number::ROUNDS], day, graph, unit, preview)
    del graph
    shape = f"{len(delegation.items)} items to {len(delegation.to)} towns"
    rows += rounds.rows(len(asks), build_seconds, shape)

    progress("apply")
    rows += _writes(projection, delegation)
    return rows


@dataclass(slots=True)
class Rounds:
    """One timing per figure per round, and the rows of their medians."""

    p50: list[float] = field(default_factory=list)  # µs
    p99: list[float] = field(default_factory=list)  # µs
    whole_p50: list[float] = field(default_factory=list)  # µs, every lazy part read
    whole_p99: list[float] = field(default_factory=list)  # µs
    scan: list[float] = field(default_factory=list)  # s, findings of a day not asked yet
    nx_scan: list[float] = field(default_factory=list)  # s
    speed_up: list[float] = field(default_factory=list)
    first_page: list[float] = field(default_factory=list)  # ms, first page after the scan
    page: list[float] = field(default_factory=list)  # ms, a later page of the same list
    filtered: list[float] = field(default_factory=list)  # ms, first page of a new filter
    power_first: list[float] = field(default_factory=list)  # ms, first call for (unit, day)
    power_again: list[float] = field(default_factory=list)  # ms, the same page again
    previews: list[float] = field(default_factory=list)  # ms
    last: dict[str, str] = field(default_factory=dict)  # notes from the last round

    def run(
        self,
        projection: Projection,
        asks: list[tuple[str, str, date]],
        day: date,
        graph: nx.DiGraph[nx_baseline.Node],
        unit: str,
        preview: ChangeSet,
    ) -> None:
        latencies: list[float] = []
        for item, place, at in asks:
            _, seconds = timed(lambda: projection.jurisdiction(item, place, at))  # noqa: B023
            latencies.append(seconds * 1e6)
        latencies.sort()
        self.p50.append(percentile(latencies, 0.5))
        self.p99.append(percentile(latencies, 0.99))
        whole: list[float] = []  # the same questions, explanation and counterparts read too
        for item, place, at in asks:
            _, seconds = timed(lambda: _read_all(projection.jurisdiction(item, place, at)))  # noqa: B023
            whole.append(seconds * 1e6)
        whole.sort()
        self.whole_p50.append(percentile(whole, 0.5))
        self.whole_p99.append(percentile(whole, 0.99))

        found, engine_seconds = timed(lambda: projection.findings(day))
        self.scan.append(engine_seconds)
        overlaps, nx_seconds = timed(lambda: nx_baseline.overlap_scan(graph, day))
        self.nx_scan.append(nx_seconds)
        self.speed_up.append(nx_seconds / engine_seconds)
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
        self.last["pairs"] = (
            f"{len(nx_pairs)} overlapping (item, place), {agreement} ({len(engine_pairs)})"
        )
        self.last["kinds"] = _counts(Counter(f.kind for f in found))

        _, seconds = timed(lambda: findings_page(projection, day, None, 20, None))
        self.first_page.append(seconds * 1000)
        middle = encode_cursor(finding_order(found[len(found) // 2])) if found else None
        _, seconds = timed(lambda: findings_page(projection, day, None, 20, middle))
        self.page.append(seconds * 1000)
        gaps = FindingFilter(kinds=(FindingKind.GAP,))
        _, seconds = timed(lambda: findings_page(projection, day, gaps, 20, None))
        self.filtered.append(seconds * 1000)

        page, seconds = timed(lambda: power_list_page_of(projection, unit, day, PAGE, None))
        self.power_first.append(seconds * 1000)
        _, seconds = timed(lambda: power_list_page_of(projection, unit, day, PAGE, None))
        self.power_again.append(seconds * 1000)
        self.last["power"] = f"{unit}: {page.total_count} rows"

        _, seconds = timed(lambda: projection.preview(preview))
        self.previews.append(seconds * 1000)

    def rows(self, queries: int, build_seconds: float, shape: str) -> list[Row]:
        med = statistics.median
        n = len(self.p50)
        each = f"median of {n} rounds"
        scan, nx_scan = med(self.scan), med(self.nx_scan)
        return [
            Row(
                f"jurisdiction p50 ({each})",
                med(self.p50),
                "µs",
                note=f"{queries} queries, {queries // max(n, 1)} a round",
            ),
            Row(
                f"jurisdiction p99 ({each})",
                med(self.p99),
                "µs",
                target=100,
                note=f"rounds {_spread(self.p99)} µs",
            ),
            Row(
                f"jurisdiction p50, whole answer read ({each})",
                med(self.whole_p50),
                "µs",
                note="explanation, every chain sentence and the counterparts (computed when read)",
            ),
            Row(f"jurisdiction p99, whole answer read ({each})", med(self.whole_p99), "µs"),
            Row(
                f"findings(day), first call ({each})",
                scan,
                "s",
                target=1,
                note=f"{FINDINGS_DAY} and the days before it; {self.last.get('kinds', '')}",
            ),
            Row("networkx: build graph", build_seconds, "s"),
            Row(f"networkx: overlap scan ({each})", nx_scan, "s", note=self.last.get("pairs", "")),
            Row(
                f"speed-up: networkx overlap scan / engine findings ({each})",
                med(self.speed_up),
                "×",
                target=10,
                at_least=True,
                note=(
                    f"rounds {_spread(self.speed_up)}×; {(build_seconds + nx_scan) / scan:.2f}× "
                    "counting the graph build; the engine computes every finding kind, the "
                    "baseline only overlaps"
                ),
            ),
            Row(
                f"findings page after the first call of a revision ({each})",
                med(self.page),
                "ms",
                target=5,
                note=(
                    f"20 rows from the middle of the day's list; the first page after the scan "
                    f"{med(self.first_page):.2f} ms, the first page of a new filter (GAP) "
                    f"{med(self.filtered):.2f} ms"
                ),
            ),
            Row(
                f"power list first page of {PAGE} (use case, first call; {each})",
                med(self.power_first),
                "ms",
                note=f"the biggest unit, {self.last.get('power', '')}",
            ),
            Row(
                f"power list first page of {PAGE} (use case, kept; {each})",
                med(self.power_again),
                "ms",
                note="the same page again: the list is kept until the projection changes",
            ),
            Row(
                f"previewAct: 431-item delegation ({each})",
                med(self.previews),
                "ms",
                200,
                note=f"{shape}; first call {self.previews[0]:.0f} ms, rounds "
                f"{_spread(self.previews)} ms",
            ),
        ]


def _spread(values: list[float]) -> str:
    return f"{min(values):.3g}–{max(values):.3g}" if values else "—"


def _writes(projection: Projection, delegation: Act) -> list[Row]:
    """Apply a small transfer, then the 431-item delegation itself."""
    rows: list[Row] = []
    shape = f"{len(delegation.items)} items to {len(delegation.to)} towns"
    transfer = scenarios.small_transfer(projection.dataset)
    change = ChangeSet(upserts=Dataset(acts=[transfer]))
    _, seconds = timed(lambda: projection.apply(change))
    note = f"transfer of {len(transfer.items)} items"
    rows.append(Row("apply one act (Projection.apply)", seconds * 1000, "ms", target=50, note=note))
    change = ChangeSet(upserts=Dataset(acts=[delegation]))
    _, seconds = timed(lambda: projection.apply(change))
    rows.append(Row("apply the 431-item delegation", seconds * 1000, "ms", note=shape))
    return rows


def _biggest_unit(projection: Projection) -> str:
    """The unit with the longest power list on a day after the rounds' (so that none of their
    lists is kept): at Beijing scale a district's city-management bureau, 1,304 rows. Every unit
    is asked (seconds): the items held are no guide, since a row is an (item, role, mode) and a
    bureau that delegated an item to some towns lists it both as PRIMARY and as SUPERVISOR."""
    day = FINDINGS_DAY + timedelta(days=1)
    units = sorted(projection.records.units)
    return max(units, key=lambda unit: len(projection.power_list(unit, day)))


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


def _parse(text: str, workdir: Path | None) -> Dataset:
    if workdir is None:
        return parse_document(json.loads(text))
    path = workdir / "synth.json"
    path.write_text(text, encoding="utf-8")
    return parse_document(json.loads(path.read_text(encoding="utf-8")))


def _asks(dataset: Dataset, seed: int, count: int) -> list[tuple[str, str, date]]:
    """``count`` random (item, place, day); places are streets, towns, zones and districts."""
    rng = random.Random(seed)
    items = [item.code for item in dataset.items]
    places = [region.code for region in dataset.regions if region.parent is not None]
    span = (LAST_DAY - FIRST_DAY).days
    return [
        (rng.choice(items), rng.choice(places), FIRST_DAY + timedelta(days=rng.randrange(span)))
        for _ in range(count)
    ]


def _read_all(answer: JurisdictionAnswer) -> None:
    """Read every part of ``answer`` a client may select, so that each lazy part is computed."""
    _ = answer.explanation, answer.counterparts
    for holder in answer.holders:
        for link in holder.chain:
            _ = link.explanation


def _counts(kinds: Counter[FindingKind]) -> str:
    return ", ".join(f"{kind.value} {n}" for kind, n in sorted(kinds.items()))
