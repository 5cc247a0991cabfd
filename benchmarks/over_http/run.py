"""One run of the HTTP figures: the servers, the rounds, the table (see ``__init__``)."""

from __future__ import annotations

import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from seed.synth.dataset import SCALES, synthesize

from ..measure import percentile
from ..rows import Row
from ..served import cli_load
from . import documents
from .documents import ASK, JURISDICTION, Persisted, PowerListQuery
from .load import Job, Result
from .servers import BEYOND, NOW, VARIANTS, Server, running, start_reference, start_service

Progress = Callable[[str], None]
POWER_DAY = "2025-06-30"


# Nine rounds: on a shared 2-core VM one round's service/floor ratio ranged 0.47–2.34 (the host
# takes the CPU away for seconds at a time), and the median of five still moved by ±0.1 run to run.
ROUNDS, SECONDS, CONNECTIONS = 9, 3.0, 64


@dataclass(frozen=True, slots=True)
class Options:
    rounds: int = ROUNDS
    seconds: float = SECONDS  # measured window of one load run
    connections: int = CONNECTIONS
    beyond: int = 256  # past saturation, for the event-loop comparison
    compare: bool = False  # also run the "before" and uvloop variants of serve
    beijing: bool = True
    equal_load: float = 0.5  # open-loop rate: this share of the slower server's throughput


@dataclass(slots=True)
class Report:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def raw_post(port: int, path: str, body: bytes, headers: Sequence[tuple[str, str]] = ()) -> str:
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    head += "Content-Type: application/json\r\nAccept: application/json\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers)
    head += f"Content-Length: {len(body)}\r\n\r\n"
    return head + body.decode("latin-1")


def raw_get(port: int, target: str, headers: Sequence[tuple[str, str]] = ()) -> str:
    head = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n"
    return head + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"


def load(server: Server, requests: str | list[str], options: Options, **job: Any) -> Result:
    """One load run from a separate process (``load.py``)."""
    spec = Job(
        host="127.0.0.1",
        port=server.port,
        requests=[requests] if isinstance(requests, str) else requests,
        connections=job.pop("connections", options.connections),
        seconds=job.pop("seconds", options.seconds),
        pid=server.pid,
        **job,
    )
    handle, name = tempfile.mkstemp(prefix="load-", suffix=".json")
    os.close(handle)
    out = Path(name)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.over_http.load", str(out)],
        input=json.dumps(asdict(spec)),
        capture_output=True,
        text=True,
        check=False,
        timeout=spec.seconds + spec.warmup + 120,
    )
    try:
        if done.returncode != 0:
            raise RuntimeError(f"the load generator failed:\n{done.stderr[-4000:]}")
        result = Result(**json.loads(out.read_text(encoding="utf-8")))
    finally:
        out.unlink()
    if result.failures:
        raise RuntimeError(f"{server.name}: failed answers {result.failures}")
    return result


def p99(result: Result) -> float:
    return percentile(sorted(result.latencies_ms), 0.99)


def cpu_us(result: Result) -> float:
    if result.cpu_seconds is None or not result.requests:
        return float("nan")
    return result.cpu_seconds / result.requests * 1e6


def spread(values: Sequence[float]) -> str:
    return f"{_short(min(values))}–{_short(max(values))} over {len(values)} rounds"


def _short(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def run(options: Options, work: Path, progress: Progress) -> Report:
    report = Report(f"HTTP, 1 worker, c={options.connections}, {options.rounds} rounds")
    report.notes.append("load average at start: " + _loadavg())
    stolen = _cpu_times()
    report.rows += _small_query(options, work, progress, report.notes)
    if options.beijing:
        report.rows += _power_list(options, work, progress, report.notes)
    else:
        report.notes.append("Beijing power-list figures: skipped (--no-beijing)")
    report.notes.append("load average at end: " + _loadavg())
    report.notes.append(_stolen_since(stolen))
    return report


def _cpu_times() -> list[int] | None:
    """The machine's CPU time counters (``/proc/stat``), or ``None`` where there are none."""
    try:
        first = Path("/proc/stat").read_text(encoding="ascii").splitlines()[0]
    except OSError:
        return None
    return [int(value) for value in first.split()[1:]]


def _stolen_since(before: list[int] | None) -> str:
    """The share of CPU time the host took from this VM since ``before`` (``steal``): the noise
    every figure of the run carries."""
    after = _cpu_times()
    if before is None or after is None or len(after) < 8:
        return "CPU time stolen by the host: unknown"
    spent = [now - then for now, then in zip(after, before, strict=False)]
    total = sum(spent[:8])  # user nice system idle iowait irq softirq steal
    share = spent[7] / total if total else 0.0
    return f"CPU time stolen by the host during the run: {share:.1%}"


def _loadavg() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg()) + f" ({os.cpu_count()} cores)"


