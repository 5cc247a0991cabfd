"""OVERLAP and GAP findings: grouping, stable ids, who coordinates and who is notified."""

from __future__ import annotations

from typing import Any

from graph_service.engine.answers import Finding, FindingKind, Routing, Severity
from graph_service.engine.projection import Projection

from .world import (
    ALL_PLACES,
    ASSIGN_WJW,
    D2021,
    DELEGATE_XF,
    DX,
    I1,
    LX,
    RH,
    XF,
    dataset,
    projection,
)

ASSIGN_CGJ: dict[str, Any] = {
    "id": "a-cgj",
    "kind": "assign",
    "doc": "dxf",
    "effective": "2019-01-01",
    "items": [I1],
    "to": ["dx-cgj"],
}


def of_kind(findings: list[Finding], kind: FindingKind) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


def conflicts(findings: list[Finding]) -> list[Finding]:
    """OVERLAP and GAP only (the world's border with 固安县 also gives a CROSS_BORDER finding)."""
    return [f for f in findings if f.kind in {FindingKind.OVERLAP, FindingKind.GAP}]


def test_two_departments_over_the_district_are_one_overlap_with_every_place() -> None:
    [overlap] = conflicts(projection([ASSIGN_WJW, ASSIGN_CGJ]).findings(D2021))
    assert overlap.kind == FindingKind.OVERLAP
    assert overlap.severity == Severity.HIGH
    assert overlap.item == I1
    assert overlap.units == ("dx-cgj", "dx-wjw")
    assert overlap.places == ALL_PLACES
    assert overlap.acts == ("a-cgj", "a-wjw")
    assert len(overlap.holdings) == 2
    assert overlap.routing == Routing("dx-sfj", "dx-gov", "dx-gov", ())
    assert "多头管辖" in overlap.summary


def test_the_same_conflict_keeps_its_id_when_places_change_and_on_recomputation() -> None:
    before = projection([ASSIGN_WJW, ASSIGN_CGJ]).findings(D2021)
    again = projection([ASSIGN_WJW, ASSIGN_CGJ]).findings(D2021)
    after = projection([ASSIGN_WJW, ASSIGN_CGJ, DELEGATE_XF]).findings(D2021)
    assert [f.id for f in before] == [f.id for f in again]
    by_units = {f.units: f for f in of_kind(after, FindingKind.OVERLAP)}
    assert by_units.keys() == {("dx-cgj", "dx-wjw"), ("dx-cgj", "xf")}
    assert by_units["dx-cgj", "dx-wjw"].id == before[0].id
    assert by_units["dx-cgj", "dx-wjw"].places == (LX, RH)
    assert by_units["dx-cgj", "xf"].places == (XF,)


def test_a_vertical_branch_sited_in_the_district_is_coordinated_there_designated_by_the_city() -> (
    None
):
    """Policy 四(一)/四(八): the district's justice bureau coordinates a branch sited there; the
    common superior (行政处罚法 第二十五条) is the city, and the branch's superior is notified."""
    branch = {**ASSIGN_CGJ, "id": "a-gzw", "to": ["gzw-dx"]}
    [overlap] = conflicts(projection([ASSIGN_WJW, branch]).findings(D2021))
    assert overlap.units == ("dx-wjw", "gzw-dx")
    assert overlap.routing == Routing("dx-sfj", "dx-gov", "bj-gov", ("bj-gzw",))


def test_a_street_joining_the_same_two_claimants_in_its_own_street_is_the_same_conflict() -> None:
    street = {**ASSIGN_CGJ, "id": "a-lx", "to": ["lx"]}
    [finding] = conflicts(projection([ASSIGN_WJW, ASSIGN_CGJ, street]).findings(D2021))
    assert (finding.units, finding.places) == (("dx-cgj", "dx-wjw", "lx"), (LX, RH, XF))
    assert "其中林校路街道还由所在街道办事处行使" in finding.summary


def test_claimants_sharing_fewer_than_two_units_are_different_conflicts() -> None:
    street = {**ASSIGN_CGJ, "id": "a-lx", "to": ["lx"]}
    findings = conflicts(projection([ASSIGN_WJW, street]).findings(D2021))
    assert sorted((f.units, f.places) for f in findings) == [(("dx-wjw", "lx"), (LX,))]


