"""The lean route: the common ``/graphql`` request served in one ASGI step (issue 15, ADR 0015).

Most requests are a JSON POST of a query the service has already prepared (a persisted
``documentId``, or the same text sent again with new variables). On the normal stack such a
request crosses Starlette's exception middleware and router, the request gate, the GraphQL view
(request object, adapters, sub-response, context, strawberry's result shaping and response
classes), each doing generic work that was a third of a small query's time. ``LeanRoute`` sits
first in the app's middleware and serves that request itself, with the same steps in the same
order and the parts they share:

1. it takes only a ``POST /graphql`` with ``Content-Type: application/json`` and a declared
   ``Content-Length`` within the body limit, or a ``GET /graphql`` without a body naming an
   operation (``query`` or ``documentId``), with an acceptable ``Accept``, an allowed ``Host``,
   no ``Origin`` when CORS is configured, and the fast lane on;
2. the body, read in full within the limit, must be UTF-8 JSON, an object, no deeper than the
   limit (a GET's parameters are read by the view's ``parse_query_params``), and a valid request
   (``graphql_view.request_data``) naming a registered document or a query text that the
   document cache already holds prepared (``DocumentCache.peek``: only queries are prepared, so
   never a mutation);
3. the request gate's request id, log binding and metrics (``gate.start_request`` and
   ``end_request``); authentication as the view does it; the fast lane (``FastLane.answer``:
   the response cache, ``304``, or the fast path) under the query's time budget;
4. the result shaped by the view (``GraphQLView.shape``: translation, outcome, status), written
   with orjson, and the response headers the view and the gate would send, in their order.

Anything else — including a request whose credentials are refused, one that would wait for
``atLeast``, or one the lane declines — is handed to the app unchanged, its body replayed, and
answered by the normal stack, which owns every refusal. ``Lean.on`` switches the route off
(tests compare both).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.logs import end_request_log
from graph_service.service.nesting import nested_deeper_than

from .auth import authenticate_credentials
from .context import ApiContext, service_of
from .gate import CONTENT_SECURITY_POLICY, SECURITY_HEADERS, end_request, host_name, start_request
from .graphql_view import (
    JSON,
    GraphQLView,
    RequestData,
    negotiate,
    request_data,
    timed_out,
)
from .limits import RequestLimits
from .observe import AccessLog, Metrics, RequestState
from .response_cache import begin_exchange
from .wire_json import dumps

__all__ = ["Lean", "LeanRoute"]

KEPT_GETS = 512
_Found = tuple[str, dict[str, Any] | None, str | None, dict[str, Any] | None, bool]
"""(text, variables, operation name, extensions, persisted) of a request the route may serve."""

_GATE_HEADERS = [
    *((name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
]
_WANTED = frozenset(
    {b"content-type", b"content-length", b"host", b"accept", b"origin", b"x-request-id"}
    | {b"authorization", b"transfer-encoding"}
)


@dataclass(slots=True)
class Lean:
    """What the route needs of the app: its view, limits, hosts, metrics and log policy."""

    view: GraphQLView
    limits: RequestLimits
    allowed_hosts: frozenset[str]
    metrics: Metrics
    access_log: AccessLog
    cors: bool  # cross-origin callers are configured: a request with ``Origin`` is not lean
    require_token: bool
    on: bool = True


class LeanRoute:
    """Pure ASGI middleware: serves the lean requests (module docstring), passes on the rest."""

    def __init__(self, app: ASGIApp, *, lean: Lean) -> None:
        self.app = app
        self.lean = lean
        # A GET is revalidated with the same URL again and again (``If-None-Match``): its query
        # string, read once, is kept (decoding it costs a quarter of a ``304``).
        self._gets: OrderedDict[bytes, _Found] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        lean = self.lean
        method = scope.get("method")
        if (
            scope["type"] != "http"
            or scope["path"] != "/graphql"
            or method not in ("POST", "GET")
            or not lean.on
            or lean.view.lane is None
        ):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        if not self._takes(headers):
            await self.app(scope, receive, send)
            return
        if method == "GET":
            bodied = b"content-length" in headers or b"transfer-encoding" in headers
            if bodied or not await self._answer(scope, headers, None, send):
                await self.app(scope, receive, send)
            return
        limit = lean.limits.body_limit_for(scope)
        kind = headers.get(b"content-type", "").partition(";")[0].strip().lower()
        declared = headers.get(b"content-length", "")
        if (
            kind != JSON
            or not declared.isdigit()
            or int(declared) > limit
            or b"transfer-encoding" in headers
        ):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        body = await _read_body(receive, messages, limit)
        if body is None or not await self._answer(scope, headers, body, send):
            await self.app(scope, _replay(messages, receive), send)

    def _takes(self, headers: dict[bytes, str]) -> bool:
        """What a lean request of either method needs of its headers."""
        lean = self.lean
        host = host_name(headers.get(b"host", ""))
        return (
            negotiate(headers.get(b"accept")) is not None
            and ("*" in lean.allowed_hosts or host in lean.allowed_hosts)
            and not (lean.cors and b"origin" in headers)
        )

    async def _answer(
        self, scope: Scope, headers: dict[bytes, str], body: bytes | None, send: Send
    ) -> bool:
        """Serve the request (a POST's ``body``, else a GET's query string); ``False`` (nothing
        sent, nothing recorded) for the normal stack."""
        state = start_request(headers.get(b"x-request-id", ""), headers.get(b"accept"))
        code = 0  # handed on, until the request is known to be served here
        try:
            code = await self._serve(scope, headers, body, send, state)
            return code != 0
        except BaseException:
            code = 500  # as the gate records an escaped error
            raise
        finally:
            if code:
                end_request(self.lean.metrics, self.lean.access_log, state, scope, code)
            else:  # handed on: the gate starts the request again
                end_request_log()

    async def _serve(
        self,
        scope: Scope,
        headers: dict[bytes, str],
        body: bytes | None,
        send: Send,
        state: RequestState,
    ) -> int:
        """The status sent, or 0 when the request is left to the normal stack."""
        lean, view = self.lean, self.lean.view
        lane = view.lane
        request = Request(scope)
        found = _request(body, lean.limits, view) if body is not None else self._query(request)
        if found is None or lane is None:
            return 0
        text, variables, operation_name, extensions, persisted = found
        if lane.documents.peek(text, operation_name) is None:
            return 0  # prepared on the normal stack first (or refused: the normal stack says)
        context = ApiContext(request=request, response=None, service=service_of(request))
        await authenticate_credentials(
            context, headers.get(b"authorization"), require_token=lean.require_token
        )
        if context.auth_error is not None or not lane.fast_path.takes(context, extensions):
            return 0
        exchange = begin_exchange()
        state.operation_type = "query"
        budget = lean.limits.timeout_seconds
        try:  # the budget is the lane's to apply: around execution, not around a cached answer
            result = await lane.answer(
                request,
                context,
                text,
                variables,
                operation_name,
                extensions,
                persisted=persisted,
                taken=True,
                budget=budget,
            )
            if result is None:  # the lane declined after all: the normal stack answers
                return 0
            timeout = False
        except TimeoutError:
            result, timeout = timed_out(budget), True
        media = state.media or JSON
        shaped = view.shape(result, media)
        if exchange.not_modified:
            await _send(send, 304, [(b"etag", (exchange.tag or "").encode())], b"", state)
            return 304
        if exchange.body is not None:
            out = exchange.body
            tag = [] if exchange.tag is None else [(b"etag", exchange.tag.encode())]
            await _send(send, 200, [*tag, *_content(out, media)], out, state)
            return 200
        out = dumps(shaped)
        code = 503 if timeout else state.status or 200
        response = _content(out, media)
        clean = "errors" not in shaped
        if clean and exchange.tag is not None and code == 200:
            response.append((b"etag", exchange.tag.encode()))
        if clean and code == 200:
            lane.keep(out)
        if code == 503:
            response.append((b"retry-after", b"1"))
        await _send(send, code, response, out, state)
        return code

    def _query(self, request: Request) -> _Found | None:
        """``_query`` of a GET, kept by its query string (at most ``KEPT_GETS``)."""
        raw: bytes = request.scope["query_string"]
        gets = self._gets
        found = gets.get(raw)
        if found is not None:
            gets.move_to_end(raw)
            return found
        found = _query(request, self.lean.view)
        if found is not None:
            gets[raw] = found
            if len(gets) > KEPT_GETS:
                gets.popitem(last=False)
        return found


def _headers(scope: Scope) -> dict[bytes, str]:
    """The request headers the route reads, the first of each name (as Starlette's ``get``)."""
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in _WANTED and name not in found:
            found[name] = value.decode("latin-1")
    return found


async def _read_body(receive: Receive, messages: list[Message], limit: int) -> bytes | None:
    """The whole body (every message kept for a replay); ``None`` past ``limit`` or cut off."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _request(body: bytes, limits: RequestLimits, view: GraphQLView) -> _Found | None:
    """(text, variables, operation name, extensions, persisted) of a well-formed query request,
    or ``None``: whatever is wrong with it, the normal stack says it."""
    if nested_deeper_than(body, limits.max_json_depth):
        return None
    try:
        decoded = orjson.loads(body)  # refuses invalid UTF-8, as the view's check does
    except orjson.JSONDecodeError:
        return None
    if not isinstance(decoded, dict):
        return None
    try:
        data = request_data(decoded)
    except HTTPException:  # the normal stack refuses it
        return None
    return _found(data, view)


def _query(request: Request, view: GraphQLView) -> _Found | None:
    """The same for a GET, read from its query string as the view reads it; ``None`` for a GET
    that names no operation (GraphiQL) or that the view would refuse."""
    params = request.query_params
    if "query" not in params and "documentId" not in params:
        return None
    try:
        data = request_data(view.parse_query_params(params))
    except HTTPException:
        return None
    return _found(data, view)


def _found(data: RequestData, view: GraphQLView) -> _Found | None:
    """What the route needs of a valid request: a registered document's text for its id."""
    text = data.query
    if data.document_id is not None:
        text = view.document_text(data.document_id)
    if not text:
        return None
    return text, data.variables, data.operation_name, data.extensions, data.document_id is not None


def _content(body: bytes, media: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-length", str(len(body)).encode()),
        (b"content-type", f"{media}; charset=utf-8".encode()),
    ]


async def _send(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes, state: RequestState
) -> None:
    """The response as the view and then the gate would send it (``gate.RequestGate``)."""
    raw = [*headers, *_GATE_HEADERS, (b"x-request-id", state.id.encode())]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """``receive`` for the app behind: the messages already read, then the connection's."""
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed
