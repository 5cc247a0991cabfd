"""Power items: the 71 rows of power_items.csv.

``code`` is the row's ``seed_item_id``, which is synthetic: no Beijing official item-code scheme was
found (facts.md §5). ``delegable`` is true for items flagged as delegated, for the item the airport
zone committee is shown receiving, and for the penalty, coercion and inspection powers of district
departments (行政处罚法 第24条 lets the city hand those down); false otherwise (see
``holders.NOT_DELEGABLE_HOLDERS``).
"""

from __future__ import annotations

from graph_service.domain.enums import Category
from graph_service.domain.models import PowerItem

from .dates import first_version_date
from .holders import AIRPORT_ZONE_ITEMS, NOT_DELEGABLE_HOLDERS, PLANS, Delegation, Plan
from .laws import item_law_texts, parse_basis
from .reference import Reference, Row

CATEGORIES = {
    "行政许可": Category.LICENSE,
    "行政处罚": Category.PENALTY,
    "行政强制": Category.COERCION,
    "行政征收": Category.LEVY,
    "行政给付": Category.BENEFIT,
    "行政检查": Category.INSPECTION,
    "行政确认": Category.CONFIRMATION,
    "行政奖励": Category.REWARD,
    "行政裁决": Category.ADJUDICATION,
    "其他行政权力": Category.OTHER,
}
_HANDED_DOWN = {Category.PENALTY, Category.COERCION, Category.INSPECTION}


def category_of(power_category: str) -> Category:
    """``行政处罚/行政强制`` and ``行政处罚(责令支付…)`` count as their first category."""
    return CATEGORIES[power_category.split("/")[0].split("(")[0]]


def is_delegable(code: str, category: Category, plan: Plan) -> bool:
    if plan.delegation != Delegation.NONE or code in AIRPORT_ZONE_ITEMS:
        return True
    if not plan.holders or NOT_DELEGABLE_HOLDERS.intersection(plan.holders):
        return False
    return category in _HANDED_DOWN


def build_items(ref: Reference, town_regions: list[str]) -> list[PowerItem]:
    texts = item_law_texts(ref)
    out: list[PowerItem] = []
    for row in ref.rows("power_items.csv"):
        code = row["seed_item_id"]
        plan = PLANS[code]
        citations = parse_basis(row["legal_basis"])
        category = category_of(row["power_category"])
        out.append(
            PowerItem(
                code=code,
                name=row["item_name"],
                category=category,
                basis=[c.provision_id for c in citations],
                delegable=is_delegable(code, category, plan),
                applies_in=list(town_regions) if plan.towns_only else [],
                field=plan.field,
                valid_from=first_version_date(texts[citations[0].law]),
                source=_source(row),
                note=_note(row, plan),
            )
        )
    return out


def _source(row: Row) -> str:
    return row.cite(
        f"high (legal basis); {row['delegation_confidence']} (2020 delegation flag)",
        "item code synthetic (no Beijing official 职权编码 found, facts.md §5)",
    )


def _note(row: Row, plan: Plan) -> str:
    parts = [
        f"Basis as cited: {row['legal_basis']}.",
        f"Holder in Daxing (reference): {row['holder_in_daxing']}.",
        f"2020 delegation flag: {row['delegated_to_jiexiang_2020']}.",
    ]
    if "/" in row["power_category"] or "(" in row["power_category"]:
        parts.append(f"Category as listed: {row['power_category']}.")
    if row["note"]:
        parts.append(f"Reference note: {row['note']}.")
    if plan.note:
        parts.append(plan.note)
    return " ".join(parts)
