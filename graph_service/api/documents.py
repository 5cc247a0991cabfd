"""``GET /documents/{kind}/dispute/{id}.docx`` (and ``.md``, and ``/finding/{id}``): the bureau's
documents as files.

Authenticated as ``/graphql`` and allowed to whoever may call the ``disputeDocument`` query it
mirrors (the justice bureau; a unit for the disputes it is party to). ``kind`` is ``opinion``
(协调意见书), ``supervision`` (督办函) or ``designation`` (指定管辖决定书，代拟稿). Refusals answer
JSON with the stable codes of GraphQL.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_service.domain.errors import (
    AuthorityGraphError,
    PermissionDeniedError,
    UnauthenticatedError,
    ValidationError,
)
from graph_service.engine.dispute_documents import DocumentKind
from graph_service.service.dispute_documents import FileFormat, document_content, document_file

from .auth import CHALLENGE, authenticate_http
from .context import ApiContext, service_of
from .permissions import PERMISSIONS, denial

OPERATION = "Query.disputeDocument"


def _refusal(error: AuthorityGraphError, status: int, **headers: str) -> JSONResponse:
    return JSONResponse({"code": error.code, "message": str(error)}, status, headers=headers)


async def _document(request: Request, subject: str, fmt: FileFormat) -> Response:
    ctx = service_of(request)
    context = ApiContext(request=request, response=None, service=ctx)
    require = bool(getattr(request.app.state, "require_token", False))
    await authenticate_http(context, request, require_token=require)
    if isinstance(context.auth_error, UnauthenticatedError):
        return _refusal(context.auth_error, 401, **{"WWW-Authenticate": CHALLENGE})
    if context.auth_error is not None:
        return _refusal(context.auth_error, 503)
    rule = PERMISSIONS[OPERATION]
    if not rule.allows(context.principal, {}):
        return _refusal(denial(OPERATION, rule, context.principal), 403)
    kind_text, key = request.path_params["kind"], request.path_params["key"]
    try:
        kind = DocumentKind(kind_text)
    except ValueError:
        kinds = ", ".join(k.value for k in DocumentKind)
        body = {"code": ValidationError.code, "message": f"kind: one of {kinds}", "field": "kind"}
        return JSONResponse(body, status_code=400)
    try:
        content = document_content(
            ctx,
            context.principal,
            kind,
            dispute_id=key if subject == "dispute" else None,
            finding_id=key if subject == "finding" else None,
        )
    except PermissionDeniedError as error:
        return _refusal(error, 403)
    except ValidationError as error:
        return _refusal(error, 404 if error.problems[0].path in {"id", "finding"} else 400)
    made = await run_in_threadpool(document_file, content, fmt, key)
    disposition = (
        f"attachment; filename=\"{quote(made.filename)}\"; filename*=UTF-8''{quote(made.filename)}"
    )
    return Response(
        made.body,
        media_type=made.media_type,
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )


def _route(subject: str, fmt: FileFormat) -> Route:
    async def endpoint(request: Request) -> Response:
        return await _document(request, subject, fmt)

    return Route(f"/documents/{{kind}}/{subject}/{{key}}.{fmt.value}", endpoint, methods=["GET"])


ROUTES = [_route(s, f) for s in ("dispute", "finding") for f in FileFormat]
