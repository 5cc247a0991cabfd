"""Authentication: ``Authorization: Bearer`` over HTTP and in a websocket's ``connection_init``.

A request without a token acts as the public; a malformed, unknown or revoked token is refused with
HTTP 401 and ``UNAUTHENTICATED`` (never quietly served as the public); with the require-token
setting, a request without one is refused too. Tokens are real, issued on the app's own store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from graph_service.bootstrap import build_app
from graph_service.config import load_settings
from graph_service.domain.errors import StoreUnavailableError
from graph_service.service import revoke_token

from .conftest import BASE_URL, bearer, issue, service_of

VIEWER = "{ viewer { role roleLabel name unit tokenId } }"


async def post(
    client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None
) -> httpx.Response:
    return await client.post("/graphql", json={"query": query}, headers=headers or {})


def refused(response: httpx.Response) -> dict[str, Any]:
    """The single error of a refused request, after checking the HTTP side of the refusal."""
    assert response.status_code == 401, response.text
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    result: dict[str, Any] = error
    return result


@pytest.mark.asyncio(loop_scope="module")
async def test_without_a_token_the_request_acts_as_the_public(client: httpx.AsyncClient) -> None:
    response = await post(client, VIEWER)
    assert response.status_code == 200
    assert response.json()["data"]["viewer"] == {
        "role": "PUBLIC",
        "roleLabel": "公众",
        "name": "public",
        "unit": None,
        "tokenId": None,
    }


@pytest.mark.asyncio(loop_scope="module")
async def test_a_token_acts_as_its_role_and_unit(app: Starlette, client: httpx.AsyncClient) -> None:
    secret = await issue(app, "unit", name="兴丰街道执法队", unit="xingfeng")
    response = await post(client, VIEWER, bearer(secret))
    viewer = response.json()["data"]["viewer"]
    assert (viewer["role"], viewer["roleLabel"], viewer["name"], viewer["unit"]) == (
        "UNIT",
        "执法单位",
        "兴丰街道执法队",
        "xingfeng",
    )
    [stored] = [t for t in await service_of(app).store.tokens.list_all() if t.unit == "xingfeng"]
    assert viewer["tokenId"] == stored.id
    assert stored.last_used_at is not None  # the use was recorded
    assert secret not in stored.model_dump_json()  # only the hash is kept


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        ("Bearer agt_no-such-token", "unknown token"),
        ("Basic dXNlcjpwYXNz", "must be 'Bearer <token>'"),
        ("Bearer", "must be 'Bearer <token>'"),
    ],
)
async def test_a_wrong_token_is_refused_not_served_as_public(
    client: httpx.AsyncClient, authorization: str, message: str
) -> None:
    error = refused(await post(client, VIEWER, {"Authorization": authorization}))
    assert message in error["message"]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_revoked_token_is_refused_from_then_on(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    secret = await issue(app, "justice_bureau", name="司法局-将注销")
    assert (await post(client, VIEWER, bearer(secret))).json()["data"]["viewer"]["role"] == (
        "JUSTICE_BUREAU"
    )
    [token] = [
        t for t in await service_of(app).store.tokens.list_all() if t.name == "司法局-将注销"
    ]

    await revoke_token(service_of(app).store.tokens, token.id)

    error = refused(await post(client, VIEWER, bearer(secret)))
    assert "revoked" in error["message"]
    assert "该令牌已注销" in error["message"]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_refused_request_runs_no_resolver_and_no_write(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    before = await service_of(app).store.load_all()
    response = await post(
        client,
        "mutation { loadDataset(document: {}, replace: true, confirm: true) { __typename } }",
        {"Authorization": "Bearer agt_forged"},
    )
    refused(response)
    assert await service_of(app).store.load_all() == before


@pytest.mark.asyncio(loop_scope="module")
async def test_a_store_that_cannot_check_the_token_answers_503_not_public(
    app: Starlette, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = await issue(app, "admin", name="store-down")
    tokens = service_of(app).store.tokens

    async def unreachable(*_: object) -> None:
        raise StoreUnavailableError("the database cannot be reached")

    monkeypatch.setattr(tokens, "touch", unreachable)
    answered = await post(client, VIEWER, bearer(secret))  # recording the last use is a courtesy
    assert answered.json()["data"]["viewer"]["name"] == "store-down"

    monkeypatch.setattr(tokens, "find_by_hash", unreachable)
    response = await post(client, VIEWER, bearer(secret))
    assert response.status_code == 503
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "STORE_UNAVAILABLE", "retryable": True}
    assert response.json()["data"] is None


# --- the require-token setting -------------------------------------------------------------


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def closed_app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Starlette]:
    """An app of a deployment where even answers are not public (GRAPH_SERVICE_REQUIRE_TOKEN)."""
    settings = load_settings(
        {"GRAPH_SERVICE_REQUIRE_TOKEN": "true"},
        data_dir=tmp_path_factory.mktemp("closed"),
        seed_on_empty=False,
    )
    application = build_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.mark.asyncio(loop_scope="module")
async def test_with_require_token_every_request_needs_one(closed_app: Starlette) -> None:
    transport = httpx.ASGITransport(app=closed_app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        error = refused(await post(http, "{ __typename }"))
        assert "requires a token" in error["message"]
        refused(await post(http, '{ searchItems(text: "烟") { key } }'))

        secret = await issue(closed_app, "establishment_office", name="编办")
        answer = await post(http, VIEWER, bearer(secret))
    assert answer.status_code == 200
    assert answer.json()["data"]["viewer"]["role"] == "ESTABLISHMENT_OFFICE"


@pytest.mark.asyncio(loop_scope="module")
async def test_with_require_token_the_list_export_needs_one_too(closed_app: Starlette) -> None:
    transport = httpx.ASGITransport(app=closed_app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        anonymous = await http.get("/export/power-list/xingfeng.csv")
        assert anonymous.status_code == 401
        assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
        assert anonymous.json()["code"] == "UNAUTHENTICATED"

        secret = await issue(closed_app, "justice_bureau", name="司法局-导出")
        answered = await http.get("/export/power-list/xingfeng.csv", headers=bearer(secret))
    # Past authentication: this empty store has no such unit.
    assert (answered.status_code, answered.json()["code"]) == (404, "NOT_FOUND")


@pytest.mark.asyncio(loop_scope="module")
async def test_the_list_export_refuses_a_wrong_token_and_serves_the_public(
    client: httpx.AsyncClient,
) -> None:
    forged = await client.get(
        "/export/power-list/xingfeng.csv", headers={"Authorization": "Bearer agt_forged"}
    )
    assert (forged.status_code, forged.json()["code"]) == (401, "UNAUTHENTICATED")
    public = await client.get("/export/power-list/xingfeng.csv")
    assert public.status_code == 200
    assert public.headers["content-type"].startswith("text/csv")


# --- websocket: the token in connection_init -----------------------------------------------


@pytest.fixture(scope="module")
def socket_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A sync test client over a fresh app (its lifespan runs in the client's own loop)."""
    data_dir: Path = tmp_path_factory.mktemp("socket")
    application = build_app(load_settings({}, data_dir=data_dir, seed_on_empty=False))
    with TestClient(application) as http:
        yield http


