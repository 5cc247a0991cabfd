"""What replaying one item produces: its holding versions, indexed, and what findings and a
resumed replay need besides (why lineages ended, their spans, the tails of open ones)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from graph_service.domain.models import PowerItem

from .answers import Holding
from .lineage import EndCause


@dataclass(frozen=True, slots=True)
class ReplayIssue:
    """Something an act did that the law does not allow (an INVALID_DELEGATION finding)."""

    act: str
    item: str
    unit: str | None
    reason: str  # not_delegable | outside_territory | delegator_not_holding | agent_reentrust


EventKey = tuple[date, int, tuple[object, ...]]


class Tail(NamedTuple):
    """What an open holding does not say about its lineage, kept so replay can resume there.

    A named tuple, like ``Holding``: one is kept per open holding (cheap to construct)."""

    origin: str
    delegated_by: str | None
    start: date
    carved: tuple[tuple[str, str], ...]  # (carved region, act that carved it)


@dataclass(frozen=True, slots=True)
class ItemReplay:
    """Every holding version of one item, indexed by scope, and the facts findings need."""

    item: str
    holdings: tuple[Holding, ...]
    by_scope: Mapping[str, tuple[Holding, ...]]
    cancelled: tuple[tuple[date, date | None], ...]
    issues: tuple[ReplayIssue, ...]
    end_causes: Mapping[str, EndCause]  # last version id of an ended lineage -> why it ended
    spans: Mapping[str, tuple[date, date | None]]  # lineage key -> interval of the lineage
    tails: Mapping[str, Tail] = field(default_factory=dict)  # open version id -> its lineage
    last_event: EventKey | None = None  # the latest event replayed (resume only after it)
    primaries: tuple[Holding, ...] = ()  # the PRIMARY holdings (what OVERLAP and GAP read)

    def in_force(self, item: PowerItem | None, at: date) -> bool:
        """Whether the item is valid on ``at`` and not cancelled then."""
        if item is None or not item.valid_on(at):
            return False
        return not any(start <= at and (end is None or at < end) for start, end in self.cancelled)

    def span(self, holding: Holding) -> tuple[date, date | None]:
        """The interval of the lineage ``holding`` is a version of."""
        return self.spans[lineage_of(holding.id)]


def lineage_of(holding_id: str) -> str:
    """The lineage key of a holding version id (``<key>.<n>``)."""
    return holding_id.rpartition(".")[0]
