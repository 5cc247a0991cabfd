"""Disputes over the API on the small dataset: the vending OVERLAP (区城管执法局 and 区市场监管局
over both streets) carried from finding to closed case, with real tokens for every role.

The story: 司法局 opens a dispute from the finding; both parties record negotiation notes (a unit
not party to it is refused); negotiation fails and the bureau coordinates; the decision is
previewed (the overlap resolves) and recorded: a ``designate`` act for 区城管执法局, pending legal
review, in the same change set as the decision. Legal review approves it (``reviewAct``); the
finding is gone, the answer names 区城管执法局 with the decision in its chain; the designated unit
confirms implementation, the bureau closes the case and the closed case takes nothing more.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import docx
import httpx
import pytest
import pytest_asyncio
from docx.oxml.ns import qn
from docx.text.run import Run
from starlette.applications import Starlette

from graph_service.domain.enums import Review
from graph_service.domain.models import Act
from graph_service.service import load_document

from .conftest import data, gql, issue, service_of
from .small_dataset import DISTRICT, LINXIAOLU, VENDING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

BUREAU = {
    "id": "sfj",
    "name": "大兴区司法局",
    "kind": "department",
    "region": DISTRICT,
    "parent": "gov",
}
DISPUTE = """
  id kind status title finding findingKind findingHolds outcome decisionAct deadline
  parties { id } items { code } places { code } designated { id }
  coordinator { id name } designatingAuthority { id } notified { id }
  events { action by unit { id } note attachments }
"""
PAYLOAD = f"""
  __typename
  ... on DisputeChanged {{ revision dispute {{ {DISPUTE} }} }}
  ... on ValidationFailed {{ problems {{ path message }} }}
  ... on PermissionDenied {{ message }}
