"""The lean route against the full stack: the same bytes, status and headers, or handed on.

Each request is sent three ways on the same app: the normal path (the fast lane and the lean
route off: strawberry's ``Schema.execute`` behind every middleware), the fast path behind the
middleware (the lean route off), and the lean route (on, the document prepared by an earlier
request). Status, body and every response header but the request id must be the same, and the
lean route must have served (or declined) the request as its rules say.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest
import pytest_asyncio
from graphql import parse
from starlette.applications import Starlette

from graph_service.api import create_app
from graph_service.api.graphql_view import GRAPHQL_RESPONSE, GraphQLView
from graph_service.api.lean_route import Lean, LeanRoute
from graph_service.api.limits import RequestLimits
from graph_service.api.persisted import registered
from graph_service.service import ServiceContext

from .conftest import BASE_URL, bearer, issue, service_of
from .small_dataset import SMOKING, VENDING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

ASK = (
    "query Ask($item: String!, $place: String!, $at: Date) { jurisdiction(item: $item, "
    "place: $place, at: $at) { status explanation holders { unit { id name } role chain { act "
    "explanation } basis { lawTitle } } counterparts { agreement } } }"
)
CHANGES = "{ changes(since: 0, first: 3) { edges { node { change { revision id } } } } }"
ALIASES = " ".join(f'a{i}: searchItems(text: "x") {{ key }}' for i in range(31))


def _persisted(operation: str) -> str:
    for identifier, text in registered().items():
        definition = parse(text).definitions[0]
        if getattr(definition, "name", None) and definition.name.value == operation:  # type: ignore[attr-defined]
            return identifier
    raise AssertionError(f"no registered document {operation}")


JURISDICTION_ID = _persisted("Jurisdiction")

# name: (body, who asks, Accept, whether the lean route serves it once the document is prepared)
CASES: dict[str, tuple[dict[str, Any], str | None, str, bool]] = {
    "an answer": (
        {"query": ASK, "variables": {"item": SMOKING, "place": XINGFENG}},
        None,
        "application/json",
        True,
    ),
    "an answer, graphql-response": (
        {"query": ASK, "variables": {"item": VENDING, "place": XINGFENG, "at": "2021-01-01"}},
        None,
        GRAPHQL_RESPONSE,
        True,
    ),
    "a persisted document": (
        {"documentId": JURISDICTION_ID, "variables": {"item": SMOKING, "place": XINGFENG}},
        None,
        "application/json",
        True,
    ),
    "an error of the use case": (
        {"query": ASK, "variables": {"item": "NOPE", "place": XINGFENG}},
        None,
        "application/json",
        True,
    ),
    "a bad variable, graphql-response": (
        {"query": ASK, "variables": {"item": SMOKING, "place": XINGFENG, "at": "2020-02-30"}},
        None,
        GRAPHQL_RESPONSE,
        True,
    ),
    "a page over the cap": (
        {"query": "{ findings(first: 5000) { totalCount } }"},
        None,
        "application/json",
        True,
    ),
    "forbidden for the public": ({"query": CHANGES}, None, "application/json", True),
    "allowed for the bureau": ({"query": CHANGES}, "bureau", "application/json", True),
    "a refused token": ({"query": CHANGES}, "wrong", "application/json", False),
    "a document over a limit": ({"query": "{ " + ALIASES + " }"}, None, GRAPHQL_RESPONSE, False),
    "an unknown document id": (
        {"documentId": "sha256:" + "0" * 64, "variables": {}},
        None,
        GRAPHQL_RESPONSE,
        False,
    ),
    "a mutation": (
        {"query": 'mutation { deleteRecord(kind: ITEM, key: "x") { __typename } }'},
        None,
        "application/json",
        False,
    ),
}


EXPECTED = {  # (status, a part of the body) where it is not 200 with data
    "an error of the use case": (200, b"NOT_FOUND"),
    "a bad variable, graphql-response": (400, b"GRAPHQL_VALIDATION_FAILED"),
    "a page over the cap": (200, b"first"),
    "forbidden for the public": (200, b"FORBIDDEN"),
    "a refused token": (401, b"UNAUTHENTICATED"),
    "a document over a limit": (400, b"alias"),
    "an unknown document id": (400, b"PERSISTED_QUERY_NOT_FOUND"),
    "a mutation": (200, b"PermissionDenied"),
}


@pytest.fixture(scope="module")
def view(app: Starlette) -> GraphQLView:
    found: GraphQLView = app.state.graphql
    return found


@pytest.fixture(scope="module")
def lean(app: Starlette) -> Lean:
    found: Lean = app.state.lean
    assert found.on, "the lean route is on as served"
    return found


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def bureau(app: Starlette) -> str:
    return await issue(app, "justice_bureau", name="司法局-lean")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the lean route served each request it looked at (False: handed on)."""
    seen: list[bool] = []
    answer = LeanRoute._answer

    async def counted(self: LeanRoute, *args: Any) -> bool:
        done = await answer(self, *args)
        seen.append(done)
        return done

    monkeypatch.setattr(LeanRoute, "_answer", counted)
    return seen


