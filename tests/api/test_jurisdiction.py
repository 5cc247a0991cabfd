"""jurisdiction(item, place, at) through the ASGI app, on the small hand-made dataset.

京政发〔2020〕9号 (act delegate-smoke) hands the smoking penalty from the health commission to the
street offices on 2020-07-01: the day before, the commission is PRIMARY at 兴丰街道; from that day
the street is, and the commission only supervises.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph_service.engine import explain
from graph_service.engine import jurisdiction as engine_jurisdiction

from .conftest import data, gql
from .small_dataset import DISTRICT, SMOKING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

QUERY = """
query($item: String!, $place: String!, $at: Date) {
  jurisdiction(item: $item, place: $place, at: $at) {
    item { code name category }
    place { code name kind }
    at status inForce explanation
    holders {
      unit { id name kind } role mode validFrom scope { code }
      basis { lawTitle article text inForce }
      chain { act kind effective docNumber docTitle }
    }
  }
}
"""


async def test_before_the_delegation_the_health_commission_is_primary(
    client: httpx.AsyncClient,
) -> None:
    answer = (await data(client, QUERY, {"item": SMOKING, "place": XINGFENG, "at": "2020-06-30"}))[
        "jurisdiction"
    ]
    assert answer["item"] == {
        "code": SMOKING,
        "name": "对个人在禁止吸烟场所吸烟的处罚",
        "category": "PENALTY",
    }
    assert answer["place"] == {"code": XINGFENG, "name": "兴丰街道", "kind": "STREET"}
    assert (answer["at"], answer["status"], answer["inForce"]) == ("2020-06-30", "CLEAR", True)
    [holder] = answer["holders"]
    assert holder["unit"] == {"id": "health", "name": "区卫生健康委", "kind": "DEPARTMENT"}
    assert (holder["role"], holder["mode"], holder["validFrom"]) == (
        "PRIMARY",
        "STATUTORY",  # assigned by a local regulation (北京市控制吸烟条例)
        "2015-06-01",
    )
    assert holder["scope"] == {"code": DISTRICT}
    assert [link["act"] for link in holder["chain"]] == ["assign-smoke"]
    assert holder["basis"] == [
        {
            "lawTitle": "北京市控制吸烟条例",
            "article": "第25条",
            "text": "在其他禁止吸烟场所或者排队等候队伍中吸烟的，"
            "由市或者区卫生健康部门责令改正，可以处五十元罚款",
            "inForce": True,
        }
    ]
    assert "区卫生健康委" in answer["explanation"]


async def test_from_the_delegation_the_street_is_primary_and_the_commission_supervises(
    client: httpx.AsyncClient,
) -> None:
    answer = (await data(client, QUERY, {"item": SMOKING, "place": XINGFENG, "at": "2020-07-01"}))[
        "jurisdiction"
    ]
    assert answer["status"] == "CLEAR"
    roles = {h["unit"]["id"]: (h["role"], h["mode"]) for h in answer["holders"]}
    assert roles == {"xingfeng": ("PRIMARY", "DELEGATED"), "health": ("SUPERVISOR", "STATUTORY")}
    street = answer["holders"][0]  # PRIMARY first
    assert street["unit"] == {"id": "xingfeng", "name": "兴丰街道", "kind": "STREET"}
    assert (street["validFrom"], street["scope"]) == ("2020-07-01", {"code": XINGFENG})
    delegation = street["chain"][-1]
    assert delegation == {
        "act": "delegate-smoke",
        "kind": "DELEGATE",
        "effective": "2020-07-01",
        "docNumber": "京政发〔2020〕9号",
        "docTitle": "北京市人民政府关于向街道办事处和乡镇人民政府"
        "下放部分行政执法职权并实行综合执法的决定",
    }


async def test_unknown_item_is_not_found_with_a_stable_code(client: httpx.AsyncClient) -> None:
    body = await gql(client, QUERY, {"item": "NO-SUCH-ITEM", "place": XINGFENG})
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "NOT_FOUND"}
    assert error["path"] == ["jurisdiction"]
    assert "NO-SUCH-ITEM" in error["message"]


async def test_unknown_place_is_not_found(client: httpx.AsyncClient) -> None:
    body = await gql(client, QUERY, {"item": SMOKING, "place": "999999999999"})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]


async def test_at_defaults_to_today(client: httpx.AsyncClient) -> None:
    from datetime import date

    answer = (await data(client, QUERY, {"item": SMOKING, "place": XINGFENG}))["jurisdiction"]
    assert answer["at"] == date.today().isoformat()
    assert [h["unit"]["id"] for h in answer["holders"] if h["role"] == "PRIMARY"] == ["xingfeng"]


async def test_only_what_the_query_selects_is_written(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The explanation sentences and the counterparts are computed only when selected."""
    written: list[str] = []
    sentence, partners = explain.link_sentence, engine_jurisdiction.counterparts

    def counted_sentence(*args: Any) -> str:
        written.append("sentence")
        return sentence(*args)

    def counted_partners(*args: Any) -> Any:
        written.append("counterparts")
        return partners(*args)

    monkeypatch.setattr(engine_jurisdiction, "link_sentence", counted_sentence)
    monkeypatch.setattr(engine_jurisdiction, "counterparts", counted_partners)
    ask = {"item": SMOKING, "place": XINGFENG, "at": "2021-01-01"}
    status_only = "query($item: String!, $place: String!, $at: Date) { jurisdiction(item: $item, place: $place, at: $at) { status holders { unit { id } role chain { act } } } }"  # noqa: E501
    answer = (await data(client, status_only, ask))["jurisdiction"]
    assert answer["status"] == "CLEAR"
    assert answer["holders"][0]["chain"]
    assert written == []
    explained = status_only.replace("chain { act }", "chain { act explanation }")
    explained = explained.replace("status", "status explanation counterparts { agreement }")
    answer = (await data(client, explained, ask))["jurisdiction"]
    assert "兴丰街道" in answer["explanation"]
    assert all(link["explanation"] for h in answer["holders"] for link in h["chain"])
    assert "sentence" in written
    assert written.count("counterparts") == 1