def test_an_item_nobody_holds_is_one_gap_never_assigned_coordinated_by_the_district() -> None:
    [gap] = conflicts(projection([]).findings(D2021))
    assert (gap.kind, gap.cause, gap.units, gap.places) == (
        FindingKind.GAP,
        "never_assigned",
        (),
        ALL_PLACES,
    )
    assert (gap.routing.coordinator, gap.routing.coordinating_government) == ("dx-sfj", "dx-gov")
    assert "管辖空白" in gap.summary


def test_gap_left_by_an_abolished_delegate_names_the_cause_and_only_its_place() -> None:
    units = [
        {
            "id": "old-xf",
            "name": "原兴丰街道办",
            "kind": "street",
            "region": XF,
            "parent": "dx-gov",
            "valid_to": "2020-10-01",
        }
    ]
    to_old = {**DELEGATE_XF, "to": ["old-xf"]}
    [gap] = conflicts(projection([ASSIGN_WJW, to_old], units=units).findings(D2021))
    assert (gap.cause, gap.units, gap.places) == ("delegate_abolished", ("old-xf",), (XF,))


def test_gap_left_by_a_holder_abolished_without_successor() -> None:
    units = [
        {
            "id": "old",
            "name": "原区卫生局",
            "kind": "department",
            "region": DX,
            "parent": "dx-gov",
            "valid_to": "2020-01-01",
        }
    ]
    [gap] = conflicts(projection([{**ASSIGN_WJW, "to": ["old"]}], units=units).findings(D2021))
    assert (gap.cause, gap.units, gap.places) == ("holder_abolished", ("old",), ALL_PLACES)


def test_a_cancelled_item_is_not_a_gap() -> None:
    cancel = {"id": "c", "kind": "cancel", "doc": "dxf", "effective": "2020-01-01", "items": [I1]}
    assert projection([ASSIGN_WJW, cancel]).findings(D2021) == []


def test_applies_in_limits_where_a_gap_is_looked_for() -> None:
    items: list[dict[str, Any]] = [
        {
            "code": I1,
            "name": "某事项",
            "category": "penalty",
            "basis": ["kyt-28"],
            "applies_in": [LX],
        }
    ]
    only_lx = {**ASSIGN_CGJ, "scope": [LX]}
    assert projection([only_lx], items=items).findings(D2021) == []
    [gap] = conflicts(projection([], items=items).findings(D2021))
    assert gap.places == (LX,)


def test_unreviewed_acts_invalid_delegations_and_stale_bases_are_reported() -> None:
    items: list[dict[str, Any]] = [
        {
            "code": I1,
            "name": "某事项",
            "category": "penalty",
            "basis": ["kyt-28"],
            "delegable": False,
        },
        {"code": "I2", "name": "无依据事项", "category": "other"},
    ]
    pending = {**ASSIGN_CGJ, "id": "a-i2", "items": ["I2"], "review": "pending"}
    findings = Projection(dataset([ASSIGN_WJW, DELEGATE_XF, pending], items=items)).findings(D2021)
    assert sorted((f.kind, f.cause, f.acts) for f in findings) == [
        (FindingKind.GAP, "never_assigned", ()),  # the pending act assigns nothing yet
        (FindingKind.INVALID_DELEGATION, "not_delegable", ("d-xf",)),
        (FindingKind.STALE_BASIS, "no_basis", ()),
        (FindingKind.UNREVIEWED_ACT, "pending", ("a-i2",)),
    ]
    severities = [f.severity for f in findings]
    assert severities == sorted(
        severities, key=[Severity.HIGH, Severity.MEDIUM, Severity.LOW].index
    )


def test_delegating_a_power_one_does_not_hold_is_invalid() -> None:
    findings = projection([DELEGATE_XF]).findings(D2021)
    invalid = of_kind(findings, FindingKind.INVALID_DELEGATION)
    assert [(f.cause, f.units) for f in invalid] == [("delegator_not_holding", ("dx-wjw", "xf"))]
