"""Regions: Beijing, Daxing and its 26 township-level units, its neighbours and their townships.

Keys are 12-digit NBS statistical codes (统计用区划代码). Provinces and cities are not rows of the
reference files; their codes follow from the county codes' prefixes (131022 → 1310 廊坊市), which is
the structure of the code itself. A few partner regions named only in cooperation agreements are not
in the reference data at all; they are listed in ``PARTNER_ONLY`` and say so in ``note``.
"""

from __future__ import annotations

from graph_service.domain.enums import RegionKind
from graph_service.domain.models import Region

from .dates import BASELINE
from .reference import Reference, Row

BEIJING = "110000000000"
DAXING = "110115000000"
ETDZ = "110115403000"
AIRPORT_ZONE = "110115-LKQ"
"""The 临空经济区(北京部分) has no statistical code; this key is ours (see its ``note``)."""

ADJACENCY_CONFIRMED = {"confirmed", "confirmed (medium-high)"}
_WITHIN_ETDZ = {"110115012000", "110115013000"}  # 荣华街道, 博兴街道
GUANGYANG = "131003000000"
_AIRPORT_TOWNS = {"110115106000", "110115107000"}  # 礼贤镇, 榆垡镇
"""Town-level border fact: the airport site lies between 榆垡镇/礼贤镇 and 广阳区 (facts.md §1)."""

_UPPER = {
    # province_city as written in neighbours.csv -> (city or province code, name, kind, parent)
    "北京市": (BEIJING, "北京市", RegionKind.PROVINCE, None),
    "天津市": ("120000000000", "天津市", RegionKind.PROVINCE, None),
    "河北省": ("130000000000", "河北省", RegionKind.PROVINCE, None),
    "河北省廊坊市": ("131000000000", "廊坊市", RegionKind.CITY, "130000000000"),
    "河北省保定市": ("130600000000", "保定市", RegionKind.CITY, "130000000000"),
}
_PREFIX_SOURCE = (
    "code derived from the prefix of the county codes in reference/neighbours.csv and "
    "reference/daxing_divisions.csv (NBS/GB/T 2260 code structure); confidence: high"
)

PARTNER_ONLY: list[tuple[str, str, RegionKind, str]] = [
    # Parties to reference/cross_border_cooperation.csv whose codes the reference data lacks.
    ("110117000000", "平谷区", RegionKind.DISTRICT, BEIJING),
    ("120119000000", "蓟州区", RegionKind.DISTRICT, "120000000000"),
    ("130200000000", "唐山市", RegionKind.CITY, "130000000000"),
    ("130800000000", "承德市", RegionKind.CITY, "130000000000"),
]


def build_regions(ref: Reference) -> list[Region]:
    neighbours = ref.rows("neighbours.csv")
    out = _upper_regions()
    out.append(_daxing(neighbours))
    out += [_daxing_division(row) for row in ref.rows("daxing_divisions.csv")]
    out.append(_airport_zone())
    out += [_neighbour_county(row) for row in neighbours]
    out += [_neighbour_township(row) for row in ref.rows("neighbour_townships.csv")]
    out += [_partner_only(*entry) for entry in PARTNER_ONLY]
    return out


def _upper_regions() -> list[Region]:
    return [
        Region(code=code, name=name, kind=kind, parent=parent, source=_PREFIX_SOURCE)
        for code, name, kind, parent in _UPPER.values()
    ]


def _daxing(neighbours: list[Row]) -> Region:
    adjacent = [r for r in neighbours if r["adjacency_status"] in ADJACENCY_CONFIRMED]
    rows = ", ".join(str(r.number) for r in adjacent)
    return Region(
        code=DAXING,
        name="大兴区",
        kind=RegionKind.DISTRICT,
        parent=BEIJING,
        adjacent=[r["code12"] for r in adjacent],
        coverage_from=BASELINE,
        source=(
            "reference/facts.md §1 (county code 110115, NBS 2023 via modood; zh.wikipedia); "
            f"adjacency: reference/neighbours.csv rows {rows}; confidence: high "
            "(广阳区 medium-high)"
        ),
        note=(
            "Adjacency lists only the neighbours neighbours.csv marks confirmed; 安次、永清、霸州、"
            "涿州、武清 are not seeded as adjacent (facts.md §8 gap 6). Adjacency is a "
            "district-level fact: it concerns the district as a whole, not each of its streets "
            "and towns. "
            f"coverage_from {BASELINE}: the seed shows competence from its baseline on (the 2020 "
            "delegation is its first change); earlier dates are outside the data."
        ),
    )


