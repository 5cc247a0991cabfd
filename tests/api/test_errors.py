"""Errors reach clients with a stable extensions.code and never a stack trace."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from .conftest import gql, service_of
from .small_dataset import SMOKING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_malformed_query_is_a_parse_error(client: httpx.AsyncClient) -> None:
    body = await gql(client, '{ jurisdiction(item: "x" place: ) { status } }')
    assert body == {
        "data": None,
        "errors": [
            {
                "message": "Syntax Error: Unexpected ')'.",
                "locations": [{"line": 1, "column": 33}],
                "extensions": {"code": "GRAPHQL_PARSE_FAILED"},
            }
        ],
    }


async def test_unknown_field_is_a_validation_error(client: httpx.AsyncClient) -> None:
    body = await gql(client, "{ secrets }")
    assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_VALIDATION_FAILED"]
    assert body["errors"][0]["message"] == "Cannot query field 'secrets' on type 'Query'."


async def test_a_bad_date_names_the_value(client: httpx.AsyncClient) -> None:
    body = await gql(
        client,
        "query($at: Date) { jurisdiction(item: $item, place: $place, at: $at) { status } }".replace(
            "$item", f'"{SMOKING}"'
        ).replace("$place", f'"{XINGFENG}"'),
        {"at": "2020-02-30"},
    )
    [error] = body["errors"]
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "2020-02-30" in error["message"]


async def test_too_many_aliases_are_refused(client: httpx.AsyncClient) -> None:
    aliases = " ".join(f'a{i}: searchItems(text: "x") {{ key }}' for i in range(31))
    body = await gql(client, "{ " + aliases + " }")
    assert body["errors"][0]["message"] == "31 aliases found. Allowed: 30"
    assert body["errors"][0]["extensions"] == {"code": "TOO_MANY_ALIASES"}


async def test_unexpected_errors_are_masked(
    app: Starlette, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals at /srv/graph")

    monkeypatch.setattr(service_of(app).projection, "jurisdiction", broken)
    response = await client.post(
        "/graphql",
        json={"query": f'{{ jurisdiction(item: "{SMOKING}", place: "{XINGFENG}") {{ status }} }}'},
    )
    assert response.status_code == 200
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": "Unexpected error.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["jurisdiction"],
                "extensions": {"code": "INTERNAL"},
            }
        ],
        "extensions": {"revision": service_of(app).revision},
    }
    assert "secret" not in response.text
    assert "Traceback" not in response.text


async def test_healthz_says_the_process_is_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}


async def test_readyz_is_ready_once_the_projection_is_loaded(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["store"] == "ok"
    assert body["records"] > 20
    assert body["revision"] >= 1
    assert body["head"] == body["revision"]
    assert body["lag"] == 0
    assert body["export_lag"] == 0


async def test_graphiql_is_served_to_a_browser(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "GraphiQL" in response.text
