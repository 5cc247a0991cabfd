"""``graph-service`` processes for the write benchmarks: ``load``, ``serve``, and asking over HTTP.

The write figures are end to end, as a client sees them: a real ``serve`` process on an embedded
FalkorDB in a temporary directory, asked with GraphQL over HTTP. Timings are taken by the client
(``perf_counter`` around the request).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

COMMAND = [sys.executable, "-m", "graph_service.cli"]
READY_TIMEOUT = 900.0  # a Beijing-scale projection takes a while on a busy machine

LOAD = """
mutation Load($document: JSON!) {
  loadDataset(document: $document) {
    __typename
    ... on LoadSucceeded { revision }
    ... on ValidationFailed { message problems { path message } }
  }
}
"""


def environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GRAPH_SERVICE_DATA_DIR", None)
    env["GRAPH_SERVICE_LOG_LEVEL"] = "warning"
    env.update(extra)
    return env


def admin_token(data_dir: Path) -> str:
    """``graph-service token create --role admin``: a token for the benchmark's writes."""
    argv = [*COMMAND, "token", "create", "--role", "admin", "--name", "benchmark"]
    done = subprocess.run(
        [*argv, "--data-dir", str(data_dir)],
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"graph-service token create failed:\n{done.stderr[-4000:]}")
    return done.stdout.strip()


def cli_load(path: Path, data_dir: Path) -> float:
    """``graph-service load PATH --data-dir DATA_DIR``: seconds from start to exit."""
    started = time.perf_counter()
    done = subprocess.run(
        [*COMMAND, "load", str(path), "--data-dir", str(data_dir), "--by", "benchmark"],
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"graph-service load failed:\n{done.stderr[-4000:]}")
    return seconds


@dataclass
class Instance:
    """A running ``graph-service serve``; one HTTP client per calling thread."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path
    token: str
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=120))

    def ask(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        client: httpx.Client | None = None,
        at_least: int | None = None,
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if at_least is not None:
            headers["X-At-Least-Revision"] = str(at_least)
        response = (client or self.client).post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=headers,
        )
        response.raise_for_status()
        answer: dict[str, Any] = response.json()
        if answer.get("errors"):
            raise RuntimeError(f"GraphQL errors: {answer['errors']}")
        return answer

    def load(self, document: dict[str, Any], client: httpx.Client | None = None) -> int:
        """``loadDataset``; the revision it was written as."""
        payload = self.ask(LOAD, {"document": document}, client=client)["data"]["loadDataset"]
        if payload["__typename"] != "LoadSucceeded":
            raise RuntimeError(f"write refused: {payload}")
        return int(payload["revision"])

    def readiness(self) -> dict[str, Any]:
        body: dict[str, Any] = self.client.get(f"{self.url}/readyz", timeout=30).json()
        return body

    def wait_export_settled(self, timeout: float = 1800.0) -> float:
        """Seconds until ``/readyz`` says the derived HOLDS export has nothing left to do."""
        started = time.perf_counter()
        while self.readiness().get("export_lag") != 0:
            if time.perf_counter() - started > timeout:
                raise RuntimeError("the HOLDS export did not settle")
            time.sleep(0.2)
        return time.perf_counter() - started


@contextlib.contextmanager
def serving(data_dir: Path, name: str, token: str, **env: str) -> Iterator[Instance]:
    """``serve --no-seed`` on ``data_dir``; stopped (SIGTERM, then waited for) on exit."""
    port = _free_port()
    log = data_dir.parent / f"{name}.log"
    argv = [*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-seed"]
    argv += ["--data-dir", str(data_dir)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv, env=environment(**env), stdout=out, stderr=subprocess.STDOUT
        )
    instance = Instance(process, f"http://127.0.0.1:{port}", log, token)
    try:
        _wait_ready(instance)
        yield instance
    finally:
        instance.client.close()
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=300)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_ready(instance: Instance) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            raise RuntimeError(f"serve exited:\n{instance.log.read_text()[-4000:]}")
        with contextlib.suppress(httpx.TransportError):
            if instance.client.get(f"{instance.url}/readyz", timeout=5).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"serve was not ready in {READY_TIMEOUT:.0f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
