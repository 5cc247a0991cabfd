"""loadDataset: all or nothing, audited, visible to the next query; problems with exact paths."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from graph_service.service import load_document

from .conftest import bearer, data, issue, service_of
from .small_dataset import DISTRICT, XINGFENG, small_document

pytestmark = pytest.mark.asyncio(loop_scope="module")

LOAD = """
mutation($document: JSON!, $replace: Boolean! = false, $confirm: Boolean! = false) {
  loadDataset(document: $document, replace: $replace, confirm: $confirm) {
    __typename
    ... on LoadSucceeded { revision changeId recordedBy upserted deleted }
    ... on ValidationFailed { code message problems { path message } }
    ... on PermissionDenied { code message role allowedRoles }
  }
}
"""

BURNING = {
    "items": [
        {
            "code": "T-BURN",
            "name": "对露天焚烧秸秆的处罚",
            "category": "penalty",
            "basis": ["city-law-36"],
        }
    ],
    "acts": [
        {
            "id": "assign-burn",
            "kind": "assign",
            "review": "approved",
            "effective": "2022-03-01",
            "items": ["T-BURN"],
            "to": ["chengguan"],
        }
    ],
}


async def load(
    client: httpx.AsyncClient,
    document: dict[str, Any],
    replace: bool = False,
    *,
    token: str | None,
    confirm: bool = False,
) -> dict[str, Any]:
    variables = {"document": document, "replace": replace, "confirm": confirm}
    result: dict[str, Any] = (await data(client, LOAD, variables, token=token))["loadDataset"]
    return result


async def test_a_valid_document_is_written_stamped_and_answered(
    app: Starlette, client: httpx.AsyncClient, admin_token: str
) -> None:
    payload = await load(client, BURNING, token=admin_token)
    assert payload["__typename"] == "LoadSucceeded"
    assert (payload["recordedBy"], payload["upserted"], payload["deleted"]) == ("admin-test", 2, 0)

    answer = await data(
        client,
        f'{{ jurisdiction(item: "T-BURN", place: "{XINGFENG}", at: "2022-03-01") '
        "{ status holders { unit { id } role } } }",
    )
    assert answer["jurisdiction"] == {
        "status": "CLEAR",
        "holders": [{"unit": {"id": "chengguan"}, "role": "PRIMARY"}],
    }

    stored = await service_of(app).store.load_all()
    [item] = [i for i in stored.items if i.code == "T-BURN"]
    assert item.recorded_by == "admin-test"  # the token's name: who made the change
    assert item.recorded_at is not None

    history = await data(
        client,
        '{ history(kind: ITEM, key: "T-BURN") { revision operation '
        "change { id recordedBy upserted summary } changes { field before after } } }",
        token=admin_token,
    )
    [version] = history["history"]
    assert version["revision"] == payload["revision"] == service_of(app).revision
    assert version["operation"] == "CREATED"
    assert version["change"] == {
        "id": payload["changeId"],
        "recordedBy": "admin-test",
        "upserted": 2,
        "summary": "载入数据集：事项1条、决定1条",
    }
    assert {c["field"]: c["after"] for c in version["changes"]}["code"] == "T-BURN"


async def test_an_invalid_document_writes_nothing_and_names_every_problem(
    app: Starlette, client: httpx.AsyncClient, admin_token: str
) -> None:
    before = await service_of(app).store.load_all()
    document = {
        "acts": [
            {
                "id": "bad-delegation",
                "kind": "delegate",
                "effective": "2023-01-01",
                "items": ["T-BURN", "NOPE"],
                "from": "ghost",
                "to": ["xingfeng"],
            }
        ],
        "regions": [{"code": "110115999000", "name": "新街道", "kind": "street", "parent": "X"}],
    }
    payload = await load(client, document, token=admin_token)
    assert (payload["__typename"], payload["code"]) == ("ValidationFailed", "VALIDATION_FAILED")
    assert payload["problems"] == [
        {"path": "regions[0].parent", "message": "unknown region 'X'"},
        {"path": "acts[0].items[1]", "message": "unknown item 'NOPE'"},
        {"path": "acts[0].from", "message": "unknown unit 'ghost'"},
    ]
    assert payload["message"].startswith("dataset is not valid: regions[0].parent")
    assert await service_of(app).store.load_all() == before


async def test_field_errors_are_reported_with_their_row(
    client: httpx.AsyncClient, admin_token: str
) -> None:
    document = {
        "units": [
            {"id": "u1", "name": "甲", "kind": "department", "region": DISTRICT},
            {"id": "u2", "name": "乙", "kind": "robot", "region": DISTRICT},
        ]
    }
    payload = await load(client, document, token=admin_token)
    assert payload["__typename"] == "ValidationFailed"
    assert [p["path"] for p in payload["problems"]] == ["units[1].kind"]


async def test_history_of_an_unknown_record_is_not_found(
    client: httpx.AsyncClient, admin_token: str
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": '{ history(kind: UNIT, key: "ghost") { revision } }'},
        headers=bearer(admin_token),
    )
    assert response.json()["errors"][0]["extensions"] == {"code": "NOT_FOUND"}


async def test_only_an_administrator_may_load_and_nothing_is_written_otherwise(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    before = await service_of(app).store.load_all()
    office = await issue(app, "establishment_office", name="编办-load")
    for token in (None, office):
        payload = await load(client, {"regions": []}, replace=True, confirm=True, token=token)
        assert payload["__typename"] == "PermissionDenied"
        assert payload["code"] == "FORBIDDEN"
        assert payload["allowedRoles"] == ["ADMIN"]
        assert "loadDataset needs the role admin" in payload["message"]
        assert "须由管理员办理" in payload["message"]
    assert payload["role"] == "ESTABLISHMENT_OFFICE"
    assert await service_of(app).store.load_all() == before


async def test_replace_without_confirm_is_refused_and_writes_nothing(
    app: Starlette, client: httpx.AsyncClient, admin_token: str
) -> None:
    before = await service_of(app).store.load_all()
    payload = await load(client, {}, replace=True, token=admin_token)
    assert payload["__typename"] == "ValidationFailed"
    assert [p["path"] for p in payload["problems"]] == ["confirm"]
    assert "pass confirm: true" in payload["message"]
    assert await service_of(app).store.load_all() == before


async def test_replace_makes_the_document_the_whole_graph(
    app: Starlette, client: httpx.AsyncClient, admin_token: str
) -> None:
    only_regions = {"regions": [{"code": DISTRICT, "name": "大兴区", "kind": "district"}]}
    before = (await service_of(app).store.load_all()).size()
    payload = await load(client, only_regions, replace=True, confirm=True, token=admin_token)
    assert (payload["__typename"], payload["upserted"]) == ("LoadSucceeded", 1)
    assert payload["deleted"] == before - 1 > 0, "a replace counts every record it wiped"
    assert (await service_of(app).store.load_all()).size() == 1
    fields = "revision operation change { replace }"
    wiped = await data(
        client,
        f'{{ history(kind: REGION, key: "{XINGFENG}") {{ {fields} }} }}',
        token=admin_token,
    )
    assert wiped["history"][-1] == {
        "revision": payload["revision"],
        "operation": "DELETED",
        "change": {"replace": True},
    }
    findings = await data(client, '{ findings(at: "2021-01-01") { totalCount } }')
    assert findings["findings"]["totalCount"] == 0


async def test_derived_holdings_are_written_back_for_people_browsing_the_graph(
    app: Starlette,
) -> None:
    from graph_service.storage.catalog import parse
    from graph_service.storage.falkordb import FalkorDBStore

    ctx = service_of(app)
    assert isinstance(ctx.store, FalkorDBStore)
    await load_document(ctx, small_document(), replace=True, by="test")
    exporter = ctx.dispatcher.exporter
    assert exporter is not None
    async with asyncio.timeout(30):  # written in the background, after the write answered
        await exporter.drain()
    count = parse(
        "adhoc.cypher",
        "// name: adhoc\n// params: none\n"
        "MATCH (:Unit)-[h:HOLDS]->(:PowerItem) RETURN count(h) AS n",
    )
    [row] = await ctx.store._execute(count, {})
    assert row["n"] == len(ctx.projection.holdings()) > 0


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("name", "a\u0000b", "regions[0].name"),
        ("name", "a\u0007b", "regions[0].name"),
        ("note", "line\u0000", "regions[0].note"),
        ("code", "x\u001b", "regions[0].code"),
    ],
)
async def test_control_characters_are_refused_with_their_path_and_nothing_is_written(
    app: Starlette,
    client: httpx.AsyncClient,
    admin_token: str,
    field: str,
    value: str,
    path: str,
) -> None:
    """One NUL once made the embedded store unusable: it must never get past validation."""
    region = {"code": "x", "name": "甲", "kind": "street", "parent": DISTRICT, field: value}
    before = await service_of(app).store.load_all()
    payload = await load(client, {"regions": [region]}, token=admin_token)
    assert payload["__typename"] == "ValidationFailed"
    assert [p["path"] for p in payload["problems"]] == [path]
    assert "control character" in payload["problems"][0]["message"]
    assert await service_of(app).store.load_all() == before
    written = await load(client, {"regions": [{**region, field: "正常"}]}, token=admin_token)
    assert written["__typename"] == "LoadSucceeded"


async def test_tabs_and_line_breaks_stay_allowed_in_free_text(
    client: httpx.AsyncClient, admin_token: str
) -> None:
    region = {"code": "x2", "name": "乙", "kind": "street", "parent": DISTRICT}
    region["note"] = "一\n二\t三"
    payload = await load(client, {"regions": [region]}, token=admin_token)
    assert payload["__typename"] == "LoadSucceeded"
