"""kill -9 of the service, or of its FalkorDB, during a stream of acknowledged writes.

A client sends small ``loadDataset`` writes one after another and notes every acknowledged
revision; the test kills the service process (the embedded server survives it and is reused) or
the server (the service restarts it from its append-only file and writes go on until the writer
stops), ten times, alternately, and starts the service again after each. Afterwards:

- no acknowledged write is lost: every acknowledged ``(revision, change id)`` is in the log, and
  the log's revisions run 1, 2, 3 … without a hole;
- the log is the truth: folding it gives the stored records;
- the restarted service answers as a projection replayed from the store would;
- the derived ``HOLDS`` links are reconciled with that projection once the export settles.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import signal
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from falkordb import FalkorDB

from graph_service.domain.changes import fold
from graph_service.engine.projection import Projection
from graph_service.storage.falkordb import open_store, server
from tests.api.small_dataset import small_document

from .serving import (
    Instance,
    WriteRefusedError,
    admin_token,
    found_items,
    one_item,
    start,
    wait_dead,
)

KILLS = 10
WRITING = (0.1, 0.5)  # seconds of acknowledged writes before each kill
AT = date(2024, 6, 1)
POWER_LIST = """
query PowerList($unit: String!, $at: Date!) {
  powerList(unit: $unit, at: $at) { item { code } role }
}
"""
FINDINGS = """
query Findings($at: Date!, $after: String) {
  findings(at: $at, first: 200, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}
"""


class Writer(threading.Thread):
    """Writes ``one_item(n)`` in a loop until the service stops answering; notes every ack."""

    def __init__(self, instance: Instance, numbers: itertools.count[int]) -> None:
        super().__init__(daemon=True)
        self.instance = instance
        self.numbers = numbers
        self.acknowledged: dict[int, str] = {}
        self.error: BaseException | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        client = httpx.Client(timeout=30)
        try:
            while not self.stop.is_set():
                try:
                    revision, change = self.instance.load(one_item(next(self.numbers)), client)
                except (httpx.HTTPStatusError, WriteRefusedError) as exc:
                    if not _retryable(exc):
                        raise
                    time.sleep(0.05)  # the database is being restarted: retry, as clients do
                    continue
                self.acknowledged[revision] = change
        except (httpx.HTTPError, WriteRefusedError) as exc:
            self.error = exc
        finally:
            client.close()


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code == 503
    return "STORE_UNAVAILABLE" in str(exc)


def test_acknowledged_writes_survive_ten_kill_9s_and_the_restart_replays_the_store(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    rng = random.Random(8)
    numbers = itertools.count()
    acknowledged: dict[int, str] = {}
    token = admin_token(data)
    instance = start(data, tmp_path, token=token)
    try:
        revision, change = instance.load(small_document())
        acknowledged[revision] = change
        for kill in range(KILLS):
            writer = Writer(instance, numbers)
            writer.start()
            _wait_for_acks(writer)
            time.sleep(rng.uniform(*WRITING))
            if kill % 2 == 0:
                instance.kill()
                writer.join(timeout=60)
                assert writer.error is not None, "the service is gone: the writer's request fails"
            else:
                database = instance.database_pid()
                before = len(writer.acknowledged)
                os.kill(database, signal.SIGKILL)
                wait_dead(database)
                _wait_for_acks(writer, more_than=before)  # the service restarts its database
                writer.stop.set()
                writer.join(timeout=60)
                instance.stop()
            assert not writer.is_alive()
            acknowledged.update(writer.acknowledged)

            instance = start(data, tmp_path, token=token)
            _, at = found_items(instance, "T-E2E")
            assert at >= max(acknowledged), f"after kill {kill + 1} the service is at {at}"

        asyncio.run(_assert_log_keeps_every_acknowledged_write(data, acknowledged))
        projection, head = asyncio.run(_replayed(data))
        _assert_answers_match(instance, projection, head)
        _assert_holdings_match(instance, data, projection)
    finally:
        if instance.process.poll() is None:
            instance.stop()
    assert len(acknowledged) > KILLS * 2


def _wait_for_acks(writer: Writer, more_than: int = 0) -> None:
    deadline = time.monotonic() + 30
    while len(writer.acknowledged) <= more_than:
        assert writer.is_alive(), f"the writer stopped before any ack: {writer.error!r}"
        assert time.monotonic() < deadline, "no write was acknowledged"
        time.sleep(0.01)


async def _assert_log_keeps_every_acknowledged_write(
    data: Path, acknowledged: dict[int, str]
) -> None:
    store = await open_store(data)
    try:
        log = await store.changes_since(0, 100_000)
        stored = await store.load_all()
        head = await store.head_revision()
    finally:
        await store.close()
    ids = {change.revision: change.record.id for change in log}
    assert [c.revision for c in log] == list(range(1, head + 1))
    lost = {r: i for r, i in acknowledged.items() if ids.get(r) != i}
    assert not lost, f"acknowledged but not in the log: {lost}"
    assert fold(log) == stored


async def _replayed(data: Path) -> tuple[Projection, int]:
    """A projection replayed from everything stored, and the revision it is at."""
    store = await open_store(data)
    try:
        snapshot = await store.snapshot()
    finally:
        await store.close()
    return Projection(snapshot.dataset), snapshot.revision


def _assert_answers_match(instance: Instance, projection: Projection, head: int) -> None:
    _, at = found_items(instance, "T-E2E")
    assert at == head

    served = _data(instance, POWER_LIST, {"unit": "chengguan", "at": AT.isoformat()})
    expected = projection.power_list("chengguan", AT)  # every T-E2E item is assigned to it
    written = {item.code for item in projection.dataset.items if item.code.startswith("T-E2E")}
    assert written <= {entry.item for entry in expected}
    assert sorted((e["item"]["code"], e["role"]) for e in served["powerList"]) == sorted(
        (e.item, e.role.name) for e in expected
    )
    replay = projection.findings(AT)
    assert replay, "the small dataset has findings (an overlap, a gap, …)"
    ids: list[str] = []
    after: str | None = None
    while True:  # every write adds findings: more than one page of 200 after many writes
        page = _data(instance, FINDINGS, {"at": AT.isoformat(), "after": after})["findings"]
        assert page["totalCount"] == len(replay)
        ids += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(ids) == sorted(f.id for f in replay)


def _assert_holdings_match(instance: Instance, data: Path, projection: Projection) -> None:
    deadline = time.monotonic() + 30
    while instance.readiness()["export_lag"] != 0:
        assert time.monotonic() < deadline, "the HOLDS export did not settle"
        time.sleep(0.05)
    database = FalkorDB(unix_socket_path=str(data.resolve() / server.SOCKET_NAME))
    try:
        result = database.select_graph("authority").query(
            "MATCH (:Unit)-[h:HOLDS]->(:PowerItem) RETURN count(h)"
        )
        assert result.result_set[0][0] == len(projection.holdings())
    finally:
        database.connection.close()


def _data(instance: Instance, query: str, variables: dict[str, Any]) -> Any:
    answer = instance.ask(query, variables)
    assert "errors" not in answer, answer
    return answer["data"]
