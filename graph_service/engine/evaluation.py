"""EVALUATION_DUE findings: delegations of penalty powers not evaluated within the period.

行政处罚法 第24条 lets a province hand county-level penalty powers to townships and streets and
requires it to "定期组织评估". A delegate act is under 第24条 when it hands at least one penalty
item to a township or street (or cites 第24条 of the 行政处罚法); it is due once the configured
period (two years by default) has passed since its last evaluation (``Act.evaluated``), or since
it took effect if never evaluated, while some holding it created is still in force.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from graph_service.domain.enums import ActKind, Category, UnitKind
from graph_service.domain.models import Act

from .act_findings import act_places
from .answers import Finding, FindingKind, Role, Severity
from .citation import act_phrase, cn_date
from .coordination import Coordination
from .finding_ids import finding_id
from .state import EngineState
from .wording import unit_phrase

EVALUATION_DUE = "evaluation_due"
_TOWNS = frozenset({UnitKind.TOWNSHIP, UnitKind.STREET})
_PENALTY_LAW_MARK = "行政处罚法"


def penalty_items(state: EngineState, act: Act) -> list[str]:
    """The penalty items of a delegate act that falls under 第24条; empty when it does not."""
    if act.kind != ActKind.DELEGATE:
        return []
    items = [
        i for i in act.items if (f := state.catalog.items.get(i)) and f.category == Category.PENALTY
    ]
    if not items:
        return []
    to_towns = any((u := state.catalog.units.get(t)) and u.kind in _TOWNS for t in act.to)
    return items if to_towns or _cites_article_24(state, act) else []


def _cites_article_24(state: EngineState, act: Act) -> bool:
    for provision_id in act.basis:
        provision = state.catalog.provisions.get(provision_id)
        law = state.catalog.laws.get(provision.law) if provision else None
        title = f"{law.title}{law.short_title or ''}" if law else ""
        if provision and "24" in provision.article and _PENALTY_LAW_MARK in title:
            return True
    return False


def _still_delegated(state: EngineState, act: Act, items: list[str], at: date) -> bool:
    for item in items:
        replay = state.replays.get(item)
        for holding in replay.holdings if replay else ():
            created = holding.acts[:1] == (act.id,)  # the act's own grant, or its successor's
            if created and holding.role == Role.PRIMARY and holding.valid_on(at):
                return True
    return False


def evaluations_due(
    state: EngineState, at: date, coord: Coordination, acts: Collection[str] | None = None
) -> list[Finding]:
    """Delegations (of ``acts``, if given) whose evaluation is overdue on ``at``."""
    period = timedelta(days=state.evaluation_period_days)
    out: list[Finding] = []
    for act in state.catalog.acts_among(acts):
        if act.kind != ActKind.DELEGATE or act.effective > at:
            continue
        if (ends := act.ends_on()) is not None and at >= ends:
            continue
        last = max([act.effective, *(d for d in act.evaluated if d <= at)])
        due = last + period
        if at < due:
            continue
        items = penalty_items(state, act)
        if not items or not _still_delegated(state, act, items, at):
            continue
        units = tuple(sorted({*act.to, *([act.from_unit] if act.from_unit else [])}))
        routing = coord.route(units)
        since = "上次评估之日" if last != act.effective else "生效之日"
        item_names = "、".join(f"“{state.catalog.items[i].name}”" for i in items)
        out.append(
            Finding(
                id=finding_id(FindingKind.EVALUATION_DUE, None, units, act.id),
                kind=FindingKind.EVALUATION_DUE,
                severity=Severity.MEDIUM,
                at=at,
                summary=(
                    f"{act_phrase(state.catalog, act)}自{cn_date(act.effective)}起将{item_names}"
                    f"由{state.catalog.unit_name(act.from_unit)}下放至"
                    f"{unit_phrase(state, act.to)}行使。《中华人民共和国行政处罚法》第二十四条"
                    f"要求对下放的行政处罚权定期组织评估；按本系统设定的评估周期"
                    f"（{state.evaluation_period_days}日），自{since}（{cn_date(last)}）起"
                    f"应于{cn_date(due)}前完成评估，截至{cn_date(at)}尚无评估记录。"
                ),
                item=items[0] if len(items) == 1 else None,
                units=units,
                places=act_places(state, act),
                acts=(act.id,),
                routing=routing,
                cause=EVALUATION_DUE,
                items=tuple(items),
            )
        )
    return out
