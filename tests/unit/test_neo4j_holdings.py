"""Holdings become ``write_holdings`` rows the way the graph stores values, whether they come as
mappings or as the engine's ``Holding`` dataclass."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.errors import ValidationError
from graph_service.engine.answers import Holding, Mode, Role
from graph_service.storage.catalog import Statement
from graph_service.storage.holdings import holding_row, holding_steps


def test_the_engines_holding_dataclass_is_accepted_as_is() -> None:
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


def test_a_row_without_a_required_field_names_it() -> None:
    with pytest.raises(ValidationError) as caught:
        holding_row({"unit": "u", "item": "i", "scope": "r", "role": "PRIMARY"}, index=4)
    assert [p.path for p in caught.value.problems] == ["holdings[4].mode", "holdings[4].valid_from"]


def test_other_objects_are_refused() -> None:
    with pytest.raises(TypeError, match="a named tuple or a dataclass, not tuple"):
        holding_row(("u", "i"))


def test_steps_clear_first_even_when_there_is_nothing_to_write() -> None:
    assert [s.statement for s in holding_steps([])] == [Statement.CLEAR_HOLDINGS]
