"""Records of a dataset indexed by key, built once so every engine step looks facts up in O(1).

The engine never walks the dataset's lists again after this: replay, answers and findings all ask
the catalog. Acts are also grouped per item (replay is per item) and given a replay order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import LEGISLATION
from graph_service.domain.models import Act, Agreement, Law, PowerItem, Provision, Unit

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


@dataclass(slots=True)
class Catalog:
    """Every record by key, plus acts per item with their replay order."""

    units: dict[str, Unit] = field(default_factory=dict)
    laws: dict[str, Law] = field(default_factory=dict)
    provisions: dict[str, Provision] = field(default_factory=dict)
    items: dict[str, PowerItem] = field(default_factory=dict)
    acts: dict[str, Act] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    order: dict[str, ActOrder] = field(default_factory=dict)
    acts_by_item: dict[str, list[Act]] = field(default_factory=dict)

    @classmethod
    def build(cls, dataset: Dataset) -> Catalog:
        by_item: defaultdict[str, list[Act]] = defaultdict(list)
        order: dict[str, ActOrder] = {}
        for position, act in enumerate(dataset.acts):
            order[act.id] = act_order(act, position)
            for item in dict.fromkeys(act.items):
                by_item[item].append(act)
        for acts in by_item.values():
            acts.sort(key=lambda a: order[a.id])
        return cls(
            units={u.id: u for u in dataset.units},
            laws={law.id: law for law in dataset.laws},
            provisions={p.id: p for p in dataset.provisions},
            items={i.code: i for i in dataset.items},
            acts={a.id: a for a in dataset.acts},
            agreements=list(dataset.agreements),
            order=order,
            acts_by_item=dict(by_item),
        )

    def is_statutory(self, act: Act) -> bool:
        """Whether the act's document is legislation, so the grant it records is STATUTORY."""
        law = self.laws.get(act.doc) if act.doc else None
        return law is not None and law.level in LEGISLATION

    def unit_name(self, unit: str | None) -> str:
        found = self.units.get(unit) if unit else None
        return found.name if found else (unit or "")
