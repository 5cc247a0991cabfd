"""Use case: the coordinator's overview — what is open, counted by coordinator, kind, unit and
place, and which disputes are overdue.

Open findings are today's OVERLAP/GAP/... findings; open disputes those not closed or withdrawn.
A dispute is overdue when it has stayed in its status longer than the deployment's configured
limit for that status (``ServiceOptions.dispute_deadlines``, days; none by default: no limit is
invented as law), or when a decision's own deadline has passed and it is still not implemented.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from graph_service.domain.enums import DisputeAction, DisputeStatus
from graph_service.domain.models import Dispute

from .context import ServiceContext
from .disputes import all_disputes, routing

ENTERS = {
    DisputeStatus.NEGOTIATING: DisputeAction.OPENED,
    DisputeStatus.COORDINATING: DisputeAction.ESCALATED,
    DisputeStatus.DECIDED: DisputeAction.DECIDED,
    DisputeStatus.IMPLEMENTED: DisputeAction.IMPLEMENTED,
}


@dataclass(frozen=True, slots=True)
class Counts:
    by_coordinator: list[tuple[str, int]]
    by_kind: list[tuple[str, int]]
    by_unit: list[tuple[str, int]]
    by_place: list[tuple[str, int]]
    total: int


@dataclass(frozen=True, slots=True)
class Overdue:
    dispute: Dispute
    since: datetime  # when it entered its status
    reason: str  # plain Chinese


@dataclass(frozen=True, slots=True)
class Overview:
    at: date
    findings: Counts
    disputes: Counts
    overdue: list[Overdue]


def _counts(rows: Iterable[tuple[str | None, str, Iterable[str], Iterable[str]]]) -> Counts:
    coordinators: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    units: Counter[str] = Counter()
    places: Counter[str] = Counter()
    total = 0
    for coordinator, kind, row_units, row_places in rows:
        total += 1
        coordinators[coordinator or ""] += 1
        kinds[kind] += 1
        units.update(set(row_units))
        places.update(set(row_places))

    def ordered(counter: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))

    return Counts(ordered(coordinators), ordered(kinds), ordered(units), ordered(places), total)


def entered(dispute: Dispute) -> datetime | None:
    """When the dispute entered its current status (its last event of that kind)."""
    action = ENTERS.get(dispute.status)
    times = [e.at for e in dispute.events if e.action is action]
    return times[-1] if times else None


def overdue(dispute: Dispute, limits: dict[str, int], now: datetime) -> Overdue | None:
    since = entered(dispute)
    if since is None:
        return None
    if (
        dispute.status is DisputeStatus.DECIDED
        and dispute.deadline
        and now.date() > dispute.deadline
    ):
        return Overdue(dispute, since, f"决定要求于{dispute.deadline}前落实，至今未确认落实")
    days = limits.get(dispute.status.value)
    if days is not None and now - since > timedelta(days=days):
        return Overdue(dispute, since, f"处于“{dispute.status.value}”状态已超过{days}日")
    return None


def coordination_overview(ctx: ServiceContext, at: date | None = None) -> Overview:
    day = at or date.today()
    found = ctx.projection.findings(day)
    findings = _counts((f.routing.coordinator, f.kind.value, f.units, f.places) for f in found)
    open_disputes = [d for d in all_disputes(ctx.projection) if d.is_open]
    disputes = _counts(
        (routing(ctx, d).coordinator, d.kind.value, d.parties, d.places) for d in open_disputes
    )
    now = datetime.now(UTC)
    limits = dict(ctx.options.dispute_deadlines)
    late = [o for d in open_disputes if (o := overdue(d, limits, now)) is not None]
    return Overview(day, findings, disputes, late)
