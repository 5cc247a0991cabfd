"""Findings about acts and items rather than places: unreviewed acts, invalid delegations and items
whose legal basis is gone. Each is cheap: one pass over acts or replay issues, or one item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from datetime import date

from graph_service.domain.enums import Review

from .answers import Finding, FindingKind, Severity
from .citation import cn_date
from .coordination import Coordination
from .finding_ids import finding_id
from .item_replay import ReplayIssue
from .state import EngineState

INVALID_REASON_TEXT = {
    "not_delegable": "下放了不得下放的职权",
    "outside_territory": "下放范围超出下放机关的管辖区域",
    "delegator_not_holding": "下放、委托或划转机关本身并不享有该职权",
    "agent_reentrust": "受委托组织再委托（违反《中华人民共和国行政处罚法》第二十条）",
}


def unreviewed_acts(
    state: EngineState, at: date, coord: Coordination, acts: Collection[str] | None = None
) -> list[Finding]:
    """Acts in effect on ``at`` (of ``acts``, if given) whose legal review (法制审核) is not
    approved."""
    out: list[Finding] = []
    for act in state.catalog.acts_among(acts):
        if act.review == Review.APPROVED or act.effective > at:
            continue
        if act.until is not None and at >= act.until:
            continue
        units = tuple(sorted({*act.to, *([act.from_unit] if act.from_unit else [])}))
        government = coord.coordinator(units)
        review = "未通过" if act.review == Review.REJECTED else "尚未完成"
        out.append(
            Finding(
                id=finding_id(FindingKind.UNREVIEWED_ACT, act.items[0], units, act.id),
                kind=FindingKind.UNREVIEWED_ACT,
                severity=Severity.HIGH if act.review == Review.REJECTED else Severity.MEDIUM,
                at=at,
                summary=f"{act.id}自{cn_date(act.effective)}起生效，但法制审核{review}。",
                item=act.items[0] if len(act.items) == 1 else None,
                units=units,
                places=tuple(act.scope),
                acts=(act.id,),
                coordinator=government,
                justice_bureau=coord.justice_bureau(government),
                notify=coord.notify(units),
                cause=act.review.value,
            )
        )
    return out


def _issues(state: EngineState, acts: Collection[str] | None) -> Iterator[ReplayIssue]:
    """Replay issues of every act, or of ``acts``: an act's issues are in the replays of the
    items it names, the only replays that process it."""
    if acts is None:
        for replay in state.replays.values():
            yield from replay.issues
        return
    for act in state.catalog.acts_among(acts):
        for item in dict.fromkeys(act.items):
            found = state.replays.get(item)
            yield from (i for i in found.issues if i.act == act.id) if found else ()


def invalid_delegations(
    state: EngineState, at: date, coord: Coordination, acts: Collection[str] | None = None
) -> list[Finding]:
    """Replay issues of acts in effect on ``at`` (of ``acts``, if given), one finding per
    (act, reason)."""
    grouped: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    units_of: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for issue in _issues(state, acts):
        act = state.catalog.acts.get(issue.act)
        if act is None or act.effective > at:
            continue
        grouped[(issue.act, issue.reason)].add(issue.item)
        if issue.unit:
            units_of[(issue.act, issue.reason)].add(issue.unit)
    out: list[Finding] = []
    for (act_id, reason), items in grouped.items():
        act = state.catalog.acts[act_id]
        units = tuple(sorted(units_of[(act_id, reason)] | set(act.to)))
        item = next(iter(items)) if len(items) == 1 else None
        government = coord.coordinator(units)
        reason_text = INVALID_REASON_TEXT.get(reason, reason)
        out.append(
            Finding(
                id=finding_id(FindingKind.INVALID_DELEGATION, act_id, units, reason),
                kind=FindingKind.INVALID_DELEGATION,
                severity=Severity.HIGH,
                at=at,
                summary=f"{act_id}（涉及{len(items)}项职权）{reason_text}。",
                item=item,
                units=units,
                places=tuple(act.scope),
                acts=(act_id,),
                coordinator=government,
                justice_bureau=coord.justice_bureau(government),
                notify=coord.notify(units),
                cause=reason,
            )
        )
    return out


def stale_basis(state: EngineState, code: str, at: date, coord: Coordination) -> Finding | None:
    """An in-force item with no legal basis, or none still in force on ``at``."""
    item = state.catalog.items[code]
    for provision_id in item.basis:
        provision = state.catalog.provisions.get(provision_id)
        law = state.catalog.laws.get(provision.law) if provision else None
        if provision and provision.valid_on(at) and (law is None or law.valid_on(at)):
            return None
    cause = "basis_not_in_force" if item.basis else "no_basis"
    text = "全部法律依据均已失效" if item.basis else "没有记载法律依据"
    government = coord.coordinator((), state.jurisdiction)
    return Finding(
        id=finding_id(FindingKind.STALE_BASIS, code, (), cause),
        kind=FindingKind.STALE_BASIS,
        severity=Severity.MEDIUM if item.basis else Severity.LOW,
        at=at,
        summary=f"“{item.name}”仍在实施，但{text}。",
        item=code,
        units=(),
        places=(),
        coordinator=government,
        justice_bureau=coord.justice_bureau(government),
        cause=cause,
    )
