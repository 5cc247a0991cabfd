"""The processes the HTTP benchmark measures: ``serve`` variants and the two references.

Each is started on a free port with its own log file, and stopped (SIGTERM, then waited for) on
exit. Every one runs the same uvicorn configuration (``bootstrap.uvicorn_config``) from the same
``GRAPH_SERVICE_*`` settings, unless a variant changes them on purpose.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from graph_service.storage.falkordb.server import PID_NAME

from ..served import READY_TIMEOUT, _free_port, environment

PYTHON = sys.executable

# The service before issue 15's serving stack: h11, the stdlib loop and json, a line per request.
BEFORE = {"GRAPH_SERVICE_HTTP": "h11", "GRAPH_SERVICE_LOOP": "asyncio"}
BEFORE_LOG = {"GRAPH_SERVICE_ACCESS_LOG": "all"}


@dataclass(frozen=True, slots=True)
class Variant:
    """A way to run ``serve``: settings in the environment, and the command that starts it."""

    name: str
    env: dict[str, str] = field(default_factory=dict)
    module: str = "graph_service.cli"


NOW = Variant("service")
STDJSON = "benchmarks.over_http.stdjson"
VARIANTS = {  # serve as before issue 15, on uvloop, and each "before" choice alone
    "before": Variant("before", {**BEFORE, **BEFORE_LOG}, STDJSON),
    "uvloop": Variant("uvloop", {"GRAPH_SERVICE_LOOP": "uvloop"}),
    "h11": Variant("h11", {"GRAPH_SERVICE_HTTP": "h11"}),
    "stdjson": Variant("stdjson", {}, STDJSON),
    "log-all": Variant("log-all", BEFORE_LOG),
}
BEYOND = ("before", "uvloop")  # the variants also loaded past saturation


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid


def _env(extra: dict[str, str]) -> dict[str, str]:
    # requests are logged as in production (info), to a file; the embedded store's export of
    # derived HOLDS links is off so that it cannot run during a measurement
    base = {
        "GRAPH_SERVICE_LOG_LEVEL": "info",
        "GRAPH_SERVICE_LOG_FORMAT": "json",
        "GRAPH_SERVICE_WRITE_BACK_HOLDINGS": "false",
    }
    return environment(**{**base, **extra})


def start_service(variant: Variant, data_dir: Path, *, seed: bool, work: Path) -> Server:
    port = _free_port()
    argv = [PYTHON, "-m", variant.module, "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--data-dir", str(data_dir), "--seed" if seed else "--no-seed"]
    return _start(variant.name, argv, port, work, variant.env)


def start_reference(kind: str, work: Path, data_dir: Path | None = None) -> Server:
    port = _free_port()
    argv = [PYTHON, "-m", "benchmarks.over_http.reference", kind, "--port", str(port)]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return _start(kind, argv, port, work, {})


def _start(name: str, argv: list[str], port: int, work: Path, env: dict[str, str]) -> Server:
    log = work / f"{name}-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(argv, env=_env(env), stdout=out, stderr=subprocess.STDOUT)
    return Server(name, process, port, log)


def wait_ready(servers: list[Server]) -> None:
    """Until every server answers ``/healthz``; a server that exits fails the run with its log."""
    deadline = time.monotonic() + READY_TIMEOUT
    waiting = list(servers)
    with httpx.Client(timeout=5) as client:
        while waiting:
            if time.monotonic() > deadline:
                raise RuntimeError(f"not ready in {READY_TIMEOUT:.0f} s: {waiting[0].name}")
            for server in list(waiting):
                if server.process.poll() is not None:
                    raise RuntimeError(f"{server.name} exited:\n{server.log.read_text()[-4000:]}")
                with contextlib.suppress(httpx.TransportError):
                    if client.get(f"{server.url}/healthz").status_code == 200:
                        waiting.remove(server)
            time.sleep(0.2)


def stop(servers: list[Server]) -> None:
    for server in servers:
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGTERM)
    for server in servers:
        try:
            server.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def stop_database(data_dir: Path, timeout: float = 30) -> None:
    """Stop the embedded FalkorDB of ``data_dir`` when the servers that shared it are gone.

    The service stops the database it started only when no other client is connected as it
    shuts down; the floor, stopped at the same moment, may still be, and then the database
    outlives the run.
    """
    pid_file = data_dir / PID_NAME
    with contextlib.suppress(OSError, ValueError):
        pid = int(pid_file.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)


def _alive(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie (a child of ours not yet reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@contextlib.contextmanager
def running(servers: list[Server], data_dir: Path | None = None) -> Iterator[list[Server]]:
    """Ready servers for the block; stopped after it, and the database they shared with them."""
    try:
        wait_ready(servers)
        yield servers
    finally:
        stop(servers)
        if data_dir is not None:
            stop_database(data_dir)
