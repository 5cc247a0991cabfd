"""The write path and what hangs off the change log, over each real store (embedded and Neo4j).

Each test opens one or two service instances on one store (``instance``): a write returns its
revision and is read back at once; another instance takes it in through the follower; a write
checked against an older state is checked again; a rename replays nothing; the derived HOLDS
export never fails a write; answers as recorded on a day come from the log.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, date, datetime, timedelta

import pytest

from graph_service.bootstrap import open_service
from graph_service.config import Settings
from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.dataset import parse_document
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotYetConsistentError, StoreUnavailableError
from graph_service.engine.projection import Projection
from graph_service.service import (
    ServiceContext,
    ask_jurisdiction,
    at_least,
    history,
    load_document,
    running,
)
from graph_service.service.as_recorded import projection_as_recorded
from graph_service.service.write import commit

from ..api.small_dataset import LINXIAOLU, SMOKING, XINGFENG, small_document
from ..conformance.by_hand import by_hand
from .conftest import Instance


def units_named(ctx: ServiceContext) -> dict[str, str]:
    return {u.id: u.name for u in ctx.projection.dataset.units}


async def test_a_write_returns_its_revision_and_is_read_back_at_once(instance: Instance) -> None:
    ctx = await instance()
    first = await load_document(ctx, small_document(), by="编办")
    assert (first.revision, ctx.revision) == (1, 1)
    second = await load_document(ctx, {"units": []}, by="编办", comment="空载入")
    assert (second.revision, ctx.revision) == (2, 2)
    assert ctx.change_times[-1] == (2, second.recorded_at)
    assert ctx.projection.dataset == await ctx.store.load_all()


async def test_another_instance_takes_in_a_write_through_the_follower(instance: Instance) -> None:
    one, two = await instance(), await instance()
    record = await load_document(one, small_document(), by="编办")
    async with asyncio.timeout(1):
        await at_least(two, record.revision)
    assert two.projection.dataset == one.projection.dataset
    answer = await ask_jurisdiction(two, SMOKING, XINGFENG, date(2022, 6, 1))
    assert answer == await ask_jurisdiction(one, SMOKING, XINGFENG, date(2022, 6, 1))


async def test_reading_a_revision_not_reached_in_time_is_a_retryable_error(
    instance: Instance,
) -> None:
    ctx = await instance()
    ctx.options.at_least_timeout = 0.1
    with pytest.raises(NotYetConsistentError) as raised:
        await at_least(ctx, 5)
    assert raised.value.retryable
    await at_least(ctx, 0)  # already there


async def test_a_write_checked_against_an_older_state_is_checked_again(instance: Instance) -> None:
    one, two = await instance(), await instance()
    await load_document(one, small_document(), by="甲")
    async with asyncio.timeout(1):
        await at_least(two, 1)
    # Stop the second instance's follower from looking: only the write path may catch it up.
    two.options.follow_interval = 60
    await asyncio.sleep(0.1)
    renamed = {"units": [{**small_document()["units"][1], "name": "城管执法局（更名）"}]}
    await load_document(one, renamed, by="甲")
    assert two.revision == 1
    seen: list[int] = []

    def command(projection: Projection) -> ChangeSet:
        seen.append(len(projection.dataset.units))
        return ChangeSet(recorded_by="乙", summary="删除一条决定", deletes=[_act(projection)])

    record = await commit(two, command)
    assert record.revision == 3
    assert len(seen) == 2, "checked once against revision 1, again after taking in revision 2"
    assert units_named(two) == units_named(one)
    assert two.projection.dataset == await two.store.load_all()


def _act(projection: Projection) -> EntityRef:
    return EntityRef(kind=EntityKind.ACT, key=projection.dataset.acts[0].id)


async def test_a_rename_replays_nothing_and_answers_use_the_new_name(instance: Instance) -> None:
    ctx = await instance()
    await load_document(ctx, small_document(), by="编办")
    unit = small_document()["units"][1]
    before = ctx.projection
    change = ChangeSet(upserts=parse_document({"units": [{**unit, "name": "更名后的单位"}]}))
    assert not before.needs_rebuild(change)
    assert before.apply(change) == frozenset()
    moved = ChangeSet(upserts=parse_document({"units": [{**unit, "region": LINXIAOLU}]}))
    assert before.needs_rebuild(moved)
    assert units_named(ctx)[unit["id"]] == "更名后的单位"


async def test_a_rebuild_runs_off_the_event_loop_while_reads_go_on(instance: Instance) -> None:
    ctx = await instance()
    await load_document(ctx, small_document(), by="编办")
    unit = small_document()["units"][1]
    moved = {"units": [{**unit, "region": LINXIAOLU}]}
    old = ctx.projection
    write = asyncio.create_task(load_document(ctx, moved, by="编办"))
    answered = 0
    async with asyncio.timeout(60):  # a write that never finishes fails here, not CI's clock
        while not write.done():
            await ask_jurisdiction(ctx, SMOKING, XINGFENG, date(2022, 6, 1))
            answered += 1
            await asyncio.sleep(0)
        await write
    assert ctx.projection is not old, "a structural change swaps in a rebuilt projection"
    assert answered >= 1


async def test_a_replaced_projection_is_freed_off_the_event_loop_unless_a_reader_holds_it(
    instance: Instance, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a rebuild the old projection is freed piecewise in a worker thread (freeing it at
    once stalls the event loop for half a second at Beijing scale), but never while a reader
    still holds it: that one keeps answering as before."""
    ctx = await instance()
    await load_document(ctx, small_document(), by="编办")
    dismantled: list[Projection] = []
    real = Projection.dismantle

    def spy(self: Projection) -> None:
        dismantled.append(self)
        real(self)

    monkeypatch.setattr(Projection, "dismantle", spy)
    unit = small_document()["units"][1]
    held = ctx.projection
    answer = held.jurisdiction(SMOKING, XINGFENG, date(2022, 6, 1))
    await load_document(ctx, {"units": [{**unit, "region": LINXIAOLU}]}, by="编办")
    assert ctx.projection is not held
    assert dismantled == []
    assert held.jurisdiction(SMOKING, XINGFENG, date(2022, 6, 1)) == answer
    del held
    replaced = id(ctx.projection)
    await load_document(ctx, {"units": [unit]}, by="编办")  # back: another rebuild
    assert [id(p) for p in dismantled] == [replaced]
    assert dismantled[0].holdings() == []  # freed
    assert ctx.projection.holdings()


