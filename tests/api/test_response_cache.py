"""The response cache by revision, entity tags and ``If-None-Match``: answers are kept per
revision and per role, a write changes every tag, and a ``304`` executes nothing."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from graph_service.api.permissions import REVISION_PURE
from graph_service.api.response_cache import ResponseCache
from graph_service.api.schema import build_schema

from .conftest import bearer, data, issue, service_of
from .small_dataset import SMOKING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

ASK = f'{{ jurisdiction(item: "{SMOKING}", place: "{XINGFENG}") {{ status holders {{ role }} }} }}'
CHANGES = "{ changes(since: 0, first: 2) { totalCount } }"
SAVE_UNIT = (
    "mutation($record: JSON!) { saveUnit(record: $record) { __typename "
    "... on RecordSaved { revision } } }"
)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def office(app: Starlette) -> str:
    return await issue(app, "establishment_office", name="编办-cache")


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def admin(app: Starlette) -> str:
    return await issue(app, "admin", name="admin-cache")


def executions(app: Starlette, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """A list that grows by one each time the engine answers a jurisdiction question."""
    projection = service_of(app).projection
    calls: list[object] = []
    answer = projection.jurisdiction

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return answer(*args, **kwargs)

    monkeypatch.setattr(projection, "jurisdiction", counted)
    return calls


async def lookups(client: httpx.AsyncClient, cache: str, result: str) -> float:
    text = (await client.get("/metrics")).text
    pattern = rf'graph_cache_lookups_total{{cache="{cache}",result="{result}"}} (\S+)'
    found = re.search(pattern, text)
    return float(found.group(1)) if found else 0.0


async def test_every_query_field_is_classified_revision_pure_or_not() -> None:
    query_type = build_schema()._schema.query_type
    assert query_type is not None
    assert set(REVISION_PURE) == {f"Query.{name}" for name in query_type.fields}


async def test_a_repeated_read_is_answered_from_the_cache_without_executing(
    app: Starlette, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = executions(app, monkeypatch)
    hits = await lookups(client, "responses", "hit")
    first = await client.post("/graphql", json={"query": ASK})
    second = await client.post("/graphql", json={"query": ASK})  # kept now: asked twice
    assert await lookups(client, "responses", "hit") == hits
    third = await client.post("/graphql", json={"query": ASK})
    assert first.content == second.content == third.content
    assert len(calls) <= 2
    assert await lookups(client, "responses", "hit") == hits + 1
    assert await lookups(client, "documents", "hit") >= 1


async def test_get_has_an_etag_and_if_none_match_is_a_304_without_executing(
    app: Starlette, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = executions(app, monkeypatch)
    answer = await client.get("/graphql", params={"query": ASK})
    tag = answer.headers["etag"]
    assert tag.startswith(f'W/"{service_of(app).revision}-')
    before = len(calls)
    not_modified = await client.get(
        "/graphql", params={"query": ASK}, headers={"If-None-Match": tag}
    )
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == tag
    assert len(calls) == before
    assert await lookups(client, "responses", "not_modified") >= 1
    other = await client.get(
        "/graphql", params={"query": ASK}, headers={"If-None-Match": 'W/"0-x"'}
    )
    assert other.status_code == 200
    assert other.content == answer.content


async def test_a_write_changes_the_tag(
    app: Starlette, client: httpx.AsyncClient, office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = (await client.get("/graphql", params={"query": ASK})).headers["etag"]
    unit = {"id": "cache-team", "name": "缓存专班", "kind": "department", "region": "110115000000"}
    saved = await data(client, SAVE_UNIT, {"record": unit}, token=office)
    assert saved["saveUnit"]["__typename"] == "RecordSaved"
    calls = executions(app, monkeypatch)
    fresh = await client.get("/graphql", params={"query": ASK}, headers={"If-None-Match": old})
    assert fresh.status_code == 200
    assert fresh.headers["etag"] != old
    assert fresh.headers["etag"].startswith(f'W/"{service_of(app).revision}-')
    assert fresh.json()["extensions"]["revision"] == service_of(app).revision
    assert len(calls) == 1


async def test_answers_are_kept_per_role(client: httpx.AsyncClient, admin: str) -> None:
    allowed = await client.post("/graphql", json={"query": CHANGES}, headers=bearer(admin))
    again = await client.post("/graphql", json={"query": CHANGES}, headers=bearer(admin))
    assert again.content == allowed.content
    assert "errors" not in allowed.json()
    public = (await client.post("/graphql", json={"query": CHANGES})).json()
    assert public["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    tags = {
        (await client.get("/graphql", params={"query": CHANGES}, headers=bearer(t))).headers.get(
            "etag"
        )
        for t in (admin, None)
    }
    assert None in tags  # the refusal has no tag: errors are never kept
    assert len(tags) == 2


async def test_a_field_outside_the_change_log_is_never_kept(
    app: Starlette, client: httpx.AsyncClient, admin: str
) -> None:
    responses = app.state.graphql.lane.responses
    held = len(responses)
    for _ in range(2):
        answer = await client.get(
            "/graphql", params={"query": "{ viewer { name } }"}, headers=bearer(admin)
        )
        assert "etag" not in answer.headers
    assert len(responses) == held


async def test_at_least_beyond_the_revision_waits_instead_of_reading_the_cache(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    await client.post("/graphql", json={"query": ASK})  # kept
    ctx = service_of(app)
    ctx.options.at_least_timeout = 0.05
    try:
        body = (
            await client.post(
                "/graphql", json={"query": ASK, "extensions": {"atLeast": ctx.revision + 5}}
            )
        ).json()
    finally:
        ctx.options.at_least_timeout = 2.0
    assert body["errors"][0]["extensions"]["code"] == "NOT_YET_CONSISTENT"
    reached = (
        await client.post("/graphql", json={"query": ASK, "extensions": {"atLeast": ctx.revision}})
    ).json()
    assert reached["extensions"]["revision"] == ctx.revision
    assert "errors" not in reached


async def test_the_cache_is_bounded_by_entries_and_bytes_and_drops_older_revisions() -> None:
    cache = ResponseCache(entries=2, max_bytes=10, doorkeeper=False)
    cache.put(1, "a", b"1234")
    cache.put(1, "b", b"1234")
    cache.put(1, "c", b"1234")
    assert len(cache) == 2
    assert cache.get(1, "a") is None
    cache.put(1, "d", b"123456")
    assert cache.size <= 10
    assert cache.get(1, "d") == b"123456"
    cache.put(2, "e", b"1")
    assert cache.get(1, "d") is None
    assert cache.get(2, "e") == b"1"
    cache.put(1, "late", b"1")  # an answer computed before the write is not kept
    assert cache.get(1, "late") is None
    cache.put(2, "huge", b"x" * 11)
    assert cache.get(2, "huge") is None


async def test_an_answer_is_kept_the_second_time_it_is_computed() -> None:
    cache = ResponseCache(entries=2, max_bytes=100)
    cache.put(1, "once", b"1")
    assert cache.get(1, "once") is None  # one-off questions cost no stored body
    cache.put(1, "once", b"1")
    assert cache.get(1, "once") == b"1"
    for key in ("a", "b", "c", "d"):  # twice ``entries`` keys seen: the set starts again
        cache.put(1, key, b"x")
    cache.put(1, "e", b"x")
    cache.put(1, "a", b"x")
    assert cache.get(1, "a") is None
    assert cache.get(1, "once") == b"1"  # one-off questions did not push it out
    cache.put(2, "new", b"y")  # a newer revision frees the older answers at once, kept or not
    assert (len(cache), cache.size) == (0, 0)
