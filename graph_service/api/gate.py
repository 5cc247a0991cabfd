"""The ASGI middleware every HTTP request passes first: who asks, for which host, with how much.

In order:

1. a request id (the client's ``X-Request-ID`` when it is short and plain, else a new one) bound
   to every log line of the request and echoed in the response;
2. the ``Host`` header checked against the allowed names (loopback by default), so that a page
   on another site cannot reach the service through DNS rebinding (``400 HOST_NOT_ALLOWED``);
3. the body size: a declared ``Content-Length`` over the limit is refused before anything is
   read, a streamed body as soon as it passes the limit (``413 BODY_TOO_LARGE``);
4. security headers on every response (a ``'self'``-based content security policy, no sniffing,
   no framing, no referrer);
5. the metrics when the response has been sent, and an access log line when ``AccessLog`` wants
   one (errors and slow requests always; the others as configured, none by default).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from typing import Any

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.logs import begin_request_log, end_request_log

from .graphql_view import error_response, negotiate
from .limits import BODY_TOO_LARGE, HOST_NOT_ALLOWED, RequestLimits
from .observe import AccessLog, Metrics, RequestState, begin_request

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_ROUTES = ("/graphql", "/healthz", "/readyz", "/metrics")
access_log = structlog.get_logger("graph_service.access")


class _BodyTooLargeError(Exception):
    pass


class RequestGate:
    """Pure ASGI middleware (no buffering: the body limit applies while it streams in)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limits: RequestLimits,
        allowed_hosts: Iterable[str],
        metrics: Metrics,
        access_log: AccessLog | None = None,
    ) -> None:
        self.app = app
        self.limits = limits
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self.metrics = metrics
        self.access_log = access_log or AccessLog()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        state = start_request(headers.get("x-request-id", ""), headers.get("accept"))
        status = {"code": 500, "started": False}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                response_headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    response_headers.setdefault(name, value)
                response_headers.setdefault("content-security-policy", CONTENT_SECURITY_POLICY)
                response_headers["x-request-id"] = state.id
            await send(message)

        try:
            refusal = self._refusal(scope, headers)
            if refusal is not None:
                await refusal(scope, receive, send_with_headers)
                return
            limit = self.limits.body_limit_for(scope)
            try:
                await self.app(scope, _counting(receive, limit), send_with_headers)
            except _BodyTooLargeError:
                if status["started"]:
                    raise
                await self._too_large(limit)(scope, receive, send_with_headers)
        finally:
            end_request(self.metrics, self.access_log, state, scope, int(status["code"]))

    def _refusal(self, scope: Scope, headers: Headers) -> Any:
        host = host_name(headers.get("host", ""))
        if "*" not in self.allowed_hosts and host not in self.allowed_hosts:
            return error_response(400, "this host name is not served here", HOST_NOT_ALLOWED)
        declared = headers.get("content-length")
        limit = self.limits.body_limit_for(scope)
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return self._too_large(limit)
        return None

    def _too_large(self, limit: int) -> Any:
        return error_response(413, f"the request body is larger than {limit} bytes", BODY_TOO_LARGE)


def start_request(supplied_id: str, accept: str | None) -> RequestState:
    """The request's state, current from now on, and bound to every log line (steps 1, 5)."""
    state = RequestState()
    if _REQUEST_ID.fullmatch(supplied_id):
        state.id = supplied_id
    state.media = negotiate(accept)
    begin_request(state)
    begin_request_log(state.id, state.principal)
    return state


def end_request(
    metrics: Metrics, log: AccessLog, state: RequestState, scope: Scope, code: int
) -> None:
    """The metrics of a request answered ``code`` and its access log line when wanted (step 5)."""
    route = scope["path"] if scope["path"] in _ROUTES else "other"
    metrics.observe(state, route, code)
    seconds = time.perf_counter() - state.started
    if log.wanted(state, code, seconds):
        access_log.info(
            "request",
            method=scope["method"],
            path=route,
            status=code,
            operation=state.operation,
            outcome=state.outcome,
            ms=round(seconds * 1000, 1),
        )
    end_request_log()


def host_name(host: str) -> str:
    """``Host`` without its port: ``[::1]:8000`` -> ``::1``, ``localhost:80`` -> ``localhost``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLargeError
        return message

    return wrapped
