"""Holdings become ``write_holdings`` rows the way the graph stores values."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.engine.answers import Holding, Mode, Role
from graph_service.storage.catalog import Statement
from graph_service.storage.holdings import holding_row, holding_steps


def test_a_holding_becomes_a_row_of_plain_values() -> None:
    holding = Holding(
        id="h1",
        unit="dx-street-xingfeng",
        item="SEED-CF-001",
        scope="110115001000",
        role=Role.AGENT,
        mode=Mode.ENTRUSTED,
        valid_from=date(2020, 7, 1),
        valid_to=date(2025, 7, 1),
        acts=("a1", "a0"),
        carved_out=frozenset({"b", "a"}),
        joint=True,
        principal="dx-cgzf",
    )
    assert holding_row(holding) == {
        "id": "h1",
        "unit": "dx-street-xingfeng",
        "item": "SEED-CF-001",
        "scope": "110115001000",
        "role": "AGENT",
        "mode": "ENTRUSTED",
        "valid_from": "2020-07-01",
        "valid_to": "2025-07-01",
        "acts": ["a1", "a0"],
        "carved_out": ["a", "b"],
        "joint": True,
        "principal": "dx-cgzf",
    }


def test_steps_clear_first_even_when_there_is_nothing_to_write() -> None:
    assert [s.statement for s in holding_steps([])] == [Statement.CLEAR_HOLDINGS]


def test_steps_for_items_replace_whole_items_in_each_statement() -> None:
    def held(item: str, unit: str) -> Holding:
        return Holding(
            id=f"{unit}/{item}",
            unit=unit,
            item=item,
            scope="r",
            role=Role.PRIMARY,
            mode=Mode.ORIGINAL,
            valid_from=date(2020, 1, 1),
            valid_to=None,
            acts=(),
        )

    holdings = [held("A", "u1"), held("B", "u1"), held("B", "u2"), held("C", "u1")]
    holdings += [held("D", f"u{n}") for n in range(4)]  # more rows than a batch: alone
    steps = holding_steps(holdings, batch=3, items=["A", "B", "C", "D", "E"])

    assert {s.statement for s in steps} == {Statement.REPLACE_ITEM_HOLDINGS}
    shape = [
        (
            s.params["items"],
            sorted({row["item"] for row in s.params["rows"]}),
            len(s.params["rows"]),
        )
        for s in steps
    ]
    assert shape == [
        (["A", "B"], ["A", "B"], 3),
        (["C"], ["C"], 1),
        (["D"], ["D"], 4),
        (["E"], [], 0),
    ]


def test_steps_for_pairs_carry_only_those_pairs_rows_in_batches() -> None:
    def held(item: str, unit: str, n: int = 0) -> Holding:
        return Holding(
            id=f"{unit}/{item}/{n}",
            unit=unit,
            item=item,
            scope="r",
            role=Role.PRIMARY,
            mode=Mode.ORIGINAL,
            valid_from=date(2020, 1, 1),
            valid_to=None,
            acts=(),
        )

    holdings = [held("A", "u1"), held("A", "u2"), held("A", "u3"), held("B", "u1")]
    holdings += [held("B", "u2", n) for n in range(3)]
    pairs = [("u2", "B"), ("u1", "A"), ("u9", "A"), ("u1", "A")]
    steps = holding_steps(holdings, batch=3, pairs=pairs)

    assert {s.statement for s in steps} == {Statement.REPLACE_PAIR_HOLDINGS}
    shape = [
        (
            [(p["unit"], p["item"]) for p in s.params["pairs"]],
            sorted(row["id"] for row in s.params["rows"]),
        )
        for s in steps
    ]
    assert shape == [
        ([("u1", "A")], ["u1/A/0"]),
        ([("u2", "B"), ("u9", "A")], ["u2/B/0", "u2/B/1", "u2/B/2"]),  # u9 has none: cleared
    ]
    with pytest.raises(ValueError, match="items or pairs"):
        holding_steps(holdings, items=["A"], pairs=pairs)
