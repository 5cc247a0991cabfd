"""Use case: live updates from the change events — findings that appear or are resolved, and
disputes as they move.

Both streams hang off ``ctx.events``, which the dispatcher feeds after every change set the
projection takes in, written here or followed from another instance, so a subscriber of this
instance hears of every write. Findings are diffed cheaply: the subscriber keeps the ids (and
findings) it last saw for today; a change set that touches only disputes cannot change a finding
and is skipped; the findings of the new state come from the engine's per-item cache, so only the
items the change replayed are recomputed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

from graph_service.domain.auth import Principal
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Dispute
from graph_service.engine.answers import Finding

from .context import ServiceContext
from .disputes import concerns
from .list_findings import FindingFilter

_NO_FINDINGS = frozenset({EntityKind.DISPUTE})


@dataclass(frozen=True, slots=True)
class FindingsDelta:
    revision: int
    at: date
    appeared: tuple[Finding, ...]
    resolved: tuple[Finding, ...]


def _current(ctx: ServiceContext, where: FindingFilter, at: date) -> dict[str, Finding]:
    return {f.id: f for f in ctx.projection.findings(at) if where.matches(f)}


async def findings_changes(
    ctx: ServiceContext, where: FindingFilter | None = None
) -> AsyncIterator[FindingsDelta]:
    """After each change set that changes today's findings (matching ``where``): what appeared
    and what was resolved."""
    where = where or FindingFilter()
    day = date.today()
    seen = _current(ctx, where, day)
    async for event in ctx.events.subscribe():
        if event.touched and all(ref.kind in _NO_FINDINGS for ref in event.touched):
            continue
        if date.today() != day:  # a new day: compare with today's findings of the old state
            day = date.today()
        now = _current(ctx, where, day)
        appeared = tuple(f for key, f in now.items() if key not in seen)
        resolved = tuple(f for key, f in seen.items() if key not in now)
        seen = now
        if appeared or resolved:
            yield FindingsDelta(event.record.revision, day, appeared, resolved)


async def dispute_updates(
    ctx: ServiceContext, principal: Principal, dispute_id: str | None = None
) -> AsyncIterator[tuple[int, Dispute]]:
    """``(revision, dispute)`` each time a dispute the principal may see is written (only
    ``dispute_id`` when given)."""
    async for event in ctx.events.subscribe():
        for ref in event.touched:
            if ref.kind is not EntityKind.DISPUTE or dispute_id not in (None, ref.key):
                continue
            found = ctx.projection.records.disputes.get(ref.key)
            if found is not None and concerns(principal, found):
                yield event.record.revision, found
