"""A real Neo4j Community server for the tests and the benchmarks, started from ``tests/neo4j/``.

``tests/neo4j/pom.xml`` names the in-process test harness (Neo4j 5.26 LTS); Maven copies its jars
to ``tests/neo4j/target/dependency`` once, and ``Launcher.java`` runs from source on that class
path (no build step). ``start()`` launches it on a free loopback port and waits for its ready line;
``Neo4jServer.stop()`` ends it by pid with SIGTERM (a clean shutdown that deletes its data).

A machine without Java 17+ (or without Maven and without the copied jars) cannot run it:
``unavailable()`` says why, and the tests that need Neo4j skip with that reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

LAUNCHER_DIR = Path(__file__).resolve().parent / "neo4j"
POM = LAUNCHER_DIR / "pom.xml"
LAUNCHER = LAUNCHER_DIR / "Launcher.java"
DEPENDENCIES = LAUNCHER_DIR / "target" / "dependency"
STAMP = ".resolved-pom-sha256"  # in DEPENDENCIES: which pom.xml the jars were copied for
READY = re.compile(r"^neo4j ready (bolt://\S+)\s*$", re.M)
START_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0
MIN_JAVA = 17


def _java_major() -> int | None:
    """The major version of ``java`` on PATH, or None without one."""
    java = shutil.which("java")
    if java is None:
        return None
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    found = re.search(r'version "(\d+)', probe.stderr)
    return int(found.group(1)) if found else None


def dependencies_resolved() -> bool:
    """Whether Maven has copied the harness's jars (and not for an older ``pom.xml``)."""
    stamp = DEPENDENCIES / STAMP
    return stamp.exists() and stamp.read_text() == _pom_digest()


def _pom_digest() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


def unavailable() -> str | None:
    """Why the test Neo4j cannot start on this machine, or None when it can."""
    major = _java_major()
    if major is None:
        return "no java on PATH (Neo4j 5 needs Java 17+; see docs/deploy-neo4j.md)"
    if major < MIN_JAVA:
        return f"java {major} on PATH; Neo4j 5 needs Java {MIN_JAVA}+"
    if not dependencies_resolved() and shutil.which("mvn") is None:
        return "no mvn on PATH to fetch the Neo4j jars (tests/neo4j/pom.xml)"
    return None


def resolve_dependencies() -> None:
    """Copy the harness's jars into ``tests/neo4j/target/dependency`` (once per ``pom.xml``)."""
    if dependencies_resolved():
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise RuntimeError("mvn is needed to fetch the Neo4j jars")
    argv = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies"]
    argv += ["-DincludeScope=runtime", "-DoverWriteIfNewer=true"]
    subprocess.run(argv, check=True)
    (DEPENDENCIES / STAMP).write_text(_pom_digest())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Neo4jServer:
    """A running launcher: its Bolt URI, process and log file."""

    uri: str
    process: subprocess.Popen[bytes]
    log: Path
    started_in: float  # seconds from launch to the ready line

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> int:
        """SIGTERM by pid and wait for the clean shutdown (SIGKILL after a minute); exit code."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        return self.process.returncode


def start(
    workdir: Path,
    *,
    port: int | None = None,
    heap_mb: int = 512,
    page_cache_mb: int = 64,
    timeout: float = START_TIMEOUT,
) -> Neo4jServer:
    """Launch Neo4j on ``127.0.0.1:port`` (a free one by default) and wait until Bolt is up.

    The server keeps its database in a fresh folder under ``workdir`` and its console output in
    ``workdir/neo4j.log``. It also stops when its standard input closes, so a test run that is
    killed does not leave it behind.
    """
    resolve_dependencies()
    workdir.mkdir(parents=True, exist_ok=True)
    argv = [
        "java",
        f"-Xms{min(heap_mb, 256)}m",
        f"-Xmx{heap_mb}m",
        "-cp",
        f"{DEPENDENCIES}/*",
        str(LAUNCHER),
        "--port",
        str(port or free_port()),
        "--workdir",
        str(workdir),
        "--page-cache-mb",
        str(page_cache_mb),
        "--stop-on-eof",
    ]
    log = workdir / "neo4j.log"
    began = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=out)
    uri = _wait_ready(process, log, began + timeout)
    return Neo4jServer(uri, process, log, time.monotonic() - began)


def _wait_ready(process: subprocess.Popen[bytes], log: Path, deadline: float) -> str:
    while time.monotonic() < deadline:
        found = READY.search(log.read_text(errors="replace"))
        if found:
            return found.group(1)
        if process.poll() is not None:
            raise RuntimeError(f"Neo4j exited with {process.returncode}:\n{_tail(log)}")
        time.sleep(0.1)
    process.kill()
    process.wait()
    if process.stdin is not None:
        process.stdin.close()
    raise RuntimeError(f"Neo4j was not ready in time:\n{_tail(log)}")


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
