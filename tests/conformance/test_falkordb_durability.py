"""kill -9 in the middle of a large apply, of the service process or of the server: all or none.

A separate process applies a change set of thousands of records statement by statement; the test
kills it (or the redis-server) part-way, reopens the store and expects exactly the whole dataset or
exactly the one before. With the redo journal the answer is "the whole dataset" once the journal
entry was written, which happens before the first statement the child reports.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.storage.falkordb import open_store, server

from .datasets import bulk, small

SIZE = 3000
ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def child(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.conformance.durability_child", str(data_dir), str(SIZE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def read_until(process: subprocess.Popen[str], prefix: str) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"child ended before printing {prefix!r}")
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"child did not print {prefix!r} in time")


def wait_dead(pid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[-1].split()[0] == "Z":
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not die")


@pytest.fixture(autouse=True)
def no_server_left(tmp_path: Path) -> Iterator[None]:
    """Whatever happens, stop the server this test's data directory may still have."""
    yield
    with contextlib.suppress(OSError, ValueError):
        pid = int((tmp_path / server.PID_NAME).read_text())
        os.kill(pid, signal.SIGKILL)


async def seeded(data_dir: Path) -> Dataset:
    store = await open_store(data_dir)
    try:
        await store.apply(ChangeSet(upserts=small()))
    finally:
        await store.close()
    return small()


@pytest.mark.parametrize("victim", ["service", "server"])
async def test_kill_9_mid_apply_leaves_all_or_nothing(tmp_path: Path, victim: str) -> None:
    before = await seeded(tmp_path)
    whole = bulk(SIZE)
    with child(tmp_path) as process:
        server_pid = int(read_until(process, "server ").split()[1])
        read_until(process, "step 20")  # well inside the upserts
        os.kill(process.pid if victim == "service" else server_pid, signal.SIGKILL)
        wait_dead(process.pid if victim == "service" else server_pid)
        if victim == "server":
            process.wait(timeout=60)  # the child's apply fails; it exits on its own

    store = await open_store(tmp_path)
    try:
        loaded = await store.load_all()
        history = [h.change.id for h in await store.record_versions(EntityKind.UNIT, "U0")]
    finally:
        await store.close()

    assert loaded in (whole, before)
    assert loaded == whole  # the journal was written before step 0: the redo completes it
    assert history == ["bulk"]
    pid = server_pid
    if victim == "server":
        assert store.server_pid != pid  # the dead server's socket and pid file were replaced
    else:
        assert store.server_pid == pid  # the orphaned server was reused, then stopped
        wait_dead(pid)
