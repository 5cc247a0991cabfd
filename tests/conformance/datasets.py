"""Small hand-made datasets for the conformance suite (every collection, every reference)."""

from __future__ import annotations

from graph_service.domain.dataset import Dataset
from tests.reviewed import approved_unless_stated


def small() -> Dataset:
    """Two streets of 大兴区 in a zone, a department and a street office, one law, acts of
    every shape the layout links, an agreement, a published list and a dispute."""
    return Dataset.model_validate(
        approved_unless_stated(
            {
                "regions": [
                    {
                        "code": "110115",
                        "name": "大兴区",
                        "kind": "district",
                        "source": "统计用区划代码",
                    },
                    {"code": "Z1", "name": "经开区", "kind": "zone", "valid_from": "1994-08-25"},
                    {
                        "code": "110115001",
                        "name": "兴丰街道",
                        "kind": "street",
                        "parent": "110115",
                        "within": ["Z1"],
                        "aliases": ["兴丰"],
                    },
                    {
                        "code": "131022",
                        "name": "固安县",
                        "kind": "county",
                        "adjacent": ["110115"],
                        "illustrative": True,
                    },
                ],
                "units": [
                    {
                        "id": "gov",
                        "name": "大兴区人民政府",
                        "kind": "government",
                        "region": "110115",
                    },
                    {
                        "id": "cgj",
                        "name": "区城管执法局",
                        "kind": "department",
                        "region": "110115",
                        "parent": "gov",
                    },
                    {
                        "id": "xf",
                        "name": "兴丰街道办事处",
                        "kind": "street",
                        "region": "110115001",
                        "parent": "gov",
                        "valid_to": "2030-01-01",
                        "successor": "cgj",
                    },
                    {
                        "id": "sw",
                        "name": "区税务局",
                        "kind": "vertical_branch",
                        "region": "110115",
                        "superior": "cgj",
                        "vertical": True,
                    },
                    {"id": "ga", "name": "固安县综合执法局", "kind": "partner", "region": "131022"},
                ],
                "laws": [
                    {"id": "xzcff", "title": "中华人民共和国行政处罚法", "level": "law"},
                    {
                        "id": "jzf2020-9",
                        "title": "关于向街道乡镇下放部分行政执法职权的决定",
                        "level": "normative_document",
                        "doc_number": "京政发〔2020〕9号",
                        "valid_from": "2020-07-01",
                    },
                ],
                "provisions": [
                    {
                        "id": "xzcff-24",
                        "law": "xzcff",
                        "article": "第24条",
                        "text": '省、自治区、直辖市根据当地实际情况……\n"引号" 与 \\ 反斜杠',
                    }
                ],
                "items": [
                    {
                        "code": "C1",
                        "name": "对占道经营的处罚",
                        "category": "penalty",
                        "basis": ["xzcff-24"],
                        "applies_in": ["110115001"],
                        "field": "城市管理",
                    },
                    {
                        "code": "C2",
                        "name": "对违法建设的检查",
                        "category": "inspection",
                        "delegable": False,
                    },
                ],
                "acts": [
                    {
                        "id": "a-assign",
                        "kind": "assign",
                        "effective": "2019-01-01",
                        "items": ["C1", "C2"],
                        "to": ["cgj"],
                        "scope": ["110115"],
                    },
                    {
                        "id": "a-delegate",
                        "kind": "delegate",
                        "doc": "jzf2020-9",
                        "basis": ["xzcff-24"],
                        "issuer": "gov",
                        "effective": "2020-07-01",
                        "until": "2025-07-01",
                        "items": ["C1"],
                        "from": "cgj",
                        "to": ["xf"],
                        "review": "pending",
                        "note": "暂由街道行使",
                    },
                ],
                "agreements": [
                    {
                        "id": "ag1",
                        "title": "京冀交界地区执法协作协议",
                        "parties": ["cgj", "ga"],
                        "fields": ["城市管理"],
                        "items": ["C1"],
                        "mechanisms": ["联合巡查"],
                    }
                ],
                "published_lists": [
                    {"unit": "xf", "version": 1, "published": "2020-07-15", "items": ["C1"]}
                ],
                "disputes": [
                    {
                        "id": "d1",
                        "kind": "matter",
                        "parties": ["cgj", "xf"],
                        "items": ["C1"],
                        "places": ["110115001"],
                        "events": [
                            {
                                "action": "opened",
                                "at": "2026-01-05T09:00:00+00:00",
                                "by": "区司法局",
                                "attachments": ["京大司协〔2026〕1号"],
                            }
                        ],
                    }
                ],
            }
        )
    )


def bulk(size: int) -> Dataset:
    """About ``size`` records: regions, units, items and one assign act per item."""
    streets = 20
    units = 50
    items = max((size - streets - units - 1) // 2, 1)
    return Dataset.model_validate(
        approved_unless_stated(
            {
                "regions": [{"code": "R", "name": "区", "kind": "district"}]
                + [
                    {"code": f"R{i}", "name": f"街道{i}", "kind": "street", "parent": "R"}
                    for i in range(streets)
                ],
                "units": [
                    {
                        "id": f"U{i}",
                        "name": f"单位{i}",
                        "kind": "department",
                        "region": f"R{i % streets}",
                    }
                    for i in range(units)
                ],
                "items": [
                    {"code": f"I{i}", "name": f"事项{i}", "category": "penalty"}
                    for i in range(items)
                ],
                "acts": [
                    {
                        "id": f"A{i}",
                        "kind": "assign",
                        "effective": "2020-07-01",
                        "items": [f"I{i}"],
                        "to": [f"U{i % units}"],
                    }
                    for i in range(items)
                ],
            }
        )
    )
