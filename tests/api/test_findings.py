"""findings(at, filter, first, after) paging and filters, on the small hand-made dataset.

On 2021-01-01 there are four findings, most severe first and then by id: the GAP of the dust
penalty and the OVERLAP of the vending penalty (HIGH; ids start gap-/overlap-), the unreviewed noise
act (MEDIUM) and the noise penalty with no legal basis (LOW).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import data, gql
from .small_dataset import DUST, LINXIAOLU, NOISE, VENDING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

QUERY = """
query($first: Int!, $after: String, $filter: FindingFilter) {
  findings(at: "2021-01-01", first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      id kind severity at summary item { code } units { id name } places { code name }
      coordinatingGovernment { id name } designatingAuthority { id name }
    } }
  }
}
"""


async def page(
    client: httpx.AsyncClient,
    first: int,
    after: str | None = None,
    where: dict[str, Any] | None = None,
) -> dict[str, Any]:
    variables = {"first": first, "after": after, "filter": where}
    result: dict[str, Any] = (await data(client, QUERY, variables))["findings"]
    return result


def kinds(conn: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [
        (e["node"]["kind"], e["node"]["severity"], (e["node"]["item"] or {}).get("code"))
        for e in conn["edges"]
    ]


async def test_all_findings_in_severity_order(client: httpx.AsyncClient) -> None:
    conn = await page(client, 20)
    assert conn["totalCount"] == 4
    assert kinds(conn) == [
        ("GAP", "HIGH", DUST),
        ("OVERLAP", "HIGH", VENDING),
        ("UNREVIEWED_ACT", "MEDIUM", NOISE),
        ("STALE_BASIS", "LOW", NOISE),
    ]
    overlap = conn["edges"][1]["node"]
    assert [u["name"] for u in overlap["units"]] == ["区城管执法局", "区市场监管局"]
    assert [p["code"] for p in overlap["places"]] == [XINGFENG, LINXIAOLU]
    assert overlap["coordinatingGovernment"] == {"id": "gov", "name": "大兴区人民政府"}
    assert overlap["designatingAuthority"] == {"id": "gov", "name": "大兴区人民政府"}
    assert overlap["summary"].endswith("同时行使（多头管辖）。")
    assert conn["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": conn["edges"][0]["cursor"],
        "endCursor": conn["edges"][3]["cursor"],
    }


async def test_pages_of_two_walk_every_finding_once(client: httpx.AsyncClient) -> None:
    first = await page(client, 2)
    assert (first["totalCount"], first["pageInfo"]["hasNextPage"]) == (4, True)
    assert [k[0] for k in kinds(first)] == ["GAP", "OVERLAP"]
    second = await page(client, 2, first["pageInfo"]["endCursor"])
    assert [k[0] for k in kinds(second)] == ["UNREVIEWED_ACT", "STALE_BASIS"]
    assert second["totalCount"] == 4
    assert (second["pageInfo"]["hasNextPage"], second["pageInfo"]["hasPreviousPage"]) == (
        False,
        True,
    )
    third = await page(client, 2, second["pageInfo"]["endCursor"])
    assert (third["edges"], third["pageInfo"]["endCursor"]) == ([], None)


async def test_cursors_are_stable_across_requests(client: httpx.AsyncClient) -> None:
    once = [e["cursor"] for e in (await page(client, 4))["edges"]]
    again = [e["cursor"] for e in (await page(client, 4))["edges"]]
    assert once == again
    assert len(set(once)) == 4
    resumed = await page(client, 1, once[1])
    assert resumed["edges"][0]["cursor"] == once[2]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"kinds": ["OVERLAP", "GAP"]}, ["GAP", "OVERLAP"]),
        ({"severities": ["LOW"]}, ["STALE_BASIS"]),
        ({"item": NOISE}, ["UNREVIEWED_ACT", "STALE_BASIS"]),
        ({"unit": "market"}, ["OVERLAP"]),
        ({"place": LINXIAOLU}, ["GAP", "OVERLAP"]),
        ({"unit": "market", "kinds": ["GAP"]}, []),
    ],
)
async def test_filters(
    client: httpx.AsyncClient, where: dict[str, Any], expected: list[str]
) -> None:
    conn = await page(client, 20, where=where)
    assert [k[0] for k in kinds(conn)] == expected
    assert conn["totalCount"] == len(expected)


async def test_a_cursor_not_from_this_api_is_a_validation_error(client: httpx.AsyncClient) -> None:
    body = await gql(client, QUERY, {"first": 2, "after": "bm90LWEtY3Vyc29y"})
    [error] = body["errors"]
    assert error["extensions"] == {
        "code": "VALIDATION_FAILED",
        "problems": [{"path": "after", "message": "is not a cursor returned by this API"}],
    }


async def test_negative_first_is_refused(client: httpx.AsyncClient) -> None:
    body = await gql(client, QUERY, {"first": -1})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION_FAILED"
    assert body["errors"][0]["extensions"]["problems"][0]["path"] == "first"