"""


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def tokens(app: Starlette) -> dict[str, str]:
    await load_document(service_of(app), {"units": [BUREAU]}, by="test")
    return {
        "bureau": await issue(app, "justice_bureau", name="sfj-staff"),
        "chengguan": await issue(app, "unit", name="cg", unit="chengguan"),
        "market": await issue(app, "unit", name="mk", unit="market"),
        "xingfeng": await issue(app, "unit", name="xf", unit="xingfeng"),
        "office": await issue(app, "establishment_office", name="bb"),
    }


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def overlap(client: httpx.AsyncClient) -> dict[str, Any]:
    query = """{ findings(filter: {kinds: [OVERLAP], item: "T-VEND"}) {
        edges { node { id units { id } places { code } openDispute } } } }"""
    [edge] = (await data(client, query))["findings"]["edges"]
    node: dict[str, Any] = edge["node"]
    return node


async def mutate(
    client: httpx.AsyncClient, token: str, field: str, args: str, payload: str = PAYLOAD
) -> dict[str, Any]:
    result = await data(client, f"mutation {{ {field}({args}) {{ {payload} }} }}", token=token)
    answer: dict[str, Any] = result[field]
    return answer


async def findings_today(client: httpx.AsyncClient) -> dict[str, str | None]:
    query = "{ findings(first: 200) { edges { node { id openDispute } } } }"
    edges = (await data(client, query))["findings"]["edges"]
    return {e["node"]["id"]: e["node"]["openDispute"] for e in edges}


async def test_open_needs_the_bureau_and_a_known_finding(
    client: httpx.AsyncClient, tokens: dict[str, str], overlap: dict[str, Any]
) -> None:
    refused = await mutate(
        client, tokens["office"], "openDispute", f'input: {{fromFinding: "{overlap["id"]}"}}'
    )
    assert refused["__typename"] == "PermissionDenied"
    unknown = await mutate(
        client, tokens["bureau"], "openDispute", 'input: {fromFinding: "overlap-nothing"}'
    )
    assert unknown["__typename"] == "ValidationFailed"
    assert unknown["problems"][0]["path"] == "fromFinding"
    empty = await mutate(client, tokens["bureau"], "openDispute", "input: {}")
    assert {p["path"] for p in empty["problems"]} == {"kind", "parties"}
    assert (await data(client, "{ disputes { id } }", token=tokens["bureau"]))["disputes"] == []


async def test_the_story_from_finding_to_closed_case(
    app: Starlette, client: httpx.AsyncClient, tokens: dict[str, str], overlap: dict[str, Any]
) -> None:
    bureau, cg, market = tokens["bureau"], tokens["chengguan"], tokens["market"]
    finding = overlap["id"]

    opened = await mutate(
        client, bureau, "openDispute", f'input: {{id: "D-VEND", fromFinding: "{finding}"}}'
    )
    assert opened["__typename"] == "DisputeChanged", opened
    case = opened["dispute"]
    assert (case["status"], case["kind"]) == ("NEGOTIATING", "MATTER")
    assert [p["id"] for p in case["parties"]] == ["chengguan", "market"]
    assert [i["code"] for i in case["items"]] == [VENDING]
    assert [p["code"] for p in case["places"]] == [XINGFENG, LINXIAOLU]
    assert (case["finding"], case["findingKind"], case["findingHolds"]) == (
        finding,
        "OVERLAP",
        True,
    )
    # Routing as for the finding: both are district departments.
    assert case["coordinator"] == {"id": "sfj", "name": "大兴区司法局"}
    assert case["designatingAuthority"] == {"id": "gov"}
    assert case["events"][0]["action"] == "OPENED"
    assert (await findings_today(client))[finding] == "D-VEND"

    again = await mutate(client, bureau, "openDispute", f'input: {{fromFinding: "{finding}"}}')
    assert again["__typename"] == "ValidationFailed"
    assert "D-VEND" in again["problems"][0]["message"]

    # Negotiation: each party speaks for itself; a unit not party to it is refused.
    for token, note in ((cg, "本局认为应由城管执法"), (market, "同意由城管执法局管辖")):
        noted = await mutate(
            client,
            token,
            "addDisputeEvent",
            f'id: "D-VEND", note: "{note}", attachments: ["京大城管函〔2026〕1号"]',
        )
        assert noted["__typename"] == "DisputeChanged", noted
    outsider = await mutate(
        client, tokens["xingfeng"], "addDisputeEvent", 'id: "D-VEND", note: "x"'
    )
    assert outsider["__typename"] == "PermissionDenied"
    seen = await data(client, "{ disputes { id } }", token=tokens["xingfeng"])
    assert seen["disputes"] == []
    mine = await data(
        client, '{ dispute(id: "D-VEND") { events { action unit { id } } } }', token=cg
    )
    notes = [(e["action"], (e["unit"] or {}).get("id")) for e in mine["dispute"]["events"]]
    assert notes == [("OPENED", None), ("NOTE", "chengguan"), ("NOTE", "market")]

    # Deciding needs coordination first.
    decision = (
        'id: "D-VEND", decision: {units: ["chengguan"], outcome: "指定区城管执法局管辖", '
        'deadline: "2027-03-31"}'
    )
    early = await mutate(client, bureau, "decideDispute", decision, DECIDED)
    assert early["__typename"] == "ValidationFailed"
    assert early["problems"][0]["path"] == "status"
    escalated = await mutate(client, bureau, "escalateDispute", 'id: "D-VEND", note: "协商不成"')
    assert escalated["dispute"]["status"] == "COORDINATING"

    # The preview shows the overlap resolving; a dry run writes nothing.
    head = service_of(app).revision
    dry = await mutate(client, bureau, "decideDispute", decision + ", dryRun: true", DECIDED)
    assert dry["revision"] is None
    assert service_of(app).revision == head
    assert finding in [f["id"] for f in dry["preview"]["resolved"]]
    assert (dry["actKind"], dry["review"]) == ("designate", "pending")

    decided = await mutate(client, bureau, "decideDispute", decision, DECIDED)
    assert decided["revision"] == head + 1
    assert decided["dispute"]["status"] == "DECIDED"
    assert decided["dispute"]["decisionAct"] == "D-VEND-decision"
    assert decided["dispute"]["deadline"] == "2027-03-31"
    assert decided["issuer"] == "gov"
    act = service_of(app).projection.records.acts["D-VEND-decision"]
    assert isinstance(act, Act)
    assert (act.kind, act.to, act.scope, act.review) == (
        "designate",
        ["chengguan"],
        [XINGFENG, LINXIAOLU],
        Review.PENDING,
    )
    log = await service_of(app).store.changes_since(head)
    assert [c.record.comment for c in log] == ["执法争议 D-VEND"]

    # Legal review (法制审核) approves: the finding is gone, the answer names the designated unit.
    reviewed = await data(
        client,
        'mutation { reviewAct(id: "D-VEND-decision", decision: APPROVED, opinion: "同意") '
        "{ __typename } }",
        token=bureau,
    )
    assert reviewed["reviewAct"]["__typename"] == "ActChanged", reviewed
    assert finding not in await findings_today(client)
    answer = await data(
        client,
        f'{{ jurisdiction(item: "{VENDING}", place: "{XINGFENG}", at: "{date.today()}") '
        "{ status holders { role unit { id } chain { act } } } }",
    )
    assert answer["jurisdiction"]["status"] == "CLEAR"
    primary = [h for h in answer["jurisdiction"]["holders"] if h["role"] == "PRIMARY"]
    # 区城管执法局 alone: by its own assignment and by the designation (market is carved out).
    assert {h["unit"]["id"] for h in primary} == {"chengguan"}
    assert ["D-VEND-decision"] in [[link["act"] for link in h["chain"]] for h in primary]
    holds = await data(client, '{ dispute(id: "D-VEND") { findingHolds } }', token=bureau)
    assert holds["dispute"]["findingHolds"] is False

    # Implementation is the designated unit's to confirm; then the bureau closes the case.
    not_designated = await mutate(client, market, "confirmImplemented", 'id: "D-VEND"')
    assert not_designated["__typename"] == "PermissionDenied"
    done = await mutate(client, cg, "confirmImplemented", 'id: "D-VEND", note: "已落实"')
    assert done["dispute"]["status"] == "IMPLEMENTED"
    closed = await mutate(client, bureau, "closeDispute", 'id: "D-VEND"')
    assert closed["dispute"]["status"] == "CLOSED"
    assert [e["action"] for e in closed["dispute"]["events"]] == [
        "OPENED",
        "NOTE",
        "NOTE",
        "ESCALATED",
        "DECIDED",
        "IMPLEMENTED",
        "CLOSED",
    ]

    # A closed case takes no more events and cannot be withdrawn.
    for field, args in (
        ("addDisputeEvent", 'id: "D-VEND", note: "补充"'),
        ("withdrawDispute", 'id: "D-VEND"'),
        ("escalateDispute", 'id: "D-VEND"'),
    ):
        late = await mutate(client, bureau, field, args)
        assert late["__typename"] == "ValidationFailed", (field, late)
        assert late["problems"][0]["path"] == "status"

    history = await data(
        client, '{ history(kind: DISPUTE, key: "D-VEND") { revision } }', token=bureau
    )
    assert len(history["history"]) == 7
    others: tuple[str | None, ...] = (None, tokens["xingfeng"], tokens["office"])
    for viewer in others:  # not the public's, nor others'
        hidden = await gql(
            client, '{ history(kind: DISPUTE, key: "D-VEND") { revision } }', token=viewer
        )
        assert hidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"


DECIDED = f"""
  __typename
  ... on DisputeDecided {{
    revision actId actKind issuer review
    preview {{ resolved {{ id }} appeared {{ id }} }}
    dispute {{ {DISPUTE} }}
  }}
  ... on ValidationFailed {{ problems {{ path message }} }}
  ... on PermissionDenied {{ message }}
