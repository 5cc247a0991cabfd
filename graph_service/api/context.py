"""What every resolver receives: the request and the service the app's lifespan opened."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from graph_service.service import ServiceContext


@dataclass(slots=True)
class ApiContext:
    request: Request | WebSocket
    response: Response | WebSocket | None
    service: ServiceContext


Info = strawberry.Info[ApiContext, None]


def service_of(request: Request | WebSocket) -> ServiceContext:
    """The service the lifespan opened; a ``RuntimeError`` (masked) if it is not open."""
    opened: ServiceContext | None = getattr(request.app.state, "service", None)
    if opened is None:
        raise RuntimeError("the service is not open (lifespan not started)")
    return opened