def _daxing_division(row: Row) -> Region:
    code = row["code12"]
    unit_type = row["unit_type"]
    notes: list[str] = []
    aliases: list[str] = []
    within: list[str] = []
    if unit_type == "街道办事处":
        kind = RegionKind.STREET
    elif unit_type == "地区办事处":
        kind = RegionKind.TOWNSHIP
        town = row["same_staff_town_plate"].split("(")[0]
        aliases.append(town)
        alt_code, _, _ = row["alt_code_other_dataset"].partition(" ")
        alt_code = alt_code.rstrip("*")
        if alt_code and alt_code != code:
            aliases.append(alt_code)
            notes.append(
                f"Alternate code {alt_code} ({town}) comes from "
                "xiangyuecn/AreaCity-JsSpider-StatsGov (Tencent map ids), not NBS 2023: a legacy "
                "or third-party id (medium)."
            )
        notes.append(
            f"The {row['name']} office and {town} are one body with two plates "
            "(一套人马、两块牌子); NBS codes the 地区 office. High for 亦庄 and 瀛海, medium for "
            "黄村、旧宫、西红门 (facts.md §1)."
        )
    elif unit_type == "镇":
        kind = RegionKind.TOWNSHIP
    else:
        kind = RegionKind.ZONE
        notes.append("NBS 4xx functional-zone unit (政企合一), not a legal township.")
    if code in _WITHIN_ETDZ:
        within.append(ETDZ)
        notes.append(
            "Lies within 北京经济技术开发区 per secondary sources (medium, facts.md §1); whether "
            "the ETDZ manages it (托管) is NOT verified (facts.md §8 gap 2) and is not seeded."
        )
    adjacent: list[str] = []
    if code in _AIRPORT_TOWNS:
        adjacent.append(GUANGYANG)
        notes.append(
            "Borders 广阳区 (廊坊市) at the airport site, which lies between 榆垡镇/礼贤镇 and "
            "广阳区 (2014 EIA siting text, China Youth Daily 2014-06-17; facts.md §1, high): a "
            "town-level border fact."
        )
    if code == "110115405000":
        notes.append("Named 国家新媒体产业基地 in the NBS 2017–2022 editions.")
    if code == "110115406000":
        notes.append("First appears in the NBS 2019 edition.")
    if row["etdz_airport_note"]:
        notes.append(row["etdz_airport_note"])
    return Region(
        code=code,
        name=row["name"],
        kind=kind,
        parent=DAXING,
        within=within,
        adjacent=adjacent,
        aliases=aliases,
        source=row.cite(row["confidence"], row["source"]),
        note=" ".join(notes) or None,
    )


def _airport_zone() -> Region:
    return Region(
        code=AIRPORT_ZONE,
        name="北京大兴国际机场临空经济区(北京部分)",
        kind=RegionKind.ZONE,
        parent=DAXING,
        aliases=["临空经济区(大兴)", "大兴片区"],
        source=(
            "reference/facts.md §1 (Beijing Daxing International Airport zone); "
            "reference/documents.csv rows 3 and 12; confidence: high"
        ),
        note=(
            "The Beijing part (about 50 km²) of the ~150 km² zone jointly planned by Beijing and "
            "Hebei (2019 plan). It has no statistical code: the key 110115-LKQ is made up for this "
            "dataset. Its boundary against 榆垡镇 and 礼贤镇 is not in the reference data, so no "
            "region is linked as lying within it."
        ),
    )


def _neighbour_county(row: Row) -> Region:
    name = row["name"]
    upper = _UPPER[row["province_city"]]
    return Region(
        code=row["code12"],
        name=name,
        kind=RegionKind.DISTRICT if name.endswith("区") else RegionKind.COUNTY,
        parent=upper[0],
        source=row.cite(
            "high (code); adjacency to Daxing: " + row["adjacency_status"],
            "NBS 2023 via modood",
        ),
        note=f"Relation to Daxing: {row['relation_to_daxing']}.",
    )


def _neighbour_township(row: Row) -> Region:
    code = row["code12"]
    segment = code[6]
    kind = {"0": RegionKind.STREET, "4": RegionKind.ZONE, "5": RegionKind.ZONE}.get(
        segment, RegionKind.TOWNSHIP
    )
    return Region(
        code=code,
        name=row["name"],
        kind=kind,
        parent=f"{row['county_code']}000000",
        source=row.cite("high", row["source"]),
    )


def _partner_only(code: str, name: str, kind: RegionKind, parent: str) -> Region:
    return Region(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        source="party to an agreement in reference/cross_border_cooperation.csv; "
        "confidence: medium",
        note=(
            "This statistical code is NOT in the reference data: it is the GB/T 2260 code as "
            "generally known, added so the agreement's party has a region. Verify before use."
        ),
    )
