"""Which holdings an update changed, as ``(unit, item)`` pairs: what the ``HOLDS`` export rewrites.

A transfer of five items between two departments replays those items, each held by hundreds of
units across the districts and towns; only the holdings of the two departments (and of units
acting in their name) differ afterwards. Comparing each replayed item's holdings before and after
by id finds those pairs; a holding carried over unchanged is the very same object (resumed
replays keep what they did not reach), so most comparisons stop at an identity check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph_service.domain.holdings import Pair

from .item_replay import ItemReplay


@dataclass(frozen=True, slots=True)
class Moved:
    """What an update changed: the items replayed and the pairs whose holdings differ (both
    None after a rebuild, when anything may have changed)."""

    items: frozenset[str] | None
    pairs: frozenset[Pair] | None


def changed_pairs(
    before: Mapping[str, ItemReplay], after: Mapping[str, ItemReplay], items: Iterable[str]
) -> frozenset[Pair]:
    """The ``(unit, item)`` pairs of ``items`` whose holdings differ between the two states."""
    pairs: set[Pair] = set()
    for code in items:
        old = before.get(code)
        new = after.get(code)
        remaining = {h.id: h for h in old.holdings} if old is not None else {}
        for holding in new.holdings if new is not None else ():
            previous = remaining.pop(holding.id, None)
            if previous is holding:
                continue
            if previous != holding:
                pairs.add((holding.unit, code))
                if previous is not None:
                    pairs.add((previous.unit, code))
        pairs.update((h.unit, code) for h in remaining.values())
    return frozenset(pairs)
