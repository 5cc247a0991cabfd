"""A small hand-made dataset whose answers are worked out by hand in the API tests.

One district (110115) with two streets. The district health commission holds the smoking penalty
(assigned 2015-06-01) and 京政发〔2020〕9号 delegates it to both street offices from 2020-07-01.
Two departments both hold the street-vending penalty over the district (an OVERLAP), and the dust
penalty was never assigned (a GAP). The noise penalty cites no legal basis (STALE_BASIS) and was
assigned again by an act still pending legal review (UNREVIEWED_ACT; it produces nothing).
"""

from __future__ import annotations

from typing import Any

from tests.reviewed import approved_unless_stated

DISTRICT = "110115000000"
XINGFENG = "110115001000"
LINXIAOLU = "110115002000"
SMOKING = "T-SMOKE"
VENDING = "T-VEND"
DUST = "T-DUST"
NOISE = "T-NOISE"


def small_document() -> dict[str, Any]:
    return approved_unless_stated(_document())


def _document() -> dict[str, Any]:
    return {
        "$format": "authority-graph/1",
        "regions": [
            {"code": DISTRICT, "name": "大兴区", "kind": "district"},
            {"code": XINGFENG, "name": "兴丰街道", "kind": "street", "parent": DISTRICT},
            {"code": LINXIAOLU, "name": "林校路街道", "kind": "street", "parent": DISTRICT},
        ],
        "units": [
            {"id": "gov", "name": "大兴区人民政府", "kind": "government", "region": DISTRICT},
            {
                "id": "health",
                "name": "区卫生健康委",
                "kind": "department",
                "region": DISTRICT,
                "parent": "gov",
            },
            {
                "id": "chengguan",
                "name": "区城管执法局",
                "kind": "department",
                "region": DISTRICT,
                "parent": "gov",
            },
            {
                "id": "market",
                "name": "区市场监管局",
                "kind": "department",
                "region": DISTRICT,
                "parent": "gov",
            },
            {
                "id": "xingfeng",
                "name": "兴丰街道",
                "kind": "street",
                "region": XINGFENG,
                "parent": "gov",
            },
            {
                "id": "linxiaolu",
                "name": "林校路街道",
                "kind": "street",
                "region": LINXIAOLU,
                "parent": "gov",
            },
        ],
        "laws": [
            {"id": "smoke-law", "title": "北京市控制吸烟条例", "level": "local_regulation"},
            {"id": "city-law", "title": "北京市市容环境卫生条例", "level": "local_regulation"},
            {
                "id": "jzf-2020-9",
                "title": (
                    "北京市人民政府关于向街道办事处和乡镇人民政府"
                    "下放部分行政执法职权并实行综合执法的决定"
                ),
                "level": "normative_document",
                "doc_number": "京政发〔2020〕9号",
                "valid_from": "2020-07-01",
            },
        ],
        "provisions": [
            {
                "id": "smoke-law-25",
                "law": "smoke-law",
                "article": "第25条",
                "text": (
                    "在其他禁止吸烟场所或者排队等候队伍中吸烟的，"
                    "由市或者区卫生健康部门责令改正，可以处五十元罚款"
                ),
            },
            {"id": "city-law-35", "law": "city-law", "article": "第35条"},
            {"id": "city-law-36", "law": "city-law", "article": "第36条"},
        ],
        "items": [
            {
                "code": SMOKING,
                "name": "对个人在禁止吸烟场所吸烟的处罚",
                "category": "penalty",
                "basis": ["smoke-law-25"],
            },
            {
                "code": VENDING,
                "name": "对擅自占用城市道路摆摊设点的处罚",
                "category": "penalty",
                "basis": ["city-law-35"],
            },
            {"code": NOISE, "name": "对夜间施工噪声扰民的处罚", "category": "penalty"},
            {
                "code": DUST,
                "name": "对在城市道路护栏晾晒衣物的处罚",
                "category": "penalty",
                "basis": ["city-law-36"],
            },
        ],
        "acts": [
            {
                "id": "assign-smoke",
                "kind": "assign",
                "doc": "smoke-law",
                "statutory": True,
                "effective": "2015-06-01",
                "items": [SMOKING],
                "to": ["health"],
            },
            {
                "id": "delegate-smoke",
                "kind": "delegate",
                "doc": "jzf-2020-9",
                "effective": "2020-07-01",
                "items": [SMOKING],
                "from": "health",
                "to": ["xingfeng", "linxiaolu"],
            },
            {
                "id": "assign-vend-cg",
                "kind": "assign",
                "doc": "city-law",
                "effective": "2010-01-01",
                "items": [VENDING],
                "to": ["chengguan"],
            },
            {
                "id": "assign-vend-market",
                "kind": "assign",
                "doc": "city-law",
                "effective": "2019-01-01",
                "items": [VENDING],
                "to": ["market"],
            },
            {
                "id": "assign-noise",
                "kind": "assign",
                "effective": "2021-01-01",
                "items": [NOISE],
                "to": ["chengguan"],
            },
            {  # the same assignment again, recorded but never reviewed: it produces nothing
                "id": "assign-noise-unreviewed",
                "kind": "assign",
                "effective": "2021-01-01",
                "items": [NOISE],
                "to": ["chengguan"],
                "review": "pending",
            },
        ],
        # the market supervision bureau's list as published, in step with its holdings
        "published_lists": [
            {"unit": "market", "version": 1, "published": "2019-01-01", "items": [VENDING]},
        ],
    }