async def test_a_failing_holdings_export_never_fails_a_write_and_catches_up(
    instance: Instance,
) -> None:
    ctx = await instance()
    exporter = ctx.dispatcher.exporter
    assert exporter is not None
    real = ctx.store.write_holdings  # type: ignore[attr-defined]
    calls: list[int] = []

    async def flaky(*args: object, **kwargs: object) -> int:
        calls.append(1)
        if len(calls) <= 2:
            raise StoreUnavailableError("injected")
        return int(await real(*args, **kwargs))

    ctx.store.write_holdings = flaky  # type: ignore[attr-defined]
    import graph_service.service.holdings_export as export_module

    export_module_first = export_module.FIRST_PAUSE
    export_module.FIRST_PAUSE = 0.01
    try:
        record = await load_document(ctx, small_document(), by="编办")
        assert record.revision == 1  # answered although the export is failing
        async with asyncio.timeout(10):
            await exporter.drain()
    finally:
        export_module.FIRST_PAUSE = export_module_first
    assert len(calls) >= 3
    assert (exporter.lag, exporter.failures) == (0, 0)


async def test_the_export_rewrites_only_the_pairs_a_transfer_changed(instance: Instance) -> None:
    """Moving the smoking item from health to market changes those two units' holdings of it;
    the streets it was delegated to keep theirs. The export rewrites the two pairs, and the
    store's HOLDS then equal the projection's holdings, each once."""
    ctx = await instance()
    exporter = ctx.dispatcher.exporter
    assert exporter is not None
    await load_document(ctx, small_document(), by="编办")
    async with asyncio.timeout(30):
        await exporter.drain()
    real = ctx.store.write_holdings  # type: ignore[attr-defined]
    asked: list[object] = []

    async def spy(*args: object, **kwargs: object) -> int:
        asked.append(kwargs.get("pairs", kwargs.get("items")))
        return int(await real(*args, **kwargs))

    ctx.store.write_holdings = spy  # type: ignore[attr-defined]
    transfer = {
        "id": "move-smoke",
        "kind": "transfer",
        "effective": "2024-01-01",
        "items": [SMOKING],
        "from": "health",
        "to": ["market"],
        "review": "approved",
    }
    await load_document(ctx, {"acts": [transfer]}, by="编办")
    async with asyncio.timeout(30):
        await exporter.drain()
    assert [sorted(map(tuple, a)) for a in asked] == [  # type: ignore[call-overload]
        [("health", SMOKING), ("market", SMOKING)]
    ]
    stored = await by_hand(
        ctx.store, "MATCH (u:Unit)-[h:HOLDS]->(i:PowerItem) RETURN h.id AS id, u.id AS unit"
    )
    assert sorted((r["id"], r["unit"]) for r in stored) == sorted(
        (h.id, h.unit) for h in ctx.projection.holdings()
    )


