"""Composition root: the one place that wires settings, a store adapter, the engine and the API.

``open_service`` opens the configured store, loads the projection (seeding an empty store with the
Daxing dataset when asked) and closes the store on exit; ``build_app`` hands it to the API's app
factory so that the app's lifespan owns it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial

import uvicorn
from starlette.applications import Starlette
from starlette.types import ASGIApp

from graph_service.api import create_app
from graph_service.api.health import StoreStatus
from graph_service.api.limits import RequestLimits
from graph_service.api.observe import AccessLog
from graph_service.config import Settings, SettingsError, StoreKind
from graph_service.domain.errors import StoreUnavailableError
from graph_service.engine.projection import Projection
from graph_service.service import (
    ServiceContext,
    ServiceOptions,
    load_dataset,
    open_context,
    running,
)
from graph_service.storage.port import GraphStore

log = logging.getLogger(__name__)
SEED_AUTHOR = "seed"


async def open_store(settings: Settings) -> GraphStore:
    """The store adapter ``settings.store`` names, opened (an embedded server is started)."""
    if settings.store is StoreKind.FALKORDB:
        from graph_service.storage.falkordb import open_store as open_falkordb

        return await open_falkordb(settings.data_dir, graph=settings.graph_name)
    if settings.store is StoreKind.NEO4J:
        from graph_service.storage.neo4j import neo4j_settings, open_store_from_settings

        return await open_store_from_settings(
            neo4j_settings(os.environ, uri=settings.neo4j_uri), migrate=True
        )
    raise SettingsError(f"store '{settings.store}' is not wired into bootstrap")


async def migrate(settings: Settings) -> list[str]:
    """Apply the numbered schema migrations of the configured store; the names applied.

    The embedded FalkorDB creates its indexes itself whenever it opens, so only Neo4j has any.
    """
    if settings.store is not StoreKind.NEO4J:
        return []
    from graph_service.storage.neo4j import migrate as migrate_neo4j
    from graph_service.storage.neo4j import neo4j_settings

    config = neo4j_settings(os.environ, uri=settings.neo4j_uri)
    return await migrate_neo4j(config.uri, config.auth, config.database)


@asynccontextmanager
async def open_service(
    settings: Settings, *, seed_on_empty: bool | None = None, background: bool = True
) -> AsyncIterator[ServiceContext]:
    """The service over the configured store; the store is closed (and its server stopped) on exit.

    An empty store is loaded with the Daxing seed when ``seed_on_empty`` (default: the setting).
    With ``background`` (serving) the follower and the derived holdings export run meanwhile; a
    one-shot command (``load``, ``check``) leaves them to the service.
    """
    seed = settings.seed_on_empty if seed_on_empty is None else seed_on_empty
    store = await open_store(settings)
    try:
        build = partial(Projection, jurisdiction=settings.jurisdiction)
        options = ServiceOptions(
            write_back_holdings=settings.write_back_holdings,
            follow_interval=settings.follow_interval,
            document_prefix=settings.document_prefix,
            dispute_deadlines=settings.dispute_deadlines,
        )
        ctx = await open_context(store, build, options)
        if seed and ctx.projection.dataset.size() == 0:
            await _seed(ctx)
        if background:
            async with running(ctx):
                yield ctx
        else:
            yield ctx
    finally:
        await store.close()


async def _seed(ctx: ServiceContext) -> None:
    from graph_service.service.dataset_files import read_dataset
    from seed import daxing_path

    path = daxing_path()
    log.info("empty store: loading the Daxing seed from %s", path)
    record = await load_dataset(ctx, read_dataset(path), by=SEED_AUTHOR)
    log.info("seeded %d records (revision %d)", record.upserted, record.revision)


def build_app(settings: Settings) -> Starlette:
    """The ASGI app for ``settings``; its lifespan opens and closes the service."""
    return create_app(
        lambda: open_service(settings),
        limits=request_limits(settings),
        allowed_hosts=allowed_hosts(settings),
        probe=probe_store,
        require_token=settings.require_token,
        cors_origins=settings.cors_origins,
        response_cache=(settings.response_cache_entries, settings.response_cache_bytes),
        access_log=AccessLog(settings.access_log_every, settings.slow_request),
    )


def request_limits(settings: Settings) -> RequestLimits:
    return RequestLimits(
        max_body_bytes=settings.max_body_bytes,
        max_admin_body_bytes=settings.max_load_body_bytes,
        timeout_seconds=settings.request_timeout,
        mutation_timeout_seconds=settings.request_timeout * 20,
    )


def allowed_hosts(settings: Settings) -> tuple[str, ...]:
    """The configured names, plus the address the service is bound to when it names one host."""
    bound = settings.host.strip("[]")
    extra = () if bound in ("0.0.0.0", "::", "") else (bound,)
    return tuple(dict.fromkeys((*settings.allowed_hosts, *extra)))


async def probe_store(ctx: ServiceContext) -> StoreStatus:
    """Readiness of the store behind ``ctx``: the supervisor's view, or a driver round trip."""
    from graph_service.storage.falkordb import FalkorDBStore

    store = ctx.store
    if isinstance(store, FalkorDBStore):
        found = await store.supervisor.status()
        return StoreStatus(found.reachable, found.detail, found.restarts)
    driver = getattr(store, "driver", None)
    if driver is not None:
        try:
            await driver.verify_connectivity()
        except Exception:  # the driver's own errors: reported as unreachable, details logged
            log.warning("the Neo4j store did not answer the readiness probe", exc_info=True)
            return StoreStatus(False, "down")
    return StoreStatus(True)


async def serve(settings: Settings, *, on_ready: Callable[[str], None]) -> None:
    """Serve ``build_app(settings)`` with uvicorn until SIGINT/SIGTERM; ``on_ready(url)`` once up.

    The service is opened by the app's lifespan before the socket accepts requests and closed
    (the embedded database stopped) on shutdown. SIGTERM ends like Ctrl-C (``KeyboardInterrupt``
    after the graceful shutdown) so the process exits cleanly. Raises ``StoreUnavailableError``
    if the app never started (the lifespan failed: the cause is logged).
    """
    config = uvicorn_config(build_app(settings), settings)
    server = _AnnouncingServer(config, lambda: on_ready(settings.graphql_url))
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    await server.serve()
    if not server.started:
        raise StoreUnavailableError("the service did not start (see the log above)")


def uvicorn_config(app: ASGIApp, settings: Settings) -> uvicorn.Config:
    """How uvicorn serves ``app`` (ADR 0013), shared with the HTTP benchmark's reference servers.

    The HTTP parser is named, not ``auto``: a missing httptools must fail at start, not fall back
    silently to h11. Websockets (subscriptions) use the sans-I/O protocol of ``websockets``.
    """
    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        http=settings.http,
        ws="websockets-sansio",  # what "auto" picks; the legacy "websockets" one is deprecated
        log_level=settings.log_level,
        log_config=None,  # the command line configured logging (graph_service.logs)
        access_log=False,  # the request gate logs requests (errors, slow ones, a sample)
        lifespan="on",
    )


def event_loop_factory(settings: Settings) -> Callable[[], asyncio.AbstractEventLoop]:
    """The event loop ``serve`` runs on: the standard library's, or uvloop's (ADR 0013)."""
    if settings.loop == "uvloop":
        import uvloop

        return uvloop.new_event_loop
    return asyncio.new_event_loop


class _AnnouncingServer(uvicorn.Server):
    """A uvicorn server that calls ``on_ready`` once its socket accepts requests."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit:
            self._on_ready()
