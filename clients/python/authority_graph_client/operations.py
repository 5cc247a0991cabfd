"""The GraphQL operations the client sends and how their answers become typed results.

Kept apart from the transport so the sync and async clients share them, and so a test can validate
every operation against the committed ``schema.graphql``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .models import (
    Finding,
    FindingPage,
    Jurisdiction,
    LoadResult,
    PowerListEntry,
    PowerListPage,
    Problem,
    SearchHit,
    Viewer,
)

T = TypeVar("T")

_UNIT = "{ id name kind }"
_REGION = "{ code name kind }"

JURISDICTION = f"""
query Jurisdiction($item: String!, $place: String!, $at: Date) {{
  jurisdiction(item: $item, place: $place, at: $at) {{
    item {{ code name }}
    place {_REGION}
    at status explanation
    holders {{
      unit {_UNIT} role mode validFrom validTo scope {_REGION}
      basis {{ lawTitle article text inForce }}
      chain {{ act kind effective docNumber docTitle explanation }}
    }}
  }}
}}
"""

FINDINGS = f"""
query Findings($at: Date, $first: Int!, $after: String, $filter: FindingFilter) {{
  findings(at: $at, first: $first, after: $after, filter: $filter) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{
      id kind severity summary item {{ code }} units {_UNIT} places {_REGION}
    }} }}
  }}
}}
"""

POWER_LIST = f"""
query PowerList($unit: String!, $at: Date) {{
  powerList(unit: $unit, at: $at) {{
    item {{ code name }} role mode scopes {_REGION} validFrom validTo
  }}
}}
"""

POWER_LIST_PAGE = f"""
query PowerListPage($unit: String!, $at: Date, $first: Int!, $after: String) {{
  powerListPage(unit: $unit, at: $at, first: $first, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{
      item {{ code name }} role mode scopes {_REGION} validFrom validTo
    }} }}
  }}
}}
"""

SEARCH_ITEMS = """
query SearchItems($text: String!, $limit: Int!) {
  searchItems(text: $text, limit: $limit) { kind key name detail score }
}
"""

LOAD_DATASET = """
mutation LoadDataset($document: JSON!, $replace: Boolean!, $confirm: Boolean!) {
  loadDataset(document: $document, replace: $replace, confirm: $confirm) {
    __typename
    ... on LoadSucceeded { changeId upserted }
    ... on ValidationFailed { problems { path message } }
    ... on PermissionDenied { message role allowedRoles }
  }
}
"""

VIEWER = """
query Viewer {
  viewer { role roleLabel name unit tokenId }
}
"""

ALL = (JURISDICTION, FINDINGS, POWER_LIST, POWER_LIST_PAGE, SEARCH_ITEMS, LOAD_DATASET, VIEWER)


@dataclass(frozen=True, slots=True)
class Operation(Generic[T]):
    query: str
    variables: dict[str, Any]
    parse: Callable[[dict[str, Any]], T]


def jurisdiction(item: str, place: str, at: str | None) -> Operation[Jurisdiction]:
    return Operation(
        JURISDICTION,
        {"item": item, "place": place, "at": at},
        lambda data: Jurisdiction.of(data["jurisdiction"]),
    )


def findings(
    at: str | None, first: int, after: str | None, kind: str | None
) -> Operation[FindingPage]:
    where = {"kinds": [kind]} if kind else None
    return Operation(
        FINDINGS,
        {"at": at, "first": first, "after": after, "filter": where},
        _finding_page,
    )


def _finding_page(data: dict[str, Any]) -> FindingPage:
    conn = data["findings"]
    return FindingPage(
        findings=tuple(Finding.of(edge["node"]) for edge in conn["edges"]),
        total_count=conn["totalCount"],
        has_next_page=conn["pageInfo"]["hasNextPage"],
        end_cursor=conn["pageInfo"]["endCursor"],
    )


def power_list(unit: str, at: str | None) -> Operation[list[PowerListEntry]]:
    return Operation(
        POWER_LIST,
        {"unit": unit, "at": at},
        lambda data: [PowerListEntry.of(e) for e in data["powerList"]],
    )


def power_list_page(
    unit: str, at: str | None, first: int, after: str | None
) -> Operation[PowerListPage]:
    return Operation(
        POWER_LIST_PAGE,
        {"unit": unit, "at": at, "first": first, "after": after},
        _power_list_page,
    )


def _power_list_page(data: dict[str, Any]) -> PowerListPage:
    conn = data["powerListPage"]
    return PowerListPage(
        entries=tuple(PowerListEntry.of(edge["node"]) for edge in conn["edges"]),
        total_count=conn["totalCount"],
        has_next_page=conn["pageInfo"]["hasNextPage"],
        end_cursor=conn["pageInfo"]["endCursor"],
    )


def search_items(text: str, limit: int) -> Operation[list[SearchHit]]:
    return Operation(
        SEARCH_ITEMS,
        {"text": text, "limit": limit},
        lambda data: [SearchHit.of(h) for h in data["searchItems"]],
    )


def load_dataset(document: dict[str, Any], replace: bool, confirm: bool) -> Operation[LoadResult]:
    return Operation(
        LOAD_DATASET,
        {"document": document, "replace": replace, "confirm": confirm},
        _load_result,
    )


def viewer() -> Operation[Viewer]:
    return Operation(VIEWER, {}, lambda data: Viewer.of(data["viewer"]))


def _load_result(data: dict[str, Any]) -> LoadResult:
    payload = data["loadDataset"]
    if payload["__typename"] == "LoadSucceeded":
        return LoadResult(ok=True, change_id=payload["changeId"], upserted=payload["upserted"])
    return LoadResult(
        ok=False,
        problems=tuple(Problem(p["path"], p["message"]) for p in payload["problems"]),
    )
