"""The embedded server's append-only file is kept as a snapshot plus a short log.

Replaying a long log into an empty graph takes FalkorDB minutes at Beijing scale (see
``storage/falkordb/compaction.py``), so writes, opening and closing rewrite a long log into a
snapshot. The limit is lowered here so that a small dataset counts as a long log.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from redis.exceptions import BusyLoadingError

from graph_service.domain.changes import ChangeSet
from graph_service.domain.errors import StoreUnavailableError
from graph_service.storage.falkordb import FalkorDBStore, compaction, open_store
from graph_service.storage.falkordb.errors import ServerLoadingError, translated

from .datasets import small

NEVER = 10**15


def _files(data_dir: Path, suffix: str) -> int:
    """Total bytes of the append-only file's parts ending in ``suffix``."""
    return sum(p.stat().st_size for p in (data_dir / "appendonlydir").glob(f"*{suffix}"))


async def test_a_write_that_leaves_a_long_log_has_it_rewritten_as_a_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compaction, "LOG_LIMIT", NEVER)
    store = await open_store(tmp_path)
    try:
        await store.apply(ChangeSet(upserts=small()))
        logged = compaction.log_bytes(store._server)
        assert logged > 10_000  # the whole dataset is in the log
        monkeypatch.setattr(compaction, "LOG_LIMIT", 10_000)
        assert compaction.compact(store._server, wait=True)
        assert compaction.log_bytes(store._server) < 1_000
        assert not compaction.compact(store._server)  # nothing left worth rewriting
    finally:
        await store.close()
    reopened = await open_store(tmp_path)
    try:
        assert await reopened.load_all() == small()
    finally:
        await reopened.close()


async def _log_shrinks(store: FalkorDBStore, seconds: float) -> None:
    for _ in range(int(seconds / 0.05)):
        if compaction.log_bytes(store._server) < 1_000:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the log was not rewritten within {seconds} s")


async def test_a_long_log_is_rewritten_once_writes_pause_not_while_they_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compaction, "LOG_LIMIT", 10_000)
    monkeypatch.setattr(compaction, "IDLE", 0.5)
    store = await open_store(tmp_path)
    try:
        await store.apply(ChangeSet(upserts=small()))
        for _ in range(3):  # writes 0.2 s apart keep pushing the rewrite back
            await asyncio.sleep(0.2)
            await store.apply(ChangeSet(upserts=small()))
            assert compaction.log_bytes(store._server) > 10_000
        await _log_shrinks(store, 10)  # rewritten after the pause
    finally:
        await store.close()


async def test_a_log_past_the_urgent_limit_is_rewritten_without_waiting_for_a_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compaction, "LOG_LIMIT", 10_000)
    monkeypatch.setattr(compaction, "URGENT_LIMIT", 10_000)
    monkeypatch.setattr(compaction, "IDLE", 3600)
    store = await open_store(tmp_path)
    try:
        await store.apply(ChangeSet(upserts=small()))
        await _log_shrinks(store, 10)
    finally:
        await store.close()


async def test_closing_the_store_leaves_a_snapshot_for_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compaction, "LOG_LIMIT", NEVER)
    store = await open_store(tmp_path)
    await store.apply(ChangeSet(upserts=small()))
    empty_snapshot = _files(tmp_path, ".rdb")
    monkeypatch.setattr(compaction, "LOG_LIMIT", 10_000)
    await store.close()  # stops the server it started, after the rewrite
    assert _files(tmp_path, ".rdb") > empty_snapshot + 10_000
    assert _files(tmp_path, ".aof") == 0
    reopened = await open_store(tmp_path)
    try:
        assert await reopened.load_all() == small()
    finally:
        await reopened.close()


def test_a_server_still_loading_is_told_apart_from_one_that_is_down() -> None:
    with pytest.raises(ServerLoadingError) as raised, translated("ping"):
        raise BusyLoadingError("Redis is loading the dataset in memory")
    assert isinstance(raised.value, StoreUnavailableError)  # callers may simply retry
