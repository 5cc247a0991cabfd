"""The fast path, the response cache and entity tags against strawberry's normal path.

The same request answered on strawberry's normal path, on the fast path (a document prepared for
the first time, then from the document cache) and from the response cache must be the same bytes,
status and media type: answers, errors of every kind, refusals by role, variables.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import pytest_asyncio
from graphql import parse, validate
from starlette.applications import Starlette
from strawberry.extensions import QueryDepthLimiter

from graph_service.api.fast_lane import FastLane
from graph_service.api.fast_path import FastPath
from graph_service.api.graphql_view import GRAPHQL_RESPONSE, GraphQLView
from graph_service.api.limits import RequestLimits, measured_refusal
from graph_service.api.prepared import DocumentCache
from graph_service.api.response_cache import ResponseCache
from graph_service.api.schema import build_schema

from .conftest import bearer, issue, service_of
from .small_dataset import DISTRICT, SMOKING, VENDING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

JURISDICTION = (
    "query Ask($item: String!, $place: String!, $at: Date) { jurisdiction(item: $item, "
    "place: $place, at: $at) { status explanation holders { unit { id name } role } } }"
)
ASK = {"item": SMOKING, "place": XINGFENG}
CHANGES = "{ changes(since: 0, first: 3) { edges { node { change { revision } } } } }"
TWO_OPERATIONS = (
    'query A { searchItems(text: "烟", limit: 3) { key name } } '
    'query B { searchUnits(text: "局", limit: 3) { key } }'
)
SWITCHED = (
    "query Switched($item: String!, $place: String!, $full: Boolean!) { jurisdiction(item: "
    "$item, place: $place) { status holders @include(if: $full) { role } "
    "explanation @skip(if: $full) } }"
)
FRAGMENTS = (
    "query Parts($item: String!, $place: String!) { jurisdiction(item: $item, place: $place) "
    "{ ...Answer holders { ... on Holder { role } } } } "
    "fragment Answer on JurisdictionAnswer { status holders { unit { name } } }"
)
DEFAULTED = (
    'query Defaulted($item: String!, $place: String! = "XINGFENG", $at: Date = "2021-01-01") '
    "{ jurisdiction(item: $item, place: $place, at: $at) { status at } }"
)
FILTERED = (
    "query Filtered($filter: FindingFilter) { findings(filter: $filter, first: 3) "
    "{ totalCount edges { node { kind } } } }"
)
ALIASES = " ".join(f'a{i}: searchItems(text: "x") {{ key }}' for i in range(31))
CASES: dict[str, tuple[dict[str, Any], str | None, str]] = {
    "answer with variables": ({"query": JURISDICTION, "variables": ASK}, None, "application/json"),
    "another item": (
        {"query": JURISDICTION, "variables": {"item": VENDING, "place": XINGFENG}},
        None,
        "application/json",
    ),
    "findings": (
        {"query": "{ findings(first: 5) { totalCount edges { node { id kind } } } }"},
        None,
        "application/json",
    ),
    "power list": (
        {"query": "query($u: String!) { powerList(unit: $u) { item { code } role } }"}
        | {"variables": {"u": "market"}},
        None,
        "application/json",
    ),
    "operation chosen by name": (
        {"query": TWO_OPERATIONS, "operationName": "B"},
        None,
        "application/json",
    ),
    "graph": (
        {"query": f'{{ graph(focus: "region:{DISTRICT}") {{ nodes {{ id }} }} }}'},
        None,
        "application/json",
    ),
    "unknown item (an error of the use case)": (
        {"query": JURISDICTION, "variables": {"item": "NOPE", "place": XINGFENG}},
        None,
        "application/json",
    ),
    "a bad date variable": (
        {"query": JURISDICTION, "variables": {**ASK, "at": "2020-02-30"}},
        None,
        "application/json",
    ),
    "a missing variable": ({"query": JURISDICTION, "variables": {}}, None, "application/json"),
    "a variable of the wrong type": (
        {"query": JURISDICTION, "variables": {"item": 5, "place": [XINGFENG], "at": 7}},
        None,
        "application/json",
    ),
    "an unknown variable's value": (
        {"query": JURISDICTION, "variables": {**ASK, "extra": {"a": [1]}}},
        None,
        "application/json",
    ),
    "@include read from a variable (true)": (
        {"query": SWITCHED, "variables": {**ASK, "full": True}},
        None,
        "application/json",
    ),
    "@include read from a variable (false)": (
        {"query": SWITCHED, "variables": {**ASK, "full": False}},
        None,
        "application/json",
    ),
    "fragments, named and inline": ({"query": FRAGMENTS, "variables": ASK}, None, GRAPHQL_RESPONSE),
    "defaults of the document's variables": (
        {"query": DEFAULTED, "variables": {"item": SMOKING, "place": XINGFENG}},
        None,
        "application/json",
    ),
    "a variable's default": (
        {"query": DEFAULTED, "variables": {"item": SMOKING}},
        None,
        "application/json",
    ),
    "an input object": (
        {"query": FILTERED, "variables": {"filter": {"kinds": ["GAP", "OVERLAP"]}}},
        None,
        "application/json",
    ),
    "an input object with an unknown field": (
        {"query": FILTERED, "variables": {"filter": {"kinds": ["GAP"], "colour": "red"}}},
        None,
        "application/json",
    ),
    "an input object left out": ({"query": FILTERED, "variables": {}}, None, "application/json"),
    "a page over the cap": (
        {"query": "{ findings(first: 5000) { totalCount } }"},
        None,
        "application/json",
    ),
    "validation error": ({"query": "{ secrets }"}, None, "application/json"),
    "validation error, graphql-response": ({"query": "{ secrets }"}, None, GRAPHQL_RESPONSE),
    "parse error": ({"query": "{ jurisdiction( }"}, None, "application/json"),
    "too many aliases": ({"query": "{ " + ALIASES + " }"}, None, GRAPHQL_RESPONSE),
    "unknown operation name": (
        {"query": TWO_OPERATIONS, "operationName": "C"},
        None,
        "application/json",
    ),
    "permission denied (public)": ({"query": CHANGES}, None, "application/json"),
    "allowed for the bureau": ({"query": CHANGES}, "justice_bureau", "application/json"),
    "viewer (never cached)": (
        {"query": "{ viewer { role name } }"},
        "justice_bureau",
        "application/json",
    ),
}


@pytest.fixture(scope="module")
def view(app: Starlette) -> GraphQLView:
    found: GraphQLView = app.state.graphql
    assert found.lane is not None, "the fast path is on for the app's schema"
    return found


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def bureau(app: Starlette) -> str:
    return await issue(app, "justice_bureau", name="司法局-fast-path")


@contextmanager
def normal_path(view: GraphQLView) -> Iterator[None]:
    lane, view.lane = view.lane, None
    try:
        yield
    finally:
        view.lane = lane


@contextmanager
def without_response_cache(view: GraphQLView) -> Iterator[None]:
    assert view.lane is not None
    responses, view.lane.responses = view.lane.responses, None
    try:
        yield
    finally:
        view.lane.responses = responses


async def exchange(
    client: httpx.AsyncClient, body: dict[str, Any], token: str | None, accept: str
) -> tuple[int, str, bytes]:
    response = await client.post("/graphql", json=body, headers={"Accept": accept, **bearer(token)})
    return response.status_code, response.headers["content-type"], response.content


@pytest.mark.parametrize("case", list(CASES))
async def test_the_fast_path_answers_byte_for_byte_as_the_normal_path(
    view: GraphQLView,
    client: httpx.AsyncClient,
    bureau: str,
    case: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body, role, accept = CASES[case]
    token = bureau if role else None
    assert view.lane is not None
    ran: list[str] = []
    execute = view.lane.fast_path.execute

    async def counted(*args: Any, **kwargs: Any) -> Any:
        ran.append(case)
        return await execute(*args, **kwargs)

    monkeypatch.setattr(view.lane.fast_path, "execute", counted)
    with normal_path(view):
        normal = await exchange(client, body, token, accept)
    with without_response_cache(view):
        first = await exchange(client, body, token, accept)  # prepared now
        again = await exchange(client, body, token, accept)  # from the document cache
    cached = await exchange(client, body, token, accept)  # stored on the way …
    hit = await exchange(client, body, token, accept)  # … and answered from the cache
    assert first == normal, normal[2].decode()
    assert again == normal
    assert cached == normal
    assert hit == normal
    if "permission denied" in case:
        assert b'"FORBIDDEN"' in normal[2], normal[2].decode()
    refused = b'"data":null' in normal[2] or normal[0] != 200
    if not refused or b"NOT_FOUND" in normal[2] or b"FORBIDDEN" in normal[2]:
        assert ran, "a valid query runs on the fast path"


async def test_a_query_on_the_fast_path_leaves_no_cyclic_garbage(
    view: GraphQLView, client: httpx.AsyncClient
) -> None:
    """The executor, the request's context and its variables are freed as the answer is sent,
    not left for the cyclic collector (``PlannedExecutor.run``)."""
    body = {"query": JURISDICTION, "variables": ASK}
    with without_response_cache(view):
        await exchange(client, body, None, "application/json")  # prepared
        gc.collect()
        gc.disable()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            for _ in range(10):
                status, _, answer = await exchange(client, body, None, "application/json")
                assert status == 200, answer
            gc.collect()
            left = {type(found).__name__ for found in gc.garbage}
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.enable()
    assert not left & {"PlannedExecutor", "ApiContext", "VariableValues"}, sorted(left)


async def test_an_unexpected_error_is_masked_alike_on_both_paths(
    app: Starlette,
    view: GraphQLView,
    client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals at /srv/graph")

    monkeypatch.setattr(service_of(app).projection, "jurisdiction", broken)
    body = {"query": JURISDICTION, "variables": {"item": DISTRICT, "place": XINGFENG}}
    with normal_path(view):
        normal = await exchange(client, body, None, "application/json")
    fast = await exchange(client, body, None, "application/json")
    assert fast == normal
    assert b"INTERNAL" in fast[2]
    assert b"secret" not in fast[2]


async def test_the_fast_path_is_off_for_a_schema_with_an_extension_it_does_not_reproduce() -> None:
    schema = build_schema()
    assert FastPath.for_schema(schema) is not None
    schema.extensions = (*schema.extensions, lambda: QueryDepthLimiter(max_depth=3))
    assert FastPath.for_schema(schema) is None


async def test_the_lane_has_a_response_cache(view: GraphQLView) -> None:
    assert view.lane is not None
    assert isinstance(view.lane.responses, ResponseCache)
    assert isinstance(view.lane, FastLane)


LIMITED = RequestLimits(max_query_bytes=200, max_tokens=60, max_depth=3, max_aliases=2)
OVER_THE_LIMITS = {
    "query bytes": "{ viewer { role } }" + " " * 200,
    "tokens": "{ " + " ".join(f"f{i}: viewer {{ role }}" for i in range(15)) + " }",
    "aliases": "{ a: viewer { role } b: viewer { role } c: viewer { role } }",
    "validation": "{ secrets }",
    "syntax": "{ viewer { ",
    "a mutation": 'mutation { deleteRecord(kind: ITEM, key: "x") { __typename } }',
}


@pytest.mark.parametrize("case", list(OVER_THE_LIMITS))
async def test_a_refused_document_stays_refused_and_is_never_prepared(case: str) -> None:
    cache = DocumentCache(build_schema(LIMITED), LIMITED)
    text = OVER_THE_LIMITS[case]
    assert cache.prepare(text, None) is None
    assert cache.prepare(text, None) is None
    assert (cache.hits, cache.misses) == (1, 1)
    assert cache.prepare("{ viewer { role } }", None) is not None


async def test_a_document_over_the_depth_limit_is_not_prepared() -> None:
    cache = DocumentCache(build_schema(LIMITED), LIMITED)
    deep = '{ jurisdiction(item: "a", place: "b") { holders { role } } }'
    assert cache.prepare(deep, None) is not None
    deeper = '{ jurisdiction(item: "a", place: "b") { holders { unit { id } } } }'
    assert validate(build_schema()._schema, parse(deeper)) == []
    assert measured_refusal(parse(deeper), None, LIMITED) is not None
    assert cache.prepare(deeper, None) is None
