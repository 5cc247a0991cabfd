"""Rows from the driver's own result types become plain Python values."""

from __future__ import annotations

from datetime import UTC, date, datetime

from neo4j import Record
from neo4j.graph import Graph, Node
from neo4j.time import Date, DateTime

from graph_service.storage.neo4j.values import plain, row


def test_temporal_values_become_native() -> None:
    assert plain(Date(2020, 7, 1)) == date(2020, 7, 1)
    assert type(plain(Date(2020, 7, 1))) is date
    assert plain(DateTime(2026, 11, 23, 8, 30, 0, tzinfo=UTC)) == datetime(
        2026, 11, 23, 8, 30, tzinfo=UTC
    )


def test_nested_lists_and_maps_are_converted_all_the_way_down() -> None:
    value = {"acts": [{"effective": Date(2020, 7, 1)}], "scope": ("110115",)}
    assert plain(value) == {"acts": [{"effective": date(2020, 7, 1)}], "scope": ["110115"]}


def test_a_node_becomes_its_properties() -> None:
    node = Node(Graph(), "4:db:12", 12, ["Unit"], {"id": "dx-cgzf", "name": "区城管执法局"})
    assert plain(node) == {"id": "dx-cgzf", "name": "区城管执法局"}


def test_a_record_becomes_a_dict_in_column_order() -> None:
    # Record.__new__ is untyped in the driver; this is how the driver itself builds one.
    values = {"kind": "units", "key": "dx-cgzf", "valid_from": Date(2019, 1, 1)}
    record = Record(values)  # type: ignore[no-untyped-call]
    assert row(record) == {"kind": "units", "key": "dx-cgzf", "valid_from": date(2019, 1, 1)}
    assert list(row(record)) == ["kind", "key", "valid_from"]


def test_plain_values_pass_through() -> None:
    assert plain("区市场监管局") == "区市场监管局"
    assert plain(None) is None
    assert plain(3) == 3
