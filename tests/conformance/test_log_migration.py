"""A store written before the change log kept revisions (log format 1) is migrated on open.

The old layout is written by hand, statement by statement, as the code before revisions left it:
record nodes with their ``doc`` and ``seq``; one ``(:Change)`` audit node per change set with its
apply order ``seq`` but no ``revision``; no ``(:Version)`` nodes, no ``(:LogFormat)`` marker (and,
on FalkorDB, no head key beside the journal). Opening it must number the old change sets by
``seq``, give every record a first version in one change set of its own, put the head there, and
hand the next write the revision after it — once: opening it again changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, LiteralString

from graph_service.domain.changes import ChangeSet, fold
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.storage.catalog import UPSERT_BY_KIND, statement
from graph_service.storage.layout import node_row, ref
from graph_service.storage.log_format import MIGRATION_ID, MIGRATION_SUMMARY
from graph_service.storage.port import GraphStore

from .by_hand import by_hand, forget_head
from .conftest import Opened
from .datasets import small

OLD_CHANGE: LiteralString = (
    "CREATE (:Change {id: $id, seq: $seq, recorded_at: $recorded_at, recorded_by: 'cli', "
    "summary: $summary, replace: false, upserted: $upserted, deleted: 0, touched: $touched})"
)
FORMAT_2_MARKS: LiteralString = "MATCH (n) WHERE n:LogFormat OR n:Version DETACH DELETE n"


async def test_a_format_1_store_gets_revisions_and_a_baseline_version_for_every_record(
    opened: Opened,
) -> None:
    store = opened.current
    assert store is not None
    data = small()
    renamed = data.units[1].model_copy(update={"name": "区城市管理综合行政执法局"})
    stored = data.merged(Dataset(units=[renamed]))
    await _write_format_1(store, data, renamed)

    store = await opened.reopen()

    head = await store.head_revision()
    assert head == 3, "two old change sets, then the migration's own"
    snapshot = await store.snapshot()
    assert (snapshot.revision, snapshot.dataset) == (3, stored)
    log = await store.changes_since(0)
    assert [(c.revision, c.record.id) for c in log] == [
        (1, "old-1"),
        (2, "old-2"),
        (3, MIGRATION_ID),
    ]
    first, second, migration = log
    assert (first.record.summary, second.record.summary) == ("载入数据集", "更名")
    assert first.versions == [], "format 1 kept no contents"
    assert second.versions == []
    assert migration.record.summary == MIGRATION_SUMMARY
    assert (migration.record.recorded_by, migration.record.upserted) == ("system", stored.size())
    assert all(v.before is None for v in migration.versions)
    assert {(v.kind, v.key): v.after for v in migration.versions} == {
        (kind, record.key): record for kind, record in stored.records()
    }
    assert fold(log) == stored, "folding the migrated log gives the stored records"
    [baseline] = await store.record_versions(EntityKind.UNIT, renamed.id)
    assert (baseline.change.id, baseline.version.before, baseline.version.after) == (
        MIGRATION_ID,
        None,
        renamed,
    )

    moved = renamed.model_copy(update={"parent": None})
    record = await store.apply(ChangeSet(id="new", upserts=Dataset(units=[moved])), expected_head=3)
    assert record.revision == 4
    history = await store.record_versions(EntityKind.UNIT, renamed.id)
    assert [(h.version.revision, h.version.before, h.version.after) for h in history] == [
        (3, None, renamed),
        (4, renamed, moved),
    ]

    store = await opened.reopen()
    assert await store.head_revision() == 4, "a migrated store is not migrated again"
    assert [c.record.id for c in await store.changes_since(0)] == [
        "old-1",
        "old-2",
        MIGRATION_ID,
        "new",
    ]
    assert (await store.apply(ChangeSet(id="newer"))).revision == 5


async def _write_format_1(store: GraphStore, data: Dataset, renamed: Any) -> None:
    """The records and audit nodes two format-1 change sets left, without the format-2 marks.

    The audit node of the later change set is created first: the revision must follow ``seq``.
    """
    await by_hand(store, FORMAT_2_MARKS, {})
    seq = 0
    for kind in EntityKind:
        rows = []
        for record in data.collection(kind):
            seq += 1
            rows.append(node_row(kind, record, seq))
        if rows:
            await by_hand(store, statement(UPSERT_BY_KIND[kind]).text, {"rows": rows})
    await by_hand(
        store,
        statement(UPSERT_BY_KIND[EntityKind.UNIT]).text,
        {"rows": [node_row(EntityKind.UNIT, renamed, 0)]},
    )
    touched = [ref(EntityKind.UNIT, renamed.id)]
    await by_hand(store, OLD_CHANGE, _old_change("old-2", 2, "更名", 1, touched))
    everything = [ref(kind, record.key) for kind, record in data.records()]
    await by_hand(store, OLD_CHANGE, _old_change("old-1", 1, "载入数据集", data.size(), everything))
    await forget_head(store)


def _old_change(
    change_id: str, seq: int, summary: str, upserted: int, touched: list[str]
) -> dict[str, Any]:
    return {
        "id": change_id,
        "seq": seq,
        "recorded_at": datetime(2024, 1, seq, tzinfo=UTC).isoformat(),
        "summary": summary,
        "upserted": upserted,
        "touched": touched,
    }