"""


async def test_withdraw_from_an_open_state(
    client: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    bureau = tokens["bureau"]
    args = (
        'input: {id: "D-CASE", kind: CASE_JURISDICTION, parties: ["chengguan", "xingfeng"], '
        f'items: ["{VENDING}"], places: ["{XINGFENG}"], note: "案件管辖争议"}}'
    )
    opened = await mutate(client, bureau, "openDispute", args)
    assert opened["dispute"]["findingHolds"] is None
    # 兴丰街道 is a party now: it sees the case.
    seen = await data(client, "{ disputes { id } }", token=tokens["xingfeng"])
    assert seen["disputes"] == [{"id": "D-CASE"}]
    gone = await mutate(client, bureau, "withdrawDispute", 'id: "D-CASE", note: "双方协商一致"')
    assert gone["dispute"]["status"] == "WITHDRAWN"
    body = await gql(client, "{ disputes { id } }")
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_documents_numbered_from_the_store_as_docx_and_markdown(
    client: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    bureau = tokens["bureau"]
    args = (
        'input: {id: "D-DOC", kind: MATTER, parties: ["chengguan", "market"], '
        f'items: ["{VENDING}"], places: ["{XINGFENG}", "{LINXIAOLU}"]}}'
    )
    assert (await mutate(client, bureau, "openDispute", args))["__typename"] == "DisputeChanged"
    issue_args = 'id: "D-DOC", kind: OPINION'
    issued = "... on DocumentIssued { number dispute { events { action attachments } } }"
    first = await mutate(client, bureau, "issueDisputeDocument", issue_args, issued)
    second = await mutate(client, bureau, "issueDisputeDocument", issue_args, issued)
    year = date.today().year
    assert (first["number"], second["number"]) == (
        f"京大司协〔{year}〕1号",
        f"京大司协〔{year}〕2号",
    )
    assert second["dispute"]["events"][-1] == {
        "action": "DOCUMENT_ISSUED",
        "attachments": [f"京大司协〔{year}〕2号"],
    }

    text = await data(
        client,
        '{ disputeDocument(kind: OPINION, dispute: "D-DOC") { number markdown docxPath } }',
        token=bureau,
    )
    doc = text["disputeDocument"]
    assert doc["number"] == f"京大司协〔{year}〕2号"
    assert doc["markdown"].startswith("# 行政执法争议协调意见书")
    assert "《中华人民共和国行政处罚法》第二十五条" in doc["markdown"]
    assert "《北京市市容环境卫生条例》第三十五条" in doc["markdown"]  # the item's basis

    response = await client.get(doc["docxPath"], headers={"Authorization": f"Bearer {bureau}"})
    assert response.status_code == 200, response.text
    opened = docx.Document(io.BytesIO(response.content))
    body = "\n".join(p.text for p in opened.paragraphs)
    for expected in (
        "区城管执法局",
        "区市场监管局",
        "对擅自占用城市道路摆摊设点的处罚",
        "兴丰街道",
        "林校路街道",
        "第二十五条",
        f"京大司协〔{year}〕2号",
        "大兴区司法局",
    ):
        assert expected in body, expected
    page = opened.sections[0]
    width, height = page.page_width, page.page_height
    assert width is not None
    assert height is not None
    assert (round(width.mm), round(height.mm)) == (210, 297)
    assert opened.paragraphs[0].text == "行政执法争议协调意见书"
    assert east_asian_font(opened.paragraphs[0].runs[0]) == "黑体"
    assert east_asian_font(opened.paragraphs[-1].runs[0]) == "仿宋"

    # Not the public's, nor a unit's that is not party to it; the party reads it.
    assert (await client.get(doc["docxPath"])).status_code == 403
    outsider = {"Authorization": f"Bearer {tokens['xingfeng']}"}
    assert (await client.get(doc["docxPath"], headers=outsider)).status_code == 403
    party = {"Authorization": f"Bearer {tokens['market']}"}
    markdown = await client.get("/documents/supervision/dispute/D-DOC.md", headers=party)
    assert markdown.status_code == 200
    assert markdown.text.startswith("# 行政执法监督督办函")
    missing = await client.get(
        "/documents/opinion/dispute/D-NONE.docx", headers={"Authorization": f"Bearer {bureau}"}
    )
    assert missing.status_code == 404


def east_asian_font(run: Run) -> str | None:
    """The font Word uses for the run's Chinese text (``w:rFonts/@w:eastAsia``)."""
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    value: str | None = fonts.get(qn("w:eastAsia"))
    return value


