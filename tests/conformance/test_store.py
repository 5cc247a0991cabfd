"""The storage port's behaviour, identical on every backend (see ``backends.py``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest

from graph_service.domain.changes import ChangeSet, EntityRef, fold
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import HeadMovedError, NotFoundError, StorageError
from graph_service.domain.models import Act, Region, Unit
from graph_service.storage.port import Edge, GraphStore

from .backends import Backend
from .datasets import small

Reopen = Callable[[], Awaitable[GraphStore]]


def at(minute: int) -> datetime:
    return datetime(2024, 5, 1, 9, minute, tzinfo=UTC)


def test_the_store_has_the_capabilities_its_backend_declares(
    store: GraphStore, backend: Backend
) -> None:
    assert isinstance(store, GraphStore)
    assert store.capabilities == backend.capabilities


async def test_round_trip_of_every_collection(store: GraphStore) -> None:
    data = small()
    record = await store.apply(ChangeSet(id="c1", recorded_by="编办", upserts=data))

    loaded = await store.load_all()

    assert loaded == data
    assert loaded.acts[1].from_unit == "cgj"
    assert loaded.provisions[0].text == '省、自治区、直辖市根据当地实际情况……\n"引号" 与 \\ 反斜杠'
    assert loaded.regions[3].illustrative is True
    assert loaded.regions[0].source == "统计用区划代码"
    assert (record.id, record.recorded_by, record.upserted, record.deleted) == ("c1", "编办", 19, 0)


@pytest.mark.parametrize("count", [12, 13], ids=["whole-pages", "one-over"])
async def test_load_all_pages_through_more_records_than_a_page(
    store: GraphStore, reopen: Reopen, count: int
) -> None:
    units = [Unit(id=f"u{i:02}", name=f"单位{i}", kind="street", region="Z1") for i in range(count)]
    region = Region(code="Z1", name="经开区", kind="zone")
    # Two change sets, the second interleaving another collection: paging is over all records.
    await store.apply(ChangeSet(upserts=Dataset(units=units[:5])))
    await store.apply(ChangeSet(upserts=Dataset(regions=[region], units=units[5:])))
    expected = Dataset(regions=[region], units=units)

    assert hasattr(store, "load_page"), f"{type(store).__name__} cannot lower its page size"
    store.load_page = 4  # 13 records: pages of 4, 4, 4, 1 (12: 4, 4, 4 and an empty one)
    assert await store.load_all() == expected
    again = await reopen()
    again.load_page = 5  # type: ignore[attr-defined]  # checked above: both adapters have it
    assert await again.load_all() == expected


async def test_upsert_replaces_a_record_and_keeps_its_place(store: GraphStore) -> None:
    data = small()
    await store.apply(ChangeSet(upserts=data))
    renamed = data.units[1].model_copy(update={"name": "区城市管理综合行政执法局", "parent": None})
    newcomer = Unit(id="new", name="新单位", kind="department", region="110115")
    change = ChangeSet(upserts=Dataset(units=[newcomer, renamed]))

    await store.apply(change)

    loaded = await store.load_all()
    assert [u.id for u in loaded.units] == ["gov", "cgj", "xf", "sw", "ga", "new"]
    assert loaded.units[1] == renamed
    assert loaded == change.applied_to(data)


async def test_delete_removes_records(store: GraphStore) -> None:
    data = small()
    await store.apply(ChangeSet(upserts=data))
    change = ChangeSet(
        deletes=[
            EntityRef(kind=EntityKind.ACT, key="a-delegate"),
            EntityRef(kind=EntityKind.PUBLISHED_LIST, key="xf@1"),
            EntityRef(kind=EntityKind.ACT, key="never-stored"),
        ]
    )

    record = await store.apply(change)

    loaded = await store.load_all()
    assert [a.id for a in loaded.acts] == ["a-assign"]
    assert loaded.published_lists == []
    assert loaded == change.applied_to(data)
    assert record.deleted == 2, "a ref that names no record deletes nothing"


async def test_replace_clears_everything_first(store: GraphStore) -> None:
    await store.apply(ChangeSet(upserts=small()))
    only = Dataset(units=[Unit(id="solo", name="唯一", kind="department", region="r")])

    await store.apply(ChangeSet(replace=True, upserts=only))

    assert await store.load_all() == only


async def test_record_versions_list_every_version_oldest_first_including_the_delete(
    store: GraphStore,
) -> None:
    data = small()
    await store.apply(ChangeSet(id="c1", recorded_at=at(1), summary="种子", upserts=data))
    moved = data.units[2].model_copy(update={"region": "110115"})
    await store.apply(ChangeSet(id="c2", recorded_at=at(2), upserts=Dataset(units=[moved])))
    renamed = moved.model_copy(update={"name": "兴丰街道办"})
    await store.apply(
        ChangeSet(
            id="c3",
            recorded_at=at(3),
            comment="更名",
            document="京编办〔2024〕1号",
            upserts=Dataset(units=[renamed]),
        )
    )
    unit_xf = EntityRef(kind=EntityKind.UNIT, key="xf")
    await store.apply(
        ChangeSet(id="c4", recorded_at=at(4), recorded_by="区司法局", deletes=[unit_xf])
    )

    history = await store.record_versions(EntityKind.UNIT, "xf")

    assert [h.change.id for h in history] == ["c1", "c2", "c3", "c4"]
    assert [h.version.revision for h in history] == [1, 2, 3, 4]
    first, second, third, gone = history
    assert (first.change.summary, first.change.recorded_at) == ("种子", at(1))
    assert (first.version.before, first.version.after) == (None, data.units[2])
    assert (second.version.before, second.version.after) == (data.units[2], moved)
    assert second.version.changed_fields() == {"region": (data.units[2].region, "110115")}
    assert (third.change.comment, third.change.document) == ("更名", "京编办〔2024〕1号")
    assert third.version.changed_fields() == {"name": ("兴丰街道办事处", "兴丰街道办")}
    assert (gone.version.before, gone.version.after) == (renamed, None)
    assert (gone.change.recorded_by, gone.change.deleted, gone.change.upserted) == (
        "区司法局",
        1,
        0,
    )
    assert [h.change.id for h in await store.record_versions(EntityKind.UNIT, "gov")] == ["c1"]
    assert await store.record_versions(EntityKind.UNIT, "nobody") == []


async def test_a_replace_records_every_deletion(store: GraphStore) -> None:
    data = small()
    await store.apply(ChangeSet(id="c1", upserts=data))
    only = Dataset(units=[data.units[0]])
    record = await store.apply(ChangeSet(id="c2", replace=True, upserts=only))

    assert (record.revision, record.upserted, record.deleted) == (2, 1, data.size() - 1)
    zone = await store.record_versions(EntityKind.REGION, "Z1")
    assert [h.change.id for h in zone] == ["c1", "c2"]
    assert zone[1].change.replace is True
    assert (zone[1].version.before, zone[1].version.after) == (data.regions[1], None)
    kept = await store.record_versions(EntityKind.UNIT, "gov")
    assert [(h.version.before, h.version.after) for h in kept] == [
        (None, data.units[0]),
        (data.units[0], data.units[0]),
    ]


async def test_revisions_count_up_from_one_and_the_head_follows(store: GraphStore) -> None:
    assert await store.head_revision() == 0
    assert (await store.snapshot()).revision == 0
    first = await store.apply(ChangeSet(upserts=small()))
    second = await store.apply(ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key="a-assign")]))

    assert (first.revision, second.revision) == (1, 2)
    assert await store.head_revision() == 2
    snapshot = await store.snapshot()
    assert snapshot.revision == 2
    assert snapshot.dataset == await store.load_all()


async def test_changes_since_pages_through_the_log_with_contents(store: GraphStore) -> None:
    data = small()
    await store.apply(ChangeSet(id="c1", recorded_by="编办", upserts=data))
    moved = data.units[2].model_copy(update={"region": "110115"})
    await store.apply(ChangeSet(id="c2", upserts=Dataset(units=[moved])))
    gone = EntityRef(kind=EntityKind.ACT, key="a-assign")
    await store.apply(ChangeSet(id="c3", deletes=[gone]))

    everything = await store.changes_since(0, 10)
    assert [c.revision for c in everything] == [1, 2, 3]
    assert [c.record.id for c in everything] == ["c1", "c2", "c3"]
    assert everything[0].record.recorded_by == "编办"
    assert len(everything[0].versions) == data.size()
    assert [(v.kind, v.key, v.before, v.after) for v in everything[1].versions] == [
        (EntityKind.UNIT, "xf", data.units[2], moved)
    ]
    assert [(v.key, v.after) for v in everything[2].versions] == [("a-assign", None)]

    first_page = await store.changes_since(0, 2)
    second_page = await store.changes_since(first_page[-1].revision, 2)
    assert [c.revision for c in first_page + second_page] == [1, 2, 3]
    assert await store.changes_since(3, 10) == []
    assert [(r, t) for r, t in await store.change_times(1)] == [
        (c.revision, c.record.recorded_at) for c in everything[1:]
    ]


async def test_folding_the_log_gives_the_stored_records(store: GraphStore) -> None:
    data = small()
    await store.apply(ChangeSet(upserts=data))
    moved = data.units[2].model_copy(update={"region": "110115"})
    await store.apply(
        ChangeSet(
            upserts=Dataset(units=[moved]),
            deletes=[EntityRef(kind=EntityKind.PUBLISHED_LIST, key="xf@1")],
        )
    )
    await store.apply(ChangeSet(replace=True, upserts=Dataset(units=data.units[:3])))

    assert fold(await store.changes_since(0, 100)) == await store.load_all()


async def test_a_write_checked_against_an_older_head_is_refused(store: GraphStore) -> None:
    await store.apply(ChangeSet(upserts=small()))
    stale = ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key="a-assign")])

    with pytest.raises(HeadMovedError) as raised:
        await store.apply(stale, expected_head=0)

    assert (raised.value.head, raised.value.expected) == (1, 0)
    assert await store.head_revision() == 1
    assert await store.load_all() == small()
    assert (await store.apply(stale, expected_head=1)).revision == 2


async def test_neighbourhood_at_depth_one(store: GraphStore) -> None:
    await store.apply(ChangeSet(upserts=small()))

    graph = await store.neighbourhood(EntityKind.UNIT, "xf", 1)

    assert sorted((n.kind.value, n.key) for n in graph.nodes) == [
        ("acts", "a-delegate"),
        ("disputes", "d1"),  # xf is a party to it
        ("published_lists", "xf@1"),
        ("regions", "110115001"),
        ("units", "cgj"),
        ("units", "gov"),
        ("units", "xf"),
    ]
    assert {n.key: n.label for n in graph.nodes}["xf"] == "兴丰街道办事处"
    assert sorted(graph.edges, key=lambda e: (e.source, e.type)) == [
        Edge(source="a-delegate", target="xf", type="TO"),
        Edge(source="d1", target="xf", type="PARTY"),
        Edge(source="xf", target="110115001", type="IN_REGION"),
        Edge(source="xf", target="gov", type="PART_OF"),
        Edge(source="xf", target="cgj", type="SUCCEEDED_BY"),
        Edge(source="xf@1", target="xf", type="OF_UNIT"),
    ]


async def test_neighbourhood_at_depth_two(store: GraphStore) -> None:
    await store.apply(ChangeSet(upserts=small()))

    graph = await store.neighbourhood(EntityKind.REGION, "Z1", 2)

    assert sorted(n.key for n in graph.nodes) == ["110115", "110115001", "C1", "Z1", "d1", "xf"]
    assert {(e.source, e.target, e.type) for e in graph.edges} == {
        ("110115001", "Z1", "WITHIN"),
        ("110115", "110115001", "PARENT_OF"),
        ("xf", "110115001", "IN_REGION"),
        ("C1", "110115001", "APPLIES_IN"),
        ("d1", "110115001", "IN_SCOPE"),  # the dispute's place
    }
    zero = await store.neighbourhood(EntityKind.REGION, "Z1", 0)
    assert ([n.key for n in zero.nodes], zero.edges) == (["Z1"], [])


async def test_neighbourhood_of_an_unknown_record_is_not_found(store: GraphStore) -> None:
    with pytest.raises(NotFoundError):
        await store.neighbourhood(EntityKind.UNIT, "nobody", 1)


async def test_relinking_follows_changed_references(store: GraphStore) -> None:
    data = small()
    await store.apply(ChangeSet(upserts=data))
    act = Act.model_validate(
        {**data.acts[1].model_dump(by_alias=True), "to": ["sw"], "doc": None, "basis": []}
    )
    await store.apply(ChangeSet(upserts=Dataset(acts=[act])))

    graph = await store.neighbourhood(EntityKind.ACT, "a-delegate", 1)

    assert sorted((e.type, e.target) for e in graph.edges) == [
        ("CONCERNS", "C1"),
        ("FROM", "cgj"),
        ("ISSUED_BY", "gov"),
        ("TO", "sw"),
    ]


async def test_data_survives_close_and_reopen(store: GraphStore, reopen: Reopen) -> None:
    data = small()
    await store.apply(ChangeSet(id="c1", upserts=data))

    again = await reopen()

    assert await again.load_all() == data
    assert [h.change.id for h in await again.record_versions(EntityKind.ACT, "a-assign")] == ["c1"]
    assert await again.head_revision() == 1


async def test_a_failed_apply_leaves_all_or_nothing(
    store: GraphStore, backend: Backend, reopen: Reopen
) -> None:
    before = small()
    await store.apply(ChangeSet(upserts=before))
    change = ChangeSet(
        upserts=Dataset(
            units=[Unit(id=f"u{i}", name=f"单位{i}", kind="street", region="Z1") for i in range(10)]
        ),
        deletes=[EntityRef(kind=EntityKind.ACT, key="a-assign")],
    )
    after = change.applied_to(before)
    backend.fail_at(store, 3, True)

    with pytest.raises(StorageError):
        await store.apply(change)

    loaded = await (await reopen()).load_all()
    assert loaded in (before, after)


async def test_a_passing_failure_does_not_lose_the_change_set(
    store: GraphStore, backend: Backend
) -> None:
    before = small()
    await store.apply(ChangeSet(upserts=before))
    change = ChangeSet(
        upserts=Dataset(
            units=[Unit(id=f"u{i}", name=f"单位{i}", kind="street", region="Z1") for i in range(10)]
        )
    )
    backend.fail_at(store, 2, False)

    try:
        await store.apply(change)
    except StorageError:
        assert await store.load_all() == before  # rolled back
    else:
        assert await store.load_all() == change.applied_to(before)
