"""Regression (issue 10, point 5): act-level findings list the places the act reaches as replay
resolves them, so a delegation relying on its default scope (each recipient's own region) is
found by a filter on the place just as one that names the region."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph_service.engine.answers import FindingKind
from graph_service.engine.projection import Projection
from graph_service.service.list_findings import FindingFilter

from .world import ASSIGN_WJW, I1, ITEMS, XF, dataset

DAY = date(2021, 6, 1)
NOT_DELEGABLE = [{**ITEMS[0], "delegable": False}]
PENDING = {
    "id": "d-pending",
    "kind": "delegate",
    "effective": "2021-01-01",
    "items": [I1],
    "from": "dx-wjw",
    "to": ["xf"],
    "review": "pending",
}


@pytest.mark.parametrize("scope", [None, [XF]], ids=["default scope", "explicit scope"])
def test_a_delegation_of_a_non_delegable_item_lists_the_street(
    scope: list[str] | None,
) -> None:
    """Pending, it is unreviewed (and produces nothing, so nothing is invalid yet); approved, it
    is an invalid delegation. Either finding names the street."""
    act: dict[str, Any] = {**PENDING, **({"scope": scope} if scope else {})}
    approved = {**act, "review": "approved"}
    for recorded, kind in (
        (act, FindingKind.UNREVIEWED_ACT),
        (approved, FindingKind.INVALID_DELEGATION),
    ):
        findings = Projection(dataset([ASSIGN_WJW, recorded], items=NOT_DELEGABLE)).findings(DAY)
        by_kind = {f.kind: f for f in findings}
        assert FindingKind.INVALID_DELEGATION not in by_kind or kind != FindingKind.UNREVIEWED_ACT
        assert by_kind[kind].places == (XF,)
        assert FindingFilter(place=XF).matches(by_kind[kind])
    assert "兴丰街道办事处" in by_kind[FindingKind.INVALID_DELEGATION].summary
    assert "d-pending" not in by_kind[FindingKind.INVALID_DELEGATION].summary
