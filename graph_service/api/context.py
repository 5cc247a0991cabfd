"""What every resolver receives: the request, the service the app's lifespan opened, and who asks.

``principal`` is resolved once per request (``api/auth.py``), before any resolver runs; a request
whose credentials were refused carries the refusal in ``auth_error`` and runs no resolver at all.
Over a websocket, ``connection_params`` is the ``connection_init`` payload (strawberry sets it) and
the principal is resolved from it when the connection is acknowledged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from graph_service.domain.auth import PUBLIC, Principal
from graph_service.domain.errors import AuthorityGraphError
from graph_service.service import ServiceContext


@dataclass(slots=True)
class ApiContext:
    request: Request | WebSocket
    response: Response | WebSocket | None
    service: ServiceContext
    principal: Principal = PUBLIC
    auth_error: AuthorityGraphError | None = None  # refused credentials, or the store failed
    connection_params: dict[str, Any] | None = None


Info = strawberry.Info[ApiContext, None]


def service_of(request: Request | WebSocket) -> ServiceContext:
    """The service the lifespan opened; a ``RuntimeError`` (masked) if it is not open."""
    opened: ServiceContext | None = getattr(request.app.state, "service", None)
    if opened is None:
        raise RuntimeError("the service is not open (lifespan not started)")
    return opened
