"""The Browser/Bloom examples in ``cypher/examples/`` and the shared holdings statements, run on
both real engines (the embedded FalkorDB and Neo4j 5) over a small dataset: what ships for Neo4j
users is written in the common openCypher subset, and answers on each what its header promises."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from neo4j import RoutingControl

from graph_service.domain.changes import ChangeSet
from graph_service.domain.holdings import Holding
from graph_service.storage.catalog import Cypher, Statement, parse, statement
from graph_service.storage.falkordb import FalkorDBStore
from graph_service.storage.neo4j import Neo4jStore
from graph_service.storage.neo4j.values import row

from .backends import Backend
from .datasets import small
from .holdings_data import STREET, holding, small_holdings

EXAMPLES = sorted(
    (entry.name, entry.read_text(encoding="utf-8"))
    for entry in files("cypher").joinpath("examples").iterdir()
    if entry.name.endswith(".cypher")
)
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|CALL)\b", re.I)


def example(name: str) -> Cypher:
    text = dict(EXAMPLES)[f"{name}.cypher"]
    return parse(f"examples/{name}.cypher", text)


def adhoc(text: str) -> Cypher:
    return parse("adhoc.cypher", f"// name: adhoc\n// params: none\n{text}")


class Graph:
    """A store of either backend, with a way to run an ad hoc statement on it."""

    def __init__(self, store: FalkorDBStore | Neo4jStore) -> None:
        self.store = store

    async def run(self, cypher: Cypher, **params: Any) -> list[dict[str, Any]]:
        assert set(params) == cypher.params
        if isinstance(self.store, FalkorDBStore):
            return await self.store._execute(cypher, params)
        records, _, _ = await self.store.driver.execute_query(
            cypher.text, params, database_=self.store.database, routing_=RoutingControl.READ
        )
        return [row(record) for record in records]

    async def write_holdings(self, holdings: list[Holding]) -> None:
        await self.store.write_holdings(holdings, recorded_by="test")


@pytest.fixture
async def graph(backend: Backend, tmp_path: Path) -> AsyncIterator[Graph]:
    opened = await backend.open(tmp_path)
    assert isinstance(opened, FalkorDBStore | Neo4jStore)
    try:
        await opened.apply(ChangeSet(upserts=small(), recorded_by="test"))
        await opened.write_holdings(small_holdings(), recorded_by="test")
        yield Graph(opened)
    finally:
        await opened.close()


async def run(graph: Graph, cypher: Cypher, **params: Any) -> list[dict[str, Any]]:
    return await graph.run(cypher, **params)


def test_there_are_examples_with_the_catalog_header_that_only_read() -> None:
    names = [name for name, _ in EXAMPLES]
    assert names == [
        "acts_behind_holding.cypher",
        "overlaps_at_date.cypher",
        "unit_powers.cypher",
        "who_holds_item_in_town.cypher",
    ]
    for name, text in EXAMPLES:
        parsed = parse(f"examples/{name}", text)  # raises on a bad header or undeclared $param
        assert parsed.description
        assert not _WRITES.search(parsed.text), f"{name} must only read"


async def test_who_holds_an_item_in_a_street_while_it_is_delegated(graph: Graph) -> None:
    rows = await run(
        graph, example("who_holds_item_in_town"), item="C1", place=STREET, at="2022-01-01"
    )
    # cgj's district-wide holding has the street carved out; it supervises there instead.
    assert [(r["unit"], r["role"], r["mode"], r["scope"]) for r in rows] == [
        ("xf", "PRIMARY", "DELEGATED", STREET),
        ("cgj", "SUPERVISOR", "DELEGATED", STREET),
    ]
    assert rows[0]["unit_name"] == "兴丰街道办事处"
    assert rows[0]["acts"] == ["a-assign", "a-delegate"]
    assert rows[0]["valid_to"] == "2025-07-01"


async def test_who_holds_before_the_delegation_and_elsewhere(graph: Graph) -> None:
    before = await run(
        graph, example("who_holds_item_in_town"), item="C1", place=STREET, at="2020-06-30"
    )
    assert [(r["unit"], r["role"], r["scope"]) for r in before] == [("cgj", "PRIMARY", "110115")]
    district = await run(
        graph, example("who_holds_item_in_town"), item="C1", place="110115", at="2022-01-01"
    )
    assert [(r["unit"], r["role"]) for r in district] == [("cgj", "PRIMARY")]
    after = await run(
        graph, example("who_holds_item_in_town"), item="C1", place=STREET, at="2025-07-01"
    )
    assert [(r["unit"], r["valid_to"]) for r in after] == [("cgj", None)]  # the delegation ended


async def test_overlaps_at_a_date_pair_the_units_with_the_places(graph: Graph) -> None:
    rows = await run(graph, example("overlaps_at_date"), at="2022-01-01")
    assert rows == [
        {
            "item": "C2",
            "item_name": "对违法建设的检查",
            "unit": "cgj",
            "other_unit": "sw",
            "places": [STREET],
        }
    ]
    assert await run(graph, example("overlaps_at_date"), at="2020-12-31") == []  # sw not yet


async def test_joint_holders_do_not_overlap(graph: Graph) -> None:
    joint = [h._replace(joint=True) if h.item == "C2" else h for h in small_holdings()]
    await graph.write_holdings(joint)
    assert await run(graph, example("overlaps_at_date"), at="2022-01-01") == []


async def test_a_units_powers_at_a_date(graph: Graph) -> None:
    rows = await run(graph, example("unit_powers"), unit="cgj", at="2022-01-01")
    assert [(r["item"], r["role"], r["scope"], r["carved_out"]) for r in rows] == [
        ("C1", "PRIMARY", "110115", [STREET]),
        ("C1", "SUPERVISOR", STREET, []),
        ("C2", "PRIMARY", "110115", []),
    ]
    assert rows[0]["category"] == "penalty"
    street = await run(graph, example("unit_powers"), unit="xf", at="2022-01-01")
    assert [(r["item"], r["item_name"], r["mode"]) for r in street] == [
        ("C1", "对占道经营的处罚", "DELEGATED")
    ]


async def test_the_chain_of_acts_behind_a_holding(graph: Graph) -> None:
    rows = await run(graph, example("acts_behind_holding"), unit="xf", item="C1", at="2022-01-01")
    assert [(r["step"], r["act"], r["kind"], r["effective"], r["review"]) for r in rows] == [
        (1, "a-assign", "assign", "2019-01-01", "approved"),
        (2, "a-delegate", "delegate", "2020-07-01", "pending"),
    ]
    assert rows[0]["document"] is None
    assert (rows[1]["document"], rows[1]["doc_number"]) == (
        "关于向街道乡镇下放部分行政执法职权的决定",
        "京政发〔2020〕9号",
    )


async def test_write_holdings_replaces_rather_than_adds(graph: Graph) -> None:
    count = adhoc("MATCH (:Unit)-[h:HOLDS]->(:PowerItem) RETURN count(h) AS n")
    assert (await run(graph, count))[0]["n"] == 7
    await graph.write_holdings(small_holdings())
    assert (await run(graph, count))[0]["n"] == 7
    await graph.write_holdings(small_holdings()[:2])
    assert (await run(graph, count))[0]["n"] == 2


async def test_write_holdings_of_pairs_rewrites_only_those_pairs(graph: Graph) -> None:
    """What the export writes after a transfer: C1 moves from cgj to sw on 2024-01-01. The
    holdings handed in are the item's (the street's delegation included); only the two pairs
    named are cleared and written, and each pair's holdings are stored once."""
    before = small_holdings()
    moved_on = date(2024, 1, 1)
    ended = before[0]._replace(valid_to=moved_on)
    taken = holding("sw", "C1", "110115", "PRIMARY", "TRANSFERRED", moved_on, None, ["a-move"])
    after = [ended, before[3], taken, *before[5:]]  # cgj keeps only its first C1 holding
    stored = adhoc(
        "MATCH (u:Unit)-[h:HOLDS]->(i:PowerItem) "
        "RETURN u.id AS unit, i.id AS item, h.valid_from AS since, h.valid_to AS until"
    )
    for _ in range(2):  # again: replaces, never adds
        created = await graph.store.write_holdings(
            after, pairs=[("cgj", "C1"), ("sw", "C1"), ("nobody", "C1")], recorded_by="test"
        )
        assert created == 2
        rows = sorted(
            (r["unit"], r["item"], r["since"], r["until"]) for r in await run(graph, stored)
        )
        assert rows == [
            ("cgj", "C1", "2019-01-01", "2024-01-01"),
            ("cgj", "C2", "2019-01-01", None),
            ("sw", "C1", "2024-01-01", None),
            ("sw", "C2", "2021-01-01", None),
            ("xf", "C1", "2020-07-01", "2025-07-01"),
        ]


