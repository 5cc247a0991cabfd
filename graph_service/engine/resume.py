"""Resuming an item's replay after its last event, so recording a new act costs what it touches.

Most writes record a new act that takes effect after everything already replayed for its items.
Replay is deterministic and sequential, so the result then equals replaying from scratch, but
only the lineages still open at the end can change, and among them only those the new act can
reach: for an assign, delegate, entrust or transfer, the lineages of the units it names and
those whose principal or delegator is one of them (a transfer hands those on to its target); for
any other kind (or a unit abolished afterwards), every open lineage. Those are rebuilt from their
open holding and its ``Tail``, the new events are replayed on them, and the item's indexes are
patched.
Whenever the new acts do not all come after the last event, ``resume_item`` returns None.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph_service.domain.enums import ActKind
from graph_service.domain.models import Act

from .answers import Holding, Role
from .catalog import Catalog
from .item_replay import EventKey, ItemReplay, Tail, lineage_of
from .lineage import EndCause, Lineage
from .regions import RegionIndex
from .replay import ACT_RANK, Replayer

_LOCAL_KINDS = frozenset({ActKind.ASSIGN, ActKind.DELEGATE, ActKind.ENTRUST, ActKind.TRANSFER})


def resume_item(
    old: ItemReplay,
    catalog: Catalog,
    regions: RegionIndex,
    new_acts: Sequence[Act],
    *,
    keep_tails: bool = True,
) -> tuple[ItemReplay, set[str]] | None:
    """The item's replay once ``new_acts`` are added, and the units whose holdings changed
    (``keep_tails``: see ``Replayer``)."""
    return _Resumed(old, catalog, regions, keep_tails).resume(new_acts)


class _Resumed(Replayer):
    def __init__(
        self, old: ItemReplay, catalog: Catalog, regions: RegionIndex, keep_tails: bool
    ) -> None:
        super().__init__(old.item, catalog, regions, keep_tails=keep_tails)
        self.old = old
        self.seeded: dict[str, Lineage] = {}  # old open version id -> the lineage carried over
        self._loaded = False
        self.cancelled = [[start, end] for start, end in old.cancelled]
        self.issues = list(old.issues)

    def know_keys(self) -> None:
        """Learn the keys of the old lineages, once, only when a key could repeat one: a key
        derived from a new act alone cannot (keys include the creating act)."""
        if not self._loaded:
            self._keys.update(lineage_of(h.id) for h in self.old.holdings)
            self._loaded = True

    def resume(self, new_acts: Sequence[Act]) -> tuple[ItemReplay, set[str]] | None:
        last = self.old.last_event
        for act in new_acts:
            if last is not None and (act.effective, ACT_RANK, self.catalog.order[act.id]) <= last:
                return None
        events = sorted(self._events(new_acts), key=lambda e: e[:3])
        # abolitions up to ``last`` of units only the new acts involve had nothing to end
        events = [e for e in events if last is None or e[:3] > last]
        local = all(not isinstance(e[3], str) and e[3][0].kind in _LOCAL_KINDS for e in events)
        units = {u for a in new_acts for u in (a.from_unit, *a.to) if u} if local else None
        if not self._seed(units):
            return None
        carried = len(self.lineages)
        self.process(events)
        for lineage in self.lineages:
            lineage.finish()
        ends: list[EventKey] = [e[:3] for e in events]
        final = max([*ends, *([last] if last else [])], default=None)
        return self._patched(self.lineages[carried:], final)

    def _seed(self, units: set[str] | None) -> bool:
        for holding in self.old.holdings:
            if holding.valid_to is not None:
                continue
            tail = self.old.tails.get(holding.id)
            if tail is None:
                return False
            if units is not None and not _reached(holding, tail, units):
                continue
            lineage = Lineage(
                key=lineage_of(holding.id),
                unit=holding.unit,
                item=holding.item,
                scope=holding.scope,
                role=holding.role,
                mode=holding.mode,
                origin=tail.origin,
                since=holding.valid_from,
                start=tail.start,
                acts=list(holding.acts),
                carved=dict(tail.carved),
                joint=holding.joint,
                principal=holding.principal,
                delegated_by=tail.delegated_by,
                numbered_from=int(holding.id.rpartition(".")[2]) - 1,
            )
            self.seeded[holding.id] = lineage
            self.adopt(lineage)
        return True

    def _patched(self, fresh: list[Lineage], last: EventKey | None) -> tuple[ItemReplay, set[str]]:
        old = self.old
        holdings: list[Holding] = []
        for holding in old.holdings:
            lineage = self.seeded.get(holding.id)
            holdings.extend(lineage.versions if lineage is not None else (holding,))
        for lineage in fresh:
            holdings.extend(lineage.versions)
        spans = dict(old.spans)
        end_causes = dict(old.end_causes)
        tails = dict(old.tails) if self.keep_tails else {}
        for open_id, lineage in self.seeded.items():
            tails.pop(open_id, None)
            self._summarise_carried(open_id, lineage, end_causes, spans, tails)
        self.summarise(fresh, end_causes, spans, tails)
        touched = {lineage.scope for lineage in self.lineages}
        regrouped: dict[str, list[Holding]] = {scope: [] for scope in touched}
        for holding in holdings:
            if holding.scope in regrouped:
                regrouped[holding.scope].append(holding)
        by_scope = dict(old.by_scope)
        for scope, group in regrouped.items():
            if group:
                by_scope[scope] = tuple(group)
            else:
                by_scope.pop(scope, None)
        replay = ItemReplay(
            item=self.item,
            holdings=tuple(holdings),
            primaries=tuple(h for h in holdings if h.role == Role.PRIMARY),
            by_scope=by_scope,
            cancelled=tuple((s, e) for s, e in self.cancelled if s is not None),
            issues=tuple(self.issues),
            end_causes=end_causes,
            spans=spans,
            tails=tails,
            last_event=last,
        )
        return replay, {lineage.unit for lineage in self.lineages}

    def _summarise_carried(
        self,
        open_id: str,
        lineage: Lineage,
        end_causes: dict[str, EndCause],
        spans: dict[str, tuple[date, date | None]],
        tails: dict[str, Tail],
    ) -> None:
        """As ``summarise``, when the lineage's last version may be one emitted before resuming
        (its open version ended on the day it began, so it is not emitted again)."""
        if lineage.versions:
            self.summarise((lineage,), end_causes, spans, tails)
            return
        previous_id = f"{lineage.key}.{lineage.numbered_from}"
        previous = next(
            (h for h in self.old.by_scope.get(lineage.scope, ()) if h.id == previous_id), None
        )
        spans[lineage.key] = (lineage.start, previous.valid_to if previous else None)
        if previous is not None and lineage.end_cause is not None:
            end_causes[previous.id] = lineage.end_cause


def _reached(holding: Holding, tail: Tail, units: set[str]) -> bool:
    """Whether an act of ``units`` can change this open lineage: it is theirs, or it names one
    of them as its principal or delegator (a transfer moves those references on)."""
    return holding.unit in units or holding.principal in units or tail.delegated_by in units
