"""Cooperation agreements (cross_border_cooperation.csv) and the partner units that sign them.

The reference names the parties by place (天津蓟州区, 廊坊市 …), not by the signing body, so each
party is modelled as the government of that place; ``note`` says when the source names a department.
Daxing is a party to none of them (facts.md §2): the one Daxing agreement here is illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.domain.enums import UnitKind
from graph_service.domain.models import Agreement, Unit

from .reference import Reference, Row
from .regions import PARTNER_ONLY
from .units import CITY_GOV, DISTRICT_GOV

GOVERNMENTS: list[tuple[str, str, str, str | None]] = [
    # (unit id, name, region code, parent unit): Beijing's are governments, the rest partners
    ("tz-gov", "北京市通州区人民政府", "110112000000", CITY_GOV),
    ("fs-gov", "北京市房山区人民政府", "110111000000", CITY_GOV),
    ("pg-gov", "北京市平谷区人民政府", "110117000000", CITY_GOV),
    ("tj-gov", "天津市人民政府", "120000000000", None),
    ("tj-wq-gov", "天津市武清区人民政府", "120114000000", "tj-gov"),
    ("tj-jz-gov", "天津市蓟州区人民政府", "120119000000", "tj-gov"),
    ("hb-gov", "河北省人民政府", "130000000000", None),
    ("hb-ts-gov", "唐山市人民政府", "130200000000", "hb-gov"),
    ("hb-cd-gov", "承德市人民政府", "130800000000", "hb-gov"),
    ("hb-lf-gov", "廊坊市人民政府", "131000000000", "hb-gov"),
    ("hb-gy-gov", "廊坊市广阳区人民政府", "131003000000", "hb-lf-gov"),
    ("hb-ga-gov", "固安县人民政府", "131022000000", "hb-lf-gov"),
    ("hb-zz-gov", "涿州市人民政府", "130681000000", None),
]


@dataclass(frozen=True)
class Plan:
    id: str
    parties: tuple[str, ...]
    fields: tuple[str, ...]
    valid_from: date | None
    mechanisms: tuple[str, ...] = ()
    note: str = ""


PLANS: dict[str, Plan] = {
    "COOP01": Plan(
        "coop-2024-jjj-cgzf",
        ("tj-jz-gov", "pg-gov", "hb-ts-gov", "hb-cd-gov", "hb-lf-gov"),
        ("城市管理",),
        date(2024, 9, 19),
        ("协作互动", "学习交流", "信用联惩", "专家智库", "宣传引导", "成效评估"),
        "Signed at the first 京津冀城管执法协作 meeting (2024-09; valid_from is the report date). "
        "Signatories named by place; the signing bodies are presumably their 城管 departments.",
    ),
    "COOP02": Plan(
        "coop-2017-twl",
        ("tz-gov", "tj-wq-gov", "hb-lf-gov"),
        ("生态环境", "交通运输", "市场监管"),
        date(2017, 9, 21),
        ("常态化沟通联络机制",),
        "A work plan (2017-09; valid_from is the Xinhua report date); it also covers 产业.",
    ),
    "COOP03": Plan(
        "coop-2019-twl",
        ("tz-gov", "tj-wq-gov", "hb-lf-gov"),
        ("文化旅游", "生态环境", "市场监管"),
        date(2019, 5, 19),
        note="Agreed by the three places' development-and-reform departments.",
    ),
    "COOP04": Plan(
        "coop-2014-lkq",
        (CITY_GOV, "hb-gov"),
        (),
        date(2014, 7, 1),
        note="Signed 2014-07 (day unknown; valid_from is the first of the month). Followed by the "
        "2016 NDRC plan, the 2019 master plan and 京政发〔2020〕22号. No joint enforcement or tax "
        "sharing arrangement inside the airport zone is known (facts.md §8 gap 3).",
    ),
    "COOP05": Plan(
        "coop-2013-jj",
        (CITY_GOV, "hb-gov"),
        ("市场监管", "应急管理", "生态环境", "水务"),
        date(2013, 5, 22),
        ("突发事件联合响应", "信息通报", "检测结果互认"),
        "Domains as listed: 物流、口岸、食品安全、应急、大气污染、防汛 (mapped to fields).",
    ),
    "COOP06": Plan(
        "coop-jjj-hjzf",
        (CITY_GOV, "tj-gov", "hb-gov"),
        ("生态环境",),
        None,
        ("定期会商", "联动执法", "联合检查", "重点案件联合后督察"),
        "Between the three environmental departments (modelled by their governments); c. 2015, "
        "date unverified, so no valid_from.",
    ),
    "COOP07": Plan(
        "coop-fs-zz",
        ("fs-gov", "hb-zz-gov"),
        ("生态环境",),
        None,
        note="Year unverified, so no valid_from. Context for 涿州, not Daxing.",
    ),
}

ILLUSTRATIVE_ID = "illustrative-dx-lf-cgzf"
PARTNER_ONLY_CODES = {code for code, *_ in PARTNER_ONLY}


def build_partner_units(ref: Reference) -> list[Unit]:
    neighbours = ref.by("neighbours.csv", "code12")
    return [
        Unit(
            id=uid,
            name=name,
            kind=UnitKind.GOVERNMENT if region.startswith("11") else UnitKind.PARTNER,
            region=region,
            parent=parent,
            source="party to agreements in reference/cross_border_cooperation.csv; "
            f"{_region_source(region, neighbours)}; confidence: high",
            note=_NOTES.get(uid),
        )
        for uid, name, region, parent in GOVERNMENTS
    ]


_NOTES = {"hb-zz-gov": "Its parent, 保定市人民政府, is not seeded."}


def _region_source(region: str, neighbours: dict[str, Row]) -> str:
    row = neighbours.get(region)
    if row is not None:
        return row.cite(None, "its region")
    if region in PARTNER_ONLY_CODES:
        return "its region's code is not in the reference data (see that region's note)"
    return "its region's code is derived from the reference county codes"


def build_agreements(ref: Reference) -> list[Agreement]:
    out = [
        _agreement(row, PLANS[row["coop_id"]]) for row in ref.rows("cross_border_cooperation.csv")
    ]
    out.append(_illustrative())
    return out


def _agreement(row: Row, plan: Plan) -> Agreement:
    return Agreement(
        id=plan.id,
        title=row["title"],
        parties=list(plan.parties),
        fields=list(plan.fields),
        mechanisms=list(plan.mechanisms),
        valid_from=plan.valid_from,
        source=row.cite(row["confidence"], row["source_url"]),
        note=f"{plan.note} Parties as listed: {row['parties']}. Involves Daxing/Langfang: "
        f"{row['involves_daxing_or_langfang']}.",
    )


def _illustrative() -> Agreement:
    return Agreement(
        id=ILLUSTRATIVE_ID,
        title="(示例) 大兴区与廊坊市固安县、广阳区城市管理执法协作",
        parties=[DISTRICT_GOV, "hb-ga-gov", "hb-gy-gov"],
        fields=["城市管理"],
        illustrative=True,
        source="made up for this dataset; adjacency from reference/neighbours.csv rows 5-6",
        note="ILLUSTRATIVE, NOT A FACT: no Daxing-specific cross-border enforcement agreement with "
        "廊坊、固安 or 广阳 was found (facts.md §8 gap 7). Added only to show cross-border "
        "counterparts at Daxing's southern border.",
    )