@contextmanager
def switched(view: GraphQLView, lean: Lean, *, fast: bool, lean_on: bool) -> Iterator[None]:
    lane = view.lane
    view.lane = lane if fast else None
    lean.on = lean_on
    try:
        yield
    finally:
        view.lane, lean.on = lane, True


Exchange = tuple[int, bytes, str, list[tuple[bytes, bytes]]]


async def exchange(
    client: httpx.AsyncClient, body: dict[str, Any], token: str | None, accept: str
) -> Exchange:
    """Status, body, content type and every other header but the request id (sorted: a cached
    answer's ``ETag`` comes before its length on both stacks, a fresh one's after)."""
    response = await client.post("/graphql", json=body, headers={"Accept": accept, **bearer(token)})
    assert response.headers["x-request-id"]
    headers = sorted((k, v) for k, v in response.headers.raw if k.lower() != b"x-request-id")
    return response.status_code, response.content, response.headers["content-type"], headers


@pytest.mark.parametrize("case", list(CASES))
async def test_the_lean_route_answers_as_the_full_stack(
    view: GraphQLView,
    lean: Lean,
    client: httpx.AsyncClient,
    bureau: str,
    served: list[bool],
    case: str,
) -> None:
    body, who, accept, lean_serves = CASES[case]
    token = {"bureau": bureau, "wrong": "not-a-token", None: None}[who]
    with switched(view, lean, fast=False, lean_on=False):
        normal = await exchange(client, body, token, accept)
    assert view.lane is not None
    responses, view.lane.responses = view.lane.responses, None
    try:
        with switched(view, lean, fast=True, lean_on=False):
            fast = await exchange(client, body, token, accept)  # prepares the document
        served.clear()
        executed = await exchange(client, body, token, accept)  # lean: executed
    finally:
        view.lane.responses = responses
    with switched(view, lean, fast=True, lean_on=False):
        await exchange(client, body, token, accept)  # stored in the response cache, if it may be
        fast_hit = await exchange(client, body, token, accept)  # … and answered from it
    hit = await exchange(client, body, token, accept)  # lean: from the response cache
    for answer in (fast, fast_hit, executed, hit):
        assert answer[:3] == normal[:3], normal[1].decode()
    assert executed == fast
    assert hit == fast_hit
    assert served == [lean_serves] * 2
    status, content = EXPECTED.get(case, (200, b'"data":{'))
    assert normal[0] == status
    assert content in normal[1]


async def test_a_fresh_question_each_time_is_served_lean(
    client: httpx.AsyncClient, served: list[bool]
) -> None:
    await exchange(client, {"query": ASK, "variables": {"item": SMOKING}}, None, "*/*")
    served.clear()
    missing = await exchange(client, {"query": ASK, "variables": {"item": SMOKING}}, None, "*/*")
    assert missing[0] == 200
    assert b'"data":null' in missing[1]
    for place in ["110115001000", "110115002000", "110115003000"]:
        variables = {"item": SMOKING, "place": place, "at": "2022-02-02"}
        status, content, _, _ = await exchange(
            client, {"query": ASK, "variables": variables}, None, "*/*"
        )
        assert status == 200
        assert b'"jurisdiction"' in content
    assert served == [True] * 4


