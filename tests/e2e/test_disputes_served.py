"""The issue's story over a served process on the Daxing seed, with a live subscriber.

The seed's 违法建设 OVERLAP (区城管执法局, 规自委大兴分局 and the town governments) → 司法局 opens a
dispute from it → both departments record negotiation notes → coordinating → decided with a
designation of 区城管执法局 (the preview shows the overlap resolving) → legal review approves
(``reviewAct``) → the
finding is gone and ``jurisdiction`` names 区城管执法局 with the decision in its chain →
implemented → closed; the 协调意见书 DOCX opens with python-docx and holds the parties, the item,
the places and 第二十五条; a ``findingsChanged`` subscriber on a websocket saw the finding resolved.
"""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import httpx
import pytest
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

from .procs import COMMAND, REPO, Served, command_env, issue_token, serve_process

ILLEGAL_BUILDING = "overlap-f88992fd9323"  # seed/daxing/FINDINGS.md: 违法建设
TIMEOUT = 60.0


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Path]]:
    directory = tmp_path_factory.mktemp("disputes-served")
    with serve_process(directory) as process:
        yield process, directory / "data"


def gql(
    url: str, token: str | None, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    sent = {"query": query, "variables": variables}
    response = httpx.post(f"{url}/graphql", json=sent, headers=headers, timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def changed(field: str, payload: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = payload[field]
    assert answer["__typename"] in {"DisputeChanged", "DisputeDecided"}, answer
    return answer


def subscribe(socket: ClientConnection) -> None:
    socket.send(json.dumps({"type": "connection_init", "payload": {}}))
    assert json.loads(socket.recv(timeout=TIMEOUT))["type"] == "connection_ack"
    query = (
        "subscription { findingsChanged(filter: {kinds: [OVERLAP]}) { revision resolved { id } } }"
    )
    socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))


def test_the_story_over_a_served_process(served: tuple[Served, Path]) -> None:
    process, data_dir = served
    url = process.url
    bureau = issue_token(data_dir, "--role", "justice_bureau", "--name", "区司法局科员")
    finding = gql(
        url,
        None,
        "{ findings(filter: {kinds: [OVERLAP]}, first: 50) "
        "{ edges { node { id units { id name } } } } }",
    )
    [node] = [
        e["node"] for e in finding["findings"]["edges"] if e["node"]["id"] == ILLEGAL_BUILDING
    ]
    chengguan, planning = (
        "dx-cgzf",
        "dx-ghzy",
    )  # 区城管执法局, 规自委大兴分局 (seed/daxing/units.yaml)
    assert {chengguan, planning} <= {u["id"] for u in node["units"]}
    tokens = {
        unit: issue_token(data_dir, "--role", "unit", "--unit", unit, "--name", f"unit-{unit}")
        for unit in (chengguan, planning)
    }
    address = url.replace("http://", "ws://") + "/graphql"
    with connect(address, subprotocols=[Subprotocol("graphql-transport-ws")]) as socket:
        subscribe(socket)
        fields = (
            "__typename ... on DisputeChanged { dispute { id status parties { id } "
            "items { code name } places { code name } coordinator { name } "
            "designatingAuthority { name } } }"
        )
        opened = changed(
            "openDispute",
            gql(
                url,
                bureau,
                f'mutation {{ openDispute(input: {{id: "D-WFJS", '
                f'fromFinding: "{ILLEGAL_BUILDING}"}}) {{ {fields} }} }}',
            ),
        )["dispute"]
        assert opened["coordinator"]["name"] == "北京市大兴区司法局"
        assert opened["designatingAuthority"]["name"] == "北京市人民政府"
        for unit in (chengguan, planning):
            changed(
                "addDisputeEvent",
                gql(
                    url,
                    tokens[unit],
                    'mutation { addDisputeEvent(id: "D-WFJS", note: "协商意见", '
                    'attachments: ["函〔2026〕1号"]) { __typename } }',
                ),
            )
        changed(
            "escalateDispute",
            gql(
                url,
                bureau,
                'mutation { escalateDispute(id: "D-WFJS", note: "协商不成") { __typename } }',
            ),
        )
        decided = changed(
            "decideDispute",
            gql(
                url,
                bureau,
                f'mutation {{ decideDispute(id: "D-WFJS", decision: {{units: ["{chengguan}"], '
                'outcome: "违法建设由区城管执法局管辖", deadline: "2027-06-30"}) '
                "{ __typename ... on DisputeDecided "
                "{ actId review preview { resolved { id } } } } }",
            ),
        )
        assert ILLEGAL_BUILDING in [f["id"] for f in decided["preview"]["resolved"]]
        assert decided["review"] == "pending"

        # Legal review (法制审核) approves the act: then it produces holdings.
        reviewed = gql(
            url,
            bureau,
            f'mutation {{ reviewAct(id: "{decided["actId"]}", decision: APPROVED) '
            "{ __typename } }",
        )
        assert reviewed["reviewAct"]["__typename"] == "ActChanged", reviewed

        resolved: list[str] = []
        while ILLEGAL_BUILDING not in resolved:
            message = json.loads(socket.recv(timeout=TIMEOUT))
            assert message["type"] == "next", message
            resolved += [f["id"] for f in message["payload"]["data"]["findingsChanged"]["resolved"]]

    overlaps = gql(
        url, None, "{ findings(filter: {kinds: [OVERLAP]}, first: 50) { edges { node { id } } } }"
    )
    assert ILLEGAL_BUILDING not in [e["node"]["id"] for e in overlaps["findings"]["edges"]]
    place = opened["places"][0]["name"]
    item = opened["items"][0]["code"]
    answer = gql(
        url,
        None,
        f'{{ jurisdiction(item: "{item}", place: "{opened["places"][0]["code"]}", '
        f'at: "{date.today()}") '
        "{ holders { role unit { id } chain { act } } } }",
    )
    primary = [h for h in answer["jurisdiction"]["holders"] if h["role"] == "PRIMARY"]
    assert {h["unit"]["id"] for h in primary} == {chengguan}
    assert decided["actId"] in [link["act"] for h in primary for link in h["chain"]]
    changed(
        "confirmImplemented",
        gql(url, tokens[chengguan], 'mutation { confirmImplemented(id: "D-WFJS") { __typename } }'),
    )
    closed = changed(
        "closeDispute",
        gql(
            url,
            bureau,
            'mutation { closeDispute(id: "D-WFJS") '
            "{ __typename ... on DisputeChanged { dispute { status } } } }",
        ),
    )
    assert closed["dispute"]["status"] == "CLOSED"

    document = httpx.get(
        f"{url}/documents/opinion/dispute/D-WFJS.docx",
        headers={"Authorization": f"Bearer {bureau}"},
        timeout=TIMEOUT,
    )
    assert document.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(document.content)).paragraphs)
    for expected in (
        "北京市大兴区城市管理综合行政执法局",
        "北京市规划和自然资源委员会大兴分局",
        opened["items"][0]["name"],
        place,
        "第二十五条",
    ):
        assert expected in text, expected

    # The same document from the CLI, on the served data dir.
    markdown = data_dir.parent / "designation.md"
    made = subprocess.run(
        [
            *COMMAND,
            *("document", "--kind", "designation", "--dispute", "D-WFJS"),
            *("--out", str(markdown), "--data-dir", str(data_dir)),
        ],
        cwd=REPO,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    drafted = markdown.read_text(encoding="utf-8")
    assert drafted.startswith("# 指定管辖决定书（代拟稿）")
    assert "依照《中华人民共和国行政处罚法》第二十五条" in drafted
    assert drafted.rstrip().splitlines()[-3] == "北京市人民政府"  # the designating authority
