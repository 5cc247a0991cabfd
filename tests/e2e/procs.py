"""Helpers for tests that run the real ``graph-service`` command."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

COMMAND = [sys.executable, "-m", "graph_service.cli"]
REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 120.0


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str
    stdout: Path
    database_pids: list[int]
    stderr: Path | None = None


@contextlib.contextmanager
def serve_process(directory: Path, *extra: str) -> Iterator[Served]:
    """``graph-service serve`` on a free port with its data dir in ``directory``, once ready."""
    port = free_port()
    stdout, stderr = directory / "stdout.txt", directory / "stderr.txt"
    argv = [*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--data-dir", str(directory / "data"), *extra]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(argv, cwd=REPO, env=command_env(), stdout=out, stderr=err)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(process, url, stderr)
        yield Served(process, url, stdout, children_of(process.pid), stderr)
    finally:
        _stop(process)
        # A killed service leaves its embedded FalkorDB running (it lives in its own session).
        stop_processes_under(directory)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM and wait (a clean shutdown also stops the embedded FalkorDB); kill when stuck."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _wait_ready(process: subprocess.Popen[bytes], url: str, stderr: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited with {process.returncode}:\n{stderr.read_text()}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"serve was not ready within {START_TIMEOUT}s:\n{stderr.read_text()}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def children_of(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc; the embedded FalkorDB is one)."""
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the parenthesised command: state, ppid, ...
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def is_running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def command_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GRAPH_SERVICE_DATA_DIR", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def stop_processes_under(directory: Path) -> list[int]:
    """SIGTERM every process whose command line names ``directory`` (a test's own data dir).

    A failed test may leave the embedded FalkorDB of a killed service running (it lives in its own
    session); this cleans up only what the test itself started.
    """
    stopped: list[int] = []
    needle = str(directory).encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if needle in cmdline and is_running(int(entry.name)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(entry.name), signal.SIGTERM)
                stopped.append(int(entry.name))
    return stopped


def issue_token(data_dir: Path, *args: str) -> str:
    """The secret ``graph-service token create ARGS`` prints for the store in ``data_dir``."""
    done = subprocess.run(
        [*COMMAND, "token", "create", *args, "--data-dir", str(data_dir)],
        cwd=REPO,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