class Questions:
    """Small ``jurisdiction`` questions on the Daxing seed, none asked twice in a run.

    A service that caches answers by revision (issue 15) would answer a repeated identical
    request from its cache: the figures against the floor are about executing the query, so each
    load run sends a fresh list of random (item, Daxing place, day in the seed's coverage).
    """

    PER_RUN = 12_000  # more than a run sends at the service's speed (it cycles past the end)

    def __init__(self, seed: int = 2020) -> None:
        from graph_service.service.dataset_files import read_dataset
        from seed import daxing_path

        dataset = read_dataset(daxing_path())
        self.items = sorted(item.code for item in dataset.items)
        self.places = sorted(
            r.code for r in dataset.regions if r.parent and r.code.startswith("110115")
        )
        self.rng = random.Random(seed)

    def bodies(self, count: int) -> list[bytes]:
        first, days = date(2020, 1, 1), 2_500
        return [
            json.dumps(
                {
                    "query": JURISDICTION,
                    "variables": {
                        "item": self.rng.choice(self.items),
                        "place": self.rng.choice(self.places),
                        "at": (first + timedelta(days=self.rng.randrange(days))).isoformat(),
                    },
                }
            ).encode()
            for _ in range(count)
        ]


def _check_same(service: Server, floor: Server, bodies: list[bytes]) -> str:
    """Whether the service and the floor give the same data, without errors, to ``bodies``."""
    with httpx.Client(timeout=30) as client:
        for body in bodies:
            ours = client.post(f"{service.url}/graphql", content=body, headers=_JSON).json()
            theirs = client.post(f"{floor.url}/graphql", content=body, headers=_JSON).json()
            if ours.get("errors") or ours["data"] != theirs.get("data"):
                raise RuntimeError(f"the service and the floor disagree: {ours} / {theirs}")
    return json.dumps(ours["data"], ensure_ascii=False)[:120]


_JSON = {"content-type": "application/json", "accept": "application/json"}


def _small_query(options: Options, work: Path, progress: Progress, notes: list[str]) -> list[Row]:
    progress("starting the service, the floor and the ceiling on the Daxing seed")
    servers = [
        start_service(NOW, work / "service", seed=True, work=work),
        start_reference("floor", work, work / "floor"),
        start_reference("ceiling", work),
    ]
    if options.compare:
        servers += [
            start_service(variant, work / name, seed=True, work=work)
            for name, variant in VARIANTS.items()
        ]
    with running(servers):
        named = {server.name: server for server in servers}
        service, floor = named["service"], named["floor"]
        questions = Questions()
        body = json.dumps({"query": JURISDICTION, "variables": ASK}).encode()
        sample = [body, *questions.bodies(50)]
        notes.append("small query, e.g.: " + _check_same(service, floor, sample))
        notes.append(
            f"small query: random (item, place, day) of {len(questions.items)} items and "
            f"{len(questions.places)} Daxing places over 2020–2026, a fresh list each run"
        )

        def asks(name: str) -> str | list[str]:
            port = named[name].port
            if name == "ceiling":
                return raw_post(port, "/graphql", body)
            return [raw_post(port, "/graphql", b) for b in questions.bodies(Questions.PER_RUN)]

        cached = _cache_hit_requests(service, notes)
        progress("warm-up runs")
        for name in ("service", "floor", "ceiling"):
            load(named[name], asks(name), options, seconds=1.0)
        closed: dict[str, list[Result]] = {}
        opened: dict[str, list[Result]] = {}
        rates: list[float] = []
        for n in range(options.rounds):
            progress(f"round {n + 1} of {options.rounds}")
            plan: list[tuple[str, str, dict[str, Any]]] = [
                ("service", "service", {}),
                ("floor", "floor", {}),
                ("ceiling", "ceiling", {}),
                ("service@rate", "service", {}),
                ("floor@rate", "floor", {}),
            ]
            plan += [(label, "service", {}) for label in cached if label.startswith("cache")]
            if options.compare:
                beyond = {"connections": options.beyond}
                plan += [(name, name, {}) for name in VARIANTS]
                plan += [("service@beyond", "service", beyond)]
                plan += [(f"{name}@beyond", name, beyond) for name in BEYOND]
            for label, name, job in plan:
                if label == "service@rate":  # this round's throughputs: the machine as it is now
                    slower = min(closed["service"][-1].rps, closed["floor"][-1].rps)
                    rates.append(options.equal_load * slower)
                if "@rate" in label:
                    job = {"rate": rates[-1]}
                if label in cached:
                    request, status = cached[label]
                    result = load(named[name], request, options, status=status, **job)
                else:
                    result = load(named[name], asks(name), options, **job)
                (opened if "@rate" in label else closed).setdefault(label, []).append(result)
        notes.append(
            f"equal load: open loop at the same rate on both, {options.equal_load:.0%} of the "
            f"slower one's throughput in the same round ({spread(rates)} req/s)"
        )
        return _small_rows(options, closed, opened, cached, notes)


