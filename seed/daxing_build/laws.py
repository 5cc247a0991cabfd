"""Laws and provisions: the legal basis cited by the power items, and the key documents.

Item laws come from the ``legal_basis`` column of power_items.csv (``北京市控制吸烟条例(2021修正)
第25条``); each cited article becomes one provision whose ``text`` is the verbatim opening of the
article (``article_text_excerpt``, checked against the LawRefBook text). The level of a law follows
the folder of its text in LawRefBook (``行政法规/`` → administrative regulation, ``地方性法规`` →
local regulation, other folders → national law). The documents acts rest on (京政发〔2020〕9号 …)
come from documents.csv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph_service.domain.enums import LawLevel
from graph_service.domain.models import Law, Provision

from .reference import Reference, Row

ITEM_LAW_IDS = {
    "北京市市容环境卫生条例": "bj-srhjws",
    "中华人民共和国大气污染防治法": "cn-dqwrfz",
    "北京市生活垃圾管理条例": "bj-shljgl",
    "北京市控制吸烟条例": "bj-kzxy",
    "北京市养犬管理规定": "bj-yqgl",
    "北京市小规模食品生产经营管理规定": "bj-xgmsp",
    "中华人民共和国城乡规划法": "cn-cxgh",
    "北京市城乡规划条例": "bj-cxgh",
    "中华人民共和国食品安全法": "cn-spaq",
    "无证无照经营查处办法": "cn-wzwzjy",
    "中华人民共和国旅游法": "cn-ly",
    "中华人民共和国水法": "cn-sf",
    "北京市绿化条例": "bj-lh",
    "北京市户外广告设施、牌匾标识和标语宣传品设置管理条例": "bj-hwgg",
    "北京市物业管理条例": "bj-wygl",
    "中华人民共和国水污染防治法": "cn-swrfz",
    "中华人民共和国环境影响评价法": "cn-hjyxpj",
    "中华人民共和国噪声污染防治法": "cn-zswrfz",
    "中华人民共和国安全生产法": "cn-aqsc",
    "中华人民共和国消防法": "cn-xf",
    "中华人民共和国土地管理法": "cn-tdgl",
    "中华人民共和国建筑法": "cn-jz",
    "中华人民共和国税收征收管理法": "cn-sszsgl",
    "中华人民共和国道路运输条例": "cn-dlys",
    "劳动保障监察条例": "cn-ldbzjc",
    "公共场所卫生管理条例": "cn-ggcsws",
    "中华人民共和国基本医疗卫生与健康促进法": "cn-jbylws",
    "娱乐场所管理条例": "cn-ylcs",
    "殡葬管理条例": "cn-bzgl",
    "农药管理条例": "cn-nygl",
    "排污许可管理条例": "cn-pwxk",
    "城市道路管理条例": "cn-csdlgl",
    "中华人民共和国民办教育促进法": "cn-mbjycj",
    "中华人民共和国劳动合同法": "cn-ldht",
    "中华人民共和国环境保护税法": "cn-hjbhs",
    "社会救助暂行办法": "cn-shjz",
    "工伤保险条例": "cn-gsbx",
    "不动产登记暂行条例": "cn-bdcdj",
    "中华人民共和国森林法": "cn-sl",
}
"""Title of every law cited in power_items.csv -> its id (pinyin initials of the short title)."""

_CITATION = re.compile(r"^(?P<title>[^(]+)\((?P<version>[^)]+)\) 第(?P<article>\d+)条(?P<rest>.*)$")
_SEE_ALSO = re.compile(r"并见 (?P<title>\S+?) 第(?P<articles>[\d、]+)条")
_FILE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.md$")


@dataclass
class LawText:
    """What power_items.csv tells about one item law: the version read and who cites it."""

    id: str
    title: str
    version: str  # as cited: 2021修正, 2003 …
    text_source: str
    rows: list[int] = field(default_factory=list)

    @property
    def version_date(self) -> date | None:
        found = _FILE_DATE.search(self.text_source)
        return date.fromisoformat(found.group(1)) if found else None

    @property
    def is_first_version(self) -> bool:
        """A version cited without 修正/修订 is the law's first version."""
        return not any(word in self.version for word in ("修正", "修订"))

    @property
    def level(self) -> LawLevel:
        if "行政法规/" in self.text_source:
            return LawLevel.ADMINISTRATIVE_REGULATION
        if "地方性法规" in self.text_source:
            return LawLevel.LOCAL_REGULATION
        return LawLevel.LAW


