"""The role × operation matrix of ``permissions.yaml``, run through the app with real tokens.

Every (field, role) row of the file is one test: the request is sent with a token of that role
issued on the app's own store (no token for ``public``) and the outcome must be the expected one.
A separate test fails when a field of the served schema has no entry, so a new query, mutation or
subscription cannot ship without a decision about who may call it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from strawberry.types import ExecutionResult

from graph_service.api import build_schema
from graph_service.api.context import ApiContext
from graph_service.service import authenticate

from .conftest import gql, issue, service_of

MATRIX: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("permissions.yaml")).read_text(encoding="utf-8")
)
ROLES: list[str] = MATRIX["roles"]
OPERATIONS: dict[str, dict[str, Any]] = MATRIX["operations"]
OWN_UNIT, OTHER_UNIT = "xingfeng", "linxiaolu"
OUTCOMES = {"allowed", "forbidden"}

ROWS = [
    (operation, role, outcome)
    for operation, entry in OPERATIONS.items()
    for role, outcome in entry["expect"].items()
]


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def tokens(app: Starlette) -> dict[str, str | None]:
    """A real token per role (``unit`` bound to xingfeng); the public sends none."""
    issued: dict[str, str | None] = {"public": None}
    for role in ROLES[1:]:
        unit = OWN_UNIT if role == "unit" else None
        issued[role] = await issue(app, role, name=f"matrix-{role}", unit=unit)
    return issued


async def schema_fields() -> set[str]:
    introspection = await build_schema().execute(
        "{ __schema { queryType { name fields { name } } mutationType { name fields { name } }"
        " subscriptionType { name fields { name } } } }"
    )
    assert introspection.errors is None
    assert introspection.data is not None
    fields: set[str] = set()
    for root in introspection.data["__schema"].values():
        if root is not None:
            fields |= {f"{root['name']}.{field['name']}" for field in root["fields"]}
    return fields


@pytest.mark.asyncio(loop_scope="module")
async def test_every_schema_field_has_a_row_for_every_role() -> None:
    assert set(OPERATIONS) == await schema_fields()
    for operation, entry in OPERATIONS.items():
        roles = {
            r.replace("unit_own", "unit").replace("unit_other", "unit") for r in entry["expect"]
        }
        assert roles == set(ROLES), f"{operation}: rows for {sorted(entry['expect'])}"
        assert set(entry["expect"].values()) <= OUTCOMES, operation


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(("operation", "role", "outcome"), ROWS, ids=str)
async def test_matrix_row(
    app: Starlette,
    client: httpx.AsyncClient,
    tokens: dict[str, str | None],
    operation: str,
    role: str,
    outcome: str,
) -> None:
    entry = OPERATIONS[operation]
    field = operation.split(".", 1)[1]
    variables = {"unit": OTHER_UNIT if role == "unit_other" else OWN_UNIT}
    token = tokens["unit" if role.startswith("unit") else role]
    if operation.startswith("Subscription."):
        assert await _subscription_denied(app, entry["request"], token) == (outcome == "forbidden")
        return
    before = await service_of(app).store.load_all()

    body = await gql(
        client, entry["request"], variables if "$unit" in entry["request"] else None, token=token
    )

    denied = _denied(body, field)
    if outcome == "allowed":
        assert not denied, body
        assert "errors" not in body, body["errors"]
    else:
        assert denied, body
        if operation.startswith("Mutation."):
            assert await service_of(app).store.load_all() == before


async def _subscription_denied(app: Starlette, request: str, token: str | None) -> bool:
    """Whether the subscription is refused for ``token``: a refusal is its first (and only)
    result, a FORBIDDEN error; an allowed one waits for change events (none come here)."""
    ctx = service_of(app)
    principal = await authenticate(ctx.store.tokens, f"Bearer {token}" if token else None)
    blank = Request({"type": "http", "method": "POST", "headers": []})  # no consistency header
    context = ApiContext(request=blank, response=None, service=ctx, principal=principal)
    stream = await build_schema().subscribe(request, context_value=context)
    assert not isinstance(stream, ExecutionResult), stream
    try:
        first = await asyncio.wait_for(anext(stream), timeout=0.3)
    except TimeoutError:
        return False
    finally:
        await stream.aclose()
    assert first.errors is not None, first
    return [e.extensions.get("code") if e.extensions else None for e in first.errors] == [
        "FORBIDDEN"
    ] or "无权" in first.errors[0].message


def _denied(body: dict[str, Any], field: str) -> bool:
    codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]
    payload = (body.get("data") or {}).get(field)
    in_payload = isinstance(payload, dict) and payload.get("__typename") == "PermissionDenied"
    return "FORBIDDEN" in codes or in_payload