async def test_write_holdings_skips_rows_whose_ends_are_not_stored(graph: Graph) -> None:
    rows = [
        holding(
            "cgj",
            "C2",
            "110115",
            "PRIMARY",
            "ORIGINAL",
            small_holdings()[0].valid_from,
            None,
            [],
        ),
        holding(
            "nobody",
            "C2",
            "110115",
            "PRIMARY",
            "ORIGINAL",
            small_holdings()[0].valid_from,
            None,
            [],
        ),
        holding(
            "cgj",
            "no-item",
            "110115",
            "PRIMARY",
            "ORIGINAL",
            small_holdings()[0].valid_from,
            None,
            [],
        ),
    ]
    await graph.write_holdings(rows)
    stored = await run(
        graph,
        adhoc(
            "MATCH (u:Unit)-[h:HOLDS]->(i:PowerItem) "
            "RETURN u.id AS unit, i.id AS item, h.valid_to AS valid_to, h.acts AS acts, "
            "h.joint AS joint"
        ),
    )
    assert stored == [{"unit": "cgj", "item": "C2", "valid_to": None, "acts": [], "joint": False}]


async def test_holdings_do_not_disturb_loading_the_records(graph: Graph) -> None:
    assert await graph.store.load_all() == small()


def test_the_holdings_statements_are_in_the_catalog() -> None:
    assert statement(Statement.CLEAR_HOLDINGS).params == frozenset()
    assert statement(Statement.WRITE_HOLDINGS).params == {"rows"}
    assert statement(Statement.REPLACE_PAIR_HOLDINGS).params == {"pairs", "rows"}


async def test_resaving_a_unit_keeps_its_derived_holdings(graph: Graph) -> None:
    count = adhoc("MATCH (:Unit)-[h:HOLDS]->(:PowerItem) RETURN count(h) AS n")
    before = (await run(graph, count))[0]["n"]
    assert before > 0
    await graph.store.apply(ChangeSet(upserts=small(), recorded_by="test"))
    assert (await run(graph, count))[0]["n"] == before
