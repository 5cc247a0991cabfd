"""graph(focus, depth, at, kinds, limit) through the API: the delegation appears on its day, the
cap is reported, bad arguments get a stable code naming the field."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import data, gql
from .small_dataset import SMOKING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

GRAPH = """
query($focus: String!, $at: Date, $depth: Int! = 1, $kinds: [GraphEdgeKind!], $limit: Int! = 200) {
  graph(focus: $focus, at: $at, depth: $depth, kinds: $kinds, limit: $limit) {
    focus at truncated totalNodes totalEdges countsComplete
    nodes { id kind key label illustrative distance properties { name value } }
    edges { id kind source target label role mode validFrom scopes acts items }
  }
}
"""


async def _graph(client: httpx.AsyncClient, **variables: object) -> dict[str, Any]:
    answer: dict[str, Any] = (await data(client, GRAPH, variables))["graph"]
    return answer


async def test_the_street_appears_as_a_delegated_holder_from_2020_07_01(
    client: httpx.AsyncClient,
) -> None:
    before = await _graph(client, focus=SMOKING, at="2020-06-30")
    after = await _graph(client, focus=f"item:{SMOKING}", at="2020-07-01")
    assert before["focus"] == after["focus"] == f"item:{SMOKING}"
    before_units = {n["key"] for n in before["nodes"] if n["kind"] == "UNIT"}
    after_units = {n["key"] for n in after["nodes"] if n["kind"] == "UNIT"}
    assert before_units == {"health"}
    assert after_units == {"health", "xingfeng", "linxiaolu"}
    edges = after["edges"]
    [street] = [e for e in edges if e["source"] == "unit:xingfeng"]
    assert (street["kind"], street["role"], street["mode"]) == ("HOLDS", "PRIMARY", "DELEGATED")
    assert street["scopes"] == [XINGFENG]
    assert street["validFrom"] == "2020-07-01"
    delegations = [e for e in edges if e["kind"] == "DELEGATED"]
    assert sorted((d["source"], d["target"]) for d in delegations) == [
        ("unit:health", "unit:linxiaolu"),
        ("unit:health", "unit:xingfeng"),
    ]
    assert {(tuple(d["acts"]), d["label"]) for d in delegations} == {(("delegate-smoke",), "下放")}


async def test_a_place_lists_its_street_office_and_the_cap_is_reported(
    client: httpx.AsyncClient,
) -> None:
    whole = await _graph(client, focus=f"region:{XINGFENG}", depth=2)
    nodes = whole["nodes"]
    assert nodes[0]["label"] == "兴丰街道"
    assert "unit:xingfeng" in {n["id"] for n in nodes}
    assert whole["truncated"] is False
    capped = await _graph(client, focus=f"region:{XINGFENG}", depth=2, limit=2)
    assert capped["truncated"] is True
    assert len(capped["nodes"]) == 2
    assert capped["totalNodes"] == len(nodes)


async def test_kinds_filter_the_edges(client: httpx.AsyncClient) -> None:
    answer = await _graph(client, focus="xingfeng", at="2021-01-01", kinds=["HOLDS"])
    assert {e["kind"] for e in answer["edges"]} == {"HOLDS"}


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"focus": "nowhere"}, "NOT_FOUND", None),
        ({"focus": SMOKING, "depth": 0}, "VALIDATION_FAILED", "depth"),
        ({"focus": SMOKING, "depth": 9}, "VALIDATION_FAILED", "depth"),
        ({"focus": SMOKING, "limit": 0}, "VALIDATION_FAILED", "limit"),
        ({"focus": SMOKING, "limit": 5000}, "VALIDATION_FAILED", "limit"),
        ({"focus": "  "}, "VALIDATION_FAILED", "focus"),
    ],
)
async def test_bad_arguments_get_a_stable_code(
    client: httpx.AsyncClient, variables: dict[str, object], code: str, field: str | None
) -> None:
    body = await gql(client, GRAPH, variables)
    [error] = body["errors"]
    assert body["data"] is None
    assert error["extensions"]["code"] == code
    if field is not None:
        assert [p["path"] for p in error["extensions"]["problems"]] == [field]
    else:
        assert "nowhere" in error["message"]
