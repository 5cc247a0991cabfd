"""previewAct (what-if, nothing written) and asRecordedOn (what our records said on a day).

In the small dataset 区城管执法局 (2010) and 区市场监管局 (2019) both hold the street-vending
penalty over the whole district: an OVERLAP at both streets. Designating 区城管执法局 for both
streets would settle it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from .conftest import data, gql, issue
from .small_dataset import LINXIAOLU, VENDING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def office(app: Starlette) -> str:
    """A real establishment-office token: previewing unrecorded acts is the office's tool."""
    return await issue(app, "establishment_office", name="编办-preview")


DESIGNATE: dict[str, Any] = {
    "id": "designate-vend",
    "kind": "designate",
    "effective": "2022-01-01",
    "items": [VENDING],
    "to": ["chengguan"],
    "scope": [XINGFENG, LINXIAOLU],
}
PREVIEW = """
query($act: JSON!) {
  previewAct(act: $act) {
    at
    appeared { kind }
    resolved { kind item { code } units { id } places { code } }
    answers {
      item { code } place { code }
      beforeStatus beforeUnits { id } afterStatus afterUnits { id }
    }
  }
}
"""
ANSWER = """
query($at: Date, $recorded: Date) {
  jurisdiction(item: "T-VEND", place: "110115001000", at: $at, asRecordedOn: $recorded) {
    status holders { unit { id } }
  }
}
"""


async def test_a_designation_would_resolve_the_overlap_and_change_both_streets(
    client: httpx.AsyncClient, office: str
) -> None:
    preview = (await data(client, PREVIEW, {"act": DESIGNATE}, token=office))["previewAct"]
    assert preview["at"] == "2022-01-01"
    assert preview["appeared"] == []
    assert preview["resolved"] == [
        {
            "kind": "OVERLAP",
            "item": {"code": VENDING},
            "units": [{"id": "chengguan"}, {"id": "market"}],
            "places": [{"code": XINGFENG}, {"code": LINXIAOLU}],
        }
    ]
    assert sorted(preview["answers"], key=lambda a: a["place"]["code"]) == [
        {
            "item": {"code": VENDING},
            "place": {"code": place},
            "beforeStatus": "OVERLAP",
            "beforeUnits": [{"id": "chengguan"}, {"id": "market"}],
            "afterStatus": "CLEAR",
            "afterUnits": [{"id": "chengguan"}],
        }
        for place in (XINGFENG, LINXIAOLU)
    ]


async def test_a_preview_writes_nothing(client: httpx.AsyncClient, office: str) -> None:
    await data(client, PREVIEW, {"act": DESIGNATE}, token=office)
    answer = (await data(client, ANSWER, {"at": "2022-06-01"}))["jurisdiction"]
    assert answer["status"] == "OVERLAP"


async def test_an_act_that_would_be_refused_names_the_field(
    client: httpx.AsyncClient, office: str
) -> None:
    body = await gql(client, PREVIEW, {"act": {**DESIGNATE, "to": ["nobody"]}}, token=office)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION_FAILED"
    assert error["extensions"]["problems"] == [
        {"path": "act.to[0]", "message": "unknown unit 'nobody'"}
    ]


async def test_as_recorded_on_leaves_out_what_was_recorded_later(
    client: httpx.AsyncClient,
) -> None:
    # Everything in the fixture was recorded today, so yesterday's records knew nothing of it.
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    body = await gql(client, ANSWER, {"at": "2022-06-01", "recorded": yesterday})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    now = await data(client, ANSWER, {"at": "2022-06-01", "recorded": date.today().isoformat()})
    assert now["jurisdiction"]["status"] == "OVERLAP"
