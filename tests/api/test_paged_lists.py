"""The paged twins of the lists that grow with the city: ``powerListPage``, ``historyPage``,
``disputesPage`` and ``PublishedList.entriesPage``, against their unpaged fields.

Every paged field walks its list in pages of ``first`` rows; the pages concatenate to the unpaged
list, in its order, with ``totalCount`` the whole list's length; a cursor that is not ours and a
``first`` outside 0..200 fail with the one validation error every paged list gives.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from graph_service.service import load_document
from tests.reviewed import approved

from .conftest import data, gql, issue, service_of

pytestmark = pytest.mark.asyncio(loop_scope="module")

OPENED = datetime(2024, 3, 1, 9, 0)
# five disputes; D-2 and D-3 opened at the same moment (the id breaks the tie)
DISPUTES = [
    ("D-1", OPENED),
    ("D-2", OPENED + timedelta(days=1)),
    ("D-3", OPENED + timedelta(days=1)),
    ("D-4", OPENED + timedelta(days=3)),
    ("D-5", OPENED + timedelta(days=2, microseconds=500)),
]
ENTRIES = [f"T-X{i:02d}" for i in range(7)]  # items added for the list
RENAMES = ["兴丰街道办事处（一）", "兴丰街道办事处（二）", "兴丰街道办事处（三）"]

Fetch = Callable[[int, str | None], Awaitable[dict[str, Any]]]


def dispute(key: str, opened: datetime) -> dict[str, Any]:
    return {
        "id": key,
        "kind": "matter",
        "parties": ["chengguan", "market"],
        "events": [{"action": "opened", "at": opened.isoformat(), "by": "sfj-staff"}],
    }


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def bureau(app: Starlette) -> str:
    """Writes the disputes, a published list and renames of xingfeng; a bureau token."""
    ctx = service_of(app)
    await load_document(ctx, {"disputes": [dispute(k, at) for k, at in DISPUTES]}, by="test")
    published = {
        "unit": "market",
        "version": 1,
        "published": "2024-01-01",
        "items": ENTRIES,
        "entries": [{"item": i, "role": "PRIMARY", "mode": "ORIGINAL"} for i in ENTRIES],
    }
    items = [{"code": i, "name": f"事项{i}", "category": "penalty"} for i in ENTRIES]
    assign = approved(
        {
            "id": "a-x",
            "kind": "assign",
            "effective": "2020-01-01",
            "items": ENTRIES,
            "to": ["health"],
        }
    )
    document = {"items": items, "acts": [assign], "published_lists": [published]}
    await load_document(ctx, document, by="test")
    unit = next(u for u in ctx.projection.dataset.units if u.id == "xingfeng")
    for name in RENAMES:
        renamed = unit.model_dump(mode="json", by_alias=True) | {"name": name}
        await load_document(ctx, {"units": [renamed]}, by="test")
    return await issue(app, "justice_bureau", name="sfj-paging")


async def walk(fetch: Fetch, first: int) -> tuple[list[Any], list[int]]:
    """Every node by following ``endCursor``, and the ``totalCount`` each page gave."""
    nodes: list[Any] = []
    totals: list[int] = []
    after: str | None = None
    while True:
        conn = await fetch(first, after)
        nodes += [edge["node"] for edge in conn["edges"]]
        totals.append(conn["totalCount"])
        assert [e["cursor"] for e in conn["edges"]][-1:] == [conn["pageInfo"]["endCursor"]] or (
            conn["edges"] == [] and conn["pageInfo"]["endCursor"] is None
        )
        assert conn["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not conn["pageInfo"]["hasNextPage"]:
            return nodes, totals
        assert len(conn["edges"]) == first
        after = conn["pageInfo"]["endCursor"]


PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor"
POWER = "item { code } role mode scopes { code } validFrom validTo acts"


def power_page(client: httpx.AsyncClient, unit: str) -> Fetch:
    async def fetch(first: int, after: str | None) -> dict[str, Any]:
        query = f"""query($unit: String!, $first: Int!, $after: String) {{
          powerListPage(unit: $unit, at: "2021-01-01", first: $first, after: $after) {{
            {PAGE} node {{ {POWER} }} }} }} }}"""
        variables = {"unit": unit, "first": first, "after": after}
        conn: dict[str, Any] = (await data(client, query, variables))["powerListPage"]
        return conn

    return fetch


@pytest.mark.parametrize("unit", ["health", "chengguan", "xingfeng"])
@pytest.mark.parametrize("first", [1, 2, 4, 200])
async def test_power_list_pages_concatenate_to_the_power_list(
    client: httpx.AsyncClient, bureau: str, unit: str, first: int
) -> None:
    query = f'{{ powerList(unit: "{unit}", at: "2021-01-01") {{ {POWER} }} }}'
    whole = (await data(client, query))["powerList"]
    assert whole, "the small dataset gives every unit asked about something to hold"
    if unit == "health":  # its own two items and the seven assigned above
        assert len(whole) == 2 + len(ENTRIES)
    nodes, totals = await walk(power_page(client, unit), first)
    assert nodes == whole
    assert set(totals) == {len(whole)}


async def test_history_pages_concatenate_to_the_history(
    client: httpx.AsyncClient, bureau: str
) -> None:
    whole = await data(client, '{ history(kind: UNIT, key: "xingfeng") { revision operation } }')
    versions = whole["history"]
    assert len(versions) == 1 + len(RENAMES)

    async def fetch(first: int, after: str | None) -> dict[str, Any]:
        query = f"""query($first: Int!, $after: String) {{
          historyPage(kind: UNIT, key: "xingfeng", first: $first, after: $after) {{
            {PAGE} node {{ revision operation }} }} }} }}"""
        conn: dict[str, Any] = (await data(client, query, {"first": first, "after": after}))[
            "historyPage"
        ]
        return conn

    for first in (1, 3, 200):
        nodes, totals = await walk(fetch, first)
        assert nodes == versions
        assert set(totals) == {len(versions)}


async def test_disputes_pages_concatenate_newest_first(
    client: httpx.AsyncClient, bureau: str
) -> None:
    whole = (await data(client, "{ disputes { id } }", token=bureau))["disputes"]
    assert [d["id"] for d in whole] == ["D-4", "D-5", "D-3", "D-2", "D-1"]

    async def fetch(first: int, after: str | None) -> dict[str, Any]:
        query = f"""query($first: Int!, $after: String) {{
          disputesPage(first: $first, after: $after) {{ {PAGE} node {{ id }} }} }} }}"""
        variables = {"first": first, "after": after}
        conn: dict[str, Any] = (await data(client, query, variables, token=bureau))["disputesPage"]
        return conn

    for first in (1, 2, 4, 200):
        nodes, totals = await walk(fetch, first)
        assert nodes == whole
        assert set(totals) == {len(whole)}
    filtered = """{ disputesPage(filter: {statuses: [CLOSED]}, first: 5) { totalCount edges { node {
        id } } } }"""
    assert (await data(client, filtered, token=bureau))["disputesPage"] == {
        "totalCount": 0,
        "edges": [],
    }


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def units(app: Starlette) -> dict[str, str]:
    return {
        "xingfeng": await issue(app, "unit", name="xf-paging", unit="xingfeng"),
        "chengguan": await issue(app, "unit", name="cg-paging", unit="chengguan"),
    }


async def test_disputes_page_shows_a_unit_only_its_own(
    client: httpx.AsyncClient, bureau: str, units: dict[str, str]
) -> None:
    outsider = units["xingfeng"]
    seen = await data(client, "{ disputesPage(first: 200) { totalCount } }", token=outsider)
    assert seen["disputesPage"]["totalCount"] == 0
    party = units["chengguan"]
    seen = await data(client, "{ disputesPage(first: 200) { totalCount } }", token=party)
    assert seen["disputesPage"]["totalCount"] == len(DISPUTES)


async def test_published_entries_pages_concatenate_to_the_entries(
    client: httpx.AsyncClient, bureau: str
) -> None:
    query = '{ publishedLists(unit: "market") { version entries { item role mode } } }'
    [published] = (await data(client, query))["publishedLists"]
    assert [e["item"] for e in published["entries"]] == ENTRIES

    async def fetch(first: int, after: str | None) -> dict[str, Any]:
        paged = f"""query($first: Int!, $after: String) {{ publishedLists(unit: "market") {{
          entriesPage(first: $first, after: $after) {{ {PAGE} node {{ item role mode }} }} }}
        }} }}"""
        variables = {"first": first, "after": after}
        [found] = (await data(client, paged, variables))["publishedLists"]
        conn: dict[str, Any] = found["entriesPage"]
        return conn

    for first in (1, 3, 7, 200):
        nodes, totals = await walk(fetch, first)
        assert nodes == published["entries"]
        assert set(totals) == {len(ENTRIES)}


BAD_CALLS = [
    'powerListPage(unit: "market", first: {first}, after: {after}) { totalCount }',
    'historyPage(kind: UNIT, key: "xingfeng", first: {first}, after: {after}) { totalCount }',
    "disputesPage(first: {first}, after: {after}) { totalCount }",
    'publishedLists(unit: "market") { entriesPage(first: {first}, after: {after}) { totalCount } }',
]


@pytest.mark.parametrize("call", BAD_CALLS)
@pytest.mark.parametrize(
    ("first", "after", "problem"),
    [
        (201, "null", "first: must be between 0 and 200, not 201"),
        (-1, "null", "first: must be between 0 and 200, not -1"),
        (5, '"bm90IG91cnM="', "after: is not a cursor returned by this API"),
        (5, '"%%%"', "after: is not a cursor returned by this API"),
    ],
)
async def test_bad_first_or_after_is_the_stable_validation_error(
    client: httpx.AsyncClient, bureau: str, call: str, first: int, after: str, problem: str
) -> None:
    query = "{ " + call.replace("{first}", str(first)).replace("{after}", after) + " }"
    body = await gql(client, query, token=bureau)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION_FAILED"
    assert [f"{p['path']}: {p['message']}" for p in error["extensions"]["problems"]] == [problem]


async def test_first_zero_gives_only_the_count(client: httpx.AsyncClient, bureau: str) -> None:
    whole = await data(client, '{ powerList(unit: "market", at: "2021-01-01") { acts } }')
    query = """{ powerListPage(unit: "market", at: "2021-01-01", first: 0) {
        totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }"""
    conn = (await data(client, query))["powerListPage"]
    assert conn == {
        "totalCount": len(whole["powerList"]),
        "edges": [],
        "pageInfo": {"hasNextPage": True, "endCursor": None},
    }


async def test_an_unknown_unit_is_not_found_on_the_paged_list_too(
    client: httpx.AsyncClient,
) -> None:
    body = await gql(client, '{ powerListPage(unit: "nobody", first: 5) { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
