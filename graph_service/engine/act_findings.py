"""Findings about acts and items rather than places: unreviewed acts, invalid delegations and items
whose legal basis is gone. Each is cheap: one pass over acts or replay issues, or one item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from datetime import date

from graph_service.domain.enums import ActKind, Review
from graph_service.domain.models import Act

from .answers import Finding, FindingKind, Severity
from .citation import act_phrase, cn_date
from .coordination import Coordination
from .finding_ids import finding_id
from .item_replay import ReplayIssue
from .state import EngineState
from .wording import unit_phrase

INVALID_REASON_TEXT = {
    "not_delegable": "但该职权依法不得下放",
    "outside_territory": "但承接范围超出该机关的管辖区域",
    "delegator_not_holding": "但该机关当时本身并不享有该职权",
    "agent_reentrust": (
        "但该机关系受委托行使该职权，不得再委托（《中华人民共和国行政处罚法》第二十条）"
    ),
}


def act_places(state: EngineState, act: Act) -> tuple[str, ...]:
    """The places an act reaches as replay resolves them: its ``scope``, or each recipient's
    own region when it relies on the default (DESIGN §4)."""
    return tuple(sorted({scope for _, scope in state.catalog.act_targets(act)} | set(act.scope)))


def unreviewed_acts(
    state: EngineState, at: date, coord: Coordination, acts: Collection[str] | None = None
) -> list[Finding]:
    """Acts dated in effect on ``at`` (of ``acts``, if given) whose legal review (法制审核) is not
    approved: they produce no holdings until it is (``catalog.in_effect``). A withdrawn act is
    no longer the justice bureau's business."""
    out: list[Finding] = []
    for act in state.catalog.acts_among(acts):
        if act.review == Review.APPROVED or act.effective > at or act.withdrawn_on is not None:
            continue
        if act.until is not None and at >= act.until:
            continue
        units = tuple(sorted({*act.to, *([act.from_unit] if act.from_unit else [])}))
        routing = coord.route(units)
        review = (
            "法制审核未通过，不产生职权"
            if act.review == Review.REJECTED
            else "法制审核尚未完成，审核通过前不产生职权"
        )
        items = tuple(dict.fromkeys(act.items))
        out.append(
            Finding(
                id=finding_id(FindingKind.UNREVIEWED_ACT, act.items[0], units, act.id),
                kind=FindingKind.UNREVIEWED_ACT,
                severity=Severity.HIGH if act.review == Review.REJECTED else Severity.MEDIUM,
                at=at,
                summary=(
                    f"{act_phrase(state.catalog, act)}涉及{_item_list(state, items)}，"
                    f"载明自{cn_date(act.effective)}起生效，但{review}。"
                ),
                item=act.items[0] if len(items) == 1 else None,
                units=units,
                places=act_places(state, act),
                acts=(act.id,),
                routing=routing,
                cause=act.review.value,
                items=items,
            )
        )
    return out


def _item_list(state: EngineState, items: Iterable[str]) -> str:
    return "、".join(
        f"“{found.name}”" if (found := state.catalog.items.get(i)) else f"“{i}”" for i in items
    )


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
        ordered = tuple(i for i in dict.fromkeys(act.items) if i in items)
        routing = coord.route(units)
        source = state.catalog.unit_name(act.from_unit) if act.from_unit else "作出决定的机关"
        targets = unit_phrase(state, act.to)
        verb = {ActKind.ENTRUST: "委托", ActKind.TRANSFER: "划转至"}.get(act.kind, "下放至")
        out.append(
            Finding(
                id=finding_id(FindingKind.INVALID_DELEGATION, act_id, units, reason),
                kind=FindingKind.INVALID_DELEGATION,
                severity=Severity.HIGH,
                at=at,
                summary=(
                    f"{act_phrase(state.catalog, act)}将{_item_list(state, ordered)}由{source}"
                    f"{verb}{targets}，{INVALID_REASON_TEXT.get(reason, reason)}。"
                ),
                item=ordered[0] if len(ordered) == 1 else None,
                units=units,
                places=act_places(state, act),
                acts=(act_id,),
                routing=routing,
                cause=reason,
                items=ordered,
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
    routing = coord.route((), state.jurisdiction)
    return Finding(
        id=finding_id(FindingKind.STALE_BASIS, code, (), cause),
        kind=FindingKind.STALE_BASIS,
        severity=Severity.MEDIUM if item.basis else Severity.LOW,
        at=at,
        summary=f"“{item.name}”仍在实施，但{text}。",
        item=code,
        units=(),
        places=(),
        routing=routing,
        cause=cause,
        items=(code,),
        field=item.field,
    )
