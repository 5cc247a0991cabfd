"""The synthetic power-list catalogue: laws, provisions and items, each with its department slot.

Randomness lives here (drawn from the seed): how many items each department slot holds, which
category each item has, and which law each cites. Items are given to slots so that every feature the
act generator needs has items to work with (the 431 delegated items, the zone items, the later
rounds), and the rest are spread with random weights, the city-management slot weighted heaviest as
in a real district.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date

from graph_service.domain.enums import Category, LawLevel
from graph_service.domain.models import Law, PowerItem, Provision

from .scale import (
    CHENGGUAN,
    HOUSING,
    ROLE_SLOTS,
    TRANSPORT,
    VERTICALS,
    SynthScale,
)
from .world import department_name

STALE_SLOT = 13  # its first items cite only a repealed rule
INVALID_SLOT = 12  # its second item is not delegable and is delegated anyway
REPEALED_LAW = "syn-law-repealed"
RESERVED = 10  # items at the head of each role slot kept for the feature acts

_CATEGORY_WEIGHTS: dict[Category, int] = {
    Category.PENALTY: 55,
    Category.INSPECTION: 10,
    Category.LICENSE: 10,
    Category.COERCION: 8,
    Category.CONFIRMATION: 4,
    Category.OTHER: 4,
    Category.BENEFIT: 3,
    Category.LEVY: 2,
    Category.ADJUDICATION: 2,
    Category.REWARD: 2,
}
_NAME_TEMPLATES: dict[Category, str] = {
    Category.PENALTY: "对合成违法行为{n}的行政处罚",
    Category.INSPECTION: "对合成事项{n}的行政检查",
    Category.LICENSE: "合成事项{n}行政许可",
    Category.COERCION: "对合成违法物品{n}的查封、扣押",
    Category.CONFIRMATION: "合成事项{n}行政确认",
    Category.OTHER: "合成其他职权事项{n}",
    Category.BENEFIT: "合成事项{n}行政给付",
    Category.LEVY: "合成事项{n}行政征收",
    Category.ADJUDICATION: "合成事项{n}行政裁决",
    Category.REWARD: "合成事项{n}行政奖励",
}
_LAW_LEVELS = (
    LawLevel.LAW,
    LawLevel.ADMINISTRATIVE_REGULATION,
    LawLevel.LOCAL_REGULATION,
    LawLevel.RULE,
)
_LAW_TITLES = {
    LawLevel.LAW: "中华人民共和国{field}法（合成{n}）",
    LawLevel.ADMINISTRATIVE_REGULATION: "{field}管理条例（合成{n}）",
    LawLevel.LOCAL_REGULATION: "北京市{field}条例（合成{n}）",
    LawLevel.RULE: "北京市{field}管理办法（合成{n}）",
}


@dataclass(slots=True)
class Catalogue:
    laws: list[Law] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    items: list[PowerItem] = field(default_factory=list)
    by_slot: list[list[str]] = field(default_factory=list)
    """Item codes per holder slot: the departments first, then the vertical branches."""
    delegated: list[list[str]] = field(default_factory=list)
    """The 2020 delegation to towns, per source slot (0..4)."""
    zone_items: dict[int, list[str]] = field(default_factory=dict)
    """Items delegated to each zone committee, per source slot (HOUSING, TRANSPORT)."""
    rounds: list[dict[int, list[str]]] = field(default_factory=list)
    """Later delegation rounds: per round, items per source slot."""


def slot_field(scale: SynthScale, slot: int) -> str:
    if slot < scale.departments_per_district:
        return department_name(slot)[1]
    return VERTICALS[slot - scale.departments_per_district][2]


def build_catalogue(scale: SynthScale, rng: random.Random, source: str) -> Catalogue:
    cat = Catalogue()
    slots = scale.departments_per_district + len(VERTICALS)
    sizes, later_quota = _slot_sizes(scale, rng, slots)
    order = [slot for slot, size in enumerate(sizes) for _ in range(size)]
    rng.shuffle(order)
    cat.by_slot = [[] for _ in range(slots)]
    for n, slot in enumerate(order, start=1):
        cat.by_slot[slot].append(f"SYN-{n:05d}")
    half = math.ceil(scale.zone_items / 2)
    cat.delegated = [cat.by_slot[s][:count] for s, count in enumerate(scale.delegated)]
    cat.zone_items = {
        HOUSING: cat.by_slot[HOUSING][:half],
        TRANSPORT: cat.by_slot[TRANSPORT][:half],
    }
    cat.rounds = _rounds(scale, cat.by_slot, later_quota)
    delegated = {code for group in cat.delegated for code in group}
    delegated |= {code for group in cat.zone_items.values() for code in group}
    delegated |= {code for r in cat.rounds for group in r.values() for code in group}
    invalid = cat.by_slot[INVALID_SLOT][1]
    stale = set(cat.by_slot[STALE_SLOT][:3])

    src = {"source": source, "illustrative": True}
    laws_of_slot: list[list[str]] = [[] for _ in range(slots)]
    for j in range(scale.laws):
        slot = j % slots
        level = rng.choices(_LAW_LEVELS, weights=(15, 30, 30, 25))[0]
        title = _LAW_TITLES[level].format(field=slot_field(scale, slot), n=j + 1)
        law_id = f"syn-law-{j + 1:03d}"
        laws_of_slot[slot].append(law_id)
        valid_from = date(2000 + j % 15, 1, 1)
        cat.laws.append(
            Law.model_validate(
                {"id": law_id, "title": title, "level": level, "valid_from": valid_from} | src
            )
        )
    cat.laws.append(
        Law.model_validate(
            {
                "id": REPEALED_LAW,
                "title": "北京市合成事项管理暂行规定（已废止）",
                "level": LawLevel.RULE,
                "valid_from": date(2010, 1, 1),
                "valid_to": date(2021, 1, 1),
            }
            | src
        )
    )
    articles: dict[str, int] = {}
    categories = list(_CATEGORY_WEIGHTS)
    weights = list(_CATEGORY_WEIGHTS.values())
    for slot, codes in enumerate(cat.by_slot):
        own_laws = laws_of_slot[slot] or [f"syn-law-{slot % scale.laws + 1:03d}"]
        for rank, code in enumerate(codes):
            law_id = REPEALED_LAW if code in stale else own_laws[rank % len(own_laws)]
            articles[law_id] = articles.get(law_id, 0) + 1
            provision_id = f"{law_id}-{articles[law_id]}"
            cat.provisions.append(
                Provision.model_validate(
                    {
                        "id": provision_id,
                        "law": law_id,
                        "article": f"第{articles[law_id]}条",
                    }
                    | src
                )
            )
            if code in delegated:
                category = Category.PENALTY if rng.random() < 0.85 else Category.COERCION
            else:
                category = rng.choices(categories, weights=weights)[0]
            number = int(code[4:])
            non_delegable = code == invalid or (
                slot >= ROLE_SLOTS and code not in delegated and rng.random() < 0.08
            )
            cat.items.append(
                PowerItem.model_validate(
                    {
                        "code": code,
                        "name": _NAME_TEMPLATES[category].format(n=number),
                        "category": category,
                        "basis": [provision_id],
                        "delegable": not non_delegable,
                        "field": slot_field(scale, slot),
                    }
                    | src
                )
            )
    cat.items.sort(key=lambda item: item.code)
    return cat


def _slot_sizes(scale: SynthScale, rng: random.Random, slots: int) -> tuple[list[int], list[int]]:
    """Items per slot, and per slot how many of its last items go to the later rounds."""
    sizes = [RESERVED if s < ROLE_SLOTS else 1 for s in range(slots)]
    for s, count in enumerate(scale.delegated):
        sizes[s] += count
    half = math.ceil(scale.zone_items / 2)
    sizes[HOUSING] += half
    sizes[TRANSPORT] += half
    later_total = sum(count for _, count in scale.later_rounds)
    # Not the last slot: that department is wound up in some districts before the last round.
    later_slots = list(range(ROLE_SLOTS, scale.departments_per_district - 1))
    quota = [0] * slots
    if later_total and not later_slots:
        raise ValueError("later delegation rounds need department slots past the role slots")
    for i, s in enumerate(later_slots):
        quota[s] = later_total // len(later_slots) + (
            1 if i < later_total % len(later_slots) else 0
        )
        sizes[s] += quota[s]
    spare = scale.items - sum(sizes)
    if spare < 0:
        raise ValueError(f"{scale.items} items are too few for this scale (need {sum(sizes)})")
    weights = [6.0 if s == CHENGGUAN else rng.uniform(0.5, 1.5) for s in range(slots)]
    for s in rng.choices(range(slots), weights=weights, k=spare):
        sizes[s] += 1
    return sizes, quota


def _rounds(
    scale: SynthScale, by_slot: list[list[str]], quota: list[int]
) -> list[dict[int, list[str]]]:
    """Split each slot's later-round items (its last ``quota``) over the rounds, in order."""
    pool = [(s, code) for s, codes in enumerate(by_slot) if quota[s] for code in codes[-quota[s] :]]
    rounds: list[dict[int, list[str]]] = []
    start = 0
    for _, count in scale.later_rounds:
        chunk: dict[int, list[str]] = {}
        for s, code in pool[start : start + count]:
            chunk.setdefault(s, []).append(code)
        rounds.append(chunk)
        start += count
    return rounds
