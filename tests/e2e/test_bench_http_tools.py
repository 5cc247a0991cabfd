"""The HTTP benchmark's own tools keep working: its load generator against its ceiling server.

Not a speed test (the figures are ``python -m benchmarks http``'s): it checks that the raw client
reads keep-alive answers correctly in both loops, counts the server's CPU, and reports a wrong
status instead of counting it as an answer.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.over_http.load import Job, measure
from benchmarks.over_http.run import raw_get, raw_post
from benchmarks.over_http.servers import running, start_reference
from graph_service.storage.falkordb import server

from .procs import is_running


def test_the_load_generator_reads_answers_from_a_served_process(tmp_path: Path) -> None:
    with running([start_reference("ceiling", tmp_path)]) as [ceiling]:
        ask = raw_post(ceiling.port, "/graphql", b'{"query": "{ __typename }"}')
        closed = measure(Job("127.0.0.1", ceiling.port, [ask], 4, 0.5, warmup=0.2, pid=ceiling.pid))
        assert closed.requests > 20
        assert not closed.failures
        assert len(closed.latencies_ms) == closed.requests
        assert 0 < min(closed.latencies_ms) <= max(closed.latencies_ms) < 5000
        assert closed.cpu_seconds is not None
        assert closed.body_bytes > 60  # the head and the fixed JSON

        opened = measure(Job("127.0.0.1", ceiling.port, [ask], 4, 0.5, warmup=0.2, rate=100))
        assert 30 <= opened.requests <= 70
        assert not opened.failures

        missing = raw_get(ceiling.port, "/nowhere")
        refused = measure(Job("127.0.0.1", ceiling.port, [missing], 1, 0.3, warmup=0.1))
        assert refused.failures.get("HTTP 404", 0) > 0


def test_a_database_the_servers_shared_is_stopped_with_them(tmp_path: Path) -> None:
    """The service leaves the embedded FalkorDB running when the floor is still connected as
    both stop; ``running(..., data_dir)`` stops it after them."""
    data_dir = tmp_path / "data"
    database = server.start_or_reuse(data_dir)
    assert database.pid is not None
    assert is_running(database.pid)
    with running([start_reference("ceiling", tmp_path)], data_dir):
        pass
    assert not is_running(database.pid), "the shared database outlived the run"
