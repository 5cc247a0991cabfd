"""Use case: the findings the justice bureau must coordinate on a date, filtered and paged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.domain.errors import Problem, ValidationError
from graph_service.engine.answers import Finding, FindingKind, Severity

from .context import ServiceContext
from .pagination import Page, SortKey, paginate

SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
MAX_FIRST = 200


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Every given criterion must hold (AND); a list criterion matches any of its values."""

    kinds: tuple[FindingKind, ...] = ()
    severities: tuple[Severity, ...] = ()
    item: str | None = None
    unit: str | None = None
    place: str | None = None

    def matches(self, finding: Finding) -> bool:
        return (
            (not self.kinds or finding.kind in self.kinds)
            and (not self.severities or finding.severity in self.severities)
            and (self.item is None or finding.item == self.item or self.item in finding.items)
            and (self.unit is None or self.unit in finding.units)
            and (self.place is None or self.place in finding.places)
        )


def finding_sort_key(finding: Finding) -> SortKey:
    """Most severe first, then by the finding's stable id: the order pages and cursors follow."""
    return (SEVERITY_RANK[finding.severity], finding.id)


def list_findings(
    ctx: ServiceContext,
    at: date | None = None,
    where: FindingFilter | None = None,
    first: int = 20,
    after: str | None = None,
) -> Page[Finding]:
    """One page of the findings on ``at`` (today when not given) that match ``where``."""
    if not 0 <= first <= MAX_FIRST:
        raise ValidationError(
            [Problem("first", f"must be between 0 and {MAX_FIRST}, not {first}")],
            "first is out of range",
        )
    where = where or FindingFilter()
    found = [f for f in ctx.projection.findings(at or date.today()) if where.matches(f)]
    return paginate(found, finding_sort_key, first, after)