def over_socket(http: TestClient, payload: dict[str, Any], query: str) -> dict[str, Any]:
    """Run ``query`` on a graphql-transport-ws socket initialised with ``payload``."""
    with http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        socket.send_json({"type": "connection_init", "payload": payload})
        ack = socket.receive_json()
        assert ack["type"] == "connection_ack", ack
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": query}})
        message = socket.receive_json()
        assert message["type"] == "next", message
        assert socket.receive_json() == {"id": "1", "type": "complete"}
        result: dict[str, Any] = message["payload"]
        return result


def test_a_websocket_acts_as_the_token_of_its_connection_init(socket_client: TestClient) -> None:
    app = socket_client.app
    assert isinstance(app, Starlette)
    assert socket_client.portal is not None
    secret = socket_client.portal.call(_issue_admin, app)

    as_admin = over_socket(socket_client, {"Authorization": f"Bearer {secret}"}, VIEWER)
    assert as_admin["data"]["viewer"]["role"] == "ADMIN"
    loaded = over_socket(
        socket_client,
        {"Authorization": f"Bearer {secret}"},
        "mutation { loadDataset(document: {}) { __typename } }",
    )
    assert loaded["data"]["loadDataset"]["__typename"] == "LoadSucceeded"

    anonymous = over_socket(
        socket_client, {}, "mutation { loadDataset(document: {}) { __typename } }"
    )
    assert anonymous["data"]["loadDataset"]["__typename"] == "PermissionDenied"


def test_a_websocket_with_a_wrong_token_is_closed(socket_client: TestClient) -> None:
    with socket_client.websocket_connect(
        "/graphql", subprotocols=["graphql-transport-ws"]
    ) as socket:
        socket.send_json(
            {"type": "connection_init", "payload": {"Authorization": "Bearer agt_forged"}}
        )
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()
    assert closed.value.code == 4403


async def _issue_admin(app: Starlette) -> str:
    return await issue(app, "admin", name="socket-admin")
