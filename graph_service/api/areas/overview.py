"""Query area: the coordinator's overview — open findings and disputes counted by coordinator,
kind, unit and place, and the overdue disputes (``service/coordination_overview.py``)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from graph_service.engine.records import Records
from graph_service.service.coordination_overview import Counts, coordination_overview

from ..context import Info
from ..types.disputes import Dispute, dispute_type


@strawberry.type(description="How many open findings or disputes share one key.")
class Count:
    key: str = strawberry.field(description="A unit id, region code or kind; empty: none.")
    name: str
    count: int


@strawberry.type(description="Open findings or disputes, counted four ways.")
class OpenCounts:
    total: int
    by_coordinator: list[Count]
    by_kind: list[Count]
    by_unit: list[Count]
    by_place: list[Count]


@strawberry.type(description="A dispute past its deadline.")
class OverdueDispute:
    dispute: Dispute
    since: datetime = strawberry.field(description="When it entered its status.")
    reason: str


@strawberry.type(description="What the justice bureau has open on a day.")
class CoordinationOverview:
    at: date
    findings: OpenCounts
    disputes: OpenCounts
    overdue: list[OverdueDispute]


def _named(records: Records, pairs: list[tuple[str, int]], places: bool = False) -> list[Count]:
    def name(key: str) -> str:
        found = records.regions.get(key) if places else records.units.get(key)
        return found.name if found is not None else key

    return [Count(key=k, name=name(k), count=n) for k, n in pairs]


def _open(records: Records, counts: Counts) -> OpenCounts:
    return OpenCounts(
        total=counts.total,
        by_coordinator=_named(records, counts.by_coordinator),
        by_kind=[Count(key=k, name=k, count=n) for k, n in counts.by_kind],
        by_unit=_named(records, counts.by_unit),
        by_place=_named(records, counts.by_place, places=True),
    )


def resolve_overview(info: Info, at: date | None = None) -> CoordinationOverview:
    ctx = info.context.service
    made = coordination_overview(ctx, at)
    records = ctx.records()
    return CoordinationOverview(
        at=made.at,
        findings=_open(records, made.findings),
        disputes=_open(records, made.disputes),
        overdue=[
            OverdueDispute(dispute=dispute_type(ctx, o.dispute), since=o.since, reason=o.reason)
            for o in made.overdue
        ],
    )


@strawberry.type
class OverviewQuery:
    coordination_overview: CoordinationOverview = strawberry.field(
        resolver=resolve_overview,
        description=(
            "Open findings (on `at`, today when omitted) and open disputes counted by "
            "coordinator, kind, unit and place, and the overdue disputes."
        ),
    )
