"""Projections as recorded at earlier revisions, kept in a small cache per live projection.

"What did our records say on day R" (DESIGN §3) is the state after the last change set recorded
by the end of R. The service builds, from the change log, the change that undoes every later
change set; the projection applies it on a fork (``Projection.as_recorded``). Those views are
cached here by revision and dropped whenever the live projection changes.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, date, datetime, time
from typing import Generic, TypeVar

RecordedOn = datetime | date
V = TypeVar("V")
_CACHED_VIEWS = 4


def cutoff(recorded_on: RecordedOn) -> datetime:
    """The last instant counted: the end of the day (UTC) for a date; UTC for a naive datetime."""
    if not isinstance(recorded_on, datetime):
        return datetime.combine(recorded_on, time.max, tzinfo=UTC)
    return recorded_on if recorded_on.tzinfo else recorded_on.replace(tzinfo=UTC)


class RecordedViews(Generic[V]):
    """A small LRU of derived views by key."""

    def __init__(self, size: int = _CACHED_VIEWS) -> None:
        self._views: OrderedDict[object, V] = OrderedDict()
        self._size = size

    def clear(self) -> None:
        self._views.clear()

    def get(self, key: object) -> V | None:
        found = self._views.get(key)
        if found is not None:
            self._views.move_to_end(key)
        return found

    def put(self, key: object, view: V) -> None:
        self._views[key] = view
        if len(self._views) > self._size:
            self._views.popitem(last=False)
