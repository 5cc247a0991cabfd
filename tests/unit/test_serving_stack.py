"""The serving stack of ADR 0013: httptools named (no silent fall-back to h11), the event loop as
configured, orjson bodies, and which requests get an access log line."""

from __future__ import annotations

import asyncio

import pytest
from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from graph_service.api.observe import AccessLog, RequestState
from graph_service.api.wire_json import JSONDecodeError, dumps, loads
from graph_service.bootstrap import event_loop_factory, uvicorn_config
from graph_service.config import load_settings


def test_uvicorn_parses_http_with_httptools_and_serves_websockets() -> None:
    config = uvicorn_config(Starlette(), load_settings({}))
    config.load()
    assert config.http_protocol_class is HttpToolsProtocol
    assert config.ws_protocol_class is WebSocketsSansIOProtocol
    assert config.access_log is False


def test_the_event_loop_is_the_one_configured() -> None:
    import uvloop

    for name, kind in (("asyncio", asyncio.AbstractEventLoop), ("uvloop", uvloop.Loop)):
        loop = event_loop_factory(load_settings({"GRAPH_SERVICE_LOOP": name}))()
        try:
            assert isinstance(loop, kind)
            assert isinstance(loop, uvloop.Loop) == (name == "uvloop")
        finally:
            loop.close()


def test_bodies_are_compact_utf8_and_strict() -> None:
    assert dumps({"name": "兴丰街道", "n": [1, 2.5, None]}) == (
        '{"name":"兴丰街道","n":[1,2.5,null]}'.encode()
    )
    assert loads(b'{"a": [true]}') == {"a": [True]}
    for bad in (b"NaN", b'{"a": "\xff"}', b"[" * 2000 + b"]" * 2000, b"{"):
        with pytest.raises(JSONDecodeError):
            loads(bad)


def _state(outcome: str = "ok") -> RequestState:
    state = RequestState()
    state.outcome = outcome
    return state


def test_by_default_only_errors_and_slow_requests_are_logged() -> None:
    policy = AccessLog(every=0, slow_seconds=1.0)
    assert not policy.wanted(_state(), 200, 0.01)
    assert not policy.wanted(_state("-"), 200, 0.01)  # a route beside /graphql
    assert policy.wanted(_state(), 404, 0.01)
    assert policy.wanted(_state("-"), 503, 0.01)
    assert policy.wanted(_state("NOT_FOUND"), 200, 0.01)  # a GraphQL error in a 200
    assert policy.wanted(_state(), 200, 1.5)


def test_every_request_or_one_in_n_when_asked() -> None:
    assert all(AccessLog(every=1).wanted(_state(), 200, 0.0) for _ in range(10))
    sampled = AccessLog(every=4)
    assert [sampled.wanted(_state(), 200, 0.0) for _ in range(8)] == [False, False, False, True] * 2
