"""Hypothesis strategies: random acts over the hand-made Daxing world of ``world.py``.

Two items, every unit kind that acts, every act kind, a few dates (so acts often share a day and
often come after everything else), optional scopes, ``until``, joint roles and recording stamps.
One extra unit is abolished in 2022 with a successor, so abolition events mix with the acts.
Some acts are not (yet) approved by legal review and some delegations were evaluated, so every
act-level finding kind occurs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st

from .world import DX, ETDZ, I1, LX, RH, XF

I2 = "I2"
ITEMS: list[dict[str, Any]] = [
    {
        "code": I1,
        "name": "对在禁止吸烟场所吸烟的处罚",
        "category": "penalty",
        "basis": ["kyt-28"],
        "field": "卫生健康",
    },
    {"code": I2, "name": "另一事项", "category": "inspection", "basis": ["kyt-28"]},
]
# Published lists and a border agreement, so LIST_MISMATCH and CROSS_BORDER come and go too.
PUBLISHED_LISTS: list[dict[str, Any]] = [
    {"unit": "dx-wjw", "version": 1, "published": "2019-06-01", "items": [I1, I2]},
    {"unit": "xf", "version": 1, "published": "2021-01-01", "items": [I1]},
]
AGREEMENTS: list[dict[str, Any]] = [
    {
        "id": "agr",
        "title": "京冀毗邻地区卫生健康执法协作协议",
        "parties": ["dx-wjw", "ga-zf"],
        "fields": ["卫生健康"],
        "valid_from": "2021-01-01",
    }
]
OLD_UNIT: dict[str, Any] = {
    "id": "old-cgj",
    "name": "原区城管局",
    "kind": "department",
    "region": DX,
    "parent": "dx-gov",
    "valid_to": "2022-01-01",
    "successor": "dx-cgj",
}
DEPARTMENTS = ["dx-wjw", "dx-cgj", "gzw-dx", "old-cgj"]
TOWNS = ["xf", "lx", "rh"]
OTHERS = ["etdz", "dx-jds"]
UNITS = DEPARTMENTS + TOWNS + OTHERS
PLACES = [XF, LX, RH, ETDZ, DX]
COVERED_BY = {XF: {XF, DX}, LX: {LX, DX}, RH: {RH, ETDZ, DX}}  # leaf place -> scopes covering it
DAYS = [date(2019, 1, 1), date(2020, 7, 1), date(2021, 1, 1), date(2022, 1, 1), date(2023, 6, 1)]
CHECK_DAYS = [date(2018, 6, 1), *DAYS, date(2024, 1, 1)]


@st.composite
def acts(
    draw: st.DrawFn, prefix: str = "a", count: tuple[int, int] = (1, 6)
) -> list[dict[str, Any]]:
    n = draw(st.integers(min_value=count[0], max_value=count[1]))
    return [draw(act(f"{prefix}{i}")) for i in range(n)]


@st.composite
def act(draw: st.DrawFn, act_id: str) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            ["assign", "assign", "delegate", "entrust", "transfer", "cancel", "revoke", "designate"]
        )
    )
    effective = draw(st.sampled_from(DAYS))
    out: dict[str, Any] = {
        "id": act_id,
        "kind": kind,
        "effective": effective.isoformat(),
        "items": draw(st.sampled_from([[I1], [I2], [I1, I2]])),
    }
    if kind in {"delegate", "entrust", "transfer", "revoke"}:
        out["from"] = draw(st.sampled_from(DEPARTMENTS + TOWNS))
    if kind in {"entrust", "transfer"}:
        out["to"] = [draw(st.sampled_from(UNITS))]
    elif kind != "cancel":
        out["to"] = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
    scoped = kind not in {"cancel", "transfer"} and draw(st.booleans()) and draw(st.booleans())
    if kind == "designate" or scoped:
        out["scope"] = draw(st.lists(st.sampled_from(PLACES), min_size=1, max_size=2, unique=True))
    if draw(st.integers(0, 4)) == 0:
        out["until"] = draw(st.sampled_from([d for d in CHECK_DAYS if d > effective]))
    if kind in {"assign", "delegate"} and draw(st.integers(0, 4)) == 0:
        out["role"] = "joint"
    if kind == "assign" and draw(st.booleans()):
        out["statutory"] = True
    if draw(st.integers(0, 5)) == 0:
        out["review"] = draw(st.sampled_from(["pending", "rejected"]))
        if draw(st.booleans()):  # a withdrawn act, unreviewed: still produces nothing
            out["withdrawn_on"] = draw(st.sampled_from(CHECK_DAYS)).isoformat()
    else:
        out["review"] = "approved"
        if draw(st.integers(0, 5)) == 0:  # withdrawn (撤回), maybe before it took effect
            out["withdrawn_on"] = draw(st.sampled_from(CHECK_DAYS)).isoformat()
    if kind == "delegate" and draw(st.integers(0, 3)) == 0:
        out["evaluated"] = [draw(st.sampled_from([d for d in CHECK_DAYS if d > effective]))]
    if draw(st.booleans()):
        minute = draw(st.integers(0, 59))
        out["recorded_at"] = datetime(2024, 1, 1, 12, minute, tzinfo=UTC).isoformat()
    return out
