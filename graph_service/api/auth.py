"""Authentication at the API boundary: the principal of a request, once, before any resolver.

Over HTTP the ``Authorization: Bearer …`` header is read in ``get_context``; over a websocket the
``Authorization`` entry of the ``connection_init`` payload (or, failing that, the handshake's
header) is read when the connection is acknowledged, so every operation on the socket, the later
subscriptions included, runs as that principal. Refused credentials (malformed, unknown, revoked,
or none where the deployment requires a token) are answered with HTTP 401 and a GraphQL error of
code ``UNAUTHENTICATED`` by ``RefuseUnauthenticated``; a websocket is closed with 4403 instead. A
store that cannot be asked about the token answers HTTP 503 with its retryable storage error: the
request is neither refused for a token that may be valid nor served as the public.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.error import GraphQLError
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from strawberry.extensions import SchemaExtension

from graph_service import service
from graph_service.domain.errors import AuthorityGraphError, StorageError, UnauthenticatedError

from .context import ApiContext, service_of
from .permissions import PERMISSIONS, denial

AUTHORIZATION = "Authorization"
CHALLENGE = 'Bearer realm="authority-graph"'


async def authenticate_http(
    context: ApiContext, connection: HTTPConnection, *, require_token: bool
) -> None:
    """Set ``context.principal`` from the request's header, or record why it was refused."""
    await _authenticate(context, connection.headers.get(AUTHORIZATION), require_token)
    if context.auth_error is None or not isinstance(context.response, Response):
        return
    if isinstance(context.auth_error, UnauthenticatedError):
        context.response.status_code = 401
        context.response.headers["WWW-Authenticate"] = CHALLENGE
    else:
        context.response.status_code = 503


async def authenticate_credentials(
    context: ApiContext, credentials: str | None, *, require_token: bool
) -> None:
    """``authenticate_http`` from the header's value, with no response to mark: the lean route
    (``lean_route.py``) leaves a refused request to the normal path, which answers it."""
    await _authenticate(context, credentials, require_token)


async def authenticate_websocket(context: ApiContext, *, require_token: bool) -> None:
    """Set ``context.principal`` from the ``connection_init`` payload; raises if refused."""
    params = context.connection_params or {}
    credentials = _authorization_in(params)
    if credentials is None:
        credentials = context.request.headers.get(AUTHORIZATION)
    await _authenticate(context, credentials, require_token)
    if context.auth_error is not None:
        raise context.auth_error


async def _authenticate(context: ApiContext, credentials: str | None, require: bool) -> None:
    try:
        context.principal = await service.authenticate(
            context.service.store.tokens, credentials, require_token=require
        )
    except (UnauthenticatedError, StorageError) as error:
        context.auth_error = error


async def authorize_route(
    request: Request, operation: str, arguments: Mapping[str, Any]
) -> JSONResponse | None:
    """For a plain HTTP route mirroring a GraphQL field (the list export mirrors ``powerList``):
    authenticate as ``/graphql`` does and check the field's row of the permission table.

    ``None`` when the request may go on; else the refusal as JSON with its stable code: 401
    (with the Bearer challenge), 403, or 503 when the store could not check the token.
    """
    context = ApiContext(request=request, response=None, service=service_of(request))
    require = bool(getattr(request.app.state, "require_token", False))
    await authenticate_http(context, request, require_token=require)
    error = context.auth_error
    if isinstance(error, UnauthenticatedError):
        return _refusal(error, 401, {"WWW-Authenticate": CHALLENGE})
    if error is not None:
        return _refusal(error, 503)
    rule = PERMISSIONS[operation]
    if rule.allows(context.principal, arguments):
        return None
    return _refusal(denial(operation, rule, context.principal), 403)


def _refusal(
    error: AuthorityGraphError, status: int, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"code": error.code, "message": str(error)}
    return JSONResponse(body, status_code=status, headers=headers)


def _authorization_in(params: dict[str, Any]) -> str | None:
    for key, value in params.items():
        if key.lower() == AUTHORIZATION.lower() and isinstance(value, str):
            return value
    return None


class RefuseUnauthenticated(SchemaExtension):
    """Answers an operation whose credentials were refused with ``UNAUTHENTICATED`` only (or the
    storage error that kept them from being checked).

    No resolver runs and no field is answered, introspection included, so a wrong token is never
    quietly served as the public.
    """

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, ApiContext) and context.auth_error is not None:
            error = context.auth_error
            self.execution_context.result = GraphQLExecutionResult(
                data=None, errors=[GraphQLError(str(error), original_error=error)]
            )
        yield
