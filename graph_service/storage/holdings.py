"""Derived holdings as rows of ``write_holdings``: shared by every Cypher adapter.

The engine derives holdings from acts; adapters that keep them in the graph for people browsing it
(``(:Unit)-[:HOLDS]->(:PowerItem)``) replace them wholesale with ``clear_holdings`` then
``write_holdings`` in batches. The storage layer may not import the engine, so a holding arrives
as a mapping, a named tuple (the engine's ``Holding`` is one) or a dataclass with the fields
below; values are normalised the way the rest of the graph stores them: dates as ISO strings,
enums as their values, sets as sorted lists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

from graph_service.domain.errors import Problem, ValidationError

from .catalog import Statement
from .plan import DEFAULT_BATCH, Step

REQUIRED = ("unit", "item", "scope", "role", "mode", "valid_from")
OPTIONAL: Mapping[str, Any] = {
    "id": None,
    "valid_to": None,
    "acts": (),
    "carved_out": (),
    "joint": False,
    "principal": None,
}


def holding_row(holding: object, index: int = 0) -> dict[str, Any]:
    """One ``write_holdings`` row from a mapping or a dataclass instance."""
    fields = _as_mapping(holding)
    missing = [name for name in REQUIRED if fields.get(name) is None]
    if missing:
        raise ValidationError(
            [Problem(f"holdings[{index}].{name}", "is required") for name in missing],
            "holding rows are not valid",
        )
    row = {name: _plain(fields[name]) for name in REQUIRED}
    for name, default in OPTIONAL.items():
        row[name] = _plain(fields.get(name, default))
    row["acts"] = list(row["acts"])  # chain order matters: oldest first
    row["carved_out"] = sorted(row["carved_out"])
    row["joint"] = bool(row["joint"])
    return row


def holding_steps(
    holdings: Iterable[object],
    batch: int = DEFAULT_BATCH,
    items: Collection[str] | None = None,
) -> list[Step]:
    """Clear the ``HOLDS`` relationships (of ``items`` only, when given; else all), then write
    ``holdings`` in batches of ``batch``."""
    rows = [holding_row(holding, i) for i, holding in enumerate(holdings)]
    if items is None:
        steps = [Step(Statement.CLEAR_HOLDINGS, {})]
    else:
        codes = sorted(items)
        steps = [
            Step(Statement.CLEAR_ITEM_HOLDINGS, {"items": codes[i : i + batch]})
            for i in range(0, len(codes), batch)
        ]
    steps += [Step(Statement.WRITE_HOLDINGS, {"rows": chunk}) for chunk in _chunks(rows, batch)]
    return steps


def _as_mapping(holding: object) -> Mapping[str, Any]:
    if isinstance(holding, Mapping):
        return holding
    as_dict = getattr(holding, "_asdict", None)  # a named tuple
    if isinstance(holding, tuple) and callable(as_dict):
        return dict(as_dict())
    if dataclasses.is_dataclass(holding) and not isinstance(holding, type):
        return {f.name: getattr(holding, f.name) for f in dataclasses.fields(holding)}
    raise TypeError(
        f"a holding is a mapping, a named tuple or a dataclass, not {type(holding).__name__}"
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list | set | frozenset):
        return [_plain(item) for item in value]
    return value


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])