async def test_a_304_and_its_headers_are_the_same_on_the_lean_route(
    view: GraphQLView, lean: Lean, client: httpx.AsyncClient, served: list[bool]
) -> None:
    body = {"documentId": JURISDICTION_ID, "variables": {"item": VENDING, "place": XINGFENG}}
    response = await client.post("/graphql", json=body)
    tag = response.headers["etag"]
    ask = {"If-None-Match": tag}
    with switched(view, lean, fast=True, lean_on=False):
        full = await client.post("/graphql", json=body, headers=ask)
    served.clear()
    lean_answer = await client.post("/graphql", json=body, headers=ask)
    assert served == [True]
    assert (lean_answer.status_code, full.status_code) == (304, 304)
    assert lean_answer.content == full.content == b""
    without_id = [(k, v) for k, v in full.headers.raw if k != b"x-request-id"]
    assert [(k, v) for k, v in lean_answer.headers.raw if k != b"x-request-id"] == without_id


@pytest.mark.parametrize(
    ("what", "headers", "content"),
    [
        ("a foreign host", {"Host": "evil.example"}, None),
        ("a body over the limit", {}, b'{"query": "' + b" " * 2_000_000 + b'"}'),
        ("not JSON", {"Content-Type": "text/plain"}, b'{"query": "{ viewer { role } }"}'),
        ("a body that is not JSON", {}, b'{"query": '),
        ("a body that is not UTF-8", {}, b'{"query": "\xff"}'),
        ("a body nested too deep", {}, b'{"variables": ' + b"[" * 100 + b"]" * 100 + b"}"),
        ("a client's request id", {"X-Request-ID": "req-7"}, None),
    ],
)
async def test_what_the_lean_route_hands_on_is_answered_by_the_full_stack(
    view: GraphQLView,
    lean: Lean,
    client: httpx.AsyncClient,
    served: list[bool],
    what: str,
    headers: dict[str, str],
    content: bytes | None,
) -> None:
    query = "query Lean($item: String!, $place: String!) { jurisdiction(item: $item, place: $place) { status } }"  # noqa: E501
    raw = content or (
        b'{"query": "' + query.replace("$", "$").encode() + b'", "variables": '
        b'{"item": "' + SMOKING.encode() + b'", "place": "' + XINGFENG.encode() + b'"}}'
    )
    send = {"Content-Type": "application/json", **headers}
    await client.post("/graphql", content=raw, headers=send)  # prepared, when it can be
    with switched(view, lean, fast=True, lean_on=False):
        full = await client.post("/graphql", content=raw, headers=send)
    lean_answer = await client.post("/graphql", content=raw, headers=send)
    assert (lean_answer.status_code, lean_answer.content) == (full.status_code, full.content)
    if what == "a client's request id":
        assert served[-1] is True
        assert lean_answer.headers["x-request-id"] == "req-7"
    else:
        assert True not in served


GETS: dict[str, tuple[dict[str, str], dict[str, str], bool]] = {
    # name: (query parameters, headers, whether the lean route serves it once prepared)
    "a persisted document": (
        {
            "documentId": JURISDICTION_ID,
            "variables": f'{{"item": "{SMOKING}", "place": "{XINGFENG}"}}',
        },
        {},
        True,
    ),
    "a query text": (
        {"query": ASK, "variables": f'{{"item": "{VENDING}", "place": "{XINGFENG}"}}'},
        {"Accept": GRAPHQL_RESPONSE},
        True,
    ),
    "variables that are not JSON": (
        {"documentId": JURISDICTION_ID, "variables": "{"},
        {},
        False,
    ),
    "GraphiQL": ({}, {"Accept": "text/html"}, False),
}


@pytest.mark.parametrize("case", list(GETS))
async def test_a_get_is_answered_as_the_full_stack_answers_it(
    view: GraphQLView, lean: Lean, client: httpx.AsyncClient, served: list[bool], case: str
) -> None:
    params, headers, lean_serves = GETS[case]
    await client.get("/graphql", params=params, headers=headers)  # prepared, when it can be
    with switched(view, lean, fast=True, lean_on=False):
        full = await client.get("/graphql", params=params, headers=headers)
    served.clear()
    answer = await client.get("/graphql", params=params, headers=headers)
    assert (answer.status_code, answer.content) == (full.status_code, full.content)
    without_id = sorted((k, v) for k, v in full.headers.raw if k != b"x-request-id")
    assert sorted((k, v) for k, v in answer.headers.raw if k != b"x-request-id") == without_id
    if lean_serves:
        assert served == [True]
        tag = answer.headers["etag"]
        again = {**headers, "If-None-Match": tag}
        with switched(view, lean, fast=True, lean_on=False):
            full = await client.get("/graphql", params=params, headers=again)
        answer = await client.get("/graphql", params=params, headers=again)
        assert (answer.status_code, full.status_code) == (304, 304)
        assert served == [True, True]
    else:
        assert True not in served


