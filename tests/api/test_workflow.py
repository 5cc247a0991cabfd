"""The workflow of issue 9 through the GraphQL API, with real tokens on a real store.

The establishment office (编办) records an act — pending, it changes no answer but the answer says
it is pending and UNREVIEWED_ACT is raised — the justice bureau (司法局) approves it and the answer
changes; the office publishes the list, amends the act (back to pending: the published list no
longer matches, LIST_MISMATCH) and publishes again (the diff names the change); history and the
change log say who, when, why and what. Then every command's bad input, and a stale
``expectedRevision``, each refused with its code and field and nothing written.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from .conftest import data, gql, issue, service_of
from .small_dataset import DUST, LINXIAOLU, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")

OFFICE = "区委编办-王"
BUREAU = "区司法局-李"
DUST_ACT: dict[str, Any] = {
    "id": "assign-dust-2021",
    "kind": "assign",
    "doc": "city-law",
    "effective": "2021-01-01",
    "items": [DUST],
    "to": ["chengguan"],
}
ANSWER = """
query($place: String!, $at: Date!) {
  jurisdiction(item: "T-DUST", place: $place, at: $at) {
    status explanation holders { unit { id } role } pending { act effective doc }
  }
}
"""
REFUSALS = """
  ... on ValidationFailed { code problems { path message } }
  ... on NotFound { code path message }
  ... on Conflict { code path message latestRevision referrers }
  ... on PermissionDenied { code }
"""
RECORD = f"""
mutation($act: JSON!, $comment: String) {{
  recordAct(act: $act, comment: $comment) {{
    __typename
    ... on RecordActSucceeded {{
      act revision change {{ recordedBy comment document }}
      unreviewed {{ kind summary }}
      preview {{ appeared {{ kind }} resolved {{ kind }} answers {{ place {{ code }}
        beforeStatus afterStatus afterUnits {{ id }} }} }}
    }}
    {REFUSALS}
  }}
}}
"""
REVIEW = f"""
mutation($id: String!, $decision: ReviewDecision!, $opinion: String, $expected: Int) {{
  reviewAct(id: $id, decision: $decision, opinion: $opinion, expectedRevision: $expected) {{
    __typename ... on ActChanged {{ act revision }} {REFUSALS}
  }}
}}
"""
AMEND = f"""
mutation($id: String!, $changes: JSON!, $comment: String, $expected: Int) {{
  amendAct(id: $id, changes: $changes, comment: $comment, expectedRevision: $expected) {{
    __typename ... on ActChanged {{ act revision }} {REFUSALS}
  }}
}}
"""
WITHDRAW = f"""
mutation($id: String!, $reason: String!, $on: Date) {{
  withdrawAct(id: $id, reason: $reason, on: $on) {{
    __typename ... on ActChanged {{ act revision }} {REFUSALS}
  }}
}}
"""
PUBLISH = f"""
mutation($unit: String!, $at: Date!) {{
  publishList(unit: $unit, at: $at, note: "公示") {{
    __typename
    ... on ListPublished {{ revision publishedList {{ version items entries {{ item scopes }} }} }}
    {REFUSALS}
  }}
}}
"""
MISMATCH = """
query { findings(at: "2021-06-01", filter: {kinds: [LIST_MISMATCH], unit: "chengguan"}) {
  totalCount edges { node { kind summary } } } }
