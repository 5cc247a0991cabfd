"""The web app and GraphiQL are served from the package's own bundle; CORS only when configured."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from graph_service.bootstrap import build_app
from graph_service.config import load_settings

from .conftest import BASE_URL

pytestmark = pytest.mark.asyncio(loop_scope="module")

DASHBOARD = "https://dashboard.example"


def _assets(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


async def test_the_app_page_and_every_asset_it_names_are_served(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in page.text
    assets = [a for a in _assets(page.text) if not a.startswith("data:")]
    assert "/static/assets/app.js" in assets
    for asset in assets:
        assert asset.startswith("/static/"), f"{asset} is not served by the service"
        response = await client.get(asset)
        assert response.status_code == 200, asset
        assert response.headers["cache-control"] == "no-cache"  # names are not content-hashed


async def test_a_browser_gets_graphiql_from_the_bundle_not_from_a_cdn(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "<title>GraphiQL" in page.text
    assert all(a.startswith(("/static/", "data:")) for a in _assets(page.text)), page.text
    assert "unpkg.com" not in page.text
    assert (await client.get("/static/assets/graphiql.js")).status_code == 200


async def test_api_clients_keep_get_and_post(client: httpx.AsyncClient) -> None:
    query = '{ searchRegions(text: "兴丰", limit: 1) { name } }'
    got = await client.get("/graphql", params={"query": query})
    posted = await client.post("/graphql", json={"query": query})
    expected = {"searchRegions": [{"name": "兴丰街道"}]}
    assert got.json()["data"] == posted.json()["data"] == expected


async def test_no_cross_origin_access_by_default(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Origin": DASHBOARD}
    )
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


async def test_configured_origins_may_call_the_api(tmp_path: Path) -> None:
    settings = load_settings(
        {"GRAPH_SERVICE_CORS_ORIGINS": f"{DASHBOARD}, http://localhost:5173"},
        data_dir=tmp_path,
        seed_on_empty=False,
    )
    app = build_app(settings)  # the lifespan is not entered: CORS answers before the service
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        preflight = await http.options(
            "/graphql",
            headers={
                "Origin": DASHBOARD,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == DASHBOARD
        other = await http.options(
            "/graphql",
            headers={
                "Origin": "https://elsewhere.example",
                "Access-Control-Request-Method": "POST",
            },
        )
        assert other.status_code == 400
        assert "access-control-allow-origin" not in other.headers