@dataclass(frozen=True)
class Citation:
    """One provision an item cites: ``main`` is the one whose excerpt the row carries."""

    law: str
    article: int
    main: bool

    @property
    def provision_id(self) -> str:
        return provision_id(self.law, self.article)


def provision_id(law: str, article: int) -> str:
    return f"{law}-a{article}"


def parse_basis(legal_basis: str) -> list[Citation]:
    """``城乡规划法(2019修正) 第64条 (并见 北京市城乡规划条例 第75条)`` -> two citations."""
    found = _CITATION.match(legal_basis)
    if found is None:
        raise ValueError(f"cannot read legal basis {legal_basis!r}")
    out = [Citation(ITEM_LAW_IDS[found["title"]], int(found["article"]), main=True)]
    for also in _SEE_ALSO.finditer(found["rest"]):
        for article in also["articles"].split("、"):
            out.append(Citation(ITEM_LAW_IDS[also["title"]], int(article), main=False))
    return out


def item_law_texts(ref: Reference) -> dict[str, LawText]:
    """Every item law, keyed by id, in the order power_items.csv first cites it."""
    out: dict[str, LawText] = {}
    for row in ref.rows("power_items.csv"):
        found = _CITATION.match(row["legal_basis"])
        if found is None:
            raise ValueError(f"power_items.csv row {row.number}: unreadable legal_basis")
        for citation in parse_basis(row["legal_basis"]):
            text = out.get(citation.law)
            if text is None and citation.main:
                text = LawText(
                    citation.law, found["title"], found["version"], row["law_text_source"]
                )
                out[citation.law] = text
            if text is not None and row.number not in text.rows:
                text.rows.append(row.number)
    return out


def build_item_laws(ref: Reference) -> list[Law]:
    return [_item_law(text) for text in item_law_texts(ref).values()]


def _item_law(text: LawText) -> Law:
    rows = ", ".join(str(n) for n in text.rows)
    return Law(
        id=text.id,
        title=text.title,
        short_title=text.title.removeprefix("中华人民共和国"),
        level=text.level,
        issuer="国务院" if text.level == LawLevel.ADMINISTRATIVE_REGULATION else None,
        source=f"reference/power_items.csv rows {rows} (legal_basis); text: {text.text_source}; "
        "confidence: high",
        note=f"Provisions quoted from the {text.version} version. Earlier versions and the "
        "date the law first took effect are not in the reference data.",
    )


def build_item_provisions(ref: Reference) -> list[Provision]:
    """One provision per cited article; articles only named in 并见 have no text."""
    found: dict[str, Provision] = {}
    for row in ref.rows("power_items.csv"):
        for citation in parse_basis(row["legal_basis"]):
            if citation.provision_id in found and not citation.main:
                continue
            known = found.get(citation.provision_id)
            if known is not None and known.text is not None:
                continue
            found[citation.provision_id] = _item_provision(row, citation)
    return list(found.values())


def _item_provision(row: Row, citation: Citation) -> Provision:
    if citation.main:
        return Provision(
            id=citation.provision_id,
            law=citation.law,
            article=f"第{citation.article}条",
            text=row["article_text_excerpt"],
            source=row.cite("high (checked against LawRefBook text)", row["law_text_source"]),
            note="text: the opening of the article, verbatim and truncated.",
        )
    return Provision(
        id=citation.provision_id,
        law=citation.law,
        article=f"第{citation.article}条",
        source=row.cite("high", f"named as 并见 in legal_basis: {row['legal_basis']}"),
        note="Cited by reference only; its text is not in the reference data.",
    )
