"""The Neo4j adapter drives the driver as intended: one write transaction per change set with the
lock first, reads in read transactions, the configured database, metadata naming the service and
the acting user, driver errors translated, and rows mapped back from the driver's own records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, cast

import pytest
from neo4j import AsyncDriver
from neo4j import exceptions as neo4j_errors

from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import (
    ConstraintViolationError,
    NotFoundError,
    StoreUnavailableError,
)
from graph_service.domain.models import PowerItem, Region, Unit
from graph_service.storage.catalog import Statement, statement
from graph_service.storage.neo4j import Neo4jStore
from graph_service.storage.plan import SEQ_STRIDE
from graph_service.storage.port import Capability, GraphStore

from .neo4j_fakes import FakeDriver

REGION = Region(code="110115", name="大兴区", kind="district")
UNIT = Unit(id="dx-cgzf", name="区城管执法局", kind="department", region="110115")
ITEM = PowerItem(code="C001", name="对违法建设的处罚", category="penalty")


def name_of(text: str) -> Statement:
    """Which catalog statement a text is (the fake sees only texts, as the server does)."""
    return next(member for member in Statement if statement(member).text == text)


def store_on(driver: FakeDriver, batch: int = 2000) -> Neo4jStore:
    return Neo4jStore(cast(AsyncDriver, driver), "authority", batch=batch)


def responder(top: int = 0, pages: list[list[dict[str, Any]]] | None = None) -> Any:
    remaining = list(pages or [])

    def answer(text: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
        which = name_of(text)
        if which is Statement.HEAD_REVISION:
            return [{"head": top}], 0
        if which is Statement.RECORD_CHANGE:
            return [{"upserted": 3, "deleted": 1}], 0
        if which is Statement.LOAD_RECORDS:
            return (remaining.pop(0) if remaining else []), 0
        if which is Statement.WRITE_HOLDINGS:
            return [], len(params["rows"])
        return [], 0

    return answer


def test_it_is_a_graph_store_with_native_transactions_and_routed_reads() -> None:
    store = store_on(FakeDriver())
    assert isinstance(store, GraphStore)
    assert store.capabilities == {
        Capability.NATIVE_TRANSACTIONS,
        Capability.ROUTED_READS,
        Capability.DURABLE_ON_KILL,
    }
    assert Capability.EMBEDDED not in store.capabilities


async def test_a_change_set_is_one_write_transaction_lock_first_audit_last() -> None:
    driver = FakeDriver(responder(top=41))
    change = ChangeSet(
        recorded_by="编办-张三",
        summary="add Daxing basics",
        upserts=Dataset(regions=[REGION], units=[UNIT], items=[ITEM]),
        deletes=[EntityRef(kind=EntityKind.ACT, key="old-act")],
    )
    record = await store_on(driver).apply(change)

    assert [(t.access, t.database) for t in driver.transactions] == [("write", "authority")]
    assert driver.transactions[0].metadata == {
        "app": "authority-graph-service",
        "operation": "apply",
        "user": "编办-张三",
    }
    names = [name_of(text) for text in driver.texts()]
    assert names[:6] == [
        Statement.LOCK_WRITES,
        Statement.HEAD_REVISION,
        Statement.CAPTURE_DELETIONS,
        Statement.CAPTURE_VERSIONS,
        Statement.DELETE_RECORDS,
        Statement.UPSERT_REGIONS,
    ]
    assert names[-1] is Statement.RECORD_CHANGE
    assert Statement.LINK_IN_REGION in names  # the unit's region relationship
    # The change set is the revision after the head read inside the same transaction; its new
    # records are numbered from that revision.
    seqs = [
        row["seq"]
        for c in driver.calls
        if name_of(c.text).name.startswith("UPSERT")
        for row in c.params["rows"]
    ]
    assert seqs == [42 * SEQ_STRIDE, 42 * SEQ_STRIDE + 1, 42 * SEQ_STRIDE + 2]
    assert driver.calls[0].params == {"holder": change.id}
    assert (record.revision, record.id, record.upserted, record.deleted) == (42, change.id, 3, 1)


async def test_a_failed_statement_surfaces_as_a_storage_error_and_nothing_else_runs() -> None:
    driver = FakeDriver(responder())
    driver.fail_on = "MERGE (n:Unit"
    driver.error = neo4j_errors.Neo4jError._hydrate_neo4j(
        code="Neo.ClientError.Schema.ConstraintValidationFailed", message="already exists"
    )
    change = ChangeSet(upserts=Dataset(regions=[REGION], units=[UNIT]))
    with pytest.raises(ConstraintViolationError, match="already exists"):
        await store_on(driver).apply(change)
    assert name_of(driver.texts()[-1]) is Statement.UPSERT_UNITS  # stopped there: no audit node


async def test_an_unreachable_server_is_store_unavailable() -> None:
    driver = FakeDriver(responder())
    driver.fail_on = "MATCH (c:Change)"
    driver.error = neo4j_errors.ServiceUnavailable("Unable to retrieve routing information")
    with pytest.raises(StoreUnavailableError, match="routing information"):
        await store_on(driver).load_all()


async def test_load_all_reads_in_one_read_transaction_and_rebuilds_the_dataset() -> None:
    docs = [
        {"seq": 1, "collection": "regions", "doc": json.dumps(REGION.model_dump(mode="json"))},
        {"seq": 2, "collection": "units", "doc": json.dumps(UNIT.model_dump(mode="json"))},
    ]
    driver = FakeDriver(responder(pages=[docs]))
    dataset = await store_on(driver).load_all()

    assert [(t.access, t.metadata) for t in driver.transactions] == [
        ("read", {"app": "authority-graph-service", "operation": "load_all"})
    ]
    assert dataset.regions == [REGION]
    assert dataset.units == [UNIT]
    # the head before and after the pages (unchanged: one read), one short page: done
    assert [c.params for c in driver.calls] == [{}, {"after": 0, "limit": 5000}, {}]


async def test_neighbourhood_of_an_unknown_record_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        await store_on(FakeDriver()).neighbourhood(EntityKind.UNIT, "nobody", 1)


async def test_write_holdings_replaces_all_in_one_transaction_in_batches() -> None:
    driver = FakeDriver(responder())
    holdings = [
        {
            "unit": "dx-cgzf",
            "item": f"C00{i}",
            "scope": "110115",
            "role": "PRIMARY",
            "mode": "ORIGINAL",
            "valid_from": date(2020, 7, 1),
            "valid_to": None,
            "acts": ["a2", "a1"],
            "carved_out": {"110115102", "110115101"},
        }
        for i in range(3)
    ]
    written = await store_on(driver, batch=2).write_holdings(holdings, recorded_by="engine")

    assert written == 3
    assert [(t.access, t.metadata) for t in driver.transactions] == [
        (
            "write",
            {"app": "authority-graph-service", "operation": "write_holdings", "user": "engine"},
        )
    ]
    assert [name_of(t) for t in driver.texts()] == [
        Statement.LOCK_WRITES,
        Statement.CLEAR_HOLDINGS,
        Statement.WRITE_HOLDINGS,
        Statement.WRITE_HOLDINGS,
    ]
    first = driver.calls[2].params["rows"][0]
    assert first["valid_from"] == "2020-07-01"
    assert first["acts"] == ["a2", "a1"]  # chain order kept
    assert first["carved_out"] == ["110115101", "110115102"]
    assert first["joint"] is False


async def test_close_closes_the_driver() -> None:
    driver = FakeDriver()
    await store_on(driver).close()
    assert driver.closed
