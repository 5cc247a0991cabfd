"""A small hand-made Daxing: three streets, one within the development zone, one border county.

Tests add acts (and sometimes units or items) to it and write the expected answers out by hand.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_service.domain.dataset import Dataset
from graph_service.engine.projection import Projection
from tests.reviewed import approved

DX, XF, LX, RH, ETDZ, GA, BJ = "110115", "XF", "LX", "RH", "ETDZ", "131022", "110000"
ALL_PLACES = (LX, RH, XF)
I1 = "I1"
D2019, D2021, D2023 = date(2019, 1, 1), date(2021, 1, 1), date(2023, 1, 1)

JZF_TITLE = "北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定"

REGIONS: list[dict[str, Any]] = [
    {"code": BJ, "name": "北京市", "kind": "city"},
    {"code": DX, "name": "大兴区", "kind": "district", "parent": BJ, "adjacent": [GA]},
    {"code": XF, "name": "兴丰街道", "kind": "street", "parent": DX},
    {"code": LX, "name": "林校路街道", "kind": "street", "parent": DX},
    {"code": ETDZ, "name": "北京经济技术开发区", "kind": "zone", "parent": DX},
    {"code": RH, "name": "荣华街道", "kind": "street", "parent": DX, "within": [ETDZ]},
    {"code": "130000", "name": "河北省", "kind": "province"},
    {"code": "131000", "name": "廊坊市", "kind": "city", "parent": "130000"},
    {"code": GA, "name": "固安县", "kind": "county", "parent": "131000"},
]

UNITS: list[dict[str, Any]] = [
    {"id": "bj-gov", "name": "北京市人民政府", "kind": "government", "region": BJ},
    {
        "id": "bj-sfj",
        "name": "北京市司法局",
        "kind": "department",
        "region": BJ,
        "parent": "bj-gov",
    },
    {
        "id": "bj-gzw",
        "name": "市规划自然资源委",
        "kind": "department",
        "region": BJ,
        "parent": "bj-gov",
    },
    {
        "id": "dx-gov",
        "name": "大兴区人民政府",
        "kind": "government",
        "region": DX,
        "parent": "bj-gov",
    },
    {"id": "dx-sfj", "name": "区司法局", "kind": "department", "region": DX, "parent": "dx-gov"},
    {
        "id": "dx-wjw",
        "name": "区卫生健康委",
        "kind": "department",
        "region": DX,
        "parent": "dx-gov",
    },
    {
        "id": "dx-cgj",
        "name": "区城管执法局",
        "kind": "department",
        "region": DX,
        "parent": "dx-gov",
        "aliases": ["城管"],
    },
    {
        "id": "dx-jds",
        "name": "区卫生健康监督所",
        "kind": "entrusted_org",
        "region": DX,
        "parent": "dx-gov",
    },
    {
        "id": "gzw-dx",
        "name": "规自委大兴分局",
        "kind": "vertical_branch",
        "region": DX,
        "parent": "dx-gov",
        "vertical": True,
        "superior": "bj-gzw",
    },
    {"id": "xf", "name": "兴丰街道办事处", "kind": "street", "region": XF, "parent": "dx-gov"},
    {"id": "lx", "name": "林校路街道办事处", "kind": "street", "region": LX, "parent": "dx-gov"},
    {"id": "rh", "name": "荣华街道办事处", "kind": "street", "region": RH, "parent": "dx-gov"},
    {
        "id": "etdz",
        "name": "经开区管委会",
        "kind": "zone_committee",
        "region": ETDZ,
        "parent": "bj-gov",
    },
    {"id": "ga-zf", "name": "固安县综合行政执法局", "kind": "partner", "region": GA},
]

LAWS: list[dict[str, Any]] = [
    {"id": "cfl", "title": "中华人民共和国行政处罚法", "short_title": "行政处罚法", "level": "law"},
    {"id": "kyt", "title": "北京市控制吸烟条例", "level": "local_regulation"},
    {
        "id": "jzf",
        "title": JZF_TITLE,
        "level": "normative_document",
        "doc_number": "京政发〔2020〕9号",
    },
    {
        "id": "dxf",
        "title": "大兴区人民政府关于调整执法职责的通知",
        "level": "normative_document",
        "doc_number": "京兴政发〔2021〕1号",
    },
]

PROVISIONS: list[dict[str, Any]] = [
    {"id": "cfl-24", "law": "cfl", "article": "第24条"},
    {"id": "kyt-28", "law": "kyt", "article": "第28条"},
]

ITEMS: list[dict[str, Any]] = [
    {
        "code": I1,
        "name": "对在禁止吸烟场所吸烟的处罚",
        "category": "penalty",
        "basis": ["kyt-28"],
        "field": "卫生健康",
    },
]

ASSIGN_WJW: dict[str, Any] = {
    "review": "approved",
    "id": "a-wjw",
    "kind": "assign",
    "doc": "kyt",
    "statutory": True,  # the regulation names the health department as the enforcer
    "effective": "2015-06-01",
    "items": [I1],
    "to": ["dx-wjw"],
}
DELEGATE_XF: dict[str, Any] = {
    "review": "approved",
    "id": "d-xf",
    "kind": "delegate",
    "doc": "jzf",
    "basis": ["cfl-24"],
    "effective": "2020-07-01",
    "items": [I1],
    "from": "dx-wjw",
    "to": ["xf"],
}


def dataset(
    acts: list[dict[str, Any]],
    *,
    units: list[dict[str, Any]] = (),  # type: ignore[assignment]
    items: list[dict[str, Any]] | None = None,
    agreements: list[dict[str, Any]] = (),  # type: ignore[assignment]
    regions: list[dict[str, Any]] = (),  # type: ignore[assignment]
    published_lists: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Dataset:
    return Dataset.model_validate(
        {
            "regions": [*REGIONS, *regions],
            "units": [*UNITS, *units],
            "laws": LAWS,
            "provisions": PROVISIONS,
            "items": ITEMS if items is None else items,
            "acts": [approved(act) for act in acts],
            "agreements": list(agreements),
            "published_lists": list(published_lists),
        }
    )


def projection(acts: list[dict[str, Any]], **kwargs: Any) -> Projection:
    return Projection(dataset(acts, **kwargs))


def primary_units(p: Projection, place: str, at: date, item: str = I1) -> list[str]:
    answer = p.jurisdiction(item, place, at)
    return [c.holding.unit for c in answer.holders if c.holding.role == "PRIMARY"]


def roles(p: Projection, place: str, at: date, item: str = I1) -> list[tuple[str, str, str]]:
    """(unit, role, mode) of every covering holding, in answer order."""
    answer = p.jurisdiction(item, place, at)
    return [(c.holding.unit, c.holding.role, c.holding.mode) for c in answer.holders]
