"""The Neo4j DDL files are well formed and fit the shared statements (how a real Neo4j applies
them: ``tests/conformance/test_neo4j_schema.py``)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph_service.storage.catalog import Dialect, Statement, schema, statement
from graph_service.storage.neo4j.migrations import version_of

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