def _cache_hit_requests(service: Server, notes: list[str]) -> dict[str, tuple[str, int]]:
    """Raw requests answered from the service's caches, when the fast path exists."""
    found = documents.persisted_jurisdiction()
    if not isinstance(found, Persisted):
        notes.append(f"cache hit: not available ({found})")
        return {}
    body = json.dumps({"documentId": found.document_id, "variables": found.variables}).encode()
    requests: dict[str, tuple[str, int]] = {}
    with httpx.Client(timeout=30) as client:
        answer = client.post(f"{service.url}/graphql", content=body, headers=_JSON)
        if answer.status_code != 200 or answer.json().get("errors"):
            notes.append(f"cache hit: not available (documentId answered {answer.text[:200]})")
            return {}
        requests["cache: POST documentId"] = (raw_post(service.port, "/graphql", body), 200)
        query = httpx.QueryParams(
            {"documentId": found.document_id, "variables": json.dumps(found.variables)}
        )
        target = f"/graphql?{query}"
        first = client.get(f"{service.url}{target}", headers={"accept": "application/json"})
        tag = first.headers.get("etag")
        if first.status_code == 200 and tag:
            again = raw_get(service.port, target, [("If-None-Match", tag)])
            requests["cache: GET If-None-Match → 304"] = (again, 304)
        else:
            notes.append(
                f"304 with If-None-Match: not available (GET answered {first.status_code})"
            )
    return requests


def _median(results: list[Result], of: Callable[[Result], float]) -> float:
    return statistics.median(of(result) for result in results)


def _small_rows(
    options: Options,
    closed: dict[str, list[Result]],
    opened: dict[str, list[Result]],
    cached: dict[str, tuple[str, int]],
    notes: list[str],
) -> list[Row]:
    c = options.connections
    rows: list[Row] = []
    for label in ("service", "floor", "ceiling"):
        runs = closed[label]
        rows.append(
            Row(
                f"{label}: jurisdiction, c={c}",
                _median(runs, lambda r: r.rps),
                "req/s",
                note=f"{spread([r.rps for r in runs])}; CPU {_median(runs, cpu_us):,.0f} µs/req",
            )
        )
    ratios = [s.rps / f.rps for s, f in zip(closed["service"], closed["floor"], strict=True)]
    rows.append(
        Row(
            "req/s service / floor (same round)",
            statistics.median(ratios),
            "×",
            target=0.90,
            at_least=True,
            note=spread(ratios),
        )
    )
    p99s = [p99(s) / p99(f) for s, f in zip(closed["service"], closed["floor"], strict=True)]
    rows.append(
        Row(
            f"p99 service / floor at c={c} (saturated)",
            statistics.median(p99s),
            "×",
            target=1.5,
            note=f"{spread(p99s)}; p99 {_median(closed['service'], p99):.1f} ms vs "
            f"{_median(closed['floor'], p99):.1f} ms",
        )
    )
    pairs = zip(opened["service@rate"], opened["floor@rate"], strict=True)
    equal = [p99(s) / p99(f) for s, f in pairs]
    rows.append(
        Row(
            "p99 service / floor at equal load (open loop)",
            statistics.median(equal),
            "×",
            target=1.5,
            note=f"{spread(equal)}; p99 {_median(opened['service@rate'], p99):.1f} ms vs "
            f"{_median(opened['floor@rate'], p99):.1f} ms",
        )
    )
    cpu = [cpu_us(s) / cpu_us(f) for s, f in zip(closed["service"], closed["floor"], strict=True)]
    rows.append(
        Row(
            "CPU per request service / floor",
            statistics.median(cpu),
            "×",
            note=f"{_median(closed['service'], cpu_us):,.0f} µs vs "
            f"{_median(closed['floor'], cpu_us):,.0f} µs ({spread(cpu)})",
        )
    )
    cache_labels = [label for label in cached if label.startswith("cache")]
    if not cache_labels:
        why = "not available: no persisted documents yet (see the notes)"
        rows.append(Row("cache hit / ceiling req/s", None, "×", 0.5, at_least=True, note=why))
    for label in cache_labels:
        hits = [h.rps / c_.rps for h, c_ in zip(closed[label], closed["ceiling"], strict=True)]
        rows.append(
            Row(
                f"{label} / ceiling req/s",
                statistics.median(hits),
                "×",
                target=0.5,
                at_least=True,
                note=f"{_median(closed[label], lambda r: r.rps):,.0f} req/s ({spread(hits)})",
            )
        )
    if options.compare:
        rows += _variant_rows(options, closed)
    return rows


