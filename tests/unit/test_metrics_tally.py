"""The per-request metrics kept as plain numbers expose what prometheus-client's own would.

``observe._Tally`` replaced prometheus-client's counters and histogram on the request path
(issue 15); the exposition must not change: the same names, labels, bucket counts and sums.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from graph_service.api.observe import _LATENCY_BUCKETS, Metrics

requests = st.lists(
    st.tuples(
        st.sampled_from(["/graphql", "/healthz", "other"]),
        st.sampled_from([200, 304, 400, 503]),
        st.sampled_from(["jurisdiction", "findings", "-"]),
        st.sampled_from(["ok", "NOT_FOUND", "-"]),
        st.sampled_from([*_LATENCY_BUCKETS, 0.0, 1e-4, 0.02, 40.0])
        | st.floats(0, 60, allow_nan=False),
    ),
    max_size=40,
)


def samples(text: bytes) -> set[str]:
    """Sample lines of an exposition, without comments and ``_created`` samples."""
    return {
        line
        for line in text.decode().splitlines()
        if line and not line.startswith("#") and "_created" not in line
    }


@settings(max_examples=200, deadline=None)
@given(requests)
def test_the_tally_exposes_what_prometheus_clients_metrics_would(
    seen: list[tuple[str, int, str, str, float]],
) -> None:
    metrics = Metrics(lambda: None)
    native = CollectorRegistry()
    responses = Counter("graph_http_responses", "", ["route", "status"], registry=native)
    operations = Counter("graph_graphql_requests", "", ["operation", "outcome"], registry=native)
    latency = Histogram(
        "graph_graphql_request_duration_seconds",
        "",
        ["operation"],
        buckets=_LATENCY_BUCKETS,
        registry=native,
    )
    for route, status, operation, outcome, seconds in seen:
        metrics.record(route, status, operation, outcome, seconds)
        responses.labels(route, str(status)).inc()
        if route == "/graphql" and outcome != "-":
            operations.labels(operation, outcome).inc()
            latency.labels(operation).observe(seconds)
    ours = {
        line
        for line in samples(generate_latest(metrics.registry))
        if line.startswith(("graph_http", "graph_graphql"))
    }
    assert ours == samples(generate_latest(native))


def test_cache_lookups_are_counted_by_cache_and_result() -> None:
    metrics = Metrics(lambda: None)
    for result in ("hit", "hit", "miss"):
        metrics.count_lookup("documents", result)
    text = generate_latest(metrics.registry).decode()
    assert 'graph_cache_lookups_total{cache="documents",result="hit"} 2.0' in text
    assert 'graph_cache_lookups_total{cache="documents",result="miss"} 1.0' in text
