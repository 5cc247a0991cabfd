"""What operators see of each request: its id and principal in every log line, and metrics.

``RequestState`` lives in a context variable for the duration of one HTTP request: the gate
(``gate.py``) creates it, the GraphQL view fills in the operation and its outcome, and the gate
writes the metrics from it when the response is sent, and an access log line when ``AccessLog``
wants one: always for an error or a slow request, otherwise only every request or one in N as
configured (by default none: a line per request was 5% of a small query's time in issue 15's
profile; ADR 0013).

``Metrics`` owns one prometheus-client registry per app (so tests can build many apps), served
at ``/metrics``: requests by operation and outcome with latency histograms, HTTP responses by
status, store errors by code, cache hits and misses (documents and answers), and gauges read at
scrape time from the open service (projection size, findings by kind on today's date, revision
and export lag). The per-request counts are kept as plain numbers and turned into metric
families only when scraped (``_Tally``).
"""

from __future__ import annotations

import itertools
import os
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date

from prometheus_client import CollectorRegistry, Counter
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

from graph_service.service import ServiceContext

ANONYMOUS = "anonymous"
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
_BUCKET_LABELS = (*map(floatToGoString, _LATENCY_BUCKETS), "+Inf")  # ``le`` as prometheus writes it


@dataclass(slots=True)
class RequestState:
    """One request as the log and the metrics describe it."""

    id: str = field(default_factory=lambda: os.urandom(8).hex())  # 16 hex digits
    principal: str = ANONYMOUS  # set by authentication once principals exist
    started: float = field(default_factory=time.perf_counter)
    media: str | None = None  # negotiated response type of /graphql
    status: int | None = None  # status the view wants when it differs from strawberry's
    operation_type: str | None = None  # query / mutation
    operation: str = "-"  # root fields of the operation run, e.g. "jurisdiction"
    outcome: str = "-"  # "ok" or the first error's code


class AccessLog:
    """Which requests get an access log line (``GRAPH_SERVICE_ACCESS_LOG``).

    ``every`` 0 logs only errors (HTTP status 400 and above, or a GraphQL error code) and
    requests slower than ``slow_seconds``; 1 logs every request; N also one in N of the others.
    """

    def __init__(self, every: int = 0, slow_seconds: float = 1.0) -> None:
        self.every = every
        self.slow_seconds = slow_seconds
        self._seen = itertools.count(1)

    def wanted(self, state: RequestState, status: int, seconds: float) -> bool:
        if status >= 400 or state.outcome not in ("ok", "-") or seconds >= self.slow_seconds:
            return True
        if self.every == 0:
            return False
        return self.every == 1 or next(self._seen) % self.every == 0


_current: ContextVar[RequestState | None] = ContextVar("graph_request", default=None)


def current_request() -> RequestState:
    """The state of the request being served (a detached one outside any request)."""
    state = _current.get()
    if state is None:
        state = RequestState()
        _current.set(state)
    return state


def begin_request(state: RequestState) -> None:
    _current.set(state)


class Metrics:
    """The app's metrics and its registry; ``expose`` renders them for Prometheus."""

    def __init__(self, service: Callable[[], ServiceContext | None]) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.store_errors = Counter(
            "graph_store_errors",
            "Store failures seen by requests or readiness checks, by error code.",
            ["code"],
            registry=self.registry,
        )
        self._tally = _Tally()
        self.registry.register(self._tally)
        self.registry.register(_ServiceCollector(service))

    def observe(self, state: RequestState, route: str, status: int) -> None:
        """Count a response, and the GraphQL operation it answered with its latency."""
        elapsed = time.perf_counter() - state.started
        self.record(route, status, state.operation, state.outcome, elapsed)

    def record(self, route: str, status: int, operation: str, outcome: str, seconds: float) -> None:
        """``observe`` of a response whose request took ``seconds``."""
        tally = self._tally
        key = (route, status)
        tally.responses[key] = tally.responses.get(key, 0) + 1
        if route == "/graphql" and outcome != "-":
            asked = (operation, outcome)
            tally.requests[asked] = tally.requests.get(asked, 0) + 1
            latency = tally.latency.get(operation)
            if latency is None:
                latency = tally.latency[operation] = _Histogram()
            latency.observe(seconds)

    def count_lookup(self, cache: str, result: str) -> None:
        """A lookup of /graphql's document or response cache (hit, miss, not_modified)."""
        key = (cache, result)
        lookups = self._tally.lookups
        lookups[key] = lookups.get(key, 0) + 1


