"""Issue 9's story over a served process on the Daxing seed, with tokens made by the CLI.

An 编办 token records a delegation of five items from 区城管执法局 to two towns (with its preview);
before review UNREVIEWED_ACT is raised and the answer says the act is pending; a 司法局 token
approves it and the towns' answers change; the office publishes one town's list; a later amendment
shows LIST_MISMATCH and the published-list diff; history shows who, when, why and the field diff.
An anonymous client and a ``unit`` token are refused every write, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from authority_graph_client import AuthorityGraphClient, PermissionDeniedError

from .procs import issue_token, serve_process

CGZF = "dx-cgzf"  # 区城管执法局
HUANGCUN, HUANGCUN_REGION = "dx-town-huangcun", "110115005000"
JIUGONG, JIUGONG_REGION = "dx-town-jiugong", "110115006000"
TODAY = date.today()
ACT_ID = "dx-delegate-2026-cg"


@dataclass
class Tokens:
    office: str
    bureau: str
    unit: str


@dataclass
class Running:
    url: str
    tokens: Tokens


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    directory = tmp_path_factory.mktemp("workflow-story")
    with serve_process(directory) as served:
        data_dir = directory / "data"
        tokens = Tokens(
            office=issue_token(data_dir, "--role", "establishment_office", "--name", "区委编办-张"),
            bureau=issue_token(data_dir, "--role", "justice_bureau", "--name", "区司法局-赵"),
            unit=issue_token(data_dir, "--role", "unit", "--unit", HUANGCUN, "--name", "黄村"),
        )
        yield Running(served.url, tokens)


def gql(url: str, query: str, variables: dict[str, Any] | None = None, token: str = "") -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{url}/graphql", json={"query": query, "variables": variables}, headers=headers, timeout=60
    )
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


ANSWER = """
query($item: String!, $place: String!) {
  jurisdiction(item: $item, place: $place) {
    status explanation holders { unit { id } role mode } pending { act }
  }
}
"""


def primary(url: str, item: str, place: str) -> list[str]:
    answer = gql(url, ANSWER, {"item": item, "place": place})["jurisdiction"]
    return [h["unit"]["id"] for h in answer["holders"] if h["role"] == "PRIMARY"]


def unreviewed(url: str) -> list[str]:
    page = gql(
        url,
        "{ findings(filter: {kinds: [UNREVIEWED_ACT]}, first: 50) { edges { node { id } } } }",
    )
    return [e["node"]["id"] for e in page["findings"]["edges"]]


def test_the_delegation_story(running: Running) -> None:
    url, tokens = running.url, running.tokens
    with (
        AuthorityGraphClient(url, token=tokens.office) as office,
        AuthorityGraphClient(url, token=tokens.bureau) as bureau,
    ):
        # Three delegable items the office holds alone in both towns (read from the seed), and
        # two it adds to its list now.
        seeded = ["SEED-CF-006", "SEED-CF-012", "SEED-CF-013"]
        held = {e.item_code for e in office.power_list(CGZF, TODAY) if e.role == "PRIMARY"}
        assert set(seeded) <= held
        new_items = ["DX-NEW-CG-1", "DX-NEW-CG-2"]
        save = 'mutation($r: JSON!) { saveItem(record: $r, comment: "新增事项") { __typename } }'
        for code, name in zip(
            new_items, ["对违规设置户外招牌的处罚", "对违规晾晒的处罚"], strict=True
        ):
            record = {"code": code, "name": name, "category": "penalty", "field": "城市管理"}
            saved = gql(url, save, {"r": record}, tokens.office)["saveItem"]
            assert saved["__typename"] == "RecordSaved"
        office.record_act(
            {
                "id": "dx-assign-new-cg",
                "kind": "assign",
                "effective": "2020-01-01",
                "items": new_items,
                "to": [CGZF],
            },
            comment="新增事项由区城管执法局行使",
        )
        bureau.review_act("dx-assign-new-cg", "APPROVED")
        items = [*seeded, *new_items]
        for item in items:
            assert primary(url, item, HUANGCUN_REGION) == [CGZF]
            assert primary(url, item, JIUGONG_REGION) == [CGZF]

        recorded = office.record_act(
            {
                "id": ACT_ID,
                "kind": "delegate",
                "effective": TODAY.isoformat(),
                "items": items,
                "from": CGZF,
                "to": [HUANGCUN, JIUGONG],
            },
            comment="按区政府决定下放五项处罚权",
        )
        assert recorded["act"]["review"] == "pending"
        after = {(a["item"]["code"], a["place"]["code"]) for a in recorded["preview"]["answers"]}
        assert {(i, p) for i in items for p in (HUANGCUN_REGION, JIUGONG_REGION)} <= after
        [finding] = recorded["unreviewed"]
        assert finding["kind"] == "UNREVIEWED_ACT"
        assert finding["id"] in unreviewed(url)
        waiting = gql(url, ANSWER, {"item": items[0], "place": HUANGCUN_REGION})["jurisdiction"]
        assert waiting["pending"] == [{"act": ACT_ID}]
        assert "尚待法制审核" in waiting["explanation"]
        assert primary(url, items[0], HUANGCUN_REGION) == [CGZF]

        bureau.review_act(ACT_ID, "APPROVED", opinion="经审核，符合法定条件。")
        assert finding["id"] not in unreviewed(url)
        for item in items:
            assert primary(url, item, HUANGCUN_REGION) == [HUANGCUN]
            assert primary(url, item, JIUGONG_REGION) == [JIUGONG]

        published = office.publish_list(HUANGCUN, TODAY, note="公示")
        version = published["publishedList"]["version"]
        assert set(items) <= set(published["publishedList"]["items"])

        amended = office.amend_act(
            ACT_ID, {"items": items[:4]}, comment="第五项暂缓下放", expected_revision=None
        )
        assert amended["act"]["review"] == "pending"
        bureau.review_act(ACT_ID, "APPROVED")
        mismatch = gql(
            url,
            "query($u: String!) { findings(filter: {kinds: [LIST_MISMATCH], unit: $u}) "
            "{ totalCount } }",
            {"u": HUANGCUN},
        )["findings"]
        assert mismatch["totalCount"] >= 1
        republished = office.publish_list(HUANGCUN, TODAY)
        diff = office.published_list_diff(
            HUANGCUN, version, republished["publishedList"]["version"]
        )
        assert diff["removed"] == [items[4]]

        history = bureau.history("ACT", ACT_ID)
        who = [h["change"]["recordedBy"] for h in history]
        assert who == ["区委编办-张", "区司法局-赵", "区委编办-张", "区司法局-赵"]
        amendment = history[2]
        assert amendment["change"]["comment"] == "第五项暂缓下放"
        assert amendment["change"]["recordedAt"]
        fields = {c["field"]: (c["before"], c["after"]) for c in amendment["changes"]}
        assert fields["items"] == (items, items[:4])


WRITES = [
    (
        'mutation { recordAct(act: {id: "x", kind: "cancel", effective: "2030-01-01", '
        'items: ["SEED-CF-006"]}) { __typename } }'
    ),
    'mutation { amendAct(id: "dx-assign-new-cg", changes: {note: "x"}) { __typename } }',
    'mutation { withdrawAct(id: "dx-assign-new-cg", reason: "x") { __typename } }',
    'mutation { reviewAct(id: "dx-assign-new-cg", decision: REJECTED, opinion: "x") '
    "{ __typename } }",
    'mutation { saveLaw(record: {id: "x", title: "x", level: "law"}) { __typename } }',
    'mutation { deleteRecord(kind: ITEM, key: "DX-NEW-CG-1") { __typename } }',
    'mutation { publishList(unit: "dx-town-huangcun", at: "2026-01-01") { __typename } }',
    'mutation { importPowerList(file: "", filename: "x.csv", unit: "dx-cgzf") { __typename } }',
    "mutation { loadDataset(document: {}, replace: true, confirm: true) { __typename } }",
]


@pytest.mark.parametrize("who", ["anonymous", "unit"])
def test_the_public_and_a_unit_are_refused_every_write(running: Running, who: str) -> None:
    token = "" if who == "anonymous" else running.tokens.unit
    head = gql(running.url, "{ changes(first: 0) { totalCount } }", token=running.tokens.bureau)
    for write in WRITES:
        payload = next(iter(gql(running.url, write, token=token).values()))
        assert payload["__typename"] == "PermissionDenied", write
    with (
        AuthorityGraphClient(running.url, token=token or None) as client,
        pytest.raises(PermissionDeniedError),
    ):
        client.review_act(ACT_ID, "REJECTED", opinion="x")
    again = gql(running.url, "{ changes(first: 0) { totalCount } }", token=running.tokens.bureau)
    assert again == head
