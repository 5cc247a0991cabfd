"""powerList(unit, at) and the four searches, on the small hand-made dataset."""

from __future__ import annotations

import httpx
import pytest

from .conftest import data, gql
from .small_dataset import DISTRICT, LINXIAOLU, SMOKING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

POWER_LIST = """
query($unit: String!, $at: Date) {
  powerList(unit: $unit, at: $at) {
    item { code name category } role mode scopes { code name } validFrom validTo acts
  }
}
"""


async def test_the_street_holds_the_delegated_smoking_penalty(client: httpx.AsyncClient) -> None:
    entries = (await data(client, POWER_LIST, {"unit": "xingfeng", "at": "2021-01-01"}))[
        "powerList"
    ]
    assert entries == [
        {
            "item": {
                "code": SMOKING,
                "name": "对个人在禁止吸烟场所吸烟的处罚",
                "category": "PENALTY",
            },
            "role": "PRIMARY",
            "mode": "DELEGATED",
            "scopes": [{"code": XINGFENG, "name": "兴丰街道"}],
            "validFrom": "2020-07-01",
            "validTo": None,
            "acts": ["delegate-smoke"],
        }
    ]


async def test_before_the_delegation_the_street_holds_nothing(client: httpx.AsyncClient) -> None:
    result = await data(client, POWER_LIST, {"unit": "xingfeng", "at": "2020-06-30"})
    assert result["powerList"] == []


async def test_the_commission_keeps_the_district_and_supervises_the_streets(
    client: httpx.AsyncClient,
) -> None:
    entries = (await data(client, POWER_LIST, {"unit": "health", "at": "2021-01-01"}))["powerList"]
    assert [(e["role"], [s["code"] for s in e["scopes"]]) for e in entries] == [
        ("PRIMARY", [DISTRICT]),
        ("SUPERVISOR", [XINGFENG, LINXIAOLU]),
    ]


async def test_power_list_of_an_unknown_unit_is_not_found(client: httpx.AsyncClient) -> None:
    body = await gql(client, POWER_LIST, {"unit": "nobody"})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]


SEARCH = """
query($text: String!) {
  items: searchItems(text: $text) { kind key name }
  units: searchUnits(text: $text) { kind key name }
  regions: searchRegions(text: $text) { kind key name detail }
  laws: searchLaws(text: $text) { kind key name }
}
"""


async def test_search_by_chinese_name(client: httpx.AsyncClient) -> None:
    found = await data(client, SEARCH, {"text": "吸烟"})
    assert found["items"] == [
        {"kind": "ITEM", "key": SMOKING, "name": "对个人在禁止吸烟场所吸烟的处罚"}
    ]
    assert found["laws"] == [{"kind": "LAW", "key": "smoke-law", "name": "北京市控制吸烟条例"}]
    assert (found["units"], found["regions"]) == ([], [])


async def test_search_units_by_name(client: httpx.AsyncClient) -> None:
    found = await data(client, SEARCH, {"text": "卫生健康"})
    assert found["units"] == [{"kind": "UNIT", "key": "health", "name": "区卫生健康委"}]


async def test_search_by_code(client: httpx.AsyncClient) -> None:
    found = await data(client, SEARCH, {"text": XINGFENG})
    assert [(r["key"], r["name"]) for r in found["regions"]] == [(XINGFENG, "兴丰街道")]
    found = await data(client, SEARCH, {"text": SMOKING})
    assert [i["key"] for i in found["items"]] == [SMOKING]


async def test_search_limit_and_blank_text(client: httpx.AsyncClient) -> None:
    limited = await data(client, '{ searchItems(text: "处罚", limit: 2) { key } }')
    assert len(limited["searchItems"]) == 2
    body = await gql(client, '{ searchItems(text: "  ") { key } }')
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION_FAILED"
    assert body["errors"][0]["extensions"]["problems"] == [
        {"path": "text", "message": "must not be empty"}
    ]
