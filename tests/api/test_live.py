"""Subscriptions over graphql-transport-ws with Starlette's test client: ``findingsChanged``
reports the vending OVERLAP resolved by a designation written after subscribing, and
``disputeUpdated`` streams a dispute as the bureau opens and escalates it; a unit not party to it
hears nothing of it, and the public may not subscribe to disputes at all."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient, WebSocketTestSession

from graph_service.bootstrap import build_app
from graph_service.config import load_settings
from graph_service.domain.auth import Principal, Role
from graph_service.domain.enums import DisputeKind, DisputeStatus
from graph_service.service import ServiceContext, create_token, load_document
from graph_service.service.commands.move_dispute import move_dispute
from graph_service.service.commands.open_dispute import open_dispute

from .small_dataset import DISTRICT, LINXIAOLU, VENDING, XINGFENG, small_document

BUREAU = Principal(role=Role.JUSTICE_BUREAU, name="sfj-staff")
DESIGNATION = {
    "id": "designate-vend",
    "kind": "designate",
    "effective": "2020-01-01",
    "items": [VENDING],
    "to": ["chengguan"],
    "scope": [XINGFENG, LINXIAOLU],
    "review": "approved",  # only approved acts produce holdings
}


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir: Path = tmp_path_factory.mktemp("live")
    settings = load_settings({}, data_dir=data_dir, seed_on_empty=False, jurisdiction=(DISTRICT,))
    with TestClient(build_app(settings)) as client:
        assert client.portal is not None
        client.portal.call(load_document, ctx(client), small_document())
        yield client


def ctx(client: TestClient) -> ServiceContext:
    app = client.app
    assert isinstance(app, Starlette)
    service: ServiceContext = app.state.service
    return service


def token(client: TestClient, role: str, unit: str | None = None) -> str:
    store = ctx(client).store
    assert client.portal is not None
    issued = client.portal.call(
        lambda: create_token(store.tokens, store, role=role, name=f"live-{role}-{unit}", unit=unit)
    )
    return issued.secret


def subscribe(socket: WebSocketTestSession, secret: str | None, query: str) -> None:
    init = {"Authorization": f"Bearer {secret}"} if secret else {}
    socket.send_json({"type": "connection_init", "payload": init})
    assert socket.receive_json()["type"] == "connection_ack"
    socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": query}})


def until_subscribed(client: TestClient, count: int) -> None:
    """Wait until the server side of ``count`` subscriptions listens to change events."""
    deadline = time.monotonic() + 5
    while ctx(client).events.subscribers < count:
        assert time.monotonic() < deadline, "the subscription never listened"
        time.sleep(0.01)


def test_findings_changed_reports_the_overlap_resolved(http: TestClient) -> None:
    query = (
        "subscription { findingsChanged(filter: {kinds: [OVERLAP]}) "
        "{ revision appeared { id } resolved { id kind item { code } } } }"
    )
    overlap = next(
        f.id for f in ctx(http).projection.findings(date.today()) if f.kind.value == "OVERLAP"
    )
    with http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        subscribe(socket, None, query)  # findings are public
        until_subscribed(http, 1)
        assert http.portal is not None
        written = http.portal.call(load_document, ctx(http), {"acts": [DESIGNATION]})
        message = socket.receive_json()
    assert message["type"] == "next", message
    change = message["payload"]["data"]["findingsChanged"]
    assert change["revision"] == written.revision
    assert change["appeared"] == []
    assert change["resolved"] == [{"id": overlap, "kind": "OVERLAP", "item": {"code": VENDING}}]


def test_dispute_updated_streams_the_case_to_the_bureau_and_its_parties(http: TestClient) -> None:
    bureau, party = token(http, "justice_bureau"), token(http, "unit", "market")
    outsider = token(http, "unit", "xingfeng")
    query = 'subscription { disputeUpdated(id: "D-LIVE") { revision dispute { id status } } }'
    sockets = [
        http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) for _ in range(3)
    ]
    with sockets[0] as seen_by_bureau, sockets[1] as seen_by_party, sockets[2] as public:
        subscribe(seen_by_bureau, bureau, query)
        subscribe(seen_by_party, party, query)
        subscribe(public, None, query)
        refused = public.receive_json()
        assert refused["type"] == "error"  # graphql-transport-ws: the operation is refused
        assert "无权执行 Subscription.disputeUpdated" in refused["payload"][0]["message"]
        until_subscribed(http, 2)
        assert http.portal is not None
        http.portal.call(lambda: _open_and_escalate(ctx(http)))
        statuses = [
            [status_of(socket.receive_json()), status_of(socket.receive_json())]
            for socket in (seen_by_bureau, seen_by_party)
        ]
    assert statuses == [["NEGOTIATING", "COORDINATING"]] * 2
    with http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as other:
        subscribe(other, outsider, "subscription { disputeUpdated { dispute { id } } }")
        until_subscribed(http, 1)
        assert http.portal is not None
        http.portal.call(lambda: move_dispute(ctx(http), BUREAU, "D-LIVE", DisputeStatus.WITHDRAWN))
        # Not a party: nothing arrives for D-LIVE; the stream stays open (ping/pong answers).
        other.send_json({"type": "ping"})
        assert other.receive_json() == {"type": "pong"}


async def _open_and_escalate(service: ServiceContext) -> None:
    await open_dispute(
        service,
        BUREAU,
        dispute_id="D-LIVE",
        kind=DisputeKind.CASE_JURISDICTION,
        parties=["chengguan", "market"],
        items=[VENDING],
        places=[XINGFENG],
    )
    await move_dispute(service, BUREAU, "D-LIVE", DisputeStatus.COORDINATING)


def status_of(message: dict[str, object]) -> str:
    assert message["type"] == "next", message
    payload = message["payload"]
    assert isinstance(payload, dict)
    status: str = payload["data"]["disputeUpdated"]["dispute"]["status"]
    return status
