"""The Starlette app: ``/graphql`` over HTTP and websocket (GraphiQL in a browser), health,
readiness, metrics, the list exports and the web app at ``/`` (static files from the package,
``web.py``).

The app's lifespan owns the service: it enters the ``open_service`` context manager handed in by
bootstrap (which opens the store and loads the projection) and closes it on shutdown. The app reads
no environment and opens nothing at import; its limits, allowed host names, store probe and whether
every request needs a token are handed in by bootstrap too. Every request passes ``RequestGate``
first and is then authenticated once (``api/auth.py``); the common ``POST /graphql`` of a
prepared query is served by the lean route before any of that, with the same steps
(``lean_route.py``). Cross-origin callers are allowed only from the configured origins (none by
default).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route, WebSocketRoute

from graph_service.service import ServiceContext

from .documents import ROUTES as DOCUMENT_ROUTES
from .export import ROUTES as EXPORT_ROUTES
from .gate import LOOPBACK_HOSTS, RequestGate
from .graphql_view import GraphQLView
from .health import StoreProbe, StoreStatus, healthz, readiness
from .lean_route import Lean, LeanRoute
from .limits import RequestLimits
from .observe import AccessLog, Metrics
from .response_cache import ENTRIES, MAX_BYTES, ResponseCache
from .schema import build_schema
from .web import app_page, static_files

ServiceOpener = Callable[[], AbstractAsyncContextManager[ServiceContext]]


async def _always_reachable(ctx: ServiceContext) -> StoreStatus:
    return StoreStatus(reachable=True)


def create_app(
    open_service: ServiceOpener,
    *,
    limits: RequestLimits | None = None,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    probe: StoreProbe = _always_reachable,
    require_token: bool = False,
    cors_origins: Sequence[str] = (),
    fast_path: bool = True,
    response_cache: tuple[int, int] | None = (ENTRIES, MAX_BYTES),
    access_log: AccessLog | None = None,
) -> Starlette:
    """An app whose lifespan enters ``open_service()`` and serves the service it yields.

    ``require_token``: refuse every request without a valid token (UNAUTHENTICATED), the list
    exports included. ``cors_origins`` are the browser origins (``https://host[:port]``, or
    ``*``) allowed to call the API from another site; with none, browsers keep cross-origin pages
    out. ``fast_path``: run repeated queries on the fast path (``fast_path.py``);
    ``response_cache``: (entries, bytes) of the cache of answers by revision, ``None`` for none
    (``response_cache.py``). ``access_log`` says which requests get a log line (errors and slow
    ones by default).
    """
    limits = limits or RequestLimits()
    allowed_hosts = tuple(allowed_hosts)
    access_log = access_log or AccessLog()  # one policy (and one sampling count) for both routes

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_service() as opened:
            app.state.service = opened
            try:
                yield
            finally:
                app.state.service = None

    holder: list[Starlette] = []
    metrics = Metrics(lambda: getattr(holder[0].state, "service", None) if holder else None)

    async def expose(request: Request) -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    graphql = GraphQLView(
        build_schema(limits),
        graphql_ide="graphiql",
        limits=limits,
        metrics=metrics,
        require_token=require_token,
        fast_path=fast_path,
        responses=ResponseCache(*response_cache) if response_cache is not None else None,
    )
    lean = Lean(
        view=graphql,
        limits=limits,
        allowed_hosts=frozenset(h.lower() for h in allowed_hosts),
        metrics=metrics,
        access_log=access_log,
        cors=bool(cors_origins),
        require_token=require_token,
        on=fast_path,
    )
    middleware = [
        Middleware(LeanRoute, lean=lean),  # first: the common POST /graphql, else passes on
        Middleware(
            RequestGate,
            limits=limits,
            allowed_hosts=allowed_hosts,
            metrics=metrics,
            access_log=access_log,
        ),
    ]
    if cors_origins:  # inside the gate: preflights pass its host check and get its headers
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Authorization", "If-None-Match"],
                expose_headers=["ETag"],
                max_age=600,
            )
        )
    app = Starlette(
        routes=[
            Route("/", app_page, methods=["GET"]),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readiness(probe, metrics), methods=["GET"]),
            Route("/metrics", expose, methods=["GET"]),
            *EXPORT_ROUTES,
            *DOCUMENT_ROUTES,
            Mount("/static", app=static_files(), name="static"),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.graphql = graphql  # tests switch between the fast and the normal path
    app.state.lean = lean  # … and the lean route on and off
    app.state.require_token = require_token  # for routes beside /graphql (auth.authorize_route)
    holder.append(app)
    return app
