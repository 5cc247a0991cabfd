"""Disputes seen by the engine: opening one from a finding, and the act its decision records.

Pure functions of records and findings. A dispute opened from an OVERLAP or GAP finding takes
the finding's units as parties and its items and places as its own; deciding it records, per
DESIGN §4, a ``designate`` act for an overlap (the designated unit becomes PRIMARY in the places,
every other holder is carved out) and an ``assign`` act for a gap, issued by the designating
authority (行政处罚法 第二十五条: the common superior) and awaiting legal review like any act.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.domain.enums import ActKind, DisputeKind, Review
from graph_service.domain.models import Act, Dispute

from .answers import Finding, FindingKind

FROM_FINDING = frozenset({FindingKind.OVERLAP, FindingKind.GAP})


@dataclass(frozen=True, slots=True)
class Opening:
    """What a finding gives a new dispute."""

    kind: DisputeKind
    parties: tuple[str, ...]
    items: tuple[str, ...]
    places: tuple[str, ...]
    title: str


def opening_of(finding: Finding) -> Opening:
    """Parties, items and places of a dispute about ``finding`` (an OVERLAP or a GAP): who
    holds the matter, or who lost it, disagree about a matter (职责争议)."""
    items = finding.items or ((finding.item,) if finding.item else ())
    return Opening(
        kind=DisputeKind.MATTER,
        parties=tuple(finding.units),
        items=tuple(items),
        places=tuple(finding.places),
        title=finding.summary[:200],
    )


def decision_kind(dispute: Dispute) -> ActKind:
    """A gap is settled by assigning the matter; anything else by designating jurisdiction."""
    return ActKind.ASSIGN if dispute.finding_kind == FindingKind.GAP.value else ActKind.DESIGNATE


def decision_act(
    dispute: Dispute,
    *,
    act_id: str,
    units: list[str],
    effective: date,
    issuer: str | None,
    basis: list[str],
    doc: str | None,
) -> Act:
    """The act that carries ``dispute``'s decision into the graph, pending legal review."""
    return Act(
        id=act_id,
        kind=decision_kind(dispute),
        doc=doc,
        basis=basis,
        issuer=issuer,
        effective=effective,
        items=list(dispute.items),
        to=units,
        scope=list(dispute.places),
        review=Review.PENDING,
        source=f"执法争议 {dispute.id} 的决定",
        note=f"依执法争议 {dispute.id} 作出（行政处罚法 第二十五条）",
    )
