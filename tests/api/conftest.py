"""The app over a real embedded FalkorDB store in a temporary data dir.

``httpx.ASGITransport`` does not run the lifespan, so the fixture enters the app's lifespan
itself (``app.router.lifespan_context``): the store is opened and closed exactly as under uvicorn.
One store per test module (starting FalkorDB costs about a second); modules that write get their
own.

The modules in ``BOTH_PATHS`` run every test twice: on the fast path (prepared documents, the
response cache) as served, and on strawberry's normal path (``FastLane.answer`` switched off), so
the API, error, limit and permission tests hold unchanged on both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from graph_service.api.fast_lane import FastLane
from graph_service.bootstrap import build_app
from graph_service.config import load_settings
from graph_service.service import ServiceContext, create_token, load_document

from .small_dataset import DISTRICT, small_document

BASE_URL = "http://localhost"
BOTH_PATHS = frozenset(
    {
        "test_errors",
        "test_abuse",
        "test_consistency",
        "test_permissions_matrix",
        "test_jurisdiction",
        "test_findings",
        "test_power_list_and_search",
        "test_paged_lists",
        "test_scenarios",
    }
)

ONE_PATH = frozenset({"test_a_query_over_its_time_budget_is_answered_timeout"})  # names a token


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if module in BOTH_PATHS and metafunc.function.__name__ not in ONE_PATH:
        metafunc.parametrize("execution_path", ["fast", "normal"], indirect=True)


@pytest.fixture(autouse=True)
def execution_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """``fast`` (as served) or ``normal``: every query through strawberry's ``Schema.execute``."""
    path: str = getattr(request, "param", "fast")
    if path == "normal":

        async def normal_path(*args: Any, **kwargs: Any) -> None:
            return None

        monkeypatch.setattr(FastLane, "answer", normal_path)
    return path


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Starlette]:
    """The app with the small hand-made dataset loaded (by ``test``)."""
    data_dir: Path = tmp_path_factory.mktemp("store")
    settings = load_settings({}, data_dir=data_dir, seed_on_empty=False, jurisdiction=(DISTRICT,))
    application = build_app(settings)
    async with application.router.lifespan_context(application):
        await load_document(service_of(application), small_document(), by="test")
        yield application


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        yield http


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def admin_token(app: Starlette) -> str:
    """A real admin token issued on the app's store (named ``admin-test``)."""
    return await issue(app, "admin", name="admin-test")


def service_of(app: Starlette) -> ServiceContext:
    ctx: ServiceContext = app.state.service
    return ctx


async def issue(app: Starlette, role: str, *, name: str, unit: str | None = None) -> str:
    """The secret of a new token for ``role`` on the app's store, as ``token create`` issues it."""
    store = service_of(app).store
    issued = await create_token(store.tokens, store, role=role, name=name, unit=unit)
    return issued.secret


def bearer(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    token: str | None = None,
) -> dict[str, Any]:
    """The JSON body of a POST to /graphql (asserting HTTP 200, as GraphQL over HTTP answers)."""
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def data(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    token: str | None = None,
) -> dict[str, Any]:
    """The ``data`` of an answer that must have no errors."""
    body = await gql(client, query, variables, token=token)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result
