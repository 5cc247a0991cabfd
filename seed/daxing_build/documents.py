"""The key documents of documents.csv as laws, and the articles acts cite as their basis.

A document number that facts.md marks unverified (facts.md §8 gap 4) is left out of ``doc_number``
and named in ``note`` instead. Articles here have no ``text``: the reference data summarises them
but does not quote them, so the summary goes to ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_service.domain.enums import LawLevel, UnitKind
from graph_service.domain.models import Law, Provision

from .reference import Reference, Row

DELEGATION_2020 = "jzf-2020-9"
AIRPORT_ZONE_2020 = "jzf-2020-22"
PENALTY_LAW = "cn-xzcf"
STREET_OFFICES_REGULATION = "bj-jdbsc"
GRASSROOTS_OPINION = "zb-jczh"


@dataclass(frozen=True)
class Document:
    """How one row of documents.csv becomes a law."""

    id: str
    level: LawLevel
    title: str | None = None  # None: the row's title as written
    short_title: str | None = None
    doc_number: bool = False  # the row's doc_number is verified and is kept
    valid_from: date | None = None
    note: str | None = None


DOCUMENTS: dict[str, Document] = {
    "DOC01": Document(
        DELEGATION_2020,
        LawLevel.NORMATIVE_DOCUMENT,
        short_title="京政发〔2020〕9号",
        doc_number=True,
        valid_from=date(2020, 7, 1),
        note="Delegates 431 items (城管执法 393, 生态环境 4, 水务 22, 农业农村 1, 卫生健康 11) to "
        "streets and townships from 2020-07-01. Its annex (the item list) was not seen "
        "(facts.md §8 gap 1). Stated basis: "
        "中办国办《关于推进基层整合审批服务执法力量的实施意见》.",
    ),
    "DOC03": Document(
        AIRPORT_ZONE_2020,
        LawLevel.NORMATIVE_DOCUMENT,
        short_title="京政发〔2020〕22号",
        doc_number=True,
        note="Dated 2020-11-17, published 2021-01-08; its effective date is not in the excerpt "
        "read. The annex listing the 80 + 8 powers was not seen (facts.md §8 gap 3).",
    ),
    "DOC04": Document(
        PENALTY_LAW,
        LawLevel.LAW,
        title="中华人民共和国行政处罚法",
        short_title="行政处罚法",
        note="Articles cited in their 2021 numbering (revised 2021-01-22, effective 2021-07-15). "
        "The 主席令 number is unverified (facts.md §8 gap 4) and not seeded.",
    ),
    "DOC05": Document(
        STREET_OFFICES_REGULATION,
        LawLevel.LOCAL_REGULATION,
        short_title="北京市街道办事处条例",
        valid_from=date(2020, 1, 1),
    ),
    "DOC06": Document(
        "bj-zfjdbf",
        LawLevel.RULE,
        short_title="行政执法监督办法",
        doc_number=True,
        valid_from=date(2025, 3, 1),
    ),
    "DOC07": Document(
        "zb-zfxtjd",
        LawLevel.POLICY,
        note="Issued 2024-02, released 2024-05-14. The number 中办发〔2024〕14号 is unverified "
        "(facts.md §8 gap 4) and not seeded.",
    ),
    "DOC08": Document(
        "gb-sqxzjc",
        LawLevel.NORMATIVE_DOCUMENT,
        note="Released 2025-01-03. The number 国办发〔2024〕54号 is unverified (facts.md §8 gap 4) "
        "and not seeded.",
    ),
    "DOC09": Document("bj-zfgs", LawLevel.NORMATIVE_DOCUMENT, valid_from=date(2021, 11, 5)),
    "DOC10": Document("bj-sthjcg", LawLevel.POLICY, note="Dated 2019-03-04."),
    "DOC11": Document("bj-sthjzfml", LawLevel.NORMATIVE_DOCUMENT),
    "DOC12": Document("lkq-ztgh", LawLevel.POLICY, note="Jointly approved 2019-10."),
    "DOC13": Document("lkq-gh2016", LawLevel.POLICY, note="Issued 2016-10."),
    "DOC14": Document("lkq-gjxy", LawLevel.AGREEMENT, note="Signed 2014-07."),
    "DOC16": Document(
        "bj-jkqtl",
        LawLevel.LOCAL_REGULATION,
        short_title="北京经济技术开发区条例",
        valid_from=date(1995, 6, 1),
        note="1995 text; later revisions not checked.",
    ),
    "DOC18": Document(
        "cn-dfzzf",
        LawLevel.LAW,
        title="中华人民共和国地方各级人民代表大会和地方各级人民政府组织法",
        short_title="地方组织法",
        note="2022 amendment (2022-03-11); its effective date is unverified and not seeded.",
    ),
}
"""documents.csv doc_id -> law. Not seeded: DOC02 (a 东城区 decision, not Daxing), DOC15 (number and
date unverified), DOC17 (a web page, not a document), DOC19 (only the licence of law texts)."""

ARTICLES: list[tuple[str, int, str, date | None, str]] = [
    # (law, article, documents.csv doc_id or facts.md section, valid_from, summary)
    (PENALTY_LAW, 18, "DOC04", date(2021, 7, 15), "综合行政执法 / 相对集中行政处罚权."),
    (PENALTY_LAW, 19, "DOC04", date(2021, 7, 15), "法律法规授权的组织以自己名义实施处罚."),
    (
        PENALTY_LAW,
        20,
        "DOC04",
        date(2021, 7, 15),
        "书面委托; the agent acts in the name of the entrusting body and may not entrust further.",
    ),
    (
        PENALTY_LAW,
        24,
        "DOC04",
        date(2021, 7, 15),
        "A province may decide to let 乡镇/街道 exercise "
        "county-level departments' penalty powers where grass-roots management urgently needs "
        "it and they can take it on; it must evaluate them periodically and publish the decision.",
    ),
    (
        STREET_OFFICES_REGULATION,
        11,
        "DOC05",
        None,
        "Last paragraph: streets exercise the "
        "enforcement powers they can take on; the city government publishes the list.",
    ),
    (STREET_OFFICES_REGULATION, 25, "DOC05", None, "综合行政执法 by streets."),
    (STREET_OFFICES_REGULATION, 49, "DOC05", None, "乡镇 follow this regulation mutatis mutandis."),
    (
        "bj-zfjdbf",
        4,
        "DOC06",
        None,
        "市、区司法行政部门 do the supervision work of their government.",
    ),
    (
        "bj-zfjdbf",
        5,
        "DOC06",
        None,
        "Powers exercised concentratedly or granted to 乡镇、街道 and "
        "functional-zone bodies are supervised.",
    ),
    (
        "cn-dfzzf",
        83,
        "DOC18",
        None,
        "Departments are led by their government and receive "
        "guidance or leadership from the upper-level department (dual leadership).",
    ),
    (
        "cn-dfzzf",
        85,
        "DOC18",
        None,
        "A district government may, with approval, set up street "
        "offices as its agencies (派出机关).",
    ),
    (
        "bj-jkqtl",
        8,
        "DOC16",
        None,
        "The city sets up the 开发区管委会 to lead and manage the zone on its behalf.",
    ),
]


UNIT_KINDS: dict[tuple[str, int], list[UnitKind]] = {
    (STREET_OFFICES_REGULATION, 11): [UnitKind.STREET],
    (STREET_OFFICES_REGULATION, 25): [UnitKind.STREET],
    (STREET_OFFICES_REGULATION, 49): [UnitKind.TOWNSHIP],
}
"""Articles about one kind of unit: streets rest on 第十一条, towns on 第四十九条 (which applies the
regulation to 乡镇), so an answer cites for each unit the article about its kind."""


def build_document_laws(ref: Reference) -> list[Law]:
    rows = ref.by("documents.csv", "doc_id")
    out = [_document_law(rows[doc_id], doc) for doc_id, doc in DOCUMENTS.items()]
    out.append(_grassroots_opinion(rows["DOC01"]))
    return out


def build_document_provisions(ref: Reference) -> list[Provision]:
    rows = ref.by("documents.csv", "doc_id")
    return [
        Provision(
            id=f"{law}-a{article}",
            law=law,
            article=f"第{article}条",
            unit_kinds=UNIT_KINDS.get((law, article), []),
            valid_from=valid_from,
            source=rows[doc_id].cite(rows[doc_id]["confidence"], "key_facts; facts.md §3-§4"),
            note=f"Summary, not the text: {summary}",
        )
        for law, article, doc_id, valid_from, summary in ARTICLES
    ]


def _document_law(row: Row, doc: Document) -> Law:
    notes = [row["key_facts"]]
    if doc.note:
        notes.insert(0, doc.note)
    return Law(
        id=doc.id,
        title=doc.title or row["title"],
        short_title=doc.short_title,
        level=doc.level,
        issuer=row["issuer"],
        doc_number=row["doc_number"] if doc.doc_number else None,
        valid_from=doc.valid_from,
        source=row.cite(row["confidence"], row["source_url"]),
        note=" ".join(notes),
    )


def _grassroots_opinion(row: Row) -> Law:
    return Law(
        id=GRASSROOTS_OPINION,
        title="关于推进基层整合审批服务执法力量的实施意见",
        level=LawLevel.POLICY,
        issuer="中共中央办公厅、国务院办公厅",
        source=row.cite("high", "named as the basis of 京政发〔2020〕9号 in key_facts"),
        note="Its number and date are not in the reference data.",
    )
