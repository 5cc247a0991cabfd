"""The Starlette app: ``/graphql`` (GraphiQL in a browser), ``/healthz`` and the list exports.

The app's lifespan owns the service: it enters the ``open_service`` context manager handed in by
bootstrap (which opens the store and loads the projection) and closes it on shutdown. The app reads
no environment and opens nothing at import.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from graph_service.service import ServiceContext

from .context import ApiContext, service_of
from .errors import translate
from .export import ROUTES as EXPORT_ROUTES
from .schema import build_schema

ServiceOpener = Callable[[], AbstractAsyncContextManager[ServiceContext]]


class _GraphQLApp(GraphQL[ApiContext, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> ApiContext:
        return ApiContext(request=request, response=response, service=service_of(request))

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if result.errors:
            result.errors = [translate(error) for error in result.errors]
        return await super().process_result(request, result)


async def healthz(request: Request) -> JSONResponse:
    """Ready (200) once the projection is loaded; 503 while starting or after shutdown."""
    opened: ServiceContext | None = getattr(request.app.state, "service", None)
    if opened is None:
        return JSONResponse({"status": "starting"}, status_code=503)
    return JSONResponse({"status": "ok", "records": opened.projection.dataset.size()})


def create_app(open_service: ServiceOpener) -> Starlette:
    """An app whose lifespan enters ``open_service()`` and serves the service it yields."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_service() as opened:
            app.state.service = opened
            try:
                yield
            finally:
                app.state.service = None

    graphql = _GraphQLApp(build_schema(), graphql_ide="graphiql")
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            *EXPORT_ROUTES,
        ],
        lifespan=lifespan,
    )
