"""The status flow of a dispute, as one table: what may follow what, and the refusal otherwise.

Policy 四(八) and 行政处罚法 第二十五条: the parties negotiate first; if that fails the justice
bureau coordinates; a decision (a designation by the common superior) is then carried out by
the unit it designates and the case is closed. A dispute may be withdrawn while it is open,
never after.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .enums import DisputeStatus
from .errors import Problem, ValidationError

S = DisputeStatus

NEXT: Mapping[DisputeStatus, frozenset[DisputeStatus]] = MappingProxyType(
    {
        S.NEGOTIATING: frozenset({S.COORDINATING, S.WITHDRAWN}),
        S.COORDINATING: frozenset({S.DECIDED, S.WITHDRAWN}),
        S.DECIDED: frozenset({S.IMPLEMENTED, S.WITHDRAWN}),
        S.IMPLEMENTED: frozenset({S.CLOSED, S.WITHDRAWN}),
        S.CLOSED: frozenset(),
        S.WITHDRAWN: frozenset(),
    }
)

LABEL: Mapping[DisputeStatus, str] = MappingProxyType(
    {
        S.NEGOTIATING: "协商中",
        S.COORDINATING: "协调中",
        S.DECIDED: "已决定",
        S.IMPLEMENTED: "已落实",
        S.CLOSED: "已结案",
        S.WITHDRAWN: "已撤回",
    }
)

OPEN = frozenset(status for status, after in NEXT.items() if after)


def allowed(current: DisputeStatus, target: DisputeStatus) -> bool:
    return target in NEXT[current]


def check_transition(dispute_id: str, current: DisputeStatus, target: DisputeStatus) -> None:
    """Nothing if ``current`` may become ``target``; else a ``ValidationError`` on ``status``."""
    if allowed(current, target):
        return
    may = "、".join(LABEL[s] for s in S if s in NEXT[current]) or "无（已终结）"
    message = (
        f"争议 {dispute_id} 当前状态为“{LABEL[current]}”，不能转为“{LABEL[target]}”"
        f"（可转为：{may}） / dispute {dispute_id} is {current.value} and cannot become "
        f"{target.value}"
    )
    raise ValidationError([Problem("status", message)], "transition not allowed")


def check_open(dispute_id: str, current: DisputeStatus) -> None:
    """Nothing if the dispute is open; else a ``ValidationError`` (events need an open case)."""
    if current in OPEN:
        return
    message = (
        f"争议 {dispute_id} 已{LABEL[current].removeprefix('已')}，不再登记事件 / "
        f"dispute {dispute_id} is {current.value}: no more events"
    )
    raise ValidationError([Problem("status", message)], "dispute is not open")
