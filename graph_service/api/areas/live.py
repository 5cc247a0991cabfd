"""Subscription area: live updates over graphql-transport-ws (``/graphql`` websocket).

``findingsChanged`` streams the findings that appear or are resolved after each change set;
``disputeUpdated`` the disputes the caller may see as they are written. Both are fed by the change
events (``service/live.py``): a write on another instance reaches this one's subscribers.
The socket is authenticated on ``connection_init`` (``graphql_view.on_ws_connect``).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date

import strawberry

from graph_service.service import live

from ..context import Info
from ..types.disputes import Dispute, dispute_type
from ..types.findings import Finding, FindingFilter, finding
from .findings import _criteria


@strawberry.type(description="What one change set did to the findings of the day.")
class FindingsChange:
    revision: int
    at: date
    appeared: list[Finding]
    resolved: list[Finding]


@strawberry.type(description="A dispute as a change set left it.")
class DisputeUpdate:
    revision: int
    dispute: Dispute


async def findings_changed(
    info: Info, filter: FindingFilter | None = None
) -> AsyncGenerator[FindingsChange, None]:
    ctx = info.context.service
    async for delta in live.findings_changes(ctx, _criteria(filter)):
        records = ctx.records()
        yield FindingsChange(
            revision=delta.revision,
            at=delta.at,
            appeared=[finding(records, f) for f in delta.appeared],
            resolved=[finding(records, f) for f in delta.resolved],
        )


async def dispute_updated(info: Info, id: str | None = None) -> AsyncGenerator[DisputeUpdate, None]:
    ctx = info.context.service
    async for revision, found in live.dispute_updates(ctx, info.context.principal, id):
        yield DisputeUpdate(revision=revision, dispute=dispute_type(ctx, found))


@strawberry.type(description="Live updates (graphql-transport-ws on /graphql).")
class Subscription:
    findings_changed: AsyncGenerator[FindingsChange, None] = strawberry.subscription(
        resolver=findings_changed,
        description=(
            "After each change set that changes today's findings (those matching the filter): "
            "the findings that appeared and those resolved."
        ),
    )
    dispute_updated: AsyncGenerator[DisputeUpdate, None] = strawberry.subscription(
        resolver=dispute_updated,
        description="A dispute (this one, or any the caller may see) each time it is written.",
    )
