"""Dataset validation: every problem is found, with a row-precise path."""

from __future__ import annotations

from typing import Any

import pytest

from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.dataset import Dataset, check_dataset, parse_document
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import ValidationError

BASE: dict[str, list[dict[str, Any]]] = {
    "regions": [
        {"code": "D", "name": "区", "kind": "district"},
        {"code": "S1", "name": "一街道", "kind": "street", "parent": "D"},
    ],
    "units": [
        {"id": "gov", "name": "区政府", "kind": "government", "region": "D"},
        {
            "id": "dept",
            "name": "区城管执法局",
            "kind": "department",
            "region": "D",
            "parent": "gov",
        },
    ],
    "laws": [{"id": "L", "title": "某条例", "level": "local_regulation"}],
    "provisions": [{"id": "L-1", "law": "L", "article": "第1条"}],
    "items": [{"code": "I1", "name": "事项", "category": "penalty", "basis": ["L-1"]}],
}


def test_a_consistent_dataset_has_no_problems() -> None:
    assert check_dataset(parse_document(BASE)) == []


def test_unknown_references_are_each_reported_with_their_path() -> None:
    doc: dict[str, Any] = dict(BASE)
    doc["acts"] = [
        {"id": "a0", "kind": "assign", "effective": "2020-01-01", "items": ["I1"], "to": ["dept"]},
        {
            "id": "a1",
            "kind": "delegate",
            "effective": "2020-07-01",
            "items": ["I1", "nope"],
            "from": "dx-xyz",
            "to": ["dept"],
        },
    ]
    problems = [str(p) for p in check_dataset(parse_document(doc))]
    assert problems == [
        "acts[1].items[1]: unknown item 'nope'",
        "acts[1].from: unknown unit 'dx-xyz'",
    ]


def test_field_errors_name_the_row_and_field() -> None:
    doc: dict[str, Any] = dict(BASE)
    doc["units"] = [*BASE["units"], {"id": "x", "name": "x", "kind": "robot", "region": "D"}]
    doc["regions"] = [
        *BASE["regions"],
        {
            "code": "Z",
            "name": "z",
            "kind": "zone",
            "valid_from": "2020-01-02",
            "valid_to": "2020-01-01",
        },
    ]
    with pytest.raises(ValidationError) as info:
        parse_document(doc)
    paths = {p.path for p in info.value.problems}
    assert paths == {"units[2].kind", "regions[2]"}


def test_duplicates_and_cycles_are_problems() -> None:
    doc: dict[str, Any] = dict(BASE)
    doc["regions"] = [
        {"code": "A", "name": "a", "kind": "street", "parent": "B"},
        {"code": "B", "name": "b", "kind": "street", "parent": "A"},
        {"code": "B", "name": "again", "kind": "street", "parent": "A"},
    ]
    doc["units"] = []
    doc["items"] = []
    doc["provisions"] = []
    messages = [str(p) for p in check_dataset(parse_document(doc))]
    assert "regions[2]: duplicate key 'B' (first at regions[1])" in messages
    assert any(m.startswith("regions[") and "cycle: " in m for m in messages)


def test_references_may_point_into_the_stored_graph() -> None:
    stored = parse_document(BASE)
    incoming = parse_document(
        {
            "acts": [
                {
                    "id": "a",
                    "kind": "assign",
                    "effective": "2020-01-01",
                    "items": ["I1"],
                    "to": ["dept"],
                }
            ]
        }
    )
    assert check_dataset(incoming) != []
    assert check_dataset(incoming, stored) == []


def test_a_change_set_replays_onto_a_dataset() -> None:
    before = parse_document(BASE)
    change = ChangeSet(
        upserts=Dataset.model_validate(
            {"units": [{"id": "dept", "name": "改名", "kind": "department", "region": "D"}]}
        ),
        deletes=[EntityRef(kind=EntityKind.ITEM, key="I1")],
    )
    after = change.applied_to(before)
    assert [u.name for u in after.units] == ["区政府", "改名"]
    assert after.items == []
    assert {ref.key for ref in change.touched()} == {"dept", "I1"}


def test_documents_round_trip_with_the_from_alias() -> None:
    doc: dict[str, Any] = dict(BASE)
    doc["acts"] = [
        {
            "id": "a",
            "kind": "delegate",
            "effective": "2020-07-01",
            "items": ["I1"],
            "from": "dept",
            "to": ["gov"],
        }
    ]
    out = parse_document(doc).to_document()
    assert out["acts"][0]["from"] == "dept"
    assert parse_document(out) == parse_document(doc)
