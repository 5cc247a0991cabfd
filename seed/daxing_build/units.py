"""Units: the city and district governments, Daxing's enforcement bodies and its 22 streets/towns.

Ids are short, readable and stable: ``dx-`` + the pinyin initials of the body's short name
(``dx-cgzf`` 区城管执法局), ``dx-street-…`` / ``dx-town-…`` + the pinyin of a street or town. A
vertically managed branch belongs (``parent``) to the district government, which supervises such
bodies in its territory (policy draft 四(一)), and has the upper-level body it reports to as
``superior``; that superior is seeded too.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_service.domain.enums import UnitKind
from graph_service.domain.models import Unit

from .reference import Reference, Row
from .regions import AIRPORT_ZONE, BEIJING, DAXING, ETDZ

CITY_GOV = "bj-gov"
DISTRICT_GOV = "dx-gov"
JUSTICE_BUREAU = "dx-sfj"


@dataclass(frozen=True)
class Body:
    """How one row of daxing_departments.csv becomes a unit."""

    id: str
    kind: UnitKind = UnitKind.DEPARTMENT
    superior: str | None = None
    region: str = DAXING
    parent: str = DISTRICT_GOV
    note: str | None = None


BODIES: dict[str, Body] = {
    "D01": Body("dx-cgzf"),
    "D02": Body("dx-scjg"),
    "D03": Body(
        "dx-sthj",
        note="Not seeded as vertically managed: the Beijing 垂改 model for district bureaus is "
        "not verified (facts.md §8 gap 5).",
    ),
    "D04": Body("dx-wsjkw"),
    "D05": Body("dx-yjgl"),
    "D06": Body("dx-zjw"),
    "D07": Body(
        "dx-jt",
        note="The exact name (交通局 or 交通委员会) is not verified (facts.md §8 gap 5).",
    ),
    "D08": Body("dx-shuiwu"),
    "D09": Body("dx-nync"),
    "D10": Body("dx-whly"),
    "D11": Body("dx-rlsb"),
    "D12": Body("dx-jw"),
    "D13": Body("dx-mz"),
    "D14": Body(
        "dx-shangwu",
        note="The exact name of the commerce bureau is not verified (facts.md §8 gap 5).",
    ),
    "D15": Body("dx-yllh"),
    "D16": Body("dx-ghzy", UnitKind.VERTICAL_BRANCH, superior="bj-ghzrw"),
    "D17": Body("dx-gafj", UnitKind.VERTICAL_BRANCH, superior="bj-gaj"),
    "D18": Body("dx-tax", UnitKind.VERTICAL_BRANCH, superior="bj-tax"),
    "D19": Body("dx-xfjy", UnitKind.VERTICAL_BRANCH, superior="bj-xfjy"),
    "D20": Body(
        JUSTICE_BUREAU,
        note="THE DISTRICT JUSTICE BUREAU (区司法局): supervises enforcement for the district "
        "government and coordinates overlaps, gaps and disputes (北京市行政执法监督办法 第4-5条).",
    ),
    "D21": Body("jkq-gwh", UnitKind.ZONE_COMMITTEE, region=ETDZ, parent=CITY_GOV),
    "D22": Body(
        "dx-lkq-gwh",
        UnitKind.ZONE_COMMITTEE,
        region=AIRPORT_ZONE,
        note="Parent: the district government (its director is the district head, medium-high; "
        "the reference lists 北京市人民政府/大兴区).",
    ),
}
"""daxing_departments.csv dept_id -> unit shape (D23, the streets and towns, is expanded below)."""

SUPERIORS: list[tuple[str, str, UnitKind, str, str]] = [
    # (id, name, kind, departments row naming it as vertical_parent, note)
    ("bj-ghzrw", "北京市规划和自然资源委员会", UnitKind.DEPARTMENT, "D16", ""),
    ("bj-gaj", "北京市公安局", UnitKind.DEPARTMENT, "D17", ""),
    (
        "bj-tax",
        "国家税务总局北京市税务局",
        UnitKind.VERTICAL_BRANCH,
        "D18",
        "Part of the 国家税务总局 system (not seeded); parent: the government of its territory.",
    ),
    (
        "bj-xfjy",
        "北京市消防救援总队",
        UnitKind.VERTICAL_BRANCH,
        "D19",
        "Part of the national fire and rescue system (not seeded); parent: the government of "
        "its territory.",
    ),
    ("bj-sthjj", "北京市生态环境局", UnitKind.DEPARTMENT, "D03", ""),
]

PINYIN = {
    "110115001000": "xingfeng",
    "110115002000": "linxiaolu",
    "110115003000": "qingyuan",
    "110115004000": "yizhuang",
    "110115005000": "huangcun",
    "110115006000": "jiugong",
    "110115007000": "xihongmen",
    "110115008000": "yinghai",
    "110115009000": "guanyinsi",
    "110115010000": "tiangongyuan",
    "110115011000": "gaomidian",
    "110115012000": "ronghua",
    "110115013000": "boxing",
    "110115103000": "qingyundian",
    "110115104000": "caiyu",
    "110115105000": "anding",
    "110115106000": "lixian",
    "110115107000": "yufa",
    "110115108000": "panggezhuang",
    "110115109000": "beizangcun",
    "110115110000": "weishanzhuang",
    "110115111000": "zhangziying",
}
"""Region code of each street and town -> the pinyin used in its unit id."""


def street_or_town_id(division: Row) -> str:
    kind = "street" if division["unit_type"] == "街道办事处" else "town"
    return f"dx-{kind}-{PINYIN[division['code12']]}"


def is_street_or_town(division: Row) -> bool:
    return division["unit_type"] in {"街道办事处", "地区办事处", "镇"}


def build_units(ref: Reference) -> list[Unit]:
    departments = ref.by("daxing_departments.csv", "dept_id")
    out = [_city_government(), _district_government(departments["D23"])]
    out += [
        _superior(departments[dept], uid, name, kind, note)
        for uid, name, kind, dept, note in SUPERIORS
    ]
    out += [_body(departments[dept], body) for dept, body in BODIES.items()]
    out += [
        _street_or_town(row, departments["D23"])
        for row in ref.rows("daxing_divisions.csv")
        if is_street_or_town(row)
    ]
    return out


def _city_government() -> Unit:
    return Unit(
        id=CITY_GOV,
        name="北京市人民政府",
        kind=UnitKind.GOVERNMENT,
        region=BEIJING,
        aliases=["市政府"],
        source="reference/documents.csv rows 1 and 3 (issuer of 京政发〔2020〕9号 and 22号); "
        "confidence: high",
    )


def _district_government(streets_row: Row) -> Unit:
    return Unit(
        id=DISTRICT_GOV,
        name="北京市大兴区人民政府",
        kind=UnitKind.GOVERNMENT,
        region=DAXING,
        parent=CITY_GOV,
        aliases=["大兴区人民政府", "区政府"],
        source=streets_row.cite("high", "the government the district bodies belong to (区政府)"),
    )


def _superior(row: Row, uid: str, name: str, kind: UnitKind, note: str) -> Unit:
    return Unit(
        id=uid,
        name=name,
        kind=kind,
        region=BEIJING,
        parent=CITY_GOV,
        vertical=kind == UnitKind.VERTICAL_BRANCH,
        source=row.cite(row["confidence"], f"vertical_parent / guidance of {row['short_name']}"),
        note=note or None,
    )


def _body(row: Row, body: Body) -> Unit:
    name, _, name_caveat = row["name_official"].partition(" (")
    notes = [
        f"Management: {row['management_type']}.",
        f"Domain: {row['enforcement_domain']}.",
        f"2020 delegation: {row['role_in_2020_street_township_delegation']}.",
    ]
    if name_caveat:
        notes.append(f"Name: {name_caveat.rstrip(')')}.")
    if body.note:
        notes.append(body.note)
    return Unit(
        id=body.id,
        name=name,
        kind=body.kind,
        region=body.region,
        parent=body.parent,
        superior=body.superior,
        vertical=body.superior is not None,
        aliases=[row["short_name"]],
        source=row.cite(row["confidence"], row["basis_or_source"]),
        note=" ".join(notes),
    )


def _street_or_town(division: Row, streets_row: Row) -> Unit:
    region_name = division["name"]
    if division["unit_type"] == "街道办事处":
        kind, name, aliases = UnitKind.STREET, f"{region_name}办事处", [region_name]
    elif division["unit_type"] == "地区办事处":
        town = division["same_staff_town_plate"].split("(")[0]
        kind = UnitKind.TOWNSHIP
        name = f"{region_name}办事处（{town}人民政府）"
        aliases = [f"{town}人民政府", f"{region_name}办事处", town, region_name]
    else:
        kind, name, aliases = UnitKind.TOWNSHIP, f"{region_name}人民政府", [region_name]
    return Unit(
        id=street_or_town_id(division),
        name=name,
        kind=kind,
        region=division["code12"],
        parent=DISTRICT_GOV,
        aliases=aliases,
        source=f"{division.cite(division['confidence'])}; {streets_row.cite('high')}",
        note="Exercises the powers delegated by 京政发〔2020〕9号 through its 综合行政执法队 "
        "(reference/daxing_departments.csv D23).",
    )
