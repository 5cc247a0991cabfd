"""``/graphql`` over HTTP as the GraphQL-over-HTTP specification asks, and never a 500 for input.

On top of strawberry's view:

- **Media types**: a client that accepts ``application/graphql-response+json`` gets it, and then a
  request that fails before execution (parse, validation, a limit) is answered ``400`` without a
  ``data`` entry; ``application/json`` (the default) keeps ``200`` for those, as the spec says.
- **Malformed bodies** (not JSON, not UTF-8, ``null``, ``42``, nested beyond the limit) get
  ``400`` with a GraphQL error, never an exception: an escaped exception would make uvicorn
  answer ``500`` and close the connection the next request was queued on.
- **Time**: a query runs at most ``timeout_seconds`` (a mutation ``mutation_timeout_seconds``),
  then the client gets ``TIMEOUT`` (retryable).
- **GraphiQL** comes from the package's own bundle (``web.py``), not strawberry's CDN page, so it
  renders with the network cut; it is served with a content security policy naming exactly the
  scripts it loads.
- **Who asks**: the principal is resolved once per request in ``get_context`` (over a websocket,
  from the ``connection_init`` payload in ``on_ws_connect``); see ``api/auth.py``.
- **Known documents**: a request may name a registered document by ``documentId`` (POST, or GET
  for queries; ``api/persisted/``); a query goes to the fast lane first (``fast_lane.py``: the
  prepared document, the answer kept for this revision or a ``304``, graphql-core directly), and
  takes strawberry's ``Schema.execute`` when the lane declines (ADR 0012).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import OperationType, get_operation_ast, parse
from graphql.error import GraphQLSyntaxError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.http.parse_content_type import parse_content_type
from strawberry.types import ExecutionResult
from strawberry.types.unset import UnsetType

from graph_service.domain.errors import AuthorityGraphError
from graph_service.service.nesting import json_nesting, nested_deeper_than

from .auth import authenticate_http, authenticate_websocket
from .context import ApiContext, service_of
from .errors import REQUEST_ERROR_CODES, STORAGE_CODES, bounded, translate
from .fast_lane import FastLane
from .fast_path import FastPath
from .limits import BAD_REQUEST, TIMEOUT, RequestLimits, limit_error
from .observe import Metrics, current_request
from .persisted import PERSISTED_QUERY_NOT_FOUND, lookup
from .prepared import DocumentCache
from .response_cache import ResponseCache, begin_exchange, current_exchange
from .web import graphiql_html
from .wire_json import dumps, loads

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)
_INLINE_BODY = 256 * 1024


class _TextFrames(ASGIWebSocketAdapter):
    """Subscription messages as text frames (graphql-transport-ws), from the view's UTF-8 JSON."""

    async def send_json(self, message: Any) -> None:
        try:
            await self.ws.send_text(dumps(message).decode())
        except WebSocketDisconnect as error:
            raise WebSocketDisconnected from error


