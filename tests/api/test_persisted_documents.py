"""Persisted documents: the manifests shipped in the package, and requests that name an id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from authority_graph_client import AsyncAuthorityGraphClient
from authority_graph_client.documents import manifest_json
from graphql import parse, validate
from starlette.applications import Starlette

from graph_service.api import persisted
from graph_service.api.graphql_view import GRAPHQL_RESPONSE
from graph_service.api.persisted import MANIFESTS, document_id, manifest, registered
from graph_service.api.schema import build_schema

from .conftest import BASE_URL, service_of
from .small_dataset import SMOKING, XINGFENG

ASYNC = pytest.mark.asyncio(loop_scope="module")


def _named(name: str) -> tuple[str, str]:
    """The id and text of the registered document of the operation ``name``."""
    for identifier, text in registered().items():
        if parse(text).definitions[0].name.value == name:  # type: ignore[attr-defined]
            return identifier, text
    raise AssertionError(f"no registered document {name}")


@pytest.mark.parametrize("name", MANIFESTS)
def test_every_registered_document_is_named_by_its_hash_and_valid(name: str) -> None:
    documents = manifest(name)
    assert documents, f"{name} registers no document"
    schema = build_schema()._schema
    for identifier, text in documents.items():
        assert identifier == document_id(text)
        assert validate(schema, parse(text)) == [], text


def test_the_python_clients_manifest_is_current() -> None:
    shipped = Path(persisted.__file__).with_name("python.json")
    assert shipped.read_text(encoding="utf-8") == manifest_json(), "stale: run `make documents`"


@ASYNC
async def test_a_document_id_answers_as_its_text(client: httpx.AsyncClient) -> None:
    identifier, text = _named("Jurisdiction")
    variables = {"item": SMOKING, "place": XINGFENG, "limit": 5}
    variables = {k: v for k, v in variables.items() if f"${k}" in text}
    by_text = await client.post("/graphql", json={"query": text, "variables": variables})
    by_id = await client.post("/graphql", json={"documentId": identifier, "variables": variables})
    assert by_id.status_code == 200
    assert by_id.content == by_text.content
    assert "errors" not in by_id.json()
    assert by_id.headers["etag"].startswith('W/"')


@ASYNC
async def test_a_query_by_id_over_get_carries_an_etag(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    identifier, _ = _named("SearchItems")
    params = {"documentId": identifier, "variables": json.dumps({"text": "烟", "limit": 3})}
    response = await client.get("/graphql", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["searchItems"] is not None
    revision = service_of(app).revision
    assert response.headers["etag"].startswith(f'W/"{revision}-')


@ASYNC
@pytest.mark.parametrize(("accept", "status"), [(GRAPHQL_RESPONSE, 400), ("application/json", 200)])
async def test_an_unknown_id_is_persisted_query_not_found(
    client: httpx.AsyncClient, accept: str, status: int
) -> None:
    unknown = document_id("query Nobody { viewer { role } }")
    response = await client.post(
        "/graphql", json={"documentId": unknown}, headers={"Accept": accept}
    )
    assert response.status_code == status
    body = response.json()
    assert [e["extensions"]["code"] for e in body["errors"]] == ["PERSISTED_QUERY_NOT_FOUND"]
    assert body.get("data") is None


@ASYNC
async def test_a_mutation_by_id_is_refused_over_get(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    identifier, _ = _named("LoadDataset")
    before = service_of(app).revision
    variables = json.dumps({"document": {}, "replace": True, "confirm": True})
    response = await client.get(
        "/graphql", params={"documentId": identifier, "variables": variables}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "mutations are not allowed when using GET"
    assert service_of(app).revision == before


@ASYNC
async def test_a_query_and_a_document_id_together_are_refused(client: httpx.AsyncClient) -> None:
    identifier, text = _named("Viewer")
    response = await client.post("/graphql", json={"documentId": identifier, "query": text})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@ASYNC
async def test_the_python_client_sends_ids_and_falls_back_to_the_text(
    app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[dict[str, Any]] = []

    async def record(request: httpx.Request) -> None:
        sent.append(json.loads(request.content))

    transport = httpx.ASGITransport(app=app)
    async with AsyncAuthorityGraphClient(BASE_URL, transport=transport) as graph:
        graph._http.event_hooks["request"].append(record)
        answer = await graph.jurisdiction(SMOKING, XINGFENG)
        assert answer.status
        assert "documentId" in sent[-1]
        assert "query" not in sent[-1]
        monkeypatch.setattr("graph_service.api.graphql_view.lookup", lambda _id: None)
        assert (await graph.jurisdiction(SMOKING, XINGFENG)) == answer
    assert "documentId" in sent[-2]
    assert "query" in sent[-1]
