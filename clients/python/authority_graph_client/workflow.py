"""The workflow operations: 编办 records, amends and withdraws acts and publishes lists, 司法局
reviews acts, and both read the audit trail. Answers are the success payloads as dicts; an
expected refusal (``ValidationFailed``, ``NotFound``, ``Conflict``) raises ``WriteRejectedError``
and ``PermissionDenied`` raises ``PermissionDeniedError`` (nothing was written either way)."""

from __future__ import annotations

from typing import Any

from .errors import WriteRejectedError
from .operations import Operation

_CHANGE = "change { revision id recordedAt recordedBy summary comment document }"
_REFUSALS = """
    ... on ValidationFailed { code message problems { path message } }
    ... on NotFound { code message path }
    ... on Conflict { code message path latestRevision referrers }
    ... on PermissionDenied { code message role allowedRoles }
"""
_FINDING = "{ id kind severity summary }"

RECORD_ACT = f"""
mutation RecordAct($act: JSON!, $comment: String) {{
  recordAct(act: $act, comment: $comment) {{
    __typename
    ... on RecordActSucceeded {{
      act revision {_CHANGE}
      unreviewed {_FINDING}
      preview {{
        at appeared {_FINDING} resolved {_FINDING}
        answers {{ item {{ code }} place {{ code }} beforeStatus beforeUnits {{ id }}
                   afterStatus afterUnits {{ id }} }}
      }}
    }}
    {_REFUSALS}
  }}
}}
"""

_ACT_CHANGED = f"... on ActChanged {{ act revision {_CHANGE} }}"

AMEND_ACT = f"""
mutation AmendAct($id: String!, $changes: JSON!, $comment: String, $expectedRevision: Int) {{
  amendAct(id: $id, changes: $changes, comment: $comment, expectedRevision: $expectedRevision) {{
    __typename {_ACT_CHANGED} {_REFUSALS}
  }}
}}
"""

WITHDRAW_ACT = f"""
mutation WithdrawAct($id: String!, $reason: String!, $on: Date, $expectedRevision: Int) {{
  withdrawAct(id: $id, reason: $reason, on: $on, expectedRevision: $expectedRevision) {{
    __typename {_ACT_CHANGED} {_REFUSALS}
  }}
}}
"""

REVIEW_ACT = f"""
mutation ReviewAct($id: String!, $decision: ReviewDecision!, $opinion: String,
                   $expectedRevision: Int) {{
  reviewAct(id: $id, decision: $decision, opinion: $opinion,
            expectedRevision: $expectedRevision) {{
    __typename {_ACT_CHANGED} {_REFUSALS}
  }}
}}
"""

_LIST = "unit version published note items entries { item role mode scopes }"

PUBLISH_LIST = f"""
mutation PublishList($unit: String!, $at: Date!, $note: String) {{
  publishList(unit: $unit, at: $at, note: $note) {{
    __typename
    ... on ListPublished {{ publishedList {{ {_LIST} }} revision {_CHANGE} }}
    {_REFUSALS}
  }}
}}
"""

PUBLISHED_LIST_DIFF = """
query PublishedListDiff($unit: String!, $from: Int!, $to: Int!) {
  publishedListDiff(unit: $unit, fromVersion: $from, toVersion: $to) {
    unit fromVersion toVersion added removed
    changed { item before { role mode scopes } after { role mode scopes } }
  }
}
"""

HISTORY = f"""
query History($kind: EntityKind!, $key: String!) {{
  history(kind: $kind, key: $key) {{
    revision operation {_CHANGE} changes {{ field before after }} record
  }}
}}
"""

CHANGES = f"""
query Changes($since: Int!, $by: String, $kind: EntityKind, $first: Int!, $after: String) {{
  changes(since: $since, by: $by, kind: $kind, first: $first, after: $after) {{
    totalCount hasNextPage endCursor
    edges {{ node {{ {_CHANGE} touched {{ kind key }} }} }}
  }}
}}
"""

ALL = (
    RECORD_ACT,
    AMEND_ACT,
    WITHDRAW_ACT,
    REVIEW_ACT,
    PUBLISH_LIST,
    PUBLISHED_LIST_DIFF,
    HISTORY,
    CHANGES,
)


def _payload(field: str, success: str) -> Any:
    def parse(data: dict[str, Any]) -> dict[str, Any]:
        payload: dict[str, Any] = data[field]
        if payload["__typename"] != success:
            raise WriteRejectedError(payload)
        return payload

    return parse


def _field(field: str) -> Any:
    def parse(data: dict[str, Any]) -> Any:
        return data[field]

    return parse


def record_act(act: dict[str, Any], comment: str | None) -> Operation[dict[str, Any]]:
    return Operation(
        RECORD_ACT,
        {"act": act, "comment": comment},
        _payload("recordAct", "RecordActSucceeded"),
    )


def amend_act(
    act_id: str, changes: dict[str, Any], comment: str | None, expected: int | None
) -> Operation[dict[str, Any]]:
    variables = {"id": act_id, "changes": changes, "comment": comment, "expectedRevision": expected}
    return Operation(AMEND_ACT, variables, _payload("amendAct", "ActChanged"))


def withdraw_act(
    act_id: str, reason: str, on: str | None, expected: int | None
) -> Operation[dict[str, Any]]:
    variables = {"id": act_id, "reason": reason, "on": on, "expectedRevision": expected}
    return Operation(WITHDRAW_ACT, variables, _payload("withdrawAct", "ActChanged"))


def review_act(
    act_id: str, decision: str, opinion: str | None, expected: int | None
) -> Operation[dict[str, Any]]:
    variables = {
        "id": act_id,
        "decision": decision,
        "opinion": opinion,
        "expectedRevision": expected,
    }
    return Operation(REVIEW_ACT, variables, _payload("reviewAct", "ActChanged"))


def publish_list(unit: str, at: str, note: str | None) -> Operation[dict[str, Any]]:
    return Operation(
        PUBLISH_LIST,
        {"unit": unit, "at": at, "note": note},
        _payload("publishList", "ListPublished"),
    )


def published_list_diff(unit: str, old: int, new: int) -> Operation[dict[str, Any]]:
    return Operation(
        PUBLISHED_LIST_DIFF,
        {"unit": unit, "from": old, "to": new},
        _field("publishedListDiff"),
    )


def history(kind: str, key: str) -> Operation[list[dict[str, Any]]]:
    return Operation(HISTORY, {"kind": kind, "key": key}, _field("history"))


def changes(
    since: int, by: str | None, kind: str | None, first: int, after: str | None
) -> Operation[dict[str, Any]]:
    variables = {"since": since, "by": by, "kind": kind, "first": first, "after": after}
    return Operation(CHANGES, variables, _field("changes"))
