"""Consistency tokens over HTTP: answers state their revision; a read can ask for one."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from .conftest import service_of
from .small_dataset import SMOKING, XINGFENG

QUERY = f'{{ jurisdiction(item: "{SMOKING}", place: "{XINGFENG}") {{ status }} }}'


async def test_every_answer_states_the_revision_it_was_computed_at(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    body = (await client.post("/graphql", json={"query": QUERY})).json()
    assert body["extensions"] == {"revision": service_of(app).revision}
    assert service_of(app).revision >= 1


@pytest.mark.parametrize("how", ["extensions", "header"])
async def test_a_read_at_a_revision_already_reached_answers(
    app: Starlette, client: httpx.AsyncClient, how: str
) -> None:
    revision = service_of(app).revision
    body = await _ask(client, how, revision)
    assert "errors" not in body
    assert body["data"]["jurisdiction"]["status"]


@pytest.mark.parametrize("how", ["extensions", "header"])
async def test_a_read_at_a_revision_not_reached_is_a_retryable_error(
    app: Starlette, client: httpx.AsyncClient, how: str
) -> None:
    ctx = service_of(app)
    ctx.options.at_least_timeout = 0.05
    try:
        body = await _ask(client, how, ctx.revision + 100)
    finally:
        ctx.options.at_least_timeout = 2.0
    [error] = body["errors"]
    assert error["extensions"]["code"] == "NOT_YET_CONSISTENT"
    assert error["extensions"]["retryable"] is True
    assert body.get("data") is None


@pytest.mark.parametrize("value", ["soon", -1, True, 1.5])
async def test_a_bad_at_least_is_refused(client: httpx.AsyncClient, value: object) -> None:
    body = (
        await client.post("/graphql", json={"query": QUERY, "extensions": {"atLeast": value}})
    ).json()
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION_FAILED"


async def _ask(client: httpx.AsyncClient, how: str, revision: int) -> dict[str, Any]:
    if how == "header":
        response = await client.post(
            "/graphql", json={"query": QUERY}, headers={"X-At-Least-Revision": str(revision)}
        )
    else:
        response = await client.post(
            "/graphql", json={"query": QUERY, "extensions": {"atLeast": revision}}
        )
    body: dict[str, Any] = response.json()
    return body
