"""``graph-service serve`` processes for the change-log tests: start, ask, stop, kill.

Several instances may share one data directory (the second reuses the embedded FalkorDB the first
started); each is asked over plain HTTP so that the tests see the consistency tokens
(``extensions.revision``, ``X-At-Least-Revision``) exactly as a client does.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from graph_service.storage.falkordb import server

from .procs import COMMAND, REPO, command_env, free_port, issue_token

START_TIMEOUT = 120.0

LOAD = """
mutation Load($document: JSON!) {
  loadDataset(document: $document) {
    __typename
    ... on LoadSucceeded { revision changeId }
    ... on ValidationFailed { message }
  }
}
"""


class WriteRefusedError(Exception):
    """The service answered a write with errors (what they were is the argument)."""


@dataclass
class Instance:
    """One running ``serve`` process."""

    process: subprocess.Popen[bytes]
    url: str
    data_dir: Path
    stderr: Path
    token: str | None = None  # an administrator's, for writes
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    def ask(self, query: str, variables: dict[str, Any] | None = None, **headers: str) -> Any:
        """The whole GraphQL response (``data``, ``errors``, ``extensions``) as JSON."""
        response = self.client.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={name.replace("_", "-"): value for name, value in headers.items()},
        )
        response.raise_for_status()
        return response.json()

    def load(self, document: dict[str, Any], client: httpx.Client | None = None) -> tuple[int, str]:
        """``loadDataset``: the acknowledged ``(revision, change id)``; ``WriteRefusedError``
        when the service answers with an error instead."""
        response = (client or self.client).post(
            f"{self.url}/graphql",
            json={"query": LOAD, "variables": {"document": document}},
            headers={"Authorization": f"Bearer {self.token}"} if self.token else {},
        )
        response.raise_for_status()
        answer = response.json()
        if answer.get("errors"):
            raise WriteRefusedError(answer["errors"])
        payload = answer["data"]["loadDataset"]
        if payload["__typename"] != "LoadSucceeded":
            raise WriteRefusedError(payload)
        return int(payload["revision"]), str(payload["changeId"])

    def readiness(self) -> dict[str, Any]:
        """``/readyz``: revision, head, lag and ``export_lag`` (the derived HOLDS)."""
        response = self.client.get(f"{self.url}/readyz", timeout=5)
        body: dict[str, Any] = response.json()
        return body

    def database_pid(self) -> int:
        """The embedded FalkorDB serving this instance's data directory."""
        pid = int((self.data_dir / server.PID_NAME).read_text().strip())
        assert pid > 0
        return pid

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM and wait: a clean shutdown; the exit code."""
        self.client.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise

    def kill(self) -> None:
        """kill -9, and wait until it is gone."""
        self.client.close()
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait(timeout=10)


def admin_token(data_dir: Path) -> str:
    """An administrator's token, created with ``graph-service token create`` on ``data_dir``."""
    return issue_token(data_dir, "--role", "admin", "--name", "e2e")


def start(
    data_dir: Path,
    logs: Path,
    name: str = "serve",
    *,
    token: str | None = None,
    follow: float = 0.2,
) -> Instance:
    """A ``serve --no-seed`` process on ``data_dir``, ready (``/readyz`` 200) on return."""
    port = free_port()
    stderr = logs / f"{name}-{time.monotonic_ns()}.stderr"
    argv = [*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-seed"]
    argv += ["--data-dir", str(data_dir)]
    env = command_env()
    env["GRAPH_SERVICE_FOLLOW_INTERVAL"] = str(follow)
    with stderr.open("wb") as err:
        process = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
    instance = Instance(process, f"http://127.0.0.1:{port}", data_dir, stderr, token)
    try:
        _wait_ready(instance)
    except BaseException:
        instance.kill()
        raise
    return instance


@contextlib.contextmanager
def serving(
    data_dir: Path, logs: Path, name: str = "serve", token: str | None = None
) -> Iterator[Instance]:
    """``start`` for a ``with`` block; stopped cleanly at its end (killed if it hangs)."""
    instance = start(data_dir, logs, name, token=token)
    try:
        yield instance
    finally:
        if instance.process.poll() is None:
            instance.stop()


def _wait_ready(instance: Instance) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            raise AssertionError(
                f"serve exited with {instance.process.returncode}:\n{instance.stderr.read_text()}"
            )
        with contextlib.suppress(httpx.TransportError):
            if instance.client.get(f"{instance.url}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.05)
    raise AssertionError(f"serve was not ready in {START_TIMEOUT}s:\n{instance.stderr.read_text()}")


def wait_dead(pid: int, timeout: float = 10) -> None:
    """Until ``pid`` has exited (a zombie counts as exited)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            stat = Path(f"/proc/{pid}/stat").read_text()
        except (ProcessLookupError, FileNotFoundError):
            return
        if stat.rsplit(")", 1)[-1].split()[0] == "Z":
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not exit")


SEARCH_ITEMS = "query Search($text: String!) { searchItems(text: $text, limit: 200) { key } }"


def one_item(n: int) -> dict[str, Any]:
    """A small write on top of ``tests/api/small_dataset``: item ``T-E2E-n`` and the act that
    assigns it to the city-management bureau (one derived holding)."""
    code = f"T-E2E-{n}"
    return {
        "$format": "authority-graph/1",
        "items": [{"code": code, "name": f"对测试违法行为{n}的处罚", "category": "penalty"}],
        "acts": [
            {
                "id": f"assign-e2e-{n}",
                "kind": "assign",
                "effective": "2024-01-01",
                "items": [code],
                "to": ["chengguan"],
                "review": "approved",  # only an approved act produces holdings
            }
        ],
    }


def found_items(instance: Instance, text: str, **headers: str) -> tuple[set[str], int]:
    """Item keys ``searchItems(text)`` finds, and the revision the answer states."""
    answer = instance.ask(SEARCH_ITEMS, {"text": text}, **headers)
    assert "errors" not in answer, answer
    keys = {hit["key"] for hit in answer["data"]["searchItems"]}
    return keys, int(answer["extensions"]["revision"])


def seconds_until_found(instance: Instance, code: str, since: float, limit: float = 5.0) -> float:
    """Poll ``instance`` until it finds item ``code``; seconds from ``since`` (monotonic)."""
    while True:
        keys, _ = found_items(instance, code)
        now = time.monotonic()
        if code in keys:
            return now - since
        if now - since > limit:
            raise AssertionError(f"{instance.url} did not answer with {code} in {limit}s")
        time.sleep(0.01)