async def test_gets_read_again_from_their_kept_query_strings_answer_each_its_own_question(
    view: GraphQLView,
    lean: Lean,
    client: httpx.AsyncClient,
    served: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The route keeps what it read from a GET's query string (``KEPT_GETS`` of them): two
    questions alternating, more than it keeps, each still gets its own answer."""
    monkeypatch.setattr("graph_service.api.lean_route.KEPT_GETS", 1)
    asks = [
        {"documentId": JURISDICTION_ID, "variables": f'{{"item": "{item}", "place": "{XINGFENG}"}}'}
        for item in (SMOKING, VENDING)
    ]
    with switched(view, lean, fast=True, lean_on=False):
        expected = [(await client.get("/graphql", params=ask)).content for ask in asks]
    assert expected[0] != expected[1]
    served.clear()
    for ask, answer in [*zip(asks, expected, strict=True)] * 3:
        assert (await client.get("/graphql", params=ask)).content == answer
    assert served == [True] * 6


async def test_a_lean_request_is_counted_in_the_metrics(
    client: httpx.AsyncClient, served: list[bool]
) -> None:
    asked = {"item": SMOKING, "place": XINGFENG, "at": "2023-03-03"}
    await client.post("/graphql", json={"query": ASK, "variables": asked})  # prepared
    before = await _counts(client)
    served.clear()
    await client.post("/graphql", json={"query": ASK, "variables": {**asked, "at": "2023-03-04"}})
    after = await _counts(client)
    assert served == [True]
    assert after["responses"] == before["responses"] + 1
    assert after["requests"] == before["requests"] + 1
    assert after["latency"] == before["latency"] + 1


async def _counts(client: httpx.AsyncClient) -> dict[str, float]:
    text = (await client.get("/metrics")).text
    wanted = {
        "responses": 'graph_http_responses_total{route="/graphql",status="200"}',
        "requests": 'graph_graphql_requests_total{operation="jurisdiction",outcome="ok"}',
        "latency": 'graph_graphql_request_duration_seconds_count{operation="jurisdiction"}',
    }
    found = dict.fromkeys(wanted, 0.0)
    for line in text.splitlines():
        for name, prefix in wanted.items():
            if line.startswith(prefix + " "):
                found[name] = float(line.rsplit(" ", 1)[1])
    return found


async def test_a_query_over_its_budget_is_answered_timeout_on_the_lean_route_too(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = service_of(app)

    @asynccontextmanager
    async def same_service() -> AsyncIterator[ServiceContext]:
        yield ctx

    async def slow(*args: object) -> list[object]:
        await asyncio.sleep(5)
        return []

    token = await issue(app, "justice_bureau", name="司法局-lean-timeout")
    monkeypatch.setattr(ctx.store, "record_versions", slow)
    impatient = create_app(same_service, limits=RequestLimits(timeout_seconds=0.2))
    query = '{ history(kind: ITEM, key: "T-SMOKE") { revision } }'
    seen: list[bool] = []
    answer = LeanRoute._answer

    async def counted(self: LeanRoute, *args: Any) -> bool:
        seen.append(await answer(self, *args))
        return seen[-1]

    monkeypatch.setattr(LeanRoute, "_answer", counted)
    async with (
        impatient.router.lifespan_context(impatient),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=impatient), base_url=BASE_URL) as http,
    ):
        first = await http.post("/graphql", json={"query": query}, headers=bearer(token))
        started = time.perf_counter()
        again = await http.post("/graphql", json={"query": query}, headers=bearer(token))
        elapsed = time.perf_counter() - started
    assert seen == [False, True]  # prepared on the full stack, then served lean
    for response in (first, again):
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        [error] = response.json()["errors"]
        assert error["extensions"] == {"code": "TIMEOUT", "retryable": True}
    assert first.content == again.content
    assert elapsed < 1.0
