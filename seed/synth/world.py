"""The places and units of a synthetic city: regions, governments, departments, towns, zones.

Everything here is structural and needs no randomness: the same scale always gives the same
places and units, so a benchmark at a given scale always walks the same administrative tree.
Identifiers are readable (``syn-d03-k00`` is district 3's slot-0 department) so that a benchmark's
slowest query can be looked at by eye.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from graph_service.domain.enums import RegionKind, UnitKind
from graph_service.domain.models import Region, Unit

from .scale import DEPARTMENT_NAMES, MARKET, PREDECESSORS, VERTICALS, SynthScale

REFORM = date(2019, 2, 1)
"""The 2019 institutional reform: predecessors of the market bureau end, the bureau begins."""
WOUND_UP = date(2023, 1, 1)
"""When the last department slot is wound up, without successor, in some districts."""

CITY = "syn-bj"
CITY_GOV = "syn-gov"
CITY_JUSTICE = "syn-justice"


def district_prefix(d: int) -> str:
    return f"syn-d{d + 1:02d}"


def wound_up_in(d: int) -> bool:
    """Districts where the last department slot is abolished without a successor."""
    return d % 5 == 2


def has_team(d: int) -> bool:
    """Districts with an entrusted enforcement team (委托的综合执法队)."""
    return d % 4 == 2


@dataclass(slots=True)
class Zone:
    district: int
    region: str
    committee: str


@dataclass(slots=True)
class World:
    """The records built here plus indexes the act generator needs."""

    regions: list[Region] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)  # region codes
    governments: list[str] = field(default_factory=list)  # unit ids, by district
    towns: list[list[str]] = field(default_factory=list)  # town unit ids, by district
    departments: list[list[str]] = field(default_factory=list)  # unit ids, [district][slot]
    predecessors: list[list[str]] = field(default_factory=list)  # [district][j]
    verticals: list[list[str]] = field(default_factory=list)  # [district][j]
    teams: dict[int, str] = field(default_factory=dict)  # district -> entrusted org
    zones: list[Zone] = field(default_factory=list)


def department_name(slot: int) -> tuple[str, str]:
    """(name, field) of a department slot; slots past the named ones get synthetic names."""
    if slot < len(DEPARTMENT_NAMES):
        return DEPARTMENT_NAMES[slot]
    return f"第{slot + 1}合成局", f"合成领域{slot + 1}"


def build_world(scale: SynthScale, source: str) -> World:
    world = World()
    regions, units = world.regions, world.units

    def region(code: str, name: str, kind: RegionKind, **extra: object) -> None:
        regions.append(
            Region.model_validate(
                {"code": code, "name": name, "kind": kind, "source": source, "illustrative": True}
                | extra
            )
        )

    def unit(uid: str, name: str, kind: UnitKind, where: str, **extra: object) -> str:
        units.append(
            Unit.model_validate(
                {
                    "id": uid,
                    "name": name,
                    "kind": kind,
                    "region": where,
                    "source": source,
                    "illustrative": True,
                }
                | extra
            )
        )
        return uid

    region(CITY, "北京市", RegionKind.CITY)
    unit(CITY_GOV, "北京市人民政府", UnitKind.GOVERNMENT, CITY)
    unit(CITY_JUSTICE, "北京市司法局", UnitKind.DEPARTMENT, CITY, parent=CITY_GOV)
    superiors = [
        unit(f"syn-city-v{j}", superior, UnitKind.DEPARTMENT, CITY, parent=CITY_GOV)
        for j, (_, superior, _) in enumerate(VERTICALS)
    ]
    zone_districts = _zone_districts(scale)
    town_number = 0
    for d, town_count in enumerate(scale.towns_per_district):
        prefix, district_name = district_prefix(d), f"合成区{d + 1}"
        neighbours = [district_prefix(n) for n in (d - 1, d + 1) if 0 <= n < scale.districts]
        region(prefix, district_name, RegionKind.DISTRICT, parent=CITY, adjacent=neighbours)
        world.districts.append(prefix)
        gov = unit(
            f"{prefix}-gov",
            f"{district_name}人民政府",
            UnitKind.GOVERNMENT,
            prefix,
            parent=CITY_GOV,
        )
        world.governments.append(gov)
        unit(f"{prefix}-justice", f"{district_name}司法局", UnitKind.DEPARTMENT, prefix, parent=gov)
        world.departments.append(_departments(scale, d, prefix, district_name, gov, unit))
        world.predecessors.append(
            [
                unit(
                    f"{prefix}-k{MARKET:02d}-p{j}",
                    f"{district_name}{name}",
                    UnitKind.DEPARTMENT,
                    prefix,
                    parent=gov,
                    valid_to=REFORM,
                    successor=world.departments[d][MARKET],
                )
                for j, name in enumerate(PREDECESSORS)
            ]
        )
        world.verticals.append(
            [
                unit(
                    f"{prefix}-v{j}",
                    branch.format(district=district_name),
                    UnitKind.VERTICAL_BRANCH,
                    prefix,
                    parent=CITY_GOV,
                    superior=superiors[j],
                    vertical=True,
                )
                for j, (branch, _, _) in enumerate(VERTICALS)
            ]
        )
        if has_team(d):
            world.teams[d] = unit(
                f"{prefix}-team",
                f"{district_name}应急管理综合执法大队",
                UnitKind.ENTRUSTED_ORG,
                prefix,
                parent=gov,
            )
        zone_code = f"syn-z{zone_districts.index(d) + 1}" if d in zone_districts else None
        town_codes = [f"{prefix}-t{t + 1:03d}" for t in range(town_count)]
        in_zone = set(town_codes[: min(4, town_count - 1)]) if zone_code else set()
        if zone_code is not None:
            number = zone_districts.index(d) + 1
            region(zone_code, f"合成{number}功能区", RegionKind.ZONE, parent=prefix)
            committee = unit(
                f"{zone_code}-committee",
                f"合成{number}功能区管理委员会",
                UnitKind.ZONE_COMMITTEE,
                zone_code,
                parent=CITY_GOV,
            )
            world.zones.append(Zone(d, zone_code, committee))
        world.towns.append([])
        for t, code in enumerate(town_codes):
            town_number += 1
            street = t < (town_count + 1) // 2
            name = f"合成{town_number}{'街道' if street else '镇'}"
            adjacent = [town_codes[n] for n in (t - 1, t + 1) if 0 <= n < town_count]
            within = [zone_code] if code in in_zone and zone_code else []
            kind = RegionKind.STREET if street else RegionKind.TOWNSHIP
            region(code, name, kind, parent=prefix, adjacent=adjacent, within=within)
            office = f"{name}办事处" if street else f"{name}人民政府"
            unit_kind = UnitKind.STREET if street else UnitKind.TOWNSHIP
            world.towns[d].append(unit(f"{code}-office", office, unit_kind, code, parent=gov))
    return world


def _zone_districts(scale: SynthScale) -> list[int]:
    """Districts with a functional zone, spread over the city."""
    n = scale.districts
    return [(z * n // scale.zones + n // 2) % n for z in range(scale.zones)] if scale.zones else []


def _departments(
    scale: SynthScale, d: int, prefix: str, district_name: str, gov: str, unit: _UnitFactory
) -> list[str]:
    ids = []
    for slot in range(scale.departments_per_district):
        name, _ = department_name(slot)
        extra: dict[str, object] = {"parent": gov}
        if slot == MARKET:
            extra["valid_from"] = REFORM
        if slot == scale.departments_per_district - 1 and wound_up_in(d):
            extra["valid_to"] = WOUND_UP
        ids.append(
            unit(
                f"{prefix}-k{slot:02d}",
                f"{district_name}{name}",
                UnitKind.DEPARTMENT,
                prefix,
                **extra,
            )
        )
    return ids


class _UnitFactory(Protocol):
    """The shape of ``build_world``'s local ``unit`` helper."""

    def __call__(self, uid: str, name: str, kind: UnitKind, where: str, **extra: object) -> str: ...
