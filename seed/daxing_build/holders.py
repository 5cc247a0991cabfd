"""Who holds each power item in Daxing, read from power_items.csv and written down by hand.

``holder_in_daxing`` is free text (``规自委大兴分局 / 区城管执法局 / 乡镇政府(执法机关)``), so each
row's reading is recorded here, one line per item, rather than parsed. ``delegation`` sorts the
2020 flag into what the seed may state as fact:

- ``FACT``: delegated by 京政发〔2020〕9号 — the 控烟 items (a confirmed delegated area,
  facts.md §5) and 无导游证从事导游活动 (named in the decision's summary, documents.csv DOC01);
- ``LIKELY``: flagged "likely yes"; the annex was not seen (facts.md §8 gap 1), so illustrative;
- ``NONE``: not delegated, unknown, or a statutory power of streets and towns.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Delegation(Enum):
    FACT = "fact"
    LIKELY = "likely"
    NONE = "none"


STREETS_AND_TOWNS = "@streets-and-towns"
TOWNS = "@towns"
"""Placeholders for the 22 street/town units and for the 14 town governments."""


@dataclass(frozen=True)
class Grant:
    """An extra statutory grant under another law than the item's main one."""

    to: tuple[str, ...]
    law: str
    articles: tuple[int, ...]
    why: str


@dataclass(frozen=True)
class Plan:
    holders: tuple[str, ...]
    field: str
    delegation: Delegation = Delegation.NONE
    extra: Grant | None = None
    towns_only: bool = False  # the matter exists only in towns (乡、村庄规划区, 宅基地)
    note: str | None = None
    confidence: str = "high"  # of the holder reading: the law names the department type


F, L, N = Delegation.FACT, Delegation.LIKELY, Delegation.NONE
CG = ("dx-cgzf",)
_TOWN_ENFORCERS = Grant(
    (TOWNS,),
    "bj-cxgh",
    (75,),
    "乡镇 are statutory 执法机关 for 违法建设 under 北京市城乡规划条例 (facts.md §4, high); the "
    "article naming them is not given in the reference data, 第75条 is the one the item cites.",
)

