"""Use case: the findings the justice bureau must coordinate on a date, filtered and paged.

The day's findings are computed once per revision (``Projection.sorted_findings``) and each filter's
selection, with its sort keys, once too (``Projection.derived``): a page after the first is a
bisection and the cursors of its own rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.engine.answers import Finding, FindingKind, Severity
from graph_service.engine.findings import finding_order
from graph_service.engine.projection import Projection

from .context import ServiceContext
from .pagination import Page, Sorted
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
    return findings_page(ctx.projection, at or date.today(), where, first, after)


def findings_page(
    projection: Projection,
    at: date,
    where: FindingFilter | None = None,
    first: int = 20,
    after: str | None = None,
) -> Page[Finding]:
    """``list_findings`` on a projection (what the engine benchmark times)."""
    require_page_size("first", first)
    criteria = where or FindingFilter()
    return selection(projection, at, criteria).page(first, after)


def selection(projection: Projection, at: date, where: FindingFilter) -> Sorted[Finding]:
    """The findings on ``at`` matching ``where``, sorted, kept until the projection changes."""

    def select() -> Sorted[Finding]:
        found = projection.sorted_findings(at)
        if where != FindingFilter():
            found = [f for f in found if where.matches(f)]
        return Sorted.of(found, finding_order)

    return projection.derived(("findings", at, where), select)
