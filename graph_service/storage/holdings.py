"""Derived holdings as rows of ``write_holdings``: shared by every Cypher adapter.

The engine derives holdings from acts (``domain.holdings.Holding``); adapters that keep them in
the graph for people browsing it (``(:Unit)-[:HOLDS]->(:PowerItem)``) replace them — all of them,
or those of some items — with ``clear_holdings``/``clear_item_holdings`` then ``write_holdings``
in batches. Values are stored the way the rest of the graph stores them: dates as ISO strings,
enums as their values, sets as sorted lists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from graph_service.domain.holdings import Holding

from .catalog import Statement
from .plan import DEFAULT_BATCH, Step


def holding_row(holding: Holding) -> dict[str, Any]:
    """One ``write_holdings`` row."""
    return {
        "id": holding.id,
        "unit": holding.unit,
        "item": holding.item,
        "scope": holding.scope,
        "role": holding.role.value,
        "mode": holding.mode.value,
        "valid_from": holding.valid_from.isoformat(),
        "valid_to": holding.valid_to.isoformat() if holding.valid_to else None,
        "acts": list(holding.acts),  # chain order matters: oldest first
        "carved_out": sorted(holding.carved_out),
        "joint": holding.joint,
        "principal": holding.principal,
    }


def holding_steps(
    holdings: Iterable[Holding],
    batch: int = DEFAULT_BATCH,
    items: Collection[str] | None = None,
) -> list[Step]:
    """Clear the ``HOLDS`` relationships (of ``items`` only, when given; else all), then write
    ``holdings`` in batches of ``batch``."""
    rows = [holding_row(holding) for holding in holdings]
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


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])