class _Histogram:
    """Observations in the latency buckets (each counted once, in the first bucket that holds
    it; the last is +Inf), and their sum."""

    __slots__ = ("counts", "total")

    def __init__(self) -> None:
        self.counts = [0] * (len(_LATENCY_BUCKETS) + 1)
        self.total = 0.0

    def observe(self, seconds: float) -> None:
        self.counts[bisect_left(_LATENCY_BUCKETS, seconds)] += 1
        self.total += seconds

    def cumulative(self) -> list[tuple[str, float]]:
        return list(zip(_BUCKET_LABELS, itertools.accumulate(self.counts), strict=True))


class _Tally(Collector):
    """The per-request metrics, kept as plain numbers and turned into metric families when
    scraped.

    prometheus-client's counters take a lock on every increment, its histograms one per
    observation: the five a small query made cost ~5 µs of it (issue 15). Requests are answered
    on the event loop's one thread, so these counts are updated without locks; ``collect`` reads
    them as they are at scrape time. The names, labels and buckets are those the metrics always
    had (counters without their ``_created`` sample).
    """

    def __init__(self) -> None:
        self.responses: dict[tuple[str, int], int] = {}  # (route, status)
        self.requests: dict[tuple[str, str], int] = {}  # (operation, outcome)
        self.latency: dict[str, _Histogram] = {}  # by operation
        self.lookups: dict[tuple[str, str], int] = {}  # (cache, result)

    def describe(self) -> Iterable[Metric]:
        return []

    def collect(self) -> Iterable[Metric]:
        requests = CounterMetricFamily(
            "graph_graphql_requests",
            "GraphQL operations by root field and outcome (ok or the first error code).",
            labels=["operation", "outcome"],
        )
        for (operation, outcome), count in sorted(self.requests.items()):
            requests.add_metric([operation, outcome], count)
        latency = HistogramMetricFamily(
            "graph_graphql_request_duration_seconds",
            "Time to answer a GraphQL operation, by root field.",
            labels=["operation"],
        )
        for operation, histogram in sorted(self.latency.items()):
            latency.add_metric([operation], histogram.cumulative(), histogram.total)
        responses = CounterMetricFamily(
            "graph_http_responses",
            "HTTP responses by route and status.",
            labels=["route", "status"],
        )
        for (route, status), count in sorted(self.responses.items()):
            responses.add_metric([route, str(status)], count)
        lookups = CounterMetricFamily(
            "graph_cache_lookups",
            "Cache lookups of /graphql by cache (documents: parsed and validated documents; "
            "responses: serialized answers) and result (hit, miss, not_modified).",
            labels=["cache", "result"],
        )
        for (cache, result), count in sorted(self.lookups.items()):
            lookups.add_metric([cache, result], count)
        return [requests, latency, responses, lookups]


class _ServiceCollector(Collector):
    """Gauges read from the open service at scrape time; findings cached per projection/day."""

    def __init__(self, service: Callable[[], ServiceContext | None]) -> None:
        self._service = service
        self._findings_key: tuple[int, date] | None = None
        self._findings: dict[str, int] = {}

    def describe(self) -> Iterable[Metric]:
        return []

    def collect(self) -> Iterable[Metric]:
        ctx = self._service()
        records = GaugeMetricFamily(
            "graph_projection_records", "Records in the in-memory projection."
        )
        findings = GaugeMetricFamily(
            "graph_findings", "Findings on today's date, by kind.", labels=["kind"]
        )
        revision = GaugeMetricFamily(
            "graph_projection_revision", "Change-log revision the projection reflects."
        )
        lag = GaugeMetricFamily(
            "graph_export_lag_revisions",
            "Revisions whose derived HOLDS links are not yet written to the store.",
        )
        if ctx is not None:
            records.add_metric([], ctx.projection.dataset.size())
            for kind, count in sorted(self._count_findings(ctx).items()):
                findings.add_metric([kind], count)
            revision.add_metric([], ctx.revision)
            exporter = ctx.dispatcher.exporter
            lag.add_metric([], 0 if exporter is None else exporter.lag)
        return [records, findings, revision, lag]

    def _count_findings(self, ctx: ServiceContext) -> dict[str, int]:
        today = date.today()
        key = (id(ctx.projection), today)
        if key != self._findings_key:
            counts: dict[str, int] = {}
            for finding in ctx.projection.findings(today):
                counts[finding.kind.value] = counts.get(finding.kind.value, 0) + 1
            self._findings, self._findings_key = counts, key
        return self._findings