def _variant_rows(options: Options, closed: dict[str, list[Result]]) -> list[Row]:
    """serve now against before issue 15, on uvloop and with each old choice alone, at c; the
    first two also past saturation."""
    rows: list[Row] = []
    for suffix, c in (("", options.connections), ("@beyond", options.beyond)):
        now = closed["service" + suffix]
        for variant in BEYOND if suffix else tuple(VARIANTS):
            runs = closed[variant + suffix]
            ratio = [n.rps / v.rps for n, v in zip(now, runs, strict=True)]
            tails = [p99(v) / p99(n) for n, v in zip(now, runs, strict=True)]
            rows.append(
                Row(
                    f"{variant}, c={c}: req/s",
                    _median(runs, lambda r: r.rps),
                    "req/s",
                    note=f"service/{variant} {statistics.median(ratio):.2f}× ({spread(ratio)}); "
                    f"CPU {_median(runs, cpu_us):,.0f} vs {_median(now, cpu_us):,.0f} µs/req",
                )
            )
            rows.append(
                Row(
                    f"{variant}, c={c}: p99",
                    _median(runs, p99),
                    "ms",
                    note=f"{variant}/service {statistics.median(tails):.2f}× "
                    f"({spread(tails)}); service p99 {_median(now, p99):.1f} ms, "
                    f"max {_median(runs, lambda r: max(r.latencies_ms)):.0f} vs "
                    f"{_median(now, lambda r: max(r.latencies_ms)):.0f} ms",
                )
            )
        if suffix:
            rows.append(
                Row(
                    f"service, c={c}: req/s",
                    _median(now, lambda r: r.rps),
                    "req/s",
                    note=f"p99 {_median(now, p99):.1f} ms",
                )
            )
    return rows


def _power_list(options: Options, work: Path, progress: Progress, notes: list[str]) -> list[Row]:
    progress("generating the synthetic Beijing dataset and loading it into a store")
    dataset = synthesize(seed=2020, scale=SCALES["beijing"])
    path = work / "beijing.json"
    path.write_text(json.dumps(dataset.to_document(), ensure_ascii=False), encoding="utf-8")
    del dataset
    data = work / "beijing"
    cli_load(path, data)
    path.unlink()
    progress("starting the service and the floor on it")
    servers = [
        start_service(NOW, data, seed=False, work=work),
        start_reference("floor", work, data),
    ]
    with running(servers, data):
        service, floor = servers
        with httpx.Client(timeout=600) as client:
            biggest = client.get(f"{floor.url}/biggest", params={"at": POWER_DAY}).json()

            def ask(document: str, variables: dict[str, Any]) -> Any:
                body = {"query": document, "variables": variables}
                answer = client.post(f"{service.url}/graphql", json=body).json()
                if answer.get("errors"):
                    raise RuntimeError(f"errors: {answer['errors']}")
                return answer["data"]

            query = documents.power_list_query(ask)
        unit = biggest["unit"]
        notes.append(f"power list: {query.describe}")
        return _power_rounds(options, service, floor, query, unit, progress, notes)


