"""A served process under hostile and failing conditions: the HTTP spec's own audit, malformed
bodies on a kept-alive connection, metrics, and the embedded database killed under it.

One process for the module (seeding Daxing takes a few seconds); the test that kills the database
runs last and checks the process came back, so the order of the others does not matter.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from .procs import REPO, Served, issue_token, serve_process, stop_processes_under

AUDIT = REPO / "tests" / "http_audit"
REQUIRE_AUDIT = os.environ.get("GRAPH_SERVICE_REQUIRE_HTTP_AUDIT") == "1"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    directory = tmp_path_factory.mktemp("hardening")
    try:
        with serve_process(directory) as process:
            yield process
    finally:
        stop_processes_under(directory)


def test_the_graphql_over_http_audit_passes_without_warnings(served: Served) -> None:
    node = shutil.which("node")
    if node is None or not (AUDIT / "node_modules" / "graphql-http").exists():
        reason = "node or tests/http_audit/node_modules missing (npm ci --prefix tests/http_audit)"
        if REQUIRE_AUDIT:
            pytest.fail(reason)
        pytest.skip(reason)
    run = subprocess.run(
        [node, str(AUDIT / "audit.mjs"), f"{served.url}/graphql"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["error"] == []
    assert summary["warn"] == []
    assert summary["ok"] >= 50


@pytest.mark.parametrize(
    "body", [b"null", b"42", b'{"query": "\xff"}', b"[" * 1_000 + b"]" * 1_000]
)
def test_a_malformed_body_keeps_the_connection_open(served: Served, body: bytes) -> None:
    where = urlsplit(served.url)
    connection = http.client.HTTPConnection(where.hostname or "", where.port, timeout=10)
    try:
        connection.request(
            "POST", "/graphql", body=body, headers={"content-type": "application/json"}
        )
        refused = connection.getresponse()
        payload = json.loads(refused.read())
        assert refused.status == 400
        assert payload["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
        assert not refused.will_close, "the server closed the connection"
        connection.request(
            "POST",
            "/graphql",
            body=b'{"query": "{ __typename }"}',
            headers={"content-type": "application/json"},
        )
        answered = connection.getresponse()
        assert answered.status == 200
        assert json.loads(answered.read())["data"] == {"__typename": "Query"}
    finally:
        connection.close()


def test_errors_are_logged_as_json_lines_with_the_request_id(served: Served) -> None:
    # by default (GRAPH_SERVICE_ACCESS_LOG=off) a plain success gets no line, an error always does
    fine = httpx.get(f"{served.url}/healthz", headers={"x-request-id": "log-check-ok"})
    assert fine.status_code == 200
    refused = httpx.post(
        f"{served.url}/graphql",
        content=b"null",
        headers={"x-request-id": "log-check-1", "content-type": "application/json"},
    )
    assert refused.status_code == 400
    assert served.stderr is not None
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [json.loads(line) for line in served.stderr.read_text().splitlines() if line]
        mine = [line for line in lines if line.get("request_id") == "log-check-1"]
        if mine:
            assert mine[0]["event"] == "request"
            assert mine[0]["status"] == 400
            assert mine[0]["principal"] == "anonymous"
            assert not [line for line in lines if line.get("request_id") == "log-check-ok"]
            return
        time.sleep(0.1)
    pytest.fail("no log line carries the request id")


def test_metrics_count_requests_and_describe_the_projection(served: Served) -> None:
    httpx.post(f"{served.url}/graphql", json={"query": '{ searchItems(text: "吸烟") { key } }'})
    text = httpx.get(f"{served.url}/metrics").text
    assert 'graph_graphql_requests_total{operation="searchItems",outcome="ok"}' in text
    assert "graph_graphql_request_duration_seconds_bucket" in text
    records = next(
        line for line in text.splitlines() if line.startswith("graph_projection_records")
    )
    assert float(records.split()[-1]) > 500
    assert 'graph_findings{kind="OVERLAP"}' in text
    assert "graph_export_lag_revisions" in text


def test_a_killed_database_is_restarted_and_readiness_says_so(served: Served) -> None:
    # history is the justice bureau's to read: a token made by the CLI before the database dies
    token = issue_token(
        served.stdout.parent / "data", "--role", "justice_bureau", "--name", "司法局-hardening"
    )
    auth = {"Authorization": f"Bearer {token}"}
    [database] = served.database_pids
    os.kill(database, signal.SIGKILL)
    seen: list[int] = []
    history = '{ history(kind: ITEM, key: "SEED-CF-014") { revision } }'
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready = httpx.get(f"{served.url}/readyz", timeout=5)
        seen.append(ready.status_code)
        if ready.status_code == 200 and ready.json()["store_restarts"] == 1:
            break
        if ready.status_code == 503:
            answer = httpx.post(
                f"{served.url}/graphql", json={"query": history}, headers=auth
            ).json()
            if "errors" in answer:
                [error] = answer["errors"]
                assert error["extensions"] == {"code": "STORE_UNAVAILABLE", "retryable": True}
                assert "sock" not in error["message"]
        time.sleep(0.05)
    else:
        pytest.fail(f"the database was not restarted; readiness answered {seen}")
    answer = httpx.post(f"{served.url}/graphql", json={"query": history}, headers=auth).json()
    assert "errors" not in answer, answer
    assert answer["data"]["history"], "the history survived the restart"
