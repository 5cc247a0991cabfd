"""Use case: the findings the justice bureau must coordinate on a date, filtered and paged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.engine.answers import Finding, FindingKind, Severity
from graph_service.engine.findings import finding_order

from .context import ServiceContext
from .pagination import Page, paginate
from .validation import require_page_size


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


def list_findings(
    ctx: ServiceContext,
    at: date | None = None,
    where: FindingFilter | None = None,
    first: int = 20,
    after: str | None = None,
) -> Page[Finding]:
    """One page of the findings on ``at`` (today when not given) that match ``where``."""
    require_page_size("first", first)
    where = where or FindingFilter()
    found = [f for f in ctx.projection.findings(at or date.today()) if where.matches(f)]
    return paginate(found, finding_order, first, after)
