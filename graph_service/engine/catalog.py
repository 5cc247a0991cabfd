"""Records of a dataset indexed by key, built once so every engine step looks facts up in O(1).

The engine never walks the dataset's lists again after this: replay, answers and findings all ask
the catalog. Acts are also grouped per item (replay is per item) and given a replay order; the
grouping holds each act as it takes effect (``in_effect``): only approved acts, each ending at its
withdrawal if that comes before its ``until`` — the one place where review and withdrawal decide
what produces holdings. A
change builds a new catalog that shares every untouched index with the old one (``updated``), so
recording one act costs in proportion to the items it names, not to the whole dataset.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from graph_service.domain.enums import ActKind, EntityKind, Review
from graph_service.domain.models import (
    Act,
    Agreement,
    Law,
    PowerItem,
    Provision,
    PublishedList,
    Region,
    Unit,
)

from .records import Records

ActOrder = tuple[date, int, float, int]


def act_order(act: Act, position: int) -> ActOrder:
    """Replay order (DESIGN §4): ``effective``, then the order recorded, then dataset position.

    Acts without ``recorded_at`` (seed data) sort before recorded ones on the same day.
    """
    stamp = act.recorded_at
    if stamp is None:
        return (act.effective, 0, 0.0, position)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return (act.effective, 1, (stamp - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds(), position)


def in_effect(act: Act) -> Act | None:
    """The act as replay sees it, or None when it produces nothing (DESIGN §5, policy 四(八)).

    Only an act whose legal review (法制审核) is approved produces holdings: a pending or rejected
    one produces none. A withdrawn act (撤回) produces nothing from ``withdrawn_on`` on — replay
    treats that day as its ``until`` — and nothing at all when withdrawn on or before ``effective``.
    """
    if act.review != Review.APPROVED:
        return None
    ends = act.ends_on()
    if ends == act.until:
        return act
    if ends is not None and ends <= act.effective:
        return None
    return act.model_copy(update={"until": ends})


def awaits_review(act: Act) -> bool:
    """A pending act that was not withdrawn: answers name it as awaiting 法制审核."""
    return act.review == Review.PENDING and act.withdrawn_on is None


def _published_by_unit(lists: Iterable[PublishedList]) -> dict[str, list[PublishedList]]:
    out: defaultdict[str, list[PublishedList]] = defaultdict(list)
    for published in lists:
        out[published.unit].append(published)
    return dict(out)


@dataclass(slots=True)
class Catalog:
    """Every record by key, plus acts per item with their replay order."""

    units: Mapping[str, Unit] = field(default_factory=dict)
    laws: Mapping[str, Law] = field(default_factory=dict)
    provisions: Mapping[str, Provision] = field(default_factory=dict)
    items: Mapping[str, PowerItem] = field(default_factory=dict)
    acts: Mapping[str, Act] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    order: dict[str, ActOrder] = field(default_factory=dict)
    acts_by_item: dict[str, list[Act]] = field(default_factory=dict)
    pending_by_item: dict[str, list[Act]] = field(default_factory=dict)
    published: dict[str, list[PublishedList]] = field(default_factory=dict)
    next_position: int = 0
    # what one act reaches, by act id: the same for every item it names (a new catalog, as after
    # any change, starts afresh)
    _targets: dict[str, tuple[tuple[str, str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _abolitions: dict[str, tuple[tuple[str, date], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def from_records(cls, records: Records) -> Catalog:
        acts = records.acts
        by_item: defaultdict[str, list[Act]] = defaultdict(list)
        pending: defaultdict[str, list[Act]] = defaultdict(list)
        order: dict[str, ActOrder] = {}
        for position, act in enumerate(acts.values()):
            order[act.id] = act_order(act, position)
            if awaits_review(act):
                for item in dict.fromkeys(act.items):
                    pending[item].append(act)
            if (effective := in_effect(act)) is None:
                continue
            for item in dict.fromkeys(act.items):
                by_item[item].append(effective)
        for listed in by_item.values():
            listed.sort(key=lambda a: order[a.id])
        catalog = cls(
            acts=acts,
            order=order,
            acts_by_item=dict(by_item),
            pending_by_item=dict(pending),
            next_position=len(acts),
        )
        catalog._take(records, set(EntityKind) - {EntityKind.ACT})
        return catalog

    def acts_among(self, ids: Collection[str] | None) -> Iterable[Act]:
        """Every act (``ids`` None), or those of ``ids`` that exist here."""
        if ids is None:
            return self.acts.values()
        return [act for i in ids if (act := self.acts.get(i)) is not None]

    def _take(self, records: Records, kinds: set[EntityKind]) -> None:
        """Point the indexes of ``kinds`` at ``records`` (shared: records are never mutated)."""
        if EntityKind.UNIT in kinds:
            self.units = records.units
        if EntityKind.LAW in kinds:
            self.laws = records.laws
        if EntityKind.PROVISION in kinds:
            self.provisions = records.provisions
        if EntityKind.ITEM in kinds:
            self.items = records.items
        if EntityKind.AGREEMENT in kinds:
            self.agreements = list(records.agreements.values())
        if EntityKind.PUBLISHED_LIST in kinds:
            self.published = _published_by_unit(records.published_lists.values())

    def updated(
        self,
        records: Records,
        kinds: set[EntityKind],
        acts: Sequence[str],
        deleted: frozenset[str] = frozenset(),
    ) -> Catalog:
        """The catalog of ``records``, where only collections ``kinds`` and ``acts`` changed.

        ``acts`` in the order the change upserts them: new acts take replay positions in that
        order, as they would in a dataset rebuilt by ``Dataset.merged``; so do ``deleted`` acts
        upserted again by the same change (a delete then an upsert puts a record last).
        """
        new = replace(self)
        new._take(records, kinds)
        if not acts:
            return new
        new.acts = records.acts
        new.order = dict(self.order)
        affected: set[str] = set()
        for act_id in acts:
            old, now = self.acts.get(act_id), new.acts.get(act_id)
            affected.update(old.items if old else ())
            if now is None:
                new.order.pop(act_id, None)
                continue
            affected.update(now.items)
            kept_place = act_id in self.order and act_id not in deleted
            position = self.order[act_id][3] if kept_place else new.next_position
            new.next_position = max(new.next_position, position + 1)
            new.order[act_id] = act_order(now, position)
        new.acts_by_item = dict(self.acts_by_item)
        new.pending_by_item = dict(self.pending_by_item)
        touched = set(acts)
        for item in affected:
            waiting = [a for a in self.pending_by_item.get(item, ()) if a.id not in touched]
            waiting += [
                a
                for i in acts
                if (a := new.acts.get(i)) is not None and item in a.items and awaits_review(a)
            ]
            if waiting:
                new.pending_by_item[item] = waiting
            else:
                new.pending_by_item.pop(item, None)
            kept = [a for a in self.acts_by_item.get(item, ()) if a.id not in touched]
            kept += [
                effective
                for i in acts
                if (a := new.acts.get(i)) is not None
                and item in a.items
                and (effective := in_effect(a)) is not None
            ]
            kept.sort(key=lambda a: new.order[a.id])
            if kept:
                new.acts_by_item[item] = kept
            else:
                new.acts_by_item.pop(item, None)
        return new

    @staticmethod
    def regions(records: Records) -> list[Region]:
        return list(records.regions.values())

    def act_targets(self, act: Act) -> tuple[tuple[str, str], ...]:
        """The (unit, scope) pairs an act grants to: each unit over the act's scope, or over
        the unit's own region when the act has none."""
        found = self._targets.get(act.id)
        if found is None:
            found = tuple(
                (unit, scope)
                for unit in dict.fromkeys(act.to)
                for scope in dict.fromkeys(act.scope or [self.region_of(unit)])
            )
            self._targets[act.id] = found
        return found

    def abolitions(self, act: Act) -> tuple[tuple[str, date], ...]:
        """(unit, abolished on) of the units an act involves (``to``, ``from`` and, transitively,
        their successors) that are abolished some day: replay processes those with the act."""
        found = self._abolitions.get(act.id)
        if found is None:
            involved = {*act.to, *([act.from_unit] if act.from_unit else [])}
            todo = list(involved)
            while todo:
                unit = self.units.get(todo.pop())
                if unit is not None and unit.successor and unit.successor not in involved:
                    involved.add(unit.successor)
                    todo.append(unit.successor)
            found = tuple(
                (u, found_unit.valid_to)
                for u in sorted(involved)
                if (found_unit := self.units.get(u)) is not None and found_unit.valid_to
            )
            self._abolitions[act.id] = found
        return found

    def region_of(self, unit: str) -> str:
        """The unit's region (the unit id itself for an unknown unit)."""
        found = self.units.get(unit)
        return found.region if found else unit

    def is_statutory(self, act: Act) -> bool:
        """Whether the act records a grant the law makes to the unit kind by name (STATUTORY,
        DESIGN §4): the dataset says so with ``statutory: true`` on the assign act."""
        return act.statutory and act.kind == ActKind.ASSIGN

    def unit_name(self, unit: str | None) -> str:
        found = self.units.get(unit) if unit else None
        return found.name if found else (unit or "")
