"""Answers derived from one engine state, computed once and kept until the state changes.

Findings for a day cost a whole pass over the holdings (0.35–0.6 s at Beijing scale) and a power
list a pass over a unit's holdings (20–40 ms for a town office, 0.2–0.4 s for a district bureau
that delegated hundreds of items), yet both are pure functions of the state: every page of the same
list, and every request of the same revision, would redo the same work. ``StateCache`` keeps
them, bounded and least-recently-used first out, beside the state they were computed from;
``Projection`` drops the whole cache whenever it applies a change (a new state, a new cache), so
nothing here ever needs invalidating piecemeal. No I/O, no clock.

Three shelves, sized for what is asked in practice: the findings of a few days (today, and the
days the web app's date picker visits), the selections the service derives from them (a filter
and its sorted keys, see ``service/pagination.py``), and power lists by (unit, day).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any, Generic, TypeVar

from .answers import Finding, PowerListEntry

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

FINDINGS_DAYS = 4
SELECTIONS = 32
POWER_LISTS = 32


class Shelf(Generic[K, V]):
    """A bounded map that computes a missing value once and evicts the least recently used."""

    __slots__ = ("_capacity", "_values")

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"a shelf holds at least one value, not {capacity}")
        self._capacity = capacity
        self._values: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        """The value under ``key``, from ``compute()`` the first time (or after eviction)."""
        values = self._values
        try:
            values.move_to_end(key)
            return values[key]
        except KeyError:
            pass
        value = compute()
        values[key] = value
        if len(values) > self._capacity:
            values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values


class StateCache:
    """What one engine state answered already; a fresh one for every new state."""

    __slots__ = ("findings", "power_lists", "selections")

    def __init__(
        self,
        *,
        days: int = FINDINGS_DAYS,
        selections: int = SELECTIONS,
        power_lists: int = POWER_LISTS,
    ) -> None:
        # day -> every finding of that day, in ``finding_order``
        self.findings: Shelf[date, tuple[Finding, ...]] = Shelf(days)
        # (day, criteria, …) -> whatever the service derives from a day's findings
        self.selections: Shelf[Hashable, Any] = Shelf(selections)
        # (unit, day) -> the unit's power list on that day
        self.power_lists: Shelf[tuple[str, date], tuple[PowerListEntry, ...]] = Shelf(power_lists)
