"""The acts of a synthetic city, and the documents that decide them.

The bulk is what a real city has: an ``assign`` per district department (its power list, or a
statute for the vertical branches), the 2020 "431-item" delegation from five source departments to
every street and town, delegations to functional-zone committees, and (at Beijing scale) later
delegation rounds to towns. Around that, a few of every irregular thing the findings must catch,
placed at fixed districts so tests and benchmarks can rely on them: a 区街共有
assignment (overlap), an assignment left unreviewed (nothing until approved), a duplicate
assignment later settled by designation, items never assigned in one district (gap), a department
wound up without successor, a non-delegable item delegated, a re-entrustment by an agent,
transfers, cancellations, joint assignments, entrustments with an end date, a revocation.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from graph_service.domain.enums import ActKind, ActRole, LawLevel, Review
from graph_service.domain.models import Act, Law, Provision, PublishedList

from .items import INVALID_SLOT, Catalogue
from .scale import (
    CHENGGUAN,
    CULTURE,
    EMERGENCY,
    MARKET,
    SOCIAL,
    SPORT,
    VERTICALS,
    SynthScale,
)
from .world import CITY_GOV, World, district_prefix, has_team

ASSIGNED = date(2015, 1, 1)
DELEGATION = date(2020, 7, 1)
ZONES_DELEGATION = date(2021, 1, 8)
PENALTY_LAW = "syn-law-xzcf"
DOC_2020 = "syn-doc-2020-9"
DOC_ZONES = "syn-doc-2020-22"
GAP_SLOT, DUP_SLOT = 14, 13
CANCEL_SLOTS = (15, 16, 17)


class ActBook:
    """Collects the acts, the documents they cite, and the published lists, in recorded order."""

    def __init__(self, source: str) -> None:
        self.src: dict[str, Any] = {"source": source, "illustrative": True}
        self.acts: list[Act] = []
        self.laws: list[Law] = []
        self.provisions: list[Provision] = []
        self.published: list[PublishedList] = []

    def act(self, act_id: str, kind: ActKind, effective: date, items: list[str], **kw: Any) -> None:
        # the synthetic decisions stand for published, reviewed ones unless one says otherwise
        fields = {
            "id": act_id,
            "kind": kind,
            "effective": effective,
            "items": items,
            "review": Review.APPROVED,
        }
        self.acts.append(Act.model_validate(fields | kw | self.src))

    def doc(self, law_id: str, title: str, level: LawLevel, **kw: Any) -> str:
        fields = {"id": law_id, "title": title, "level": level}
        self.laws.append(Law.model_validate(fields | kw | self.src))
        return law_id

    def article(self, law_id: str, number: int) -> str:
        provision_id = f"{law_id}-{number}"
        fields = {"id": provision_id, "law": law_id, "article": f"第{number}条"}
        self.provisions.append(Provision.model_validate(fields | self.src))
        return provision_id


def build_acts(scale: SynthScale, world: World, cat: Catalogue, source: str) -> ActBook:
    book = ActBook(source)
    book.doc(PENALTY_LAW, "中华人民共和国行政处罚法", LawLevel.LAW, doc_number="主席令第70号")
    entrust_basis, delegate_basis = book.article(PENALTY_LAW, 20), book.article(PENALTY_LAW, 24)
    book.article(PENALTY_LAW, 25)
    book.doc(
        DOC_2020,
        "关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定（合成）",
        LawLevel.NORMATIVE_DOCUMENT,
        doc_number="合成政发〔2020〕9号",
        issuer="北京市人民政府",
        valid_from=DELEGATION,
    )
    statutes = [
        book.doc(f"syn-law-v{j}", f"中华人民共和国{field}法（合成）", LawLevel.LAW)
        for j, (_, _, field) in enumerate(VERTICALS)
    ]
    for d in range(scale.districts):
        _assignments(book, scale, world, cat, d, statutes)
    by_slot = dict(enumerate(cat.delegated))
    _to_towns(book, scale, world, DELEGATION, by_slot, doc=DOC_2020, basis=delegate_basis)
    _zones(book, world, cat, delegate_basis)
    _later_rounds(book, scale, world, cat, delegate_basis)
    _adjustments(book, scale, world, cat, entrust_basis)
    _published(book, world, cat)
    return book


def _assignments(
    book: ActBook, scale: SynthScale, world: World, cat: Catalogue, d: int, statutes: list[str]
) -> None:
    """The district's power list: each department slot's items to its department."""
    prefix, gov = district_prefix(d), world.governments[d]
    power_list = book.doc(
        f"{prefix}-list",
        f"合成区{d + 1}行政执法职权清单（2015年版）",
        LawLevel.NORMATIVE_DOCUMENT,
        issuer=f"合成区{d + 1}人民政府",
        valid_from=ASSIGNED,
    )
    joint = cat.by_slot[SOCIAL][:3] if d % 3 == 0 else []
    never = cat.by_slot[GAP_SLOT][:2] if d == 1 % scale.districts else []
    for slot in range(scale.departments_per_district):
        codes = [c for c in cat.by_slot[slot] if c not in joint and c not in never]
        common: dict[str, Any] = {"doc": power_list, "issuer": gov}
        if slot == MARKET:  # assigned to the three bureaus the 2019 reform merged into it
            for j, predecessor in enumerate(world.predecessors[d]):
                book.act(
                    f"{prefix}-assign-k{slot:02d}-p{j}",
                    ActKind.ASSIGN,
                    ASSIGNED,
                    codes[j :: len(world.predecessors[d])],
                    to=[predecessor],
                    **common,
                )
            continue
        to = [world.departments[d][slot]]
        book.act(f"{prefix}-assign-k{slot:02d}", ActKind.ASSIGN, ASSIGNED, codes, to=to, **common)
    for j, vertical in enumerate(world.verticals[d]):
        codes = cat.by_slot[scale.departments_per_district + j]
        book.act(
            f"{prefix}-assign-v{j}", ActKind.ASSIGN, ASSIGNED, codes, to=[vertical], doc=statutes[j]
        )
    if joint:
        book.act(
            f"{prefix}-assign-joint",
            ActKind.ASSIGN,
            ASSIGNED,
            joint,
            to=[world.departments[d][SOCIAL], world.departments[d][EMERGENCY]],
            role=ActRole.JOINT,
            doc=power_list,
            issuer=gov,
        )


def _zones(book: ActBook, world: World, cat: Catalogue, basis: str) -> None:
    if not world.zones:
        return
    book.doc(
        DOC_ZONES,
        "关于由功能区管理委员会行使部分行政权力的决定（合成）",
        LawLevel.NORMATIVE_DOCUMENT,
        doc_number="合成政发〔2020〕22号",
        issuer="北京市人民政府",
        valid_from=ZONES_DELEGATION,
    )
    for zone in world.zones:
        for slot, codes in cat.zone_items.items():
            book.act(
                f"{zone.region}-delegate-k{slot:02d}",
                ActKind.DELEGATE,
                ZONES_DELEGATION,
                codes,
                doc=DOC_ZONES,
                basis=[basis],
                issuer=CITY_GOV,
                **{"from": world.departments[zone.district][slot]},
                to=[zone.committee],
            )


def _later_rounds(
    book: ActBook, scale: SynthScale, world: World, cat: Catalogue, basis: str
) -> None:
    for (effective, _), by_slot in zip(scale.later_rounds, cat.rounds, strict=True):
        doc = book.doc(
            f"syn-doc-{effective.year}-round",
            f"关于向街道办事处和乡镇人民政府下放第{effective.year}批行政执法职权的决定（合成）",
            LawLevel.NORMATIVE_DOCUMENT,
            issuer="北京市人民政府",
            valid_from=effective,
        )
        _to_towns(book, scale, world, effective, by_slot, doc=doc, basis=basis)


def _to_towns(
    book: ActBook,
    scale: SynthScale,
    world: World,
    effective: date,
    by_slot: Mapping[int, list[str]],
    *,
    doc: str,
    basis: str,
) -> None:
    """One round of delegation: in every district, each department slot's ``codes`` go down to
    all its streets and towns by one act (``…-delegate-<year>-k<slot>``)."""
    for d in range(scale.districts):
        for slot, codes in by_slot.items():
            if codes:
                book.act(
                    f"{district_prefix(d)}-delegate-{effective.year}-k{slot:02d}",
                    ActKind.DELEGATE,
                    effective,
                    codes,
                    doc=doc,
                    basis=[basis],
                    issuer=CITY_GOV,
                    **{"from": world.departments[d][slot]},
                    to=world.towns[d],
                )


def _adjustments(
    book: ActBook, scale: SynthScale, world: World, cat: Catalogue, entrust_basis: str
) -> None:
    """Transfers, entrustments, cancellations and the deliberate irregularities."""
    first_team = min(world.teams, default=None)
    for d in range(scale.districts):
        prefix, gov, dept = district_prefix(d), world.governments[d], world.departments[d]
        town = world.towns[d][0]
        adjust = book.doc(
            f"{prefix}-adjust",
            f"合成区{d + 1}人民政府关于调整部分行政执法职权的决定",
            LawLevel.NORMATIVE_DOCUMENT,
            issuer=f"合成区{d + 1}人民政府",
            valid_from=date(2021, 1, 1),
        )
        common: dict[str, Any] = {"doc": adjust, "issuer": gov}
        if d % 4 == 1:
            book.act(
                f"{prefix}-transfer",
                ActKind.TRANSFER,
                date(2021, 5, 1),
                cat.by_slot[CULTURE][:5],
                **{"from": dept[CULTURE]},
                to=[dept[SPORT]],
                **common,
            )
        if has_team(d):
            team = world.teams[d]
            book.act(
                f"{prefix}-entrust",
                ActKind.ENTRUST,
                date(2021, 3, 1),
                cat.by_slot[EMERGENCY][:10],
                until=date(2026, 1, 1),
                basis=[entrust_basis],
                **{"from": dept[EMERGENCY]},
                to=[team],
                **common,
            )
            if d == first_team:  # an agent may not entrust further (行政处罚法 第20条)
                book.act(
                    f"{prefix}-reentrust",
                    ActKind.ENTRUST,
                    date(2022, 1, 1),
                    cat.by_slot[EMERGENCY][:1],
                    **{"from": team},
                    to=[town],
                    **common,
                )
        if d == 0:
            shared = cat.by_slot[CHENGGUAN][len(cat.delegated[CHENGGUAN]) :][:2]
            book.act(  # 区街共有: also given to a street (an overlap)
                f"{prefix}-assign-shared",
                ActKind.ASSIGN,
                date(2021, 1, 1),
                shared,
                to=[town],
                **common,
            )
            book.act(  # a further assignment never legally reviewed: it produces nothing yet
                f"{prefix}-assign-unreviewed",
                ActKind.ASSIGN,
                date(2021, 6, 1),
                shared,
                to=[town],
                review=Review.PENDING,
                **common,
            )
            book.act(
                f"{prefix}-delegate-invalid",
                ActKind.DELEGATE,
                date(2021, 1, 1),
                cat.by_slot[INVALID_SLOT][1:2],
                **{"from": dept[INVALID_SLOT]},
                to=[town],
                **common,
            )
            book.act(
                f"{prefix}-revoke",
                ActKind.REVOKE,
                date(2023, 1, 1),
                cat.delegated[CHENGGUAN][:1],
                **{"from": dept[CHENGGUAN]},
                to=[town],
                **common,
            )
        if d == 2 % scale.districts:
            disputed = cat.by_slot[INVALID_SLOT][:1]
            book.act(
                f"{prefix}-assign-dup",
                ActKind.ASSIGN,
                date(2016, 1, 1),
                disputed,
                to=[dept[DUP_SLOT]],
                **common,
            )
            book.act(
                f"{prefix}-designate",
                ActKind.DESIGNATE,
                date(2024, 3, 1),
                disputed,
                to=[dept[INVALID_SLOT]],
                scope=[world.districts[d]],
                **common,
            )
    for n, slot in enumerate(CANCEL_SLOTS):
        year = 2021 + n
        doc = book.doc(
            f"syn-doc-{year}-cancel",
            f"关于取消部分行政执法职权的决定（合成，{year}年）",
            LawLevel.NORMATIVE_DOCUMENT,
            issuer="北京市人民政府",
            valid_from=date(year, 6, 1),
        )
        book.act(
            f"syn-cancel-{year}",
            ActKind.CANCEL,
            date(year, 6, 1),
            cat.by_slot[slot][:4],
            doc=doc,
            issuer=CITY_GOV,
        )


def _published(book: ActBook, world: World, cat: Catalogue) -> None:
    """District 1's towns publish their 2020 lists; later acts leave some of them out of date."""
    delegated = sorted(code for codes in cat.delegated for code in codes)
    for town in world.towns[0]:
        fields = {"unit": town, "version": 1, "published": date(2020, 8, 1), "items": delegated}
        book.published.append(PublishedList.model_validate(fields | book.src))
