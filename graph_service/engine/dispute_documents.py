"""The justice bureau's documents about a dispute, as content (policy 四(十), DESIGN §7).

行政执法争议协调意见书 (the bureau's coordination opinion), 行政执法监督督办函 (a supervision letter
urging the parties to carry a decision out) and 指定管辖决定书 (a draft for the district
government, the common superior of 行政处罚法 第二十五条). Each is built from a dispute (or a
finding, as the dispute it would open): parties, matter, places, facts, the legal basis with article
citations in the memo style of ``citation`` (laws by full title, 第二十五条), the chain of acts
behind the matter, the decision and its deadline. Rendering (Markdown, DOCX) is the service's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from graph_service.domain.models import Dispute, Region

from .answers import Routing
from .catalog import Catalog
from .citation import act_citation, act_phrase, cn_article, cn_date, law_ref

PENALTY_LAW_ARTICLE = "《中华人民共和国行政处罚法》第二十五条"
PENALTY_LAW_TEXT = (
    "两个以上行政机关都有管辖权的，由最先立案的行政机关管辖。对管辖发生争议的，应当协商解决，"
    "协商不成的，报请共同的上一级行政机关指定管辖；也可以直接由共同的上一级行政机关指定管辖。"
)
POLICY = "《关于加强行政执法协调监督工作的实施意见》"


class DocumentKind(StrEnum):
    OPINION = "opinion"  # 行政执法争议协调意见书
    SUPERVISION = "supervision"  # 行政执法监督督办函
    DESIGNATION = "designation"  # 指定管辖决定书（代拟稿）


TITLE = {
    DocumentKind.OPINION: "行政执法争议协调意见书",
    DocumentKind.SUPERVISION: "行政执法监督督办函",
    DocumentKind.DESIGNATION: "指定管辖决定书（代拟稿）",
}
NUMBER_MARK = {  # the character after the issuer's prefix: 京大司协〔2026〕3号
    DocumentKind.OPINION: "协",
    DocumentKind.SUPERVISION: "督",
    DocumentKind.DESIGNATION: "指",
}


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentContent:
    kind: DocumentKind
    title: str
    number: str | None  # None: not numbered yet (a draft)
    addressees: str  # 主送
    sections: tuple[Section, ...]
    issuer: str  # 落款
    dated: date


def document_number(prefix: str, kind: DocumentKind, year: int, serial: int) -> str:
    """``京大司协〔2026〕3号`` from the prefix ``京大司``."""
    return f"{prefix}{NUMBER_MARK[kind]}〔{year}〕{serial}号"


def dispute_document(
    kind: DocumentKind,
    dispute: Dispute,
    catalog: Catalog,
    regions: Mapping[str, Region],
    routing: Routing,
    *,
    number: str | None,
    dated: date,
    facts: tuple[str, ...] = (),
) -> DocumentContent:
    """The content of a ``kind`` document about ``dispute`` (``facts``: e.g. the finding)."""

    def unit(key: str | None) -> str:
        found = catalog.units.get(key) if key else None
        return found.name if found else (key or "")

    def place(key: str) -> str:
        region = regions.get(key)
        return region.name if region is not None else key

    parties = "、".join(unit(p) for p in dispute.parties) or "（未载明）"
    items = [catalog.items.get(code) for code in dispute.items]
    matter = "、".join(
        f"“{i.name}”（{i.code}）" if i else code
        for i, code in zip(items, dispute.items, strict=True)
    )
    places = "、".join(place(p) for p in dispute.places) or "（未载明）"
    bureau = unit(routing.coordinator) or "区司法局"
    authority = unit(routing.designating_authority) or "共同的上一级行政机关"
    designated = "、".join(unit(u) for u in dispute.designated)

    basis = [
        f"{PENALTY_LAW_ARTICLE}：“{PENALTY_LAW_TEXT}”",
        f"{POLICY}第四部分第（八）项、第（十）项",
    ]
    for item in items:
        for provision_id in item.basis if item else ():
            provision = catalog.provisions.get(provision_id)
            if provision is not None:
                basis.append(f"{law_ref(catalog, provision.law)}{cn_article(provision.article)}")
    chain = [
        f"{cn_date(act.effective)}，{act_phrase(catalog, act)}"
        + (f"（依据{cited}）" if (cited := act_citation(catalog, act)) else "")
        + f"：{'、'.join(unit(u) for u in act.to) or unit(act.from_unit)}"
        for code in dispute.items
        for act in catalog.acts_by_item.get(code, ())
    ]
    events = [
        f"{cn_date(e.at.date())}，{unit(e.unit) if e.unit else e.by}：{e.note or e.action.value}"
        + (f"（附：{'、'.join(e.attachments)}）" if e.attachments else "")
        for e in dispute.events
    ]
    deadline = f"，请于{cn_date(dispute.deadline)}前落实" if dispute.deadline else ""
    decision = (
        f"{dispute.outcome}。指定{designated}管辖{deadline}。"
        if dispute.outcome and designated
        else "（待作出）"
    )
    sections = [
        Section("一、争议当事单位", (parties,)),
        Section("二、争议事项及地域", (f"事项：{matter or '（未载明）'}", f"地域：{places}")),
        Section("三、基本事实", (*facts, *events) or ("（无）",)),
        Section("四、法律依据", tuple(basis)),
        Section("五、职权来源（决定链）", tuple(chain) or ("（无）",)),
    ]
    if kind is DocumentKind.OPINION:
        sections.append(
            Section(
                "六、协调意见",
                (
                    f"经协调，{bureau}提出如下意见：{decision}",
                    f"协商不成的，依{PENALTY_LAW_ARTICLE}报请{authority}指定管辖。",
                ),
            )
        )
        addressees, issuer = parties, bureau
    elif kind is DocumentKind.SUPERVISION:
        sections.append(
            Section(
                "六、督办事项",
                (f"请{designated or parties}落实以下决定：{decision}", "落实情况请书面报送。"),
            )
        )
        addressees, issuer = designated or parties, bureau
    else:
        sections.append(Section("六、决定", (f"依照{PENALTY_LAW_ARTICLE}，决定：{decision}",)))
        addressees, issuer = parties, authority
    return DocumentContent(
        kind=kind,
        title=TITLE[kind],
        number=number,
        addressees=addressees,
        sections=tuple(sections),
        issuer=issuer,
        dated=dated,
    )
