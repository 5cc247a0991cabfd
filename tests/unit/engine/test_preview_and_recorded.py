"""What-if previews and answers "as recorded on" a past day, with expectations by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_service.domain.changes import ChangeSet, EntityRef, undo_of
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.engine.answers import AnswerChange, FindingKind, Status
from graph_service.engine.projection import Projection
from tests.reviewed import approved

from .memlog import MemoryLog
from .world import (
    ASSIGN_WJW,
    D2021,
    DELEGATE_XF,
    I1,
    LX,
    RH,
    XF,
    dataset,
    primary_units,
    projection,
)

ASSIGN_CGJ: dict[str, Any] = {**ASSIGN_WJW, "id": "a-cgj", "doc": "dxf", "to": ["dx-cgj"]}


def upsert(*acts: dict[str, Any]) -> ChangeSet:
    return ChangeSet(upserts=Dataset.model_validate({"acts": [approved(a) for a in acts]}))


def test_previewing_a_delegation_lists_the_changed_answers_and_writes_nothing() -> None:
    p = projection([ASSIGN_WJW])
    before = sorted(p.holdings(), key=lambda h: h.id)
    preview = p.preview(upsert({**DELEGATE_XF, "to": ["xf", "lx"]}))
    assert preview.at == date(2020, 7, 1)
    assert preview.answers == (
        AnswerChange(I1, LX, Status.CLEAR, ("dx-wjw",), Status.CLEAR, ("lx",)),
        AnswerChange(I1, XF, Status.CLEAR, ("dx-wjw",), Status.CLEAR, ("xf",)),
    )
    assert (preview.appeared, preview.resolved, preview.changed) == ((), (), ())
    later = p.preview(upsert({**DELEGATE_XF, "to": ["xf", "lx"]}), date(2022, 7, 1))
    [due] = later.appeared
    assert (due.kind, due.acts) == (FindingKind.EVALUATION_DUE, ("d-xf",))
    assert sorted(p.holdings(), key=lambda h: h.id) == before
    assert primary_units(p, XF, D2021) == ["dx-wjw"]


def test_previewing_a_designation_shows_the_overlap_it_resolves() -> None:
    p = projection([ASSIGN_WJW, ASSIGN_CGJ])
    [overlap] = [f for f in p.findings(D2021) if f.kind == FindingKind.OVERLAP]
    designate = {
        "id": "des",
        "kind": "designate",
        "doc": "dxf",
        "effective": "2021-01-01",
        "items": [I1],
        "to": ["dx-cgj"],
        "scope": [XF],
    }
    preview = p.preview(upsert(designate))
    assert preview.resolved == ()
    [(was, now)] = preview.changed
    assert (was.id, was.places, now.places) == (overlap.id, (LX, RH, XF), (LX, RH))
    assert preview.answers == (
        AnswerChange(I1, XF, Status.OVERLAP, ("dx-cgj", "dx-wjw"), Status.CLEAR, ("dx-cgj",)),
    )
    assert [f.id for f in p.findings(D2021) if f.kind == FindingKind.OVERLAP] == [overlap.id]


def test_previewing_a_withdrawal_shows_the_gap_that_would_appear() -> None:
    p = projection([ASSIGN_WJW])
    preview = p.preview(ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key="a-wjw")]), D2021)
    [gap] = [f for f in preview.appeared if f.kind == FindingKind.GAP]
    assert (gap.cause, gap.places) == ("never_assigned", (LX, RH, XF))
    assert {(c.place, c.before_units, c.after_status) for c in preview.answers} == {
        (LX, ("dx-wjw",), Status.GAP),
        (RH, ("dx-wjw",), Status.GAP),
        (XF, ("dx-wjw",), Status.GAP),
    }


def test_previewing_an_act_shows_what_it_does_to_the_findings_of_earlier_acts() -> None:
    """Act-level findings of acts the change leaves alone still change when it replays their
    items: the assignment makes the earlier delegation valid, the revocation ends the
    delegation whose evaluation was overdue."""
    from_cgj = {**DELEGATE_XF, "from": "dx-cgj"}
    p = projection([ASSIGN_WJW, from_cgj])
    [invalid] = [f for f in p.findings(D2021) if f.kind == FindingKind.INVALID_DELEGATION]
    assert (invalid.acts, invalid.cause) == (("d-xf",), "delegator_not_holding")
    preview = p.preview(upsert({**ASSIGN_CGJ, "effective": "2020-01-01", "scope": [XF]}), D2021)
    assert [f.id for f in preview.resolved] == [invalid.id]
    assert preview.appeared == ()  # the delegation carves XF out of dx-cgj's new holding

    p = projection([ASSIGN_WJW, DELEGATE_XF])
    overdue = date(2023, 1, 1)
    [due] = [f for f in p.findings(overdue) if f.kind == FindingKind.EVALUATION_DUE]
    revoke = {
        "id": "r-xf",
        "kind": "revoke",
        "doc": "dxf",
        "effective": "2022-12-01",
        "items": [I1],
        "from": "dx-wjw",
        "to": ["xf"],
    }
    preview = p.preview(upsert(revoke), overdue)
    assert [f.id for f in preview.resolved] == [due.id]
    assert preview.answers == (
        AnswerChange(I1, XF, Status.CLEAR, ("xf",), Status.CLEAR, ("dx-wjw",)),
    )


def recorded_view(log: MemoryLog, revision: int) -> Projection:
    """The live projection of ``log`` as recorded at ``revision``."""
    return Projection(log.state).as_recorded(revision, undo_of(log.changes[revision:]))


def test_as_recorded_answers_from_the_log_as_it_stood_then() -> None:
    """The delegation took effect on 2020-07-01 but was only recorded at revision 2."""
    log = MemoryLog()
    log.append(ChangeSet(upserts=dataset([ASSIGN_WJW])))
    log.append(upsert(DELEGATE_XF))
    on = date(2020, 7, 15)
    assert [c.holding.unit for c in Projection(log.state).jurisdiction(I1, XF, on).holders][:1] == [
        "xf"
    ]
    then = recorded_view(log, 1).jurisdiction(I1, XF, on)
    assert [(c.holding.unit, c.holding.role) for c in then.holders] == [("dx-wjw", "PRIMARY")]
    assert recorded_view(log, 2).jurisdiction(I1, XF, on).holders[0].holding.unit == "xf"


def test_an_amendment_does_not_rewrite_what_was_recorded_before_it() -> None:
    """Fixing only the note of the delegation must not make "as recorded then" drop its towns."""
    log = MemoryLog()
    log.append(ChangeSet(upserts=dataset([ASSIGN_WJW])))
    log.append(upsert({**DELEGATE_XF, "to": ["xf", "lx"]}))
    log.append(upsert({**DELEGATE_XF, "to": ["xf"], "note": "更正：仅兴丰街道"}))
    view = recorded_view(log, 2)
    assert primary_units(view, LX, D2021) == ["lx"]
    assert primary_units(Projection(log.state), LX, D2021) == ["dx-wjw"]


def test_findings_as_recorded_ignore_later_records_and_withdrawals() -> None:
    log = MemoryLog()
    log.append(ChangeSet(upserts=dataset([ASSIGN_WJW])))
    log.append(upsert(ASSIGN_CGJ))
    log.append(ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key="a-cgj")]))
    live = Projection(log.state)
    assert [f for f in live.findings(D2021) if f.kind == FindingKind.OVERLAP] == []
    early = recorded_view(log, 1).findings(D2021)
    assert [f for f in early if f.kind == FindingKind.OVERLAP] == []
    overlapping = recorded_view(log, 2).findings(D2021)
    assert len([f for f in overlapping if f.kind == FindingKind.OVERLAP]) == 1


def test_applying_a_change_drops_the_views_as_recorded() -> None:
    log = MemoryLog()
    log.append(ChangeSet(upserts=dataset([ASSIGN_WJW])))
    log.append(upsert(DELEGATE_XF))
    live = Projection(log.state)
    view = live.as_recorded(1, undo_of(log.changes[1:]))
    assert live.cached_view(1) is view
    live.apply(upsert(ASSIGN_CGJ))
    assert live.cached_view(1) is None