async def test_the_background_tasks_stop_even_when_a_driver_swallows_their_cancellation(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.11's ``asyncio.wait_for`` (inside drivers) returns the awaited call's result
    instead of raising when the cancellation comes as that call finishes; a driver may also turn
    a cancelled call into its own error. The follower and the export must stop all the same:
    a shutdown that waited on them for ever hung CI in a test's teardown."""
    async with open_service(settings, background=False) as ctx:
        await load_document(ctx, small_document(), by="编办")
        inside: dict[str, asyncio.Event] = {"export": asyncio.Event(), "follow": asyncio.Event()}

        def swallowing(name: str, answer: object) -> object:
            async def call(*args: object, **kwargs: object) -> object:
                inside[name].set()
                with contextlib.suppress(asyncio.CancelledError):  # as wait_for may
                    await asyncio.sleep(3600)
                return answer

            return call

        monkeypatch.setattr(ctx.store, "write_holdings", swallowing("export", 0))
        monkeypatch.setattr(ctx.store, "head_revision", swallowing("follow", ctx.revision))
        async with asyncio.timeout(5):  # STOP_WAIT (10 s) must not be what ends it either
            async with running(ctx):
                await asyncio.gather(*(event.wait() for event in inside.values()))


async def test_as_recorded_on_is_exact_after_an_amendment(instance: Instance) -> None:
    """Fixing only the note of an act must not change what earlier records said."""
    ctx = await instance()
    await load_document(ctx, small_document(), by="编办")
    before = datetime.now(UTC)
    delegation = next(a for a in small_document()["acts"] if a["id"] == "delegate-smoke")
    await asyncio.sleep(0.01)
    await load_document(ctx, {"acts": [{**delegation, "to": delegation["to"][:1]}]}, by="编办")
    then = await projection_as_recorded(ctx, before)
    assert [a.to for a in then.dataset.acts if a.id == "delegate-smoke"] == [
        ["xingfeng", "linxiaolu"]
    ]
    assert [a.to for a in ctx.projection.dataset.acts if a.id == "delegate-smoke"] == [["xingfeng"]]
    day = date(2022, 6, 1)
    said = (await ask_jurisdiction(ctx, SMOKING, LINXIAOLU, day, as_recorded_on=None)).holders
    assert "linxiaolu" not in {h.holding.unit for h in said}
    assert "linxiaolu" in {
        h.holding.unit for h in then.jurisdiction(SMOKING, LINXIAOLU, day).holders
    }
    later = await projection_as_recorded(ctx, datetime.now(UTC) + timedelta(seconds=1))
    assert later is ctx.projection


async def test_history_shows_who_when_why_and_the_changed_fields(instance: Instance) -> None:
    ctx = await instance()
    await load_document(ctx, small_document(), by="编办")
    unit = small_document()["units"][1]
    await load_document(ctx, {"units": [{**unit, "name": "新名称"}]}, by="编办", comment="更名")
    entries = await history(ctx, EntityKind.UNIT, unit["id"])
    assert [e.change.revision for e in entries] == [1, 2]
    assert entries[1].change.comment == "更名"
    assert entries[1].version.changed_fields() == {"name": (unit["name"], "新名称")}
