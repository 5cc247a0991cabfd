"""Acts: the statutory assignments that give every item its holder, and the two city decisions.

- ``assign-<item>``: the holders named in ``holders.PLANS`` get the item over their own region,
  from the date ``dates.holding_start`` gives (stated in each act's ``note``);
- ``jzf-2020-9-<unit>``: 京政发〔2020〕9号 delegates, from 2020-07-01, the items confirmed as
  delegated from their department to every street and town; ``…-illustrative`` does the same for
  the items only flagged "likely yes" (facts.md §8 gap 1);
- ``jzf-2020-22-…-illustrative``: 京政发〔2020〕22号 gives the airport zone committee powers over
  the Beijing part of the airport zone; its annex was not seen (facts.md §8 gap 3), so the item is
  illustrative.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from graph_service.domain.enums import ActKind, Review
from graph_service.domain.models import Act

from .dates import holding_start, holding_start_note
from .documents import (
    AIRPORT_ZONE_2020,
    DELEGATION_2020,
    STREET_OFFICES_REGULATION,
)
from .holders import AIRPORT_ZONE_ITEMS, PLANS, STREETS_AND_TOWNS, TOWNS, Delegation, Plan
from .laws import LawText, item_law_texts, parse_basis, provision_id
from .reference import Reference, Row
from .regions import AIRPORT_ZONE
from .units import CITY_GOV

DELEGATION_DAY = date(2020, 7, 1)
AIRPORT_ZONE_DAY = date(2021, 1, 8)
# 行政处罚法 第24条 took effect only on 2021-07-15, so it cannot be the basis of a 2020 act.
DELEGATION_BASIS = [
    provision_id(STREET_OFFICES_REGULATION, 11),
    provision_id(STREET_OFFICES_REGULATION, 49),
]
FACT_REASONS = {
    "dx-wsjkw": "Stated as fact: 控烟 is a confirmed delegated area (facts.md §5: the first street "
    "ticket, 天桥街道 2020, was issued under 北京市控制吸烟条例; 卫生健康 is a source department "
    "of 11 items). The annex itself was not seen.",
    "dx-cgzf": "Stated as fact: 无导游证从事导游活动 is named among the 城管 items in the "
    "decision's summary (documents.csv DOC01). The annex itself was not seen.",
}
"""Why the items of each FACT delegation are stated as fact."""
_BASIS_NOTE = (
    "Basis: 行政处罚法 第24条 is the statutory basis of such delegations since 2021-07-15; when "
    "the decision was adopted it rested on 北京市街道办事处条例 第11条 (第49条 for towns) and "
    "cited 中办国办《关于推进基层整合审批服务执法力量的实施意见》."
)


class Recipients:
    """The unit ids the holder placeholders stand for."""

    def __init__(self, streets_and_towns: Sequence[str], towns: Sequence[str]) -> None:
        self.streets_and_towns = list(streets_and_towns)
        self.towns = list(towns)

    def expand(self, holders: Sequence[str]) -> list[str]:
        out: list[str] = []
        for holder in holders:
            if holder == STREETS_AND_TOWNS:
                out += self.streets_and_towns
            elif holder == TOWNS:
                out += self.towns
            else:
                out.append(holder)
        return out


def build_acts(ref: Reference, recipients: Recipients) -> list[Act]:
    texts = item_law_texts(ref)
    rows = ref.rows("power_items.csv")
    out: list[Act] = []
    for row in rows:
        out += _assignments(row, PLANS[row["seed_item_id"]], texts, recipients)
    out += _delegations(ref, rows, recipients)
    out.append(_airport_zone_act(ref, [r for r in rows if r["seed_item_id"] in AIRPORT_ZONE_ITEMS]))
    return out


def _assignments(
    row: Row, plan: Plan, texts: dict[str, LawText], recipients: Recipients
) -> list[Act]:
    code = row["seed_item_id"]
    main = parse_basis(row["legal_basis"])[0]
    out: list[Act] = []
    if plan.holders:
        text = texts[main.law]
        out.append(
            Act(
                id=f"assign-{code}",
                kind=ActKind.ASSIGN,
                doc=main.law,
                basis=[main.provision_id],
                effective=holding_start(text),
                items=[code],
                to=recipients.expand(plan.holders),
                statutory=_names_streets_or_towns(plan.holders),
                review=Review.APPROVED,
                source=row.cite(plan.confidence, "holder_in_daxing, legal_basis"),
                note=holding_start_note(text),
            )
        )
    if plan.extra is not None:
        text = texts[plan.extra.law]
        out.append(
            Act(
                id=f"assign-{code}-towns",
                kind=ActKind.ASSIGN,
                doc=plan.extra.law,
                basis=[provision_id(plan.extra.law, a) for a in plan.extra.articles],
                effective=holding_start(text),
                items=[code],
                to=recipients.expand(plan.extra.to),
                statutory=True,
                review=Review.APPROVED,
                source=row.cite("high", "holder_in_daxing; reference/facts.md §4"),
                note=f"{plan.extra.why} {holding_start_note(text)}",
            )
        )
    return out


def _names_streets_or_towns(holders: Sequence[str]) -> bool:
    """STATUTORY (DESIGN §4) only where the law names the unit kind directly and the reference
    data says so: the statutory grants to 街道/乡镇 (facts.md §4: 户外广告设施…条例, 物业管理条例,
    北京市城乡规划条例 for 乡镇; 城乡规划法 for 乡镇人民政府). Department holders are ORIGINAL: the
    seed does not record which laws name the department kind as such."""
    return bool(holders) and all(h in (STREETS_AND_TOWNS, TOWNS) for h in holders)


def _delegations(ref: Reference, rows: list[Row], recipients: Recipients) -> list[Act]:
    document = ref.by("documents.csv", "doc_id")["DOC01"]
    out: list[Act] = []
    for delegation in (Delegation.FACT, Delegation.LIKELY):
        by_source: dict[str, list[Row]] = {}
        for row in rows:
            plan = PLANS[row["seed_item_id"]]
            if plan.delegation == delegation:
                source = "dx-cgzf" if "dx-cgzf" in plan.holders else plan.holders[0]
                by_source.setdefault(source, []).append(row)
        for source, items in by_source.items():
            out.append(_delegation(document, source, items, delegation, recipients))
    return out


def _delegation(
    document: Row,
    source: str,
    items: list[Row],
    delegation: Delegation,
    recipients: Recipients,
) -> Act:
    illustrative = delegation == Delegation.LIKELY
    numbers = ", ".join(str(r.number) for r in items)
    if illustrative:
        note = (
            "ILLUSTRATIVE: these items are only flagged 'likely yes' in power_items.csv; whether "
            "the 431-item annex includes each of them is an open gap (facts.md §8 gap 1)."
        )
    else:
        note = FACT_REASONS[source]
    return Act(
        id=f"{DELEGATION_2020}-{source}" + ("-illustrative" if illustrative else ""),
        kind=ActKind.DELEGATE,
        doc=DELEGATION_2020,
        basis=list(DELEGATION_BASIS),
        issuer=CITY_GOV,
        effective=DELEGATION_DAY,
        items=[r["seed_item_id"] for r in items],
        from_unit=source,
        to=list(recipients.streets_and_towns),
        review=Review.APPROVED,
        illustrative=illustrative,
        source=document.cite(
            document["confidence"],
            f"items: reference/power_items.csv rows {numbers} (delegated_to_jiexiang_2020)",
        ),
        note=f"{note} {_BASIS_NOTE}",
    )


def _airport_zone_act(ref: Reference, items: list[Row]) -> Act:
    document = ref.by("documents.csv", "doc_id")["DOC03"]
    numbers = ", ".join(str(r.number) for r in items)
    return Act(
        id=f"{AIRPORT_ZONE_2020}-dx-ghzy-illustrative",
        kind=ActKind.DELEGATE,
        doc=AIRPORT_ZONE_2020,
        issuer=CITY_GOV,
        effective=AIRPORT_ZONE_DAY,
        items=list(AIRPORT_ZONE_ITEMS),
        from_unit="dx-ghzy",
        to=["dx-lkq-gwh"],
        scope=[AIRPORT_ZONE],
        review=Review.APPROVED,
        illustrative=True,
        source=document.cite(
            document["confidence"], f"items: reference/power_items.csv rows {numbers}"
        ),
        note=(
            "ILLUSTRATIVE: the decision gives the airport zone committee 80 powers (31 municipal, "
            "49 district) in the Beijing part of the zone, but its annex was not seen (facts.md §8 "
            "gap 3); power_items.csv only says 建设工程规划许可 'may' be among them. Effective "
            "2021-01-08, the publication date (the effective date is not in the excerpt). No "
            "basis article is known."
        ),
    )