PLANS: dict[str, Plan] = {
    "SEED-CF-001": Plan(CG, "城市管理", L),
    "SEED-CF-002": Plan(CG, "城市管理", L),
    "SEED-CF-003": Plan(CG, "城市管理", L),
    "SEED-CF-004": Plan(CG, "城市管理", L),
    "SEED-CF-005": Plan(CG, "城市管理", L),
    "SEED-CF-006": Plan(CG, "城市管理"),
    "SEED-CF-007": Plan(CG, "城市管理", L),
    "SEED-CF-008": Plan(
        (),
        "生态环境",
        note="No holder seeded: the reference leaves open whether 城管 or 生态环境 enforces it in "
        "Beijing, so the engine reports a gap for the justice bureau to settle.",
    ),
    "SEED-CF-009": Plan(CG, "城市管理", L),
    "SEED-CF-010": Plan(CG, "城市管理", L),
    "SEED-CF-011": Plan(CG, "城市管理", L),
    "SEED-CF-012": Plan(CG, "城市管理"),
    "SEED-CF-013": Plan(CG, "城市管理"),
    "SEED-CF-014": Plan(("dx-wsjkw",), "卫生健康", F),
    "SEED-CF-015": Plan(("dx-wsjkw",), "卫生健康", F),
    "SEED-CF-016": Plan(CG, "城市管理", L),
    "SEED-CF-017": Plan(
        CG,
        "城市管理",
        L,
        note="The item is about 食品摊贩, which 城管 handles; 市场监管 handles 小作坊、小餐饮、"
        "小食杂 under the same article, outside this item.",
    ),
    "SEED-CF-018": Plan(
        ("dx-ghzy", "dx-cgzf"),
        "规划自然资源",
        extra=_TOWN_ENFORCERS,
        note="A genuine 多头管辖: 规自委大兴分局, 区城管执法局 and the town governments all act on "
        "违法建设; streets may exercise it concentratedly (partly delegated, not seeded).",
        confidence="medium",
    ),
    "SEED-CF-019": Plan((TOWNS,), "规划自然资源", towns_only=True),
    "SEED-CF-020": Plan((TOWNS,), "规划自然资源", towns_only=True),
    "SEED-CF-021": Plan(("dx-scjg",), "市场监管"),
    "SEED-CF-022": Plan(("dx-scjg",), "市场监管"),
    "SEED-CF-023": Plan(
        CG,
        "文化旅游",
        F,
        note="Held by 城管 under Beijing's 相对集中处罚权 (the 2020 decision lists it among the "
        "城管 items); the tourism law names the tourism department.",
        confidence="medium",
    ),
    "SEED-CF-024": Plan(("dx-shuiwu",), "水务"),
    "SEED-CF-025": Plan(
        CG,
        "园林绿化",
        L,
        note="Seeded with 城管, which exercises 园林 penalties concentratedly (北京市绿化条例 "
        "第73条) and, per the reference, passed this one to streets and towns.",
        confidence="low-medium",
    ),
    "SEED-CF-026": Plan(
        ("dx-yllh", "dx-cgzf"),
        "园林绿化",
        note="区园林绿化局 and 城管 (北京市绿化条例 第73条) both hold 园林 penalties and the split "
        "for this item is unverified, so both are seeded: the engine shows the overlap.",
        confidence="low-medium",
    ),
    "SEED-CF-027": Plan((STREETS_AND_TOWNS,), "城市管理"),
    "SEED-CF-028": Plan((STREETS_AND_TOWNS,), "城市管理"),
    "SEED-CF-029": Plan((STREETS_AND_TOWNS,), "住房城乡建设"),
    "SEED-CF-030": Plan(("dx-sthj",), "生态环境"),
    "SEED-CF-031": Plan(("dx-sthj",), "生态环境"),
    "SEED-CF-032": Plan(("dx-gafj",), "公安"),
    "SEED-CF-033": Plan(("dx-yjgl",), "应急管理"),
    "SEED-CF-034": Plan(("dx-xfjy",), "消防"),
    "SEED-CF-035": Plan(("dx-ghzy",), "规划自然资源"),
    "SEED-CF-036": Plan(("dx-zjw",), "住房城乡建设"),
    "SEED-CF-037": Plan(("dx-tax",), "税务"),
    "SEED-CF-038": Plan(
        ("dx-jt",),
        "交通运输",
        note="The law names the county transport department; whether the municipal 交通执法总队 "
        "enforces it in Daxing is unverified.",
        confidence="low-medium",
    ),
    "SEED-CF-039": Plan(("dx-rlsb",), "人力社保"),
    "SEED-CF-040": Plan(("dx-wsjkw",), "卫生健康"),
    "SEED-CF-041": Plan(("dx-wsjkw",), "卫生健康"),
    "SEED-CF-042": Plan(
        ("dx-whly",),
        "文化旅游",
        note="公安 may also 取缔 when it finds such a business in a 治安 case (same article).",
    ),
    "SEED-CF-043": Plan(("dx-mz",), "民政"),
    "SEED-CF-044": Plan(("dx-nync",), "农业农村"),
    "SEED-XK-001": Plan(("dx-scjg",), "市场监管"),
    "SEED-XK-002": Plan(("dx-ghzy",), "规划自然资源"),
    "SEED-XK-003": Plan(
        ("dx-ghzy",),
        "规划自然资源",
        note="The town government receives and forwards the application; 规自 issues the permit.",
    ),
    "SEED-XK-004": Plan(("dx-zjw",), "住房城乡建设"),
    "SEED-XK-005": Plan(
        ("bj-sthjj",),
        "生态环境",
        note="The regulation puts 设区的市级以上 environment departments in charge, i.e. the "
        "municipal bureau; a role of the district bureau is unverified.",
        confidence="medium",
    ),
    "SEED-XK-006": Plan(("dx-shuiwu",), "水务"),
    "SEED-XK-007": Plan(
        (),
        "交通运输",
        note="No holder seeded: the Daxing 市政工程行政主管部门 is unverified (区城市管理委 is not "
        "among the reference bodies), so the engine reports a gap.",
    ),
    "SEED-XK-008": Plan(("dx-yllh",), "园林绿化"),
    "SEED-XK-009": Plan(("dx-whly",), "文化旅游"),
    "SEED-XK-010": Plan(("dx-jw",), "教育"),
    "SEED-XK-011": Plan(("dx-rlsb",), "人力社保"),
    "SEED-QZ-001": Plan(("dx-scjg",), "市场监管"),
    "SEED-QZ-002": Plan(
        ("dx-gov",),
        "规划自然资源",
        note="The district government orders (责成) the bodies that act; the towns' role as "
        "执法机关 (北京市城乡规划条例 第63、67条) is seeded on the 违法建设 penalty, not here.",
        confidence="medium",
    ),
    "SEED-QZ-003": Plan(("dx-sthj",), "生态环境"),
    "SEED-JC-001": Plan(("dx-yjgl",), "应急管理"),
    "SEED-JC-002": Plan(("dx-scjg",), "市场监管"),
    "SEED-JC-003": Plan(("dx-rlsb",), "人力社保"),
    "SEED-ZS-001": Plan(("dx-tax",), "税务"),
    "SEED-GF-001": Plan(
        ("dx-mz",),
        "民政",
        note="Streets and towns receive and investigate applications (a procedural step).",
    ),
    "SEED-GF-002": Plan(("dx-mz",), "民政"),
    "SEED-GF-003": Plan(("dx-mz",), "民政"),
    "SEED-QR-001": Plan(("dx-rlsb",), "人力社保"),
    "SEED-QR-002": Plan(("dx-ghzy",), "规划自然资源"),
    "SEED-CJ-001": Plan(
        ("dx-gov",),
        "规划自然资源",
        note="Disputes between individuals may also be handled by the town government.",
    ),
    "SEED-CJ-002": Plan(
        ("dx-gov",),
        "园林绿化",
        note="Disputes between individuals may also be handled by the town government.",
    ),
    "SEED-CJ-003": Plan(
        ("dx-gov",),
        "水务",
        note="Held for disputes between Daxing's streets and towns; a dispute with 固安 over the "
        "永定河 goes to the common superior above Beijing and Hebei (not seeded).",
    ),
    "SEED-QT-001": Plan(("dx-scjg",), "市场监管"),
}

NOT_DELEGABLE_HOLDERS = {"dx-gafj", "dx-tax", "dx-xfjy", "dx-gov", STREETS_AND_TOWNS, TOWNS}
"""Police, central vertical branches, the district government itself and streets/towns: the city's
2020 decision could not hand their powers down, so their items are seeded as not delegable."""

AIRPORT_ZONE_ITEMS = ("SEED-XK-002",)
"""Items shown (illustratively) as given to the airport zone committee by 京政发〔2020〕22号."""
