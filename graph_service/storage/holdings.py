"""Derived holdings as rows of ``write_holdings``: shared by every Cypher adapter.

The engine derives holdings from acts (``domain.holdings.Holding``); adapters that keep them in
the graph for people browsing it (``(:Unit)-[:HOLDS]->(:PowerItem)``) replace them all with
``clear_holdings`` then ``write_holdings`` in batches, those of some items with
``replace_item_holdings`` (whole items per statement), or those of some unit-item pairs with
``replace_pair_holdings`` (what a write changes: a transfer moves an item between two units,
while the item has holdings in every district and town). Values are stored the way the rest of the
graph stores them: dates as ISO strings, enums as their values, sets as sorted lists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from graph_service.domain.holdings import Holding, Pair

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
    pairs: Collection[Pair] | None = None,
) -> list[Step]:
    """Every ``HOLDS`` relationship cleared, then ``holdings`` written in batches of ``batch``;
    or, for ``items``, theirs replaced by their holdings item by item, each statement clearing
    and writing whole items (about ``batch`` rows, more for one item with more holdings), so that
    no other writer's statement can fall between an item's clear and its write; or, for
    ``pairs``, likewise pair by pair (holdings of other pairs are left out)."""
    if pairs is not None:
        if items is not None:
            raise ValueError("write_holdings takes items or pairs, not both")
        return _pair_steps(holdings, batch, pairs)
    rows = [holding_row(holding) for holding in holdings]
    if items is None:
        steps = [Step(Statement.CLEAR_HOLDINGS, {})]
        return steps + [Step(Statement.WRITE_HOLDINGS, {"rows": c}) for c in _chunks(rows, batch)]
    wanted = set(items)
    by_item: dict[str, list[dict[str, Any]]] = {code: [] for code in sorted(wanted)}
    for row in rows:
        by_item.setdefault(row["item"], []).append(row)
    steps = []
    codes: list[str] = []
    chunk: list[dict[str, Any]] = []
    for code, item_rows in by_item.items():
        if codes and (len(chunk) + len(item_rows) > batch or len(codes) >= batch):
            steps.append(_replace(codes, chunk, wanted))
            codes, chunk = [], []
        codes.append(code)
        chunk += item_rows
    if codes:
        steps.append(_replace(codes, chunk, wanted))
    return steps


def _pair_steps(holdings: Iterable[Holding], batch: int, pairs: Collection[Pair]) -> list[Step]:
    by_pair: dict[Pair, list[dict[str, Any]]] = {pair: [] for pair in sorted(set(pairs))}
    for holding in holdings:
        found = by_pair.get((holding.unit, holding.item))
        if found is not None:
            found.append(holding_row(holding))
    steps: list[Step] = []
    named: list[dict[str, str]] = []
    chunk: list[dict[str, Any]] = []
    for (unit, item), pair_rows in by_pair.items():
        if named and (len(chunk) + len(pair_rows) > batch or len(named) >= batch):
            steps.append(Step(Statement.REPLACE_PAIR_HOLDINGS, {"pairs": named, "rows": chunk}))
            named, chunk = [], []
        named.append({"unit": unit, "item": item})
        chunk += pair_rows
    if named:
        steps.append(Step(Statement.REPLACE_PAIR_HOLDINGS, {"pairs": named, "rows": chunk}))
    return steps


def _replace(codes: list[str], rows: list[dict[str, Any]], wanted: set[str]) -> Step:
    cleared = [code for code in codes if code in wanted]  # rows of other items are only added
    return Step(Statement.REPLACE_ITEM_HOLDINGS, {"items": cleared, "rows": rows})


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])
