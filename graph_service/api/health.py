"""``/healthz`` (the process answers) and ``/readyz`` (it can answer questions correctly now).

Liveness must not depend on the store: an orchestrator restarts a process whose liveness fails,
which would not bring a dead database back any sooner. Readiness does: the store must answer a
probe (``StoreProbe``, supplied by bootstrap, which knows the adapter) and the projection must be
loaded. The body says how current the projection is: ``revision`` (the change-log revision it
reflects), ``head`` (the store's newest revision), ``lag`` (``head - revision``: changes written,
by this or another process, not yet applied; a follower catches up within a fraction of a second)
and ``export_lag`` (revisions whose derived ``HOLDS`` links are not yet in the store).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse

from graph_service.domain.errors import StorageError
from graph_service.service import ServiceContext

from .observe import Metrics


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """What the store probe found: reachable or not, and what the supervisor knows."""

    reachable: bool
    detail: str = "ok"  # "ok", "restarting", "down", … (never a path or a driver message)
    restarts: int = 0


StoreProbe = Callable[[ServiceContext], Awaitable[StoreStatus]]


async def healthz(request: Request) -> JSONResponse:
    """200 while the process serves HTTP at all."""
    return JSONResponse({"status": "alive"})


def readiness(probe: StoreProbe, metrics: Metrics) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def readyz(request: Request) -> JSONResponse:
        """200 when the store answers and the projection is loaded; 503 with the reason else."""
        opened: ServiceContext | None = getattr(request.app.state, "service", None)
        if opened is None:
            return JSONResponse({"status": "starting", "store": "not open"}, status_code=503)
        head: int | None = None
        try:
            store = await probe(opened)
            if store.reachable:
                head = await opened.store.head_revision()
        except StorageError as error:
            metrics.store_errors.labels(error.code).inc()
            store = StoreStatus(reachable=False, detail="unreachable")
        exporter = opened.dispatcher.exporter
        body = {
            "status": "ready" if store.reachable else "unavailable",
            "store": store.detail,
            "store_restarts": store.restarts,
            "records": opened.projection.dataset.size(),
            "revision": opened.revision,
            "head": head,
            "lag": None if head is None else max(head - opened.revision, 0),
            "export_lag": 0 if exporter is None else exporter.lag,
        }
        return JSONResponse(body, status_code=200 if store.reachable else 503)

    return readyz