class GraphQLView(GraphQL[ApiContext, None]):
    """Strawberry's ASGI view with the negotiation, body checks and timeouts described above.

    Bodies are read and written with orjson (``wire_json``); websocket messages stay text frames.
    """

    websocket_adapter_class = _TextFrames

    def __init__(
        self,
        *args: Any,
        limits: RequestLimits,
        metrics: Metrics | None = None,
        require_token: bool = False,
        fast_path: bool = True,
        responses: ResponseCache | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self.metrics = metrics
        self.require_token = require_token
        self._ide_csp = _ide_policy(self.graphql_ide_html)
        runner = FastPath.for_schema(self.schema) if fast_path else None  # type: ignore[arg-type]
        self.lane = (
            None
            if runner is None
            else FastLane(runner, DocumentCache(self.schema, limits), responses, metrics)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        begin_exchange()
        request = Request(scope=scope, receive=receive)
        media = negotiate(request.headers.get("accept"))
        try:
            if media is None and not self._wants_ide(request):
                raise HTTPException(406, f"Accept must allow {JSON} or {GRAPHQL_RESPONSE}")
            plain = await self._run_plain(request) if self.lane is not None else None
            response = plain if plain is not None else await self.run(request)
        except HTTPException as error:
            response = error_response(error.status_code, error.reason, BAD_REQUEST, media)
        await response(scope, receive, send)

    async def _run_plain(self, request: Request) -> Response | None:
        """A plain request (POST ``application/json``, or GET naming an operation) run through
        the same steps as strawberry's generic ``run`` — context, body, ``execute_single``,
        ``process_result``, ``create_response`` — without what it does not need: content-type
        parsing through ``email.message``, transports, batches, streams. ``None``: anything else,
        which ``run`` serves (GraphiQL included)."""
        adapter = self.request_adapter_class(request)
        if request.method == "POST":
            kind = request.headers.get("content-type", "").partition(";")[0].strip().lower()
            if kind != JSON:
                return None
        elif request.method != "GET" or self.should_render_graphql_ide(adapter):
            return None
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, response=sub_response)
        if request.method == "POST":
            data = await self._json_request(adapter)
        else:
            data = request_data(self.parse_query_params(adapter.query_params))
        result = await self.execute_single(request, adapter, sub_response, context, None, data)
        return self.create_response(await self.process_result(request, result), sub_response)

    def document_text(self, document_id: str) -> str | None:
        """The text of a registered document (``api/persisted``), ``None`` for an unknown id."""
        return lookup(document_id)

    def should_render_graphql_ide(self, request: Any) -> bool:
        """GraphiQL for a browser's GET without an operation (a ``documentId`` is one)."""
        if request.query_params.get("documentId") is not None:
            return False
        return bool(super().should_render_graphql_ide(request))

    def _wants_ide(self, request: Request) -> bool:
        return request.method == "GET" and "text/html" in request.headers.get("accept", "")

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> ApiContext:
        context = ApiContext(request=request, response=response, service=service_of(request))
        if isinstance(request, Request):
            await authenticate_http(context, request, require_token=self.require_token)
        return context

    async def on_ws_connect(self, context: ApiContext) -> UnsetType | dict[str, object] | None:
        """Authenticate the socket from ``connection_init``; refused credentials close it (4403)."""
        try:
            await authenticate_websocket(context, require_token=self.require_token)
        except AuthorityGraphError as error:  # refused, or the store could not check the token
            raise ConnectionRejectionError({"code": error.code, "message": str(error)}) from None
        return {"role": context.principal.role.value}

    @property
    def graphql_ide_html(self) -> str:
        return graphiql_html()

    async def render_graphql_ide(self, request: Request) -> Response:
        response = HTMLResponse(self.graphql_ide_html)
        response.headers["content-security-policy"] = self._ide_csp
        return response

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        content_type, _ = parse_content_type(request.content_type or "")
        if request.method == "POST" and content_type == JSON:
            return await self._json_request(request)
        if request.method == "GET":
            return request_data(self.parse_query_params(request.query_params))
        parsed = await super().parse_http_body(request)
        if isinstance(parsed, list):
            raise HTTPException(400, "batched requests are not supported")
        return parsed

    async def _json_request(self, request: AsyncHTTPRequestAdapter) -> RequestData:
        body = await request.get_body()
        if len(body) > _INLINE_BODY:  # decoding 10 MB takes ~0.2 s: not on the event loop
            return request_data(await asyncio.to_thread(self.decode_body, body))
        return request_data(self.decode_body(body))

    def decode_body(self, body: bytes) -> dict[str, Any]:
        """The JSON object in ``body``; 400 when it is not UTF-8, not an object, or too deep."""
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPException(400, "the request body is not valid UTF-8") from None
        if nested_deeper_than(body, self.limits.max_json_depth):
            raise HTTPException(
                400, f"the request body is nested deeper than {self.limits.max_json_depth} levels"
            )
        decoded = self.decode_json(body)
        assert isinstance(decoded, dict)
        return decoded

    def encode_json(self, data: object) -> bytes:
        return dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        try:
            decoded = loads(data)
        except (RecursionError, UnicodeDecodeError, ValueError) as error:
            raise HTTPException(400, "Unable to parse request body as JSON") from error
        if not isinstance(decoded, dict):
            raise HTTPException(400, "the request body must be a JSON object")
        return decoded

    def parse_query_params(self, params: Any) -> dict[str, Any]:
        for name in ("variables", "extensions"):
            raw = params.get(name)
            if isinstance(raw, str) and json_nesting(raw.encode()) > self.limits.max_json_depth:
                raise HTTPException(400, f"{name} are nested too deeply")
        return super().parse_query_params(params)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: ApiContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        limits = self.limits
        document_id = request_data.document_id if isinstance(request_data, RequestData) else None
        persisted = document_id is not None
        if document_id is not None:
            document = self.document_text(document_id)
            if document is None:
                error = limit_error(
                    bounded(f"no registered document has the id {document_id}"),
                    PERSISTED_QUERY_NOT_FOUND,
                )
                return ExecutionResult(data=None, errors=[error])
            request_data.query = document
        mutation = _is_mutation(request_data.query, request_data.operation_name, limits)
        budget = limits.mutation_timeout_seconds if mutation else limits.timeout_seconds
        current_request().operation_type = "mutation" if mutation else "query"
        try:
            async with asyncio.timeout(budget):
                if self.lane is not None and request_data.query and not mutation:
                    fast = await self.lane.answer(
                        request,
                        context,
                        request_data.query,
                        request_data.variables,
                        request_data.operation_name,
                        request_data.extensions,
                        persisted=persisted,
                    )
                    if fast is not None:
                        return fast
                return await super().execute_single(
                    request, request_adapter, sub_response, context, root_value, request_data
                )
        except TimeoutError:
            sub_response.status_code = 503
            return timed_out(budget)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        return self.shape(result, negotiate(request.headers.get("accept")) or JSON)

    def shape(self, result: ExecutionResult, media: str) -> GraphQLHTTPResponse:
        """The response object for ``result`` answered in ``media`` (the lean route's too): errors
        translated, store errors counted, the request's outcome and its status when it differs."""
        if current_exchange().answered:
            current_request().outcome = "ok"
            return {}
        if result.errors:
            result.errors = [translate(error) for error in result.errors]
        processed = process_result(result)
        codes = [(e.extensions or {}).get("code") for e in result.errors or []]
        if self.metrics is not None:
            for code in codes:
                if code in STORAGE_CODES:
                    self.metrics.store_errors.labels(str(code)).inc()
        current_request().outcome = str(codes[0]) if codes else "ok"
        request_error = result.data is None and bool(codes) and set(codes) <= REQUEST_ERROR_CODES
        if request_error and media == GRAPHQL_RESPONSE:
            processed.pop("data", None)
            current_request().status = 400
        return processed

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        exchange = current_exchange()
        state = current_request()
        media = state.media or JSON
        if exchange.not_modified:
            return Response(status_code=304, headers={"etag": exchange.tag or ""})
        if exchange.body is not None:
            tag = {} if exchange.tag is None else {"etag": exchange.tag}
            return Response(exchange.body, headers=tag, media_type=f"{media}; charset=utf-8")
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = f"{media}; charset=utf-8"
        clean = isinstance(response_data, dict) and "errors" not in response_data
        if clean and exchange.tag is not None and response.status_code == 200:
            response.headers["etag"] = exchange.tag
        if clean and self.lane is not None and response.status_code == 200:
            self.lane.keep(bytes(response.body))
        if state.status is not None and not sub_response.status_code:
            response.status_code = state.status
        if response.status_code == 503:
            response.headers["retry-after"] = "1"
        return response


def timed_out(budget: float) -> ExecutionResult:
    """The answer of a request that ran out of its time budget (HTTP 503, retryable)."""
    error = limit_error(f"the request took longer than {budget:g} s", TIMEOUT)
    error.extensions = {**(error.extensions or {}), "retryable": True}
    return ExecutionResult(data=None, errors=[error])


@dataclass
class RequestData(GraphQLRequestData):
    """A request that may name a persisted document (``documentId``) instead of its text."""

    document_id: str | None = None


def request_data(data: dict[str, Any]) -> RequestData:
    """The fields of a GraphQL request object, each of the type the specification allows."""
    query, variables = data.get("query"), data.get("variables")
    document_id = data.get("documentId")
    if document_id is not None and not isinstance(document_id, str):
        raise HTTPException(400, "the `documentId` must be a string")
    if document_id is not None and query is not None:
        raise HTTPException(400, "send either a `query` or a `documentId`, not both")
    name, extensions = data.get("operationName"), data.get("extensions")
    if query is not None and not isinstance(query, str):
        raise HTTPException(400, "the `query` must be a string")
    if variables is not None and not isinstance(variables, dict):
        raise HTTPException(400, "the `variables` must be an object")
    if name is not None and not isinstance(name, str):
        raise HTTPException(400, "the `operationName` must be a string")
    if extensions is not None and not isinstance(extensions, dict):
        raise HTTPException(400, "the `extensions` must be an object")
    return RequestData(
        query=query,
        variables=variables,
        operation_name=name,
        extensions=extensions,
        document_id=document_id,
    )


@lru_cache(maxsize=64)  # clients send few distinct ``Accept`` values; asked twice a request
def negotiate(accept: str | None) -> str | None:
    """The media type to answer in: ``None`` when the client accepts neither JSON type."""
    if not accept:
        return JSON
    ranges = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    for media in ranges:
        if media == GRAPHQL_RESPONSE:
            return GRAPHQL_RESPONSE
        if media in (JSON, "application/*", "*/*"):
            return JSON
    return None


def error_response(status: int, message: str, code: str, media: str | None = None) -> Response:
    """A GraphQL error response for a request refused before it reached GraphQL."""
    body = {"errors": [{"message": bounded(message), "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, media_type=media or JSON)


@lru_cache(maxsize=256)
def _operation_type(query: str, operation_name: str | None, max_tokens: int) -> str | None:
    try:
        document = parse(query, max_tokens=max_tokens, no_location=True)
    except (GraphQLSyntaxError, RecursionError):
        return None
    operation = get_operation_ast(document, operation_name)
    return None if operation is None else operation.operation.value


def _is_mutation(query: str | None, operation_name: str | None, limits: RequestLimits) -> bool:
    """Whether the request is a mutation (anything unparsable is refused later as a query)."""
    if not query or "mutation" not in query or len(query) > limits.max_query_bytes:
        return False
    return _operation_type(query, operation_name, limits.max_tokens) == OperationType.MUTATION.value


def _ide_policy(html: str) -> str:
    """GraphiQL's policy: the service's own scripts and its inline blocks by hash, nothing else."""
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for kind, content in _INLINE.findall(html):
        digest = base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()
        hashes[kind].append(f"'sha256-{digest}'")
    scripts = " ".join(["'self'", *hashes["script"]])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
    )


__all__ = ["GRAPHQL_RESPONSE", "GraphQLView", "error_response", "negotiate"]
