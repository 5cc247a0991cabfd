"""A served ``graph-service`` process for browser tests and the browser benchmark.

Started once per session on a free port with the Daxing seed in a temporary data dir, and stopped
(with its embedded FalkorDB) when the session ends, as the e2e tests do.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.e2e.procs import COMMAND, REPO, command_env, free_port, stop_processes_under

START_TIMEOUT = 120.0


class ServeFailedError(RuntimeError):
    """The service did not become ready; the message carries its stderr."""


@contextmanager
def served_service(directory: Path) -> Iterator[str]:
    """The base URL of ``graph-service serve`` running on the seed in ``directory``."""
    port = free_port()
    argv = [*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--data-dir", str(directory / "data")]
    stdout, stderr = directory / "stdout.txt", directory / "stderr.txt"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(argv, cwd=REPO, env=command_env(), stdout=out, stderr=err)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(process, url, stderr)
        yield url
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        stop_processes_under(directory)


def _wait_ready(process: subprocess.Popen[bytes], url: str, stderr: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServeFailedError(f"serve exited with {process.returncode}:\n{stderr.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise ServeFailedError(f"serve was not ready within {START_TIMEOUT}s:\n{stderr.read_text()}")
