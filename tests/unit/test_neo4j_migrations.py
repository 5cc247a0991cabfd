"""The Neo4j DDL files are well formed and fit the shared statements; ``apply_migrations`` runs
only what is not recorded, each file in its own transaction, and records it."""

from __future__ import annotations

import re
from typing import Any, cast

import pytest
from neo4j import AsyncDriver

from graph_service.storage.catalog import Dialect, Statement, schema, statement
from graph_service.storage.neo4j.migrations import apply_migrations, version_of

from .neo4j_fakes import FakeDriver

DDL = schema(Dialect.NEO4J)
_SHAPE = re.compile(
    r"^CREATE (?:CONSTRAINT (?P<c>\w+) IF NOT EXISTS FOR \((?P<v1>\w+):(?P<l1>\w+)\) "
    r"REQUIRE (?P=v1)\.(?P<p1>\w+) IS UNIQUE"
    r"|INDEX (?P<i>\w+) IF NOT EXISTS FOR \((?P<v2>\w+):(?P<l2>\w+)\) ON \((?P=v2)\.(?P<p2>\w+)\))$"
)


def shared_vocabulary() -> tuple[set[str], set[str]]:
    """Labels and property keys the shared (non-DDL) statements use."""
    text = "\n".join(statement(member).text for member in Statement)
    labels = set(re.findall(r":([A-Z]\w*)", text))
    properties = set(re.findall(r"\.([a-z_]\w*)", text)) | set(re.findall(r"\{(\w+):", text))
    return labels, properties


def test_there_is_ddl_and_it_is_numbered_from_one() -> None:
    assert [version_of(ddl) for ddl in DDL] == list(range(1, len(DDL) + 1))
    assert len(DDL) >= 10


@pytest.mark.parametrize("ddl", DDL, ids=[d.name for d in DDL])
def test_each_file_is_one_idempotent_constraint_or_index_on_what_statements_use(ddl: Any) -> None:
    assert ";" not in ddl.text
    assert "\n" not in ddl.text.strip()
    assert ddl.params == frozenset()
    assert ddl.description
    match = _SHAPE.match(ddl.text)
    assert match is not None, ddl.text
    label = match["l1"] or match["l2"]
    prop = match["p1"] or match["p2"]
    labels, properties = shared_vocabulary()
    assert label in labels, f"{ddl.name}: no shared statement uses :{label}"
    assert prop in properties, f"{ddl.name}: no shared statement uses .{prop}"


def test_schema_object_names_are_unique() -> None:
    names = [(m["c"] or m["i"]) for d in DDL if (m := _SHAPE.match(d.text))]
    assert len(names) == len(set(names)) == len(DDL)


def test_every_record_label_has_a_unique_id() -> None:
    unique = {(m["l1"], m["p1"]) for d in DDL if (m := _SHAPE.match(d.text)) and m["c"]}
    for label in (
        "Region",
        "Unit",
        "Law",
        "Provision",
        "PowerItem",
        "Act",
        "Agreement",
        "PublishedList",
    ):
        assert (label, "id") in unique
    assert ("Record", "ref") in unique
    assert ("Change", "id") in unique


def test_the_vocabulary_check_can_fail() -> None:
    labels, properties = shared_vocabulary()
    assert "Unit" in labels
    assert "ref" in properties
    assert "Person" not in labels
    assert "nickname" not in properties


async def test_only_unrecorded_files_run_each_in_its_own_transaction_then_recorded() -> None:
    applied_text = statement(Statement.APPLIED_MIGRATIONS).text

    def answer(text: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
        if text == applied_text:
            return [{"version": 1, "name": DDL[0].name}, {"version": 2, "name": DDL[1].name}], 0
        return [], 0

    driver = FakeDriver(answer)
    applied = await apply_migrations(cast(AsyncDriver, driver), "neo4j", DDL[:4])

    assert applied == [DDL[2].name, DDL[3].name]
    assert [t.access for t in driver.transactions] == ["read", "write", "write", "write", "write"]
    assert {t.database for t in driver.transactions} == {"neo4j"}
    # Schema and data never share a transaction: DDL in one, its record in the next.
    assert driver.texts(1) == [DDL[2].text]
    assert driver.texts(2) == [statement(Statement.RECORD_MIGRATION).text]
    record = next(c for c in driver.calls if c.tx == 2).params
    assert (record["version"], record["name"]) == (3, DDL[2].name)
    assert record["applied_at"].endswith("+00:00")


async def test_nothing_runs_when_everything_is_recorded() -> None:
    rows = [{"version": version_of(d), "name": d.name} for d in DDL]
    driver = FakeDriver(lambda text, params: (rows, 0))
    assert await apply_migrations(cast(AsyncDriver, driver), "neo4j") == []
    assert [t.access for t in driver.transactions] == ["read"]
