"""Replay of one item's acts into holdings (DESIGN §4): the source of truth made explicit.

Events are replayed in date order; on one day, what ends (an act's ``until``, a unit's
abolition) comes before new acts, and acts follow their replay order (``catalog.act_order``).
Replay is per item, so a change to one act recomputes only the items it names; what it produces
is in ``item_replay`` (re-exported here).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date

from graph_service.domain.enums import ActKind, ActRole
from graph_service.domain.models import Act

from .answers import Holding, Mode, Role
from .catalog import Catalog
from .item_replay import EventKey, ItemReplay, ReplayIssue, Tail, lineage_of
from .lineage import EndCause, Lineage, lineage_key
from .regions import RegionIndex


@dataclass(slots=True)
class _Effects:
    """What one act did, so its ``until`` can undo exactly that (kept only for acts with one)."""

    created: list[Lineage] = field(default_factory=list)
    ended: list[Lineage] = field(default_factory=list)
    carved: list[tuple[Lineage, str]] = field(default_factory=list)
    given_back: list[tuple[Lineage, str, str]] = field(default_factory=list)


__all__ = ["ItemReplay", "ReplayIssue", "Replayer", "Tail", "lineage_of", "replay_item"]

_UNTIL, _ABOLISH, _ACT = 0, 1, 2
ACT_RANK = _ACT  # an act's rank among one day's events (after untils and abolitions)
_NONE: frozenset[str] = frozenset()
Event = tuple[date, int, tuple[object, ...], str | tuple[Act, int]]


def replay_item(item: str, catalog: Catalog, regions: RegionIndex) -> ItemReplay:
    return Replayer(item, catalog, regions).run()


class Replayer:
    def __init__(
        self, item: str, catalog: Catalog, regions: RegionIndex, *, keep_tails: bool = True
    ) -> None:
        """``keep_tails`` False: no tails, as for a what-if replay that is never resumed (a
        replay without them is replayed from scratch instead, so this only costs time)."""
        self.item = item
        self.keep_tails = keep_tails
        self.catalog = catalog
        self.regions = regions
        self.lineages: list[Lineage] = []
        self.by_unit: defaultdict[str, list[Lineage]] = defaultdict(list)
        self.primaries: defaultdict[str, list[Lineage]] = defaultdict(list)  # PRIMARY only
        self.effects: dict[str, _Effects] = defaultdict(_Effects)
        self.cancelled: list[list[date | None]] = []
        self.issues: list[ReplayIssue] = []
        self._keys: set[str] = set()
        self.day = date.min

    # -- driving -----------------------------------------------------------------------------
    def run(self) -> ItemReplay:
        events = sorted(self._events(), key=lambda e: e[:3])
        self.process(events)
        last = max((e[:3] for e in events), default=None)
        return self.result(self.lineages, last)

    def process(self, events: list[Event]) -> None:
        for day, _, _, event in events:
            self.day = day
            if isinstance(event, str):
                self._abolish(event)
            elif event[1] == _UNTIL:
                self._undo(event[0])
            else:
                self._apply(event[0])

    def result(self, lineages: list[Lineage], last: EventKey | None) -> ItemReplay:
        holdings: list[Holding] = []
        end_causes: dict[str, EndCause] = {}
        spans: dict[str, tuple[date, date | None]] = {}
        tails: dict[str, Tail] = {}
        for lineage in lineages:
            lineage.finish()
            holdings.extend(lineage.versions)
        self.summarise(lineages, end_causes, spans, tails)
        by_scope: defaultdict[str, list[Holding]] = defaultdict(list)
        for holding in holdings:
            by_scope[holding.scope].append(holding)
        return ItemReplay(
            item=self.item,
            holdings=tuple(holdings),
            primaries=tuple(h for h in holdings if h.role == Role.PRIMARY),
            by_scope={k: tuple(v) for k, v in by_scope.items()},
            cancelled=tuple((s, e) for s, e in self.cancelled if s is not None),
            issues=tuple(self.issues),
            end_causes=end_causes,
            spans=spans,
            tails=tails,
            last_event=last,
        )

    def summarise(
        self,
        lineages: Iterable[Lineage],
        end_causes: dict[str, EndCause],
        spans: dict[str, tuple[date, date | None]],
        tails: dict[str, Tail],
    ) -> None:
        """Record each finished lineage's span, end cause and (when still open) its tail."""
        keep_tails = self.keep_tails
        for lineage in lineages:
            versions = lineage.versions
            if not versions:
                spans[lineage.key] = (lineage.start, None)
                continue
            last = versions[-1]
            spans[lineage.key] = (lineage.start, last.valid_to)
            if lineage.end_cause is not None:
                end_causes[last.id] = lineage.end_cause
            if last.valid_to is None and keep_tails:
                carved = tuple(lineage.carved.items())
                tails[last.id] = Tail(lineage.origin, lineage.delegated_by, lineage.start, carved)

    def _events(self, only: Sequence[Act] | None = None) -> list[Event]:
        """The item's events (or those of the acts ``only`` and of the units they involve)."""
        acts = self.catalog.acts_by_item.get(self.item, []) if only is None else only
        events: list[Event] = []
        abolished: dict[str, date] = {}
        for act in acts:
            order = self.catalog.order[act.id]
            events.append((act.effective, _ACT, order, (act, _ACT)))
            if act.until is not None:
                events.append((act.until, _UNTIL, order, (act, _UNTIL)))
            abolished.update(self.catalog.abolitions(act))
        for unit_id in sorted(abolished):
            events.append((abolished[unit_id], _ABOLISH, (unit_id,), unit_id))
        return events

    def _apply(self, act: Act) -> None:
        handler = {
            ActKind.ASSIGN: self._assign,
            ActKind.DELEGATE: self._delegate,
            ActKind.ENTRUST: self._entrust,
            ActKind.TRANSFER: self._transfer,
            ActKind.CANCEL: self._cancel,
            ActKind.REVOKE: self._revoke,
            ActKind.DESIGNATE: self._designate,
        }[act.kind]
        handler(act)

    # -- building blocks ---------------------------------------------------------------------
    def _live(self) -> list[Lineage]:
        return [lineage for lineage in self.lineages if lineage.alive]

    def _live_of(self, unit: str) -> list[Lineage]:
        return [lineage for lineage in self.by_unit.get(unit, ()) if lineage.alive]

    def _create(
        self,
        act: Act | None,
        unit: str,
        scope: str,
        role: Role,
        mode: Mode,
        *,
        like: Lineage | None = None,
        principal: str | None = None,
        delegated_by: str | None = None,
    ) -> Lineage:
        if like is None:
            origin, parent, acts, carved, joint = act.id if act else "", "", [], {}, False
        else:
            origin = act.id if act else like.origin
            parent, acts, carved = like.key, list(like.acts), dict(like.carved)
            joint, principal, delegated_by = like.joint, like.principal, like.delegated_by
        key = lineage_key(self.item, unit, scope, role, origin, parent)
        if act is None or like is not None:  # not derived from a new act alone: may repeat
            self.know_keys()
        keys = self._keys
        while key in keys:  # ids must stay unique within the item
            key = lineage_key(key, "again")
        keys.add(key)
        if act is not None:
            joint = joint or act.role == ActRole.JOINT
            if act.id not in acts:
                acts.append(act.id)
        day = self.day
        # positional, in field order (key .. delegated_by): the hottest constructor of a replay
        lineage = Lineage(
            key,
            unit,
            self.item,
            scope,
            role,
            mode,
            origin,
            day,  # since
            day,  # start
            acts,
            carved,
            joint,
            principal,
            delegated_by,
        )
        self.adopt(lineage)
        if role == Role.PRIMARY and self.cancelled:
            self._end_cancellation(day)
        if act is not None and act.until is not None:
            self.effects[act.id].created.append(lineage)
        return lineage

    def know_keys(self) -> None:
        """Make sure ``_keys`` holds every lineage key of the item (here it always does)."""

    def adopt(self, lineage: Lineage) -> None:
        """Index a lineage (new, or carried over when resuming)."""
        self.lineages.append(lineage)
        self.by_unit[lineage.unit].append(lineage)
        if lineage.role == Role.PRIMARY:
            self.primaries[lineage.unit].append(lineage)

    def _end(self, lineage: Lineage, act: Act) -> None:
        lineage.close(self.day, EndCause("act", act=act.id))
        if act.until is not None:
            self.effects[act.id].ended.append(lineage)

    def _carve(
        self, region: str, act: Act, units: set[str] | None, exclude: AbstractSet[str]
    ) -> list[Lineage]:
        """Carve ``region`` out of the live primary holdings of ``units`` (any, when None).

        A holding over a wider region loses ``region``; one inside it is carved out whole; one
        that only shares leaf places with it (a town a zone lies across) loses those places.
        """
        carved: list[Lineage] = []
        covering = self.regions.covering(region)
        candidates = (
            self._live()
            if units is None
            else [lin for u in units for lin in self.primaries.get(u, ()) if lin.alive]
        )
        for lineage in candidates:
            if lineage.role != Role.PRIMARY or lineage.unit in exclude:
                continue
            if lineage.scope in covering:
                targets = [region]
            elif region in self.regions.covering(lineage.scope):
                targets = [lineage.scope]
            else:  # they only share places (a zone lying across towns): carve those
                shared = self.regions.places(region) & self.regions.places(lineage.scope)
                targets = sorted(shared)
                if not targets:
                    continue
            for target in targets:
                if lineage.carve(self.day, target, act.id) and act.until is not None:
                    self.effects[act.id].carved.append((lineage, target))
            carved.append(lineage)
        return carved

    def _issue(self, act: Act, unit: str | None, reason: str) -> None:
        self.issues.append(ReplayIssue(act.id, self.item, unit, reason))

    def _end_cancellation(self, day: date) -> None:
        if self.cancelled and self.cancelled[-1][1] is None:
            self.cancelled[-1][1] = day

    # -- the act kinds -----------------------------------------------------------------------
    def _assign(self, act: Act) -> None:
        mode = Mode.STATUTORY if self.catalog.is_statutory(act) else Mode.ORIGINAL
        for unit, scope in self.catalog.act_targets(act):
            self._create(act, unit, scope, Role.PRIMARY, mode)

    def _delegate(self, act: Act) -> None:
        source = act.from_unit or ""
        sources = {source}
        territory = self.catalog.region_of(source)
        item = self.catalog.items.get(self.item)
        if item is not None and not item.delegable:
            self._issue(act, source, "not_delegable")
        for unit, scope in self.catalog.act_targets(act):
            if not self.regions.covers(territory, scope):
                self._issue(act, source, "outside_territory")
            carved = self._carve(scope, act, sources, _NONE)
            if not carved:
                self._issue(act, source, "delegator_not_holding")
            self._create(act, unit, scope, Role.PRIMARY, Mode.DELEGATED, delegated_by=source)
            if carved:
                supervisor = self._create(act, source, scope, Role.SUPERVISOR, carved[0].mode)
                supervisor.acts[:0] = [a for a in carved[0].acts if a not in supervisor.acts]

    def _entrust(self, act: Act) -> None:
        source = act.from_unit or ""
        live = self._live_of(source)
        if not any(lin.role == Role.PRIMARY for lin in live):
            agent = any(lin.role == Role.AGENT for lin in live)
            self._issue(act, source, "agent_reentrust" if agent else "delegator_not_holding")
        for unit, scope in self.catalog.act_targets(act):
            self._create(act, unit, scope, Role.AGENT, Mode.ENTRUSTED, principal=source)

    def _transfer(self, act: Act) -> None:
        source, target = act.from_unit or "", act.to[0]
        moved = False
        for lineage in self._live_of(source):
            if act.scope and lineage.scope not in act.scope:
                continue
            self._end(lineage, act)
            self._create(act, target, lineage.scope, lineage.role, Mode.TRANSFERRED, like=lineage)
            moved = True
        if not moved:
            self._issue(act, source, "delegator_not_holding")
        for lineage in self._live():
            if lineage.principal == source:
                lineage.change(self.day)
                lineage.principal = target
            if lineage.delegated_by == source:
                lineage.delegated_by = target

    def _cancel(self, act: Act) -> None:
        for lineage in self._live():
            self._end(lineage, act)
        if not (self.cancelled and self.cancelled[-1][1] is None):
            self.cancelled.append([self.day, None])

    def _revoke(self, act: Act) -> None:
        source = act.from_unit or ""
        for lineage in [lin for unit in dict.fromkeys(act.to) for lin in self._live_of(unit)]:
            if not (
                lineage.role == Role.PRIMARY
                and lineage.mode == Mode.DELEGATED
                and lineage.delegated_by == source
                and (not act.scope or lineage.scope in act.scope)
            ):
                continue
            self._end(lineage, act)
            for other in self._live():
                if other.give_back(self.day, lineage.scope, lineage.origin, by=act.id):
                    if act.until is not None:
                        effects = self.effects[act.id]
                        effects.given_back.append((other, lineage.scope, lineage.origin))
                elif (
                    other.role == Role.SUPERVISOR
                    and other.origin == lineage.origin
                    and other.scope == lineage.scope
                ):
                    self._end(other, act)

    def _designate(self, act: Act) -> None:
        chosen = set(act.to)
        for place in dict.fromkeys(act.scope):
            self._carve(place, act, None, chosen)
            for unit in dict.fromkeys(act.to):
                self._create(act, unit, place, Role.PRIMARY, Mode.DESIGNATED)

    # -- what ends ---------------------------------------------------------------------------
    def _undo(self, act: Act) -> None:
        """``until`` reached: end what ``act`` created and give back what it took."""
        effects = self.effects.get(act.id)
        if effects is None:
            return
        for lineage in effects.created:
            if lineage.alive:
                lineage.close(self.day, EndCause("until", act=act.id))
        for lineage, region in effects.carved:
            if lineage.alive:
                lineage.give_back(self.day, region, act.id)
        for lineage, region, carver in effects.given_back:
            if lineage.alive:
                lineage.carve(self.day, region, carver)
        for lineage in effects.ended:
            cause = lineage.end_cause
            revived = not lineage.alive and cause is not None and cause.act == act.id
            if revived and self._exists(lineage.unit):
                lineage.reopen(self.day)
        if act.kind == ActKind.CANCEL:
            self._end_cancellation(self.day)

    def _exists(self, unit: str) -> bool:
        found = self.catalog.units.get(unit)
        return found is None or found.valid_to is None or self.day < found.valid_to

    def _abolish(self, unit: str) -> None:
        successor = self.catalog.units[unit].successor
        while successor is not None and not self._exists(successor):
            successor = self.catalog.units[successor].successor
        for lineage in self._live_of(unit):
            lineage.close(self.day, EndCause("abolished", unit=unit))
            if successor is not None:
                heir = self._create(
                    None, successor, lineage.scope, lineage.role, lineage.mode, like=lineage
                )
                for effects in self.effects.values():
                    if lineage in effects.created:
                        effects.created.append(heir)
        for lineage in self._live():
            if lineage.principal == unit and successor is not None:
                lineage.change(self.day)
                lineage.principal = successor
            if lineage.delegated_by == unit:
                lineage.delegated_by = successor