"""


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def office(app: Starlette) -> str:
    return await issue(app, "establishment_office", name=OFFICE)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def bureau(app: Starlette) -> str:
    return await issue(app, "justice_bureau", name=BUREAU)


async def answer(client: httpx.AsyncClient, place: str, at: str = "2021-06-01") -> Any:
    return (await data(client, ANSWER, {"place": place, "at": at}))["jurisdiction"]


async def test_record_review_publish_amend_and_audit(
    app: Starlette, client: httpx.AsyncClient, office: str, bureau: str
) -> None:
    assert (await answer(client, XINGFENG))["status"] == "GAP"  # never assigned

    recorded = (
        await data(client, RECORD, {"act": DUST_ACT, "comment": "补足扬尘处罚"}, token=office)
    )["recordAct"]
    assert recorded["__typename"] == "RecordActSucceeded"
    assert recorded["act"]["review"] == "pending"
    assert recorded["change"] == {
        "recordedBy": OFFICE,
        "comment": "补足扬尘处罚",
        "document": "city-law",
    }
    assert [f["kind"] for f in recorded["unreviewed"]] == ["UNREVIEWED_ACT"]
    # previewed as approved: the district-wide GAP would be settled everywhere
    assert {f["kind"] for f in recorded["preview"]["resolved"]} == {"GAP"}
    changed = {a["place"]["code"]: a for a in recorded["preview"]["answers"]}
    assert changed[XINGFENG]["afterStatus"] == "CLEAR"
    assert changed[XINGFENG]["afterUnits"] == [{"id": "chengguan"}]

    pending = await answer(client, XINGFENG)
    assert pending["status"] == "GAP"  # pending: it produces nothing yet
    assert pending["pending"] == [
        {"act": "assign-dust-2021", "effective": "2021-01-01", "doc": "city-law"}
    ]
    assert "尚待法制审核，审核通过前不产生职权" in pending["explanation"]

    approved = (
        await data(client, REVIEW, {"id": "assign-dust-2021", "decision": "APPROVED"}, token=bureau)
    )["reviewAct"]
    assert approved["act"]["review"] == "approved"
    assert approved["act"]["reviewed_by"] == BUREAU
    after = await answer(client, XINGFENG)
    assert (after["status"], after["pending"]) == ("CLEAR", [])
    assert after["holders"] == [{"unit": {"id": "chengguan"}, "role": "PRIMARY"}]

    first = (await data(client, PUBLISH, {"unit": "chengguan", "at": "2021-06-01"}, token=office))[
        "publishList"
    ]
    assert first["publishedList"]["version"] == 1
    assert DUST in first["publishedList"]["items"]
    assert (await data(client, MISMATCH))["findings"]["totalCount"] == 0

    amended = (
        await data(
            client,
            AMEND,
            {"id": "assign-dust-2021", "changes": {"scope": [LINXIAOLU]}, "comment": "限林校路"},
            token=office,
        )
    )["amendAct"]
    assert amended["act"]["review"] == "pending"
    assert "reviewed_by" not in amended["act"]
    # pending again: chengguan holds the dust penalty nowhere, but its list still names it
    assert (await answer(client, XINGFENG))["status"] == "GAP"
    mismatch = (await data(client, MISMATCH))["findings"]
    assert mismatch["totalCount"] == 1

    await data(client, REVIEW, {"id": "assign-dust-2021", "decision": "APPROVED"}, token=bureau)
    assert (await answer(client, LINXIAOLU))["status"] == "CLEAR"
    assert (await answer(client, XINGFENG))["status"] == "GAP"
    second = (await data(client, PUBLISH, {"unit": "chengguan", "at": "2021-06-01"}, token=office))[
        "publishList"
    ]
    assert second["publishedList"]["version"] == 2
    diff = (
        await data(
            client,
            '{ publishedListDiff(unit: "chengguan", fromVersion: 1, toVersion: 2) '
            "{ added removed changed { item before { scopes } after { scopes } } } }",
        )
    )["publishedListDiff"]
    assert (diff["added"], diff["removed"]) == ([], [])
    assert [c["item"] for c in diff["changed"]] == [DUST]
    assert diff["changed"][0]["after"] == [{"scopes": [LINXIAOLU]}]

    history = (
        await data(
            client,
            '{ history(kind: ACT, key: "assign-dust-2021") { revision operation '
            "change { recordedBy comment recordedAt } changes { field before after } } }",
            token=bureau,
        )
    )["history"]
    assert [(h["operation"], h["change"]["recordedBy"]) for h in history] == [
        ("CREATED", OFFICE),
        ("UPDATED", BUREAU),
        ("UPDATED", OFFICE),
        ("UPDATED", BUREAU),
    ]
    amendment = history[2]
    assert amendment["change"]["comment"] == "限林校路"
    fields = {c["field"]: (c["before"], c["after"]) for c in amendment["changes"]}
    assert fields["scope"] == ([], [LINXIAOLU])
    assert fields["review"] == ("approved", "pending")

    by_office = (
        await data(
            client,
            "query($by: String) { changes(by: $by, kind: ACT, first: 10) "
            "{ totalCount edges { node { change { summary } touched { kind key } } } } }",
            {"by": OFFICE},
            token=bureau,
        )
    )["changes"]
    assert by_office["totalCount"] == 2  # recorded, amended (the lists touch no act)
    assert all(
        e["node"]["touched"] == [{"kind": "ACT", "key": "assign-dust-2021"}]
        for e in by_office["edges"]
    )


async def test_a_withdrawn_act_stops_producing_holdings_from_its_withdrawal(
    client: httpx.AsyncClient, office: str, bureau: str
) -> None:
    act = {**DUST_ACT, "id": "assign-dust-withdrawn", "to": ["market"], "scope": [XINGFENG]}
    await data(client, RECORD, {"act": act}, token=office)
    await data(client, REVIEW, {"id": act["id"], "decision": "APPROVED"}, token=bureau)
    assert (await answer(client, XINGFENG, "2022-06-01"))["holders"] == [
        {"unit": {"id": "market"}, "role": "PRIMARY"}
    ]
    withdrawn = (
        await data(
            client,
            WITHDRAW,
            {"id": act["id"], "reason": "决定已撤回", "on": "2022-01-01"},
            token=office,
        )
    )["withdrawAct"]
    assert withdrawn["act"]["withdrawn_on"] == "2022-01-01"
    assert (await answer(client, XINGFENG, "2021-06-01"))["holders"] == [
        {"unit": {"id": "market"}, "role": "PRIMARY"}
    ]
    assert (await answer(client, XINGFENG, "2022-06-01"))["status"] == "GAP"
    again = (await data(client, WITHDRAW, {"id": act["id"], "reason": "再次撤回"}, token=office))[
        "withdrawAct"
    ]
    assert (again["__typename"], again["path"]) == ("Conflict", "id")


async def test_a_stale_expected_revision_is_refused_and_nothing_is_written(
    app: Starlette, client: httpx.AsyncClient, office: str, bureau: str
) -> None:
    act = {**DUST_ACT, "id": "assign-dust-stale"}
    created = (await data(client, RECORD, {"act": act}, token=office))["recordAct"]
    seen = created["revision"]
    await data(
        client, AMEND, {"id": act["id"], "changes": {"note": "甲"}, "expected": seen}, token=office
    )
    head = service_of(app).revision
    before = await service_of(app).store.load_all()

    stale = (
        await data(
            client,
            AMEND,
            {"id": act["id"], "changes": {"note": "乙"}, "expected": seen},
            token=office,
        )
    )["amendAct"]
    assert (stale["__typename"], stale["code"], stale["path"]) == (
        "Conflict",
        "CONFLICT",
        "expectedRevision",
    )
    assert stale["latestRevision"] == head
    review = (
        await data(
            client,
            REVIEW,
            {"id": act["id"], "decision": "APPROVED", "expected": seen},
            token=bureau,
        )
    )["reviewAct"]
    assert review["__typename"] == "Conflict"
    assert service_of(app).revision == head
    assert await service_of(app).store.load_all() == before


BAD_INPUTS: list[tuple[str, str, dict[str, Any], str, str, str]] = [
    # (token, mutation, variables, payload type, code, path)
    (
        "office",
        RECORD,
        {"act": {**DUST_ACT, "id": "x-approved", "review": "approved"}},
        "ValidationFailed",
        "VALIDATION_FAILED",
        "act.review",
    ),
    (
        "office",
        RECORD,
        {"act": {**DUST_ACT, "id": "x-unit", "to": ["nobody"]}},
        "ValidationFailed",
        "VALIDATION_FAILED",
        "act.to[0]",
    ),
    (
        "office",
        RECORD,
        {"act": {**DUST_ACT, "id": "assign-smoke"}},
        "Conflict",
        "CONFLICT",
        "act.id",
    ),
    ("bureau", REVIEW, {"id": "ghost", "decision": "APPROVED"}, "NotFound", "NOT_FOUND", "id"),
    (
        "bureau",
        REVIEW,
        {"id": "assign-noise-unreviewed", "decision": "REJECTED"},
        "ValidationFailed",
        "VALIDATION_FAILED",
        "opinion",
    ),
    ("office", WITHDRAW, {"id": "ghost", "reason": "x"}, "NotFound", "NOT_FOUND", "id"),
    (
        "office",
        WITHDRAW,
        {"id": "assign-smoke", "reason": "  "},
        "ValidationFailed",
        "VALIDATION_FAILED",
        "reason",
    ),
    (
        "office",
        AMEND,
        {"id": "assign-smoke", "changes": {"review": "approved"}},
        "ValidationFailed",
        "VALIDATION_FAILED",
        "changes.review",
    ),
    (
        "office",
        AMEND,
        {"id": "assign-smoke", "changes": {"to": ["nobody"]}},
        "ValidationFailed",
        "VALIDATION_FAILED",
        "changes.to[0]",
    ),
    ("office", PUBLISH, {"unit": "nobody", "at": "2021-01-01"}, "NotFound", "NOT_FOUND", "unit"),
    ("office", AMEND, {"id": "ghost", "changes": {"note": "x"}}, "NotFound", "NOT_FOUND", "id"),
    # an approved act is reviewed already: amend it to review it again
    (
        "bureau",
        REVIEW,
        {"id": "assign-smoke", "decision": "REJECTED", "opinion": "x"},
        "Conflict",
        "CONFLICT",
        "id",
    ),
]


@pytest.mark.parametrize(
    ("who", "mutation", "variables", "typename", "code", "path"),
    BAD_INPUTS,
    ids=[
        f"{row[2].get('id') or row[2].get('act', {}).get('id', 'list')}-{row[5]}"
        for row in BAD_INPUTS
    ],
)
async def test_bad_input_is_refused_with_its_field_and_nothing_is_written(
    app: Starlette,
    client: httpx.AsyncClient,
    office: str,
    bureau: str,
    who: str,
    mutation: str,
    variables: dict[str, Any],
    typename: str,
    code: str,
    path: str,
) -> None:
    head = service_of(app).revision
    body = await data(client, mutation, variables, token=office if who == "office" else bureau)
    [payload] = body.values()
    assert (payload["__typename"], payload["code"]) == (typename, code)
    paths = [p["path"] for p in payload.get("problems") or []] or [payload["path"]]
    assert path in paths, payload
    assert service_of(app).revision == head


async def test_a_pending_decision_is_not_a_review_decision(
    client: httpx.AsyncClient, bureau: str
) -> None:
    body = await gql(
        client, REVIEW, {"id": "assign-noise-unreviewed", "decision": "PENDING"}, token=bureau
    )
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_records_are_saved_and_deleted_only_when_nothing_refers_to_them(
    app: Starlette, client: httpx.AsyncClient, office: str
) -> None:
    save = (
        "mutation($record: JSON!) { saveUnit(record: $record) { __typename "
        "... on RecordSaved { record revision } " + REFUSALS + " } }"
    )
    delete = (
        "mutation($kind: EntityKind!, $key: String!) { deleteRecord(kind: $kind, key: $key) "
        "{ __typename ... on RecordDeleted { key } " + REFUSALS + " } }"
    )
    unknown_successor = {
        "id": "market",
        "name": "区市场监管局",
        "kind": "department",
        "region": "110115000000",
        "valid_to": "2024-01-01",
        "successor": "nobody",
    }
    refused = (await data(client, save, {"record": unknown_successor}, token=office))["saveUnit"]
    assert refused["__typename"] == "ValidationFailed"
    assert [p["path"] for p in refused["problems"]] == ["unit.successor"]

    new_unit = {
        "id": "dust-team",
        "name": "扬尘治理专班",
        "kind": "department",
        "region": "110115000000",
    }
    saved = (await data(client, save, {"record": new_unit}, token=office))["saveUnit"]
    assert saved["record"]["recorded_by"] == OFFICE
    abolished = {**unknown_successor, "successor": "dust-team"}
    assert (await data(client, save, {"record": abolished}, token=office))["saveUnit"][
        "__typename"
    ] == "RecordSaved"

    in_use = (await data(client, delete, {"kind": "UNIT", "key": "dust-team"}, token=office))[
        "deleteRecord"
    ]
    assert (in_use["__typename"], in_use["path"]) == ("Conflict", "key")
    assert "units/market" in in_use["referrers"]
    assert "dust-team" in service_of(app).projection.records.units

    unused = {**new_unit, "id": "spare-team", "name": "备用专班"}
    await data(client, save, {"record": unused}, token=office)
    gone = (await data(client, delete, {"kind": "UNIT", "key": "spare-team"}, token=office))[
        "deleteRecord"
    ]
    assert gone == {"__typename": "RecordDeleted", "key": "spare-team"}
