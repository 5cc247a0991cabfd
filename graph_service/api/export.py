"""``GET /export/power-list/{unit}.xlsx`` and ``.csv``: a unit's power list as a file.

Read-only, and allowed to whoever may call the ``powerList`` query it mirrors (``authorize_route``;
public unless the deployment requires a token): ``?at=YYYY-MM-DD`` (default today)
or ``?version=N`` for a published (公示) version. Errors answer JSON with the same stable codes as
GraphQL (``VALIDATION_FAILED`` 400, ``NOT_FOUND`` 404).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_service.domain.errors import DomainError, NotFoundError, ValidationError
from graph_service.service.spreadsheets import ListFormat, encode_list, export_list

from .auth import authorize_route
from .context import service_of


def _bad(field: str, message: str) -> JSONResponse:
    body = {"code": ValidationError.code, "message": message, "field": field}
    return JSONResponse(body, status_code=400)


async def _export(request: Request, fmt: ListFormat) -> Response:
    unit = request.path_params["unit"]
    refused = await authorize_route(request, "Query.powerList", {"unit": unit})
    if refused is not None:
        return refused
    at_text, version_text = request.query_params.get("at"), request.query_params.get("version")
    try:
        at = date.fromisoformat(at_text) if at_text else None
    except ValueError:
        return _bad("at", f"at must be a date YYYY-MM-DD, not '{at_text}'")
    if version_text is not None and not version_text.isdigit():
        return _bad("version", f"version must be a positive whole number, not '{version_text}'")
    version = int(version_text) if version_text else None
    try:
        sheet = export_list(service_of(request), unit, at, version)
    except DomainError as error:
        status = 404 if isinstance(error, NotFoundError) else 400
        return JSONResponse({"code": error.code, "message": str(error)}, status_code=status)
    # The rows come from the projection on the event loop, as every read does; the file is
    # pure CPU work on those rows (a third of a second for 2,000 rows), so it goes to a thread.
    exported = await run_in_threadpool(encode_list, sheet, fmt)
    disposition = (
        f"attachment; filename=\"{exported.filename}\"; filename*=UTF-8''{quote(exported.filename)}"
    )
    return Response(
        exported.content,
        media_type=exported.media_type,
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )


async def export_xlsx(request: Request) -> Response:
    return await _export(request, ListFormat.XLSX)


async def export_csv(request: Request) -> Response:
    return await _export(request, ListFormat.CSV)


ROUTES = [
    Route("/export/power-list/{unit}.xlsx", export_xlsx, methods=["GET"]),
    Route("/export/power-list/{unit}.csv", export_csv, methods=["GET"]),
]