def _walk(port: int, query: PowerListQuery, unit: str, pages: int | None) -> tuple[float, int, int]:
    """Seconds to read the list (``pages`` pages, or all), rows and bytes, on one connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    rows = size = 0
    after: str | None = None
    started = time.perf_counter()
    try:
        while True:
            body = json.dumps(
                {"query": query.document, "variables": query.variables(unit, POWER_DAY, after)}
            )
            connection.request("POST", "/graphql", body=body.encode(), headers=_JSON)
            answer = connection.getresponse()
            raw = answer.read()
            size += len(raw)
            data = json.loads(raw)
            if answer.status != 200 or data.get("errors"):
                raise RuntimeError(f"power list: {raw[:300]!r}")
            page = data["data"][query.root]
            rows += len(documents.dig(page, query.rows_path))
            pages = None if pages is None else pages - 1
            if not query.paged or pages == 0 or not documents.dig(page, query.more_path or ()):
                break
            after = documents.dig(page, query.cursor_path or ())
    finally:
        connection.close()
    return time.perf_counter() - started, rows, size


def _power_rounds(
    options: Options,
    service: Server,
    floor: Server,
    query: PowerListQuery,
    unit: str,
    progress: Progress,
    notes: list[str],
) -> list[Row]:
    repeats = 3
    first, whole, floor_whole, use_case, encoded = [], [], [], [], []
    whole_list = {
        "query": documents.whole_list().document,
        "variables": {"unit": unit, "at": POWER_DAY},
    }
    shape = ""
    for n in range(options.rounds):
        progress(f"power list, round {n + 1} of {options.rounds}")
        with httpx.Client(timeout=600) as client:
            timed = client.get(f"{floor.url}/usecase", params={"unit": unit, "at": POWER_DAY})
            use_case.append(timed.json())
            encoded.append(client.post(f"{floor.url}/encode", json=whole_list).json())
        page = [_walk(service.port, query, unit, 1) for _ in range(repeats)]
        ours = [_walk(service.port, query, unit, None) for _ in range(repeats)]
        theirs = [_walk(floor.port, query, unit, None) for _ in range(repeats)]
        if ours[0][1] != theirs[0][1]:
            raise RuntimeError(f"service {ours[0][1]} rows, floor {theirs[0][1]}")
        first.append(statistics.median(t for t, _, _ in page) * 1000)
        whole.append(statistics.median(t for t, _, _ in ours) * 1000)
        floor_whole.append(statistics.median(t for t, _, _ in theirs) * 1000)
        shape = (
            f"{unit}: {ours[0][1]:,} rows, {ours[0][2] / 1000:,.0f} KB in all; "
            f"first page {page[0][1]} rows"
        )
    notes.append(f"power list of the biggest unit on {POWER_DAY}: {shape}")
    whole_ms = statistics.median(u["ms"] for u in use_case)
    cold_ms = use_case[0]["first_ms"]
    what = f"service.power_list {whole_ms:.2f} ms (first call of the run {cold_ms:.1f} ms)"
    if use_case[0]["page_ms"] is not None:  # the use case the paged request runs
        case_ms = [u["page_ms"] for u in use_case]
        what = f"service.power_list_page(first=200); {what}"
    else:
        case_ms = [u["ms"] for u in use_case]
    first_ratio = [f / u for f, u in zip(first, case_ms, strict=True)]
    whole_ratio = [w / f for w, f in zip(whole, floor_whole, strict=True)]
    fast = statistics.median(e["orjson_ms"] for e in encoded)
    slow = statistics.median(e["json_ms"] for e in encoded)
    sizes = encoded[0]["bytes"]
    return [
        Row(
            "encode the whole power list: json / orjson",
            slow / fast,
            "×",
            note=f"{slow:.1f} ms → {fast:.2f} ms; {sizes['json'] / 1000:,.0f} KB escaped "
            f"(\\uXXXX), {sizes['orjson'] / 1000:,.0f} KB in UTF-8",
        ),
        Row(
            "powerList use case in process",
            statistics.median(case_ms),
            "ms",
            note=f"{what}; median of 9 per round, {spread(case_ms)}",
        ),
        Row(
            "powerList first page over HTTP",
            statistics.median(first),
            "ms",
            note=spread(first),
        ),
        Row(
            "first page over HTTP / use case",
            statistics.median(first_ratio),
            "×",
            target=3,
            note=spread(first_ratio),
        ),
        Row(
            "powerList whole list over HTTP: service",
            statistics.median(whole),
            "ms",
            note=f"floor {statistics.median(floor_whole):,.0f} ms; {spread(whole)}",
        ),
        Row(
            "whole list service / floor",
            statistics.median(whole_ratio),
            "×",
            target=2,
            note=spread(whole_ratio),
        ),
    ]