async def test_the_coordinators_overview_counts_what_is_open_and_what_is_late(
    app: Starlette, client: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """After the tests above: D-VEND closed, D-CASE withdrawn, D-DOC (区城管执法局 and
    区市场监管局, both streets) negotiating: one open dispute, coordinated by 大兴区司法局."""
    query = """{ coordinationOverview {
        findings { total byKind { key count } }
        disputes { total byCoordinator { key name count } byUnit { key count }
                   byPlace { key count } byKind { key count } }
        overdue { dispute { id } reason } } }"""
    overview = (await data(client, query, token=tokens["bureau"]))["coordinationOverview"]
    disputes = overview["disputes"]
    assert disputes["total"] == 1
    assert disputes["byCoordinator"] == [{"key": "sfj", "name": "大兴区司法局", "count": 1}]
    assert disputes["byKind"] == [{"key": "matter", "count": 1}]
    assert disputes["byUnit"] == [{"key": "chengguan", "count": 1}, {"key": "market", "count": 1}]
    assert {p["key"] for p in disputes["byPlace"]} == {XINGFENG, LINXIAOLU}
    # The findings counted are today's, whatever their kind.
    today = await data(client, "{ findings(first: 200) { totalCount } }")
    assert overview["findings"]["total"] == today["findings"]["totalCount"]
    assert sum(k["count"] for k in overview["findings"]["byKind"]) == overview["findings"]["total"]
    assert overview["overdue"] == []  # no deadline is configured by default

    options = service_of(app).options
    options.dispute_deadlines = (("negotiating", 0),)  # as GRAPH_SERVICE_DISPUTE_DEADLINES would
    try:
        late = (await data(client, query, token=tokens["bureau"]))["coordinationOverview"]
    finally:
        options.dispute_deadlines = ()
    assert [o["dispute"]["id"] for o in late["overdue"]] == ["D-DOC"]
    assert "已超过0日" in late["overdue"][0]["reason"]
