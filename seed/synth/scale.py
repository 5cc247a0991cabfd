"""How big a synthetic authority graph is, and the names its units are given.

The presets are what the benchmarks and tests share: ``BEIJING`` is the size the performance
targets of the product are stated for (one city, 16 districts, 343 streets and towns, 60
departments per district, 8,000 power items), ``SMALL`` is a toy with every feature of the big one,
fast enough for unit tests. Department slots are the same in every district (slot 0 is the
city-management bureau everywhere), which is how real Beijing districts are organised and what lets
one item have "its" department in each district."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Slots with a part to play; SynthScale.departments_per_district must be at least ROLE_SLOTS.
CHENGGUAN, ECOLOGY, WATER, AGRICULTURE, HEALTH = 0, 1, 2, 3, 4  # sources of the 431 delegation
MARKET = 5  # set up in the 2019 reform, successor of three abolished bureaus
HOUSING, TRANSPORT = 6, 7  # delegate items to functional-zone committees
EMERGENCY = 8  # entrusts items to an enforcement team; joint holder with SOCIAL
CULTURE, SPORT = 9, 10  # a transfer from CULTURE to SPORT
SOCIAL = 11
ROLE_SLOTS = 18  # slots 12..17 carry overlaps, gaps, cancellations, stale bases

DEPARTMENT_NAMES: tuple[tuple[str, str], ...] = (
    ("城市管理综合行政执法局", "城市管理"),
    ("生态环境局", "生态环境"),
    ("水务局", "水务"),
    ("农业农村局", "农业农村"),
    ("卫生健康委员会", "卫生健康"),
    ("市场监督管理局", "市场监管"),
    ("住房和城乡建设委员会", "住房城乡建设"),
    ("交通局", "交通运输"),
    ("应急管理局", "应急管理"),
    ("文化和旅游局", "文化旅游"),
    ("体育局", "体育"),
    ("人力资源和社会保障局", "人力社保"),
    ("教育委员会", "教育"),
    ("民政局", "民政"),
    ("商务局", "商务"),
    ("园林绿化局", "园林绿化"),
    ("发展和改革委员会", "发展改革"),
    ("科学技术委员会", "科技"),
    ("经济和信息化局", "经济信息化"),
    ("财政局", "财政"),
    ("统计局", "统计"),
    ("审计局", "审计"),
    ("退役军人事务局", "退役军人"),
    ("医疗保障局", "医疗保障"),
    ("人民防空办公室", "人民防空"),
    ("国有资产监督管理委员会", "国资"),
    ("城市管理委员会", "城市管理"),
    ("民族宗教事务办公室", "民族宗教"),
    ("粮食和物资储备局", "粮食物资"),
    ("地方金融监督管理局", "地方金融"),
    ("政务服务管理局", "政务服务"),
    ("知识产权局", "知识产权"),
    ("档案局", "档案"),
    ("信访办公室", "信访"),
)
"""Department names (after the district's name) and their enforcement field, by slot."""

PREDECESSORS: tuple[str, ...] = ("工商行政管理局", "质量技术监督局", "食品药品监督管理局")
"""The bureaus merged into the market-supervision bureau in the 2019 reform."""

VERTICALS: tuple[tuple[str, str, str], ...] = (
    ("北京市规划和自然资源委员会{district}分局", "北京市规划和自然资源委员会", "规划自然资源"),
    ("{district}税务局", "国家税务总局北京市税务局", "税务"),
    ("{district}消防救援支队", "北京市消防救援总队", "消防"),
    ("北京市公安局{district}分局", "北京市公安局", "公安"),
)
"""Vertically managed branches: (branch name, city-level superior, field)."""

BEIJING_TOWNS = (17, 15, 43, 26, 9, 29, 13, 28, 22, 25, 22, 22, 16, 18, 20, 18)
"""Streets and towns per district, as Beijing's 16 districts have them (343 in all)."""


@dataclass(frozen=True, slots=True)
class SynthScale:
    """The size knobs of a synthetic dataset; every other feature scales with them."""

    name: str
    towns_per_district: tuple[int, ...]
    departments_per_district: int
    items: int
    delegated: tuple[int, int, int, int, int]
    """Items each source department (slots 0..4) delegates to every town on 2020-07-01."""
    zones: int
    zone_items: int
    """Items each functional-zone committee holds by delegation from district departments."""
    laws: int
    later_rounds: tuple[tuple[date, int], ...] = ()
    """Later delegation rounds to towns: (effective, items), from slots past ROLE_SLOTS."""

    def __post_init__(self) -> None:
        if self.departments_per_district < ROLE_SLOTS:
            raise ValueError(f"departments_per_district must be at least {ROLE_SLOTS}")
        if not self.towns_per_district or min(self.towns_per_district) < 2:
            raise ValueError("every district needs at least two streets or towns")
        if self.zones > len(self.towns_per_district):
            raise ValueError("at most one functional zone per district")

    @property
    def districts(self) -> int:
        return len(self.towns_per_district)

    @property
    def towns(self) -> int:
        return sum(self.towns_per_district)


BEIJING = SynthScale(
    name="beijing",
    towns_per_district=BEIJING_TOWNS,
    departments_per_district=60,
    items=8000,
    delegated=(393, 4, 22, 1, 11),
    zones=3,
    zone_items=40,
    laws=400,
    later_rounds=((date(2022, 1, 1), 400), (date(2024, 1, 1), 400)),
)

SMALL = SynthScale(
    name="small",
    towns_per_district=(3, 2, 4),
    departments_per_district=ROLE_SLOTS,
    items=300,
    delegated=(10, 2, 3, 1, 2),
    zones=1,
    zone_items=4,
    laws=24,
)

SCALES: dict[str, SynthScale] = {scale.name: scale for scale in (BEIJING, SMALL)}
"""Presets by the name the CLI and ``python -m benchmarks --scale`` take."""
