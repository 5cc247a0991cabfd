"""Use case: read disputes as the caller may see them, with their routing and their finding.

The justice bureau sees every dispute; a ``unit`` principal sees the disputes it is party to (or
designated by the decision); nobody else runs disputes (DESIGN §7 Roles). A dispute's routing is
the findings' (``engine.coordination``) over its parties and places, and ``finding_holds`` says
whether the finding it was opened from is still raised today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.domain.auth import Principal, Role
from graph_service.domain.enums import DisputeStatus
from graph_service.domain.errors import PermissionDeniedError, Problem, ValidationError
from graph_service.domain.models import Dispute
from graph_service.engine.answers import Routing
from graph_service.engine.projection import Projection
from graph_service.engine.records import Records

from .context import ServiceContext
from .pagination import Page, Sorted, SortKey, joined_key
from .validation import require_page_size


def all_disputes(projection: Projection) -> list[Dispute]:
    return list(projection.records.disputes.values())


def stored_dispute(projection: Projection, dispute_id: str) -> Dispute:
    """The dispute ``dispute_id``; a ``ValidationError`` on ``id`` if there is none (a command
    naming an unknown dispute is bad input: nothing is written)."""
    found = projection.records.disputes.get(dispute_id)
    if found is None:
        raise ValidationError(
            [Problem("id", f"无编号为 {dispute_id} 的争议 / no dispute {dispute_id}")],
            "unknown dispute",
        )
    return found


def concerns(principal: Principal, dispute: Dispute) -> bool:
    """Whether ``principal`` may see ``dispute``: the bureau always, a unit if it is involved."""
    if principal.role is Role.JUSTICE_BUREAU:
        return True
    return (
        principal.role is Role.UNIT
        and principal.unit is not None
        and (principal.unit in dispute.parties or principal.unit in dispute.designated)
    )


def refusal(operation: str, principal: Principal, why: str) -> PermissionDeniedError:
    """The error for a unit acting on a dispute it is not involved in."""
    return PermissionDeniedError(
        operation,
        principal.role.value,
        [Role.UNIT.value, Role.JUSTICE_BUREAU.value],
        f"{why} / {operation}: this request acts as {principal.role.value} "
        f"for {principal.unit or 'no unit'}, which is not involved in the dispute",
    )


@dataclass(frozen=True, slots=True)
class DisputeFilter:
    statuses: tuple[DisputeStatus, ...] = ()
    unit: str | None = None
    finding: str | None = None

    def matches(self, dispute: Dispute) -> bool:
        return (
            (not self.statuses or dispute.status in self.statuses)
            and (self.unit is None or self.unit in dispute.parties)
            and (self.finding is None or dispute.finding == self.finding)
        )


def list_disputes(
    ctx: ServiceContext, principal: Principal, where: DisputeFilter | None = None
) -> list[Dispute]:
    """The disputes ``principal`` may see that match ``where``, newest first."""
    where = where or DisputeFilter()
    found = [d for d in all_disputes(ctx.projection) if concerns(principal, d) and where.matches(d)]
    return sorted(found, key=lambda d: (opened_at(d), d.id), reverse=True)


def disputes_page(
    ctx: ServiceContext,
    principal: Principal,
    where: DisputeFilter | None = None,
    first: int = 20,
    after: str | None = None,
) -> Page[Dispute]:
    """One page of ``list_disputes``, newest first; the cursor is (opened, id) of the last one."""
    require_page_size("first", first)
    found = list_disputes(ctx, principal, where)
    return Sorted.of(found, dispute_key, descending=True).page(first, after)


def dispute_key(dispute: Dispute) -> SortKey:
    """(opened, id): when it was opened, then its id."""
    return joined_key(opened_at(dispute), dispute.id)


def get_dispute(ctx: ServiceContext, principal: Principal, dispute_id: str) -> Dispute | None:
    """The dispute, or None when there is none or ``principal`` may not see it."""
    found = ctx.projection.records.disputes.get(dispute_id)
    if found is not None and concerns(principal, found):
        return found
    return None


def check_may_see(ctx: ServiceContext, principal: Principal, dispute_id: str) -> None:
    """Nothing if ``principal`` may read the dispute (or its history); else ``FORBIDDEN``.

    The justice bureau may read any (a dispute not recorded has no history to hide); a unit only
    those it is involved in, including their versions before it was a party."""
    if principal.role is Role.JUSTICE_BUREAU:
        return
    found = ctx.projection.records.disputes.get(dispute_id)
    if found is None or not concerns(principal, found):
        raise refusal("Query.history", principal, "执法争议的记录限司法局和争议当事单位查阅")


def opened_at(dispute: Dispute) -> str:
    return dispute.events[0].at.isoformat() if dispute.events else ""


def routing(ctx: ServiceContext, dispute: Dispute) -> Routing:
    return ctx.projection.route(dispute.parties, dispute.places)


def finding_holds(ctx: ServiceContext, dispute: Dispute, at: date | None = None) -> bool | None:
    """Whether its finding is still raised on ``at`` (today); None if opened from scratch."""
    if dispute.finding is None:
        return None
    return any(f.id == dispute.finding for f in ctx.projection.findings(at or date.today()))


def open_dispute_of(records: Records, finding_id: str) -> str | None:
    """The id of the open dispute opened from ``finding_id``, if any."""
    disputes = records.disputes.values()
    return next((d.id for d in disputes if d.finding == finding_id and d.is_open), None)
