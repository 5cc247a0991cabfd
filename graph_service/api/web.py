"""The web app and the offline GraphiQL: static files built from ``clients/web`` into ``static/``.

The bundle is committed inside the package (``make web`` rebuilds it), so serving it needs no Node
and nothing is fetched from outside the service: ``/`` is the app, ``/static/…`` its assets, and a
browser's ``GET /graphql`` gets GraphiQL from the same bundle instead of strawberry's CDN page.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(str(files("graph_service.api") / "static"))
APP_PAGE = STATIC_DIR / "index.html"
GRAPHIQL_PAGE = STATIC_DIR / "graphiql.html"
MISSING = """<!doctype html><meta charset="utf-8"><title>Web app not built</title>
<p>The web app's bundle is missing from this installation: run <code>make web</code>.</p>"""
# The bundle's file names carry no hash, so browsers revalidate instead of caching for long.
NO_STALE = {"Cache-Control": "no-cache"}


class _Revalidated(StaticFiles):
    """Static files that browsers revalidate (ETag) before reuse: names are not content-hashed."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(NO_STALE)
        return response


def static_files() -> StaticFiles:
    return _Revalidated(directory=STATIC_DIR, check_dir=False)


async def app_page(request: Request) -> Response:
    if not APP_PAGE.is_file():
        return HTMLResponse(MISSING, status_code=503)
    return FileResponse(APP_PAGE, media_type="text/html; charset=utf-8", headers=NO_STALE)


def graphiql_html() -> str:
    """The offline GraphiQL page, or a note that the bundle is missing."""
    if not GRAPHIQL_PAGE.is_file():
        return MISSING
    return GRAPHIQL_PAGE.read_text(encoding="utf-8")
