"""Answers as recorded on a day: "what did our records say on R about T" (DESIGN §3, §4).

Only the acts recorded on or before R count (acts without ``recorded_at`` — seed data — always
do); every other record is taken as it is now. Items whose acts were all recorded by R answer as
the live projection does, so only the others are replayed, on a fork, and kept in a small LRU.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import UTC, date, datetime, time

from graph_service.domain.models import Act

from .catalog import Catalog
from .replay import ItemReplay, replay_item
from .state import EngineState

RecordedOn = datetime | date
_CACHED_REPLAYS = 1024
_CACHED_STATES = 4


def cutoff(recorded_on: RecordedOn) -> datetime:
    """The last instant counted: the end of the day for a date; UTC for a naive datetime."""
    if not isinstance(recorded_on, datetime):
        return datetime.combine(recorded_on, time.max, tzinfo=UTC)
    return recorded_on if recorded_on.tzinfo else recorded_on.replace(tzinfo=UTC)


def recorded_by(act: Act, limit: datetime) -> bool:
    stamp = act.recorded_at
    if stamp is None:
        return True
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)) <= limit


class RecordedViews:
    """Per-(item, R) replays and per-R whole states, dropped whenever the projection changes."""

    def __init__(self) -> None:
        self._replays: OrderedDict[tuple[str, datetime], ItemReplay] = OrderedDict()
        self._states: OrderedDict[datetime, EngineState] = OrderedDict()

    def clear(self) -> None:
        self._replays.clear()
        self._states.clear()

    def item_state(self, live: EngineState, item: str, recorded_on: RecordedOn) -> EngineState:
        """A minimal state answering for ``item`` only, as recorded on ``recorded_on``."""
        limit = cutoff(recorded_on)
        acts = live.catalog.acts_by_item.get(item, [])
        kept = [a for a in acts if recorded_by(a, limit)]
        if len(kept) == len(acts):
            return live
        catalog = replace(live.catalog, acts_by_item={item: kept})
        key = (item, limit)
        found = self._replays.get(key)
        if found is None:
            found = replay_item(item, catalog, live.regions)
            self._replays[key] = found
            if len(self._replays) > _CACHED_REPLAYS:
                self._replays.popitem(last=False)
        else:
            self._replays.move_to_end(key)
        return EngineState(
            catalog=catalog,
            regions=live.regions,
            jurisdiction=live.jurisdiction,
            replays={item: found},
            evaluation_period_days=live.evaluation_period_days,
            derived=live.derived,
        )

    def whole_state(self, live: EngineState, recorded_on: RecordedOn) -> EngineState:
        """A fork of the whole projection as recorded on ``recorded_on``."""
        limit = cutoff(recorded_on)
        found = self._states.get(limit)
        if found is not None:
            self._states.move_to_end(limit)
            return found
        late = {a.id for a in live.catalog.acts.values() if not recorded_by(a, limit)}
        if not late:
            return live
        catalog = _without_acts(live.catalog, late)
        found = live.fork(catalog)
        items = {i for a in late for i in live.catalog.acts[a].items}
        for code in sorted(items):
            found.put(replay_item(code, catalog, live.regions))
        self._states[limit] = found
        if len(self._states) > _CACHED_STATES:
            self._states.popitem(last=False)
        return found


def _without_acts(catalog: Catalog, late: set[str]) -> Catalog:
    acts = {k: a for k, a in catalog.acts.items() if k not in late}
    by_item = dict(catalog.acts_by_item)
    for act_id in late:
        for item in catalog.acts[act_id].items:
            by_item[item] = [a for a in by_item.get(item, ()) if a.id not in late]
    return replace(catalog, acts=acts, acts_by_item=by_item)
