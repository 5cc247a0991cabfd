"""Hostile requests are refused fast, with a stable code, and never reach the expensive parts.

Each case was measured before the limits existed (one run on a loaded 2-core machine): the
1.8 KB fragment bomb never returned, 10,000 aliases took 11.8 s, 20,000 repeated fields 41 s, a
50 MB comment 39 s. The bound asserted here (1 s) is generous for a shared CI machine; the 50 ms
target is measured by the benchmark (``benchmarks/abuse.py``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from graph_service.api import create_app
from graph_service.api.limits import RequestLimits
from graph_service.service import ServiceContext

from .conftest import BASE_URL, bearer, issue, service_of
from .small_dataset import XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")
FAST = 1.0  # seconds


def fragment_bomb(levels: int) -> str:
    """``F_i { ...F_(i-1) ...F_(i-1) }``: 2**levels fields once expanded."""
    lines = ["fragment F0 on Query { __typename }"]
    lines += [f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, levels)]
    return "\n".join([*lines, f"{{ ...F{levels - 1} }}"])


def aliases(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


def repeated(count: int) -> str:
    return "{ " + " __typename" * count + " }"


def nested(depth: int) -> str:
    return "{ " + 'searchItems(text: "x") { ' * depth + "key" + " }" * (depth + 1)


LIMITS = RequestLimits()
CASES = {
    "fragment bomb, 840 bytes": (fragment_bomb(26), "QUERY_TOO_COMPLEX"),
    "fragment bomb, 1.8 KB": (fragment_bomb(52), "QUERY_TOO_COMPLEX"),
    "100 aliases": (aliases(100), "TOO_MANY_ALIASES"),
    "600 aliases": (aliases(600), "TOO_MANY_TOKENS"),
    "10,000 aliases": (aliases(10_000), "QUERY_TOO_LARGE"),
    "500 repeated fields": (repeated(500), "QUERY_TOO_COMPLEX"),
    "1,000 repeated fields": (repeated(1_000), "TOO_MANY_TOKENS"),
    "20,000 repeated fields": (repeated(20_000), "QUERY_TOO_LARGE"),
    "a 1 MB comment": ("#" + "x" * 1_000_000 + "\n{ __typename }", "QUERY_TOO_LARGE"),
    "5,000 tokens": ("{ " + "a " * 5_000 + "}", "TOO_MANY_TOKENS"),
    "11 levels deep": (nested(11), "QUERY_TOO_DEEP"),
    "parser recursion": ("{ " + "a { " * 300 + "b" + " }" * 301, "QUERY_TOO_DEEP"),
    "deep introspection": (
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
        "QUERY_TOO_DEEP",
    ),
    "fragment cycle": (
        "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }",
        "GRAPHQL_VALIDATION_FAILED",
    ),
}


async def timed_post(client: httpx.AsyncClient, **kwargs: Any) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = await client.post("/graphql", **kwargs)
    return response, time.perf_counter() - started


@pytest.mark.parametrize("case", list(CASES))
async def test_a_hostile_document_is_refused_fast(client: httpx.AsyncClient, case: str) -> None:
    query, code = CASES[case]
    response, elapsed = await timed_post(client, json={"query": query})
    assert response.status_code == 200  # application/json: a request error is still 200
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == code, error
    assert len(error["message"]) < 400
    assert elapsed < FAST


async def test_the_graphql_response_media_type_refuses_with_400_and_no_data(
    client: httpx.AsyncClient,
) -> None:
    response, elapsed = await timed_post(
        client,
        json={"query": fragment_bomb(52)},
        headers={"accept": "application/graphql-response+json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert elapsed < FAST


async def test_the_standard_introspection_query_is_within_the_limits(
    client: httpx.AsyncClient,
) -> None:
    from graphql import get_introspection_query

    query = get_introspection_query(descriptions=True, input_value_deprecation=True)
    response, _ = await timed_post(client, json={"query": query})
    assert "errors" not in response.json()
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_a_body_over_the_limit_is_refused_before_it_is_read(
    client: httpx.AsyncClient,
) -> None:
    comment = b'{"query": "#' + b"x" * (LIMITS.max_body_bytes + 1) + b'\\n{ __typename }"}'
    response, elapsed = await timed_post(
        client, content=comment, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"
    assert elapsed < FAST


MALFORMED = {
    "null": b"null",
    "a number": b"42",
    "a list": b"[]",
    "a string": b'"{ __typename }"',
    "not JSON": b"{query",
    "invalid UTF-8": b'{"query": "{ __typename }", "x": "\xff\xfe"}',
    "1,000 nested lists": b"[" * 1_000 + b"]" * 1_000,
    "nested variables": b'{"query": "{ __typename }", "variables": {"a": '
    + b"[" * 1_000
    + b"]" * 1_000
    + b"}}",
    "variables not an object": b'{"query": "{ __typename }", "variables": 3}',
}


@pytest.mark.parametrize("case", list(MALFORMED))
async def test_a_malformed_body_is_a_400_with_a_graphql_error(
    client: httpx.AsyncClient, case: str
) -> None:
    response, elapsed = await timed_post(
        client, content=MALFORMED[case], headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert elapsed < FAST


async def test_a_page_size_over_the_cap_names_the_argument(client: httpx.AsyncClient) -> None:
    response, _ = await timed_post(
        client, json={"query": "{ findings(first: 100000) { totalCount } }"}
    )
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "VALIDATION_FAILED"
    assert error["extensions"]["problems"] == [
        {"path": "first", "message": "must be between 0 and 200, not 100000"}
    ]


async def test_an_unknown_megabyte_argument_is_not_echoed(client: httpx.AsyncClient) -> None:
    key = "k" * 1_000_000
    response, elapsed = await timed_post(
        client,
        json={
            "query": "query($item: String!) "
            f'{{ jurisdiction(item: $item, place: "{XINGFENG}") {{ status }} }}',
            "variables": {"item": key},
        },
    )
    assert len(response.content) < 2_000
    assert response.json()["errors"][0]["extensions"]["code"] in {"NOT_FOUND", "VALIDATION_FAILED"}
    assert elapsed < FAST


async def test_another_host_name_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"host": "attacker.example"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "HOST_NOT_ALLOWED"
    ok = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"host": "127.0.0.1:8000"}
    )
    assert ok.status_code == 200


async def test_every_response_carries_the_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-request-id"]


async def test_graphiql_gets_a_policy_naming_its_scripts(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy  # GraphiQL is the service's own bundle: no CDN, no inline
    assert "unpkg.com" not in policy
    assert "'unsafe-eval'" not in policy


async def test_a_supplied_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"x-request-id": "trace-42"})
    assert response.headers["x-request-id"] == "trace-42"
    other = await client.get("/healthz", headers={"x-request-id": "no spaces allowed"})
    assert other.headers["x-request-id"] != "no spaces allowed"


async def test_a_query_over_its_time_budget_is_answered_timeout(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = service_of(app)

    @asynccontextmanager
    async def same_service() -> AsyncIterator[ServiceContext]:
        yield ctx

    async def slow(*args: object) -> list[object]:
        await asyncio.sleep(5)
        return []

    token = await issue(app, "justice_bureau", name="司法局-timeout")  # history is theirs to read
    monkeypatch.setattr(ctx.store, "record_versions", slow)
    impatient = create_app(same_service, limits=RequestLimits(timeout_seconds=0.2))
    query = '{ history(kind: ITEM, key: "T-SMOKE") { revision } }'
    async with (
        impatient.router.lifespan_context(impatient),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=impatient), base_url=BASE_URL
        ) as client,
    ):
        response, elapsed = await timed_post(client, json={"query": query}, headers=bearer(token))
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "TIMEOUT", "retryable": True}
    assert elapsed < FAST
