"""Helpers for tests that run the real ``graph-service`` command."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from pathlib import Path

COMMAND = [sys.executable, "-m", "graph_service.cli"]
REPO = Path(__file__).resolve().parents[2]


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
