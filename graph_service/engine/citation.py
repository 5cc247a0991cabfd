"""How the engine names things in Chinese: dates, documents with their numbers, articles, places.

One style for a memo: laws by their full title in 《》 (《中华人民共和国行政处罚法》),
articles in Chinese numerals (第二十五条), numbered documents as ``京政发〔2020〕9号《title》``,
and records made up to show a feature marked （示例数据）.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date

from graph_service.domain.enums import ActKind, UnitKind
from graph_service.domain.models import Act

from .catalog import Catalog


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


ILLUSTRATIVE_MARK = "（示例数据）"
_DIGITS = "零一二三四五六七八九"
_ARTICLE = re.compile(r"第\s*(\d+)\s*([条款项])")


def cn_number(n: int) -> str:
    """1..9999 in Chinese numerals as articles are numbered (24: 二十四, 10: 十, 105: 一百零五)."""
    if n <= 0 or n >= 10000:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    out = ""
    zero = False
    for size, name in units:
        digit, n = divmod(n, size)
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


def cn_article(article: str) -> str:
    """``第24条 第1款`` -> ``第二十四条第一款``: one numbering style in every text."""
    return _ARTICLE.sub(lambda m: f"第{cn_number(int(m.group(1)))}{m.group(2)}", article).replace(
        " ", ""
    )


def law_ref(catalog: Catalog, law_id: str) -> str:
    """``京政发〔2020〕9号《title》`` when the document has a number, else ``《full title》``."""
    law = catalog.laws.get(law_id)
    if law is None:
        return law_id
    if law.doc_number:
        return f"{law.doc_number}《{law.title}》"
    return f"《{law.title}》"


def act_citation(catalog: Catalog, act: Act, kinds: Collection[UnitKind] | None = None) -> str:
    """The act's document and the articles it rests on (``《…行政处罚法》第二十四条``)."""
    articles: dict[str, list[str]] = {}
    for provision_id in act.basis:
        provision = catalog.provisions.get(provision_id)
        if provision is None:
            continue
        if (
            kinds is not None
            and provision.unit_kinds
            and not set(provision.unit_kinds) & set(kinds)
        ):
            continue  # an article about other unit kinds (a street article for a town)
        articles.setdefault(provision.law, []).append(cn_article(provision.article))
    parts: list[str] = []
    if act.doc:
        parts.append(law_ref(catalog, act.doc) + "、".join(articles.pop(act.doc, [])))
    parts.extend(law_ref(catalog, law) + "、".join(arts) for law, arts in articles.items())
    return "和".join(parts)


_KIND_TEXT = {
    ActKind.ASSIGN: "确定执法主体",
    ActKind.DELEGATE: "下放",
    ActKind.ENTRUST: "委托",
    ActKind.TRANSFER: "划转",
    ActKind.CANCEL: "取消",
    ActKind.REVOKE: "收回",
    ActKind.DESIGNATE: "指定管辖",
}


def act_phrase(catalog: Catalog, act: Act) -> str:
    """How a memo names an act without its internal id: its document, else its date and kind."""
    if act.doc:
        text = law_ref(catalog, act.doc)
    else:
        text = f"{cn_date(act.effective)}起施行的{_KIND_TEXT[act.kind]}决定"
    return text + (ILLUSTRATIVE_MARK if act.illustrative else "")


def names(values: Iterable[str], name_of: dict[str, str] | None = None, limit: int = 5) -> str:
    """``甲、乙、丙`` with an ``等N个`` tail past ``limit``."""
    shown = [name_of.get(v, v) if name_of else v for v in values]
    if len(shown) > limit:
        return "、".join(shown[:limit]) + f"等{len(shown)}个"
    return "、".join(shown)
