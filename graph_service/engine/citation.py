"""How the engine names things in Chinese: dates, documents with their numbers, articles, places."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from graph_service.domain.models import Act

from .catalog import Catalog


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def law_ref(catalog: Catalog, law_id: str) -> str:
    """``京政发〔2020〕9号（title）`` when the document has a number, else ``《title》``."""
    law = catalog.laws.get(law_id)
    if law is None:
        return law_id
    if law.doc_number:
        return f"{law.doc_number}（{law.title}）"
    return f"《{law.short_title or law.title}》"


def act_citation(catalog: Catalog, act: Act) -> str:
    """The act's document and the articles it rests on, e.g. ``《行政处罚法》第24条``."""
    articles: dict[str, list[str]] = {}
    for provision_id in act.basis:
        provision = catalog.provisions.get(provision_id)
        if provision is not None:
            articles.setdefault(provision.law, []).append(provision.article)
    parts: list[str] = []
    if act.doc:
        parts.append(law_ref(catalog, act.doc) + "".join(articles.pop(act.doc, [])))
    parts.extend(law_ref(catalog, law) + "、".join(arts) for law, arts in articles.items())
    return "和".join(parts)


def names(values: Iterable[str], name_of: dict[str, str] | None = None, limit: int = 5) -> str:
    """``甲、乙、丙`` with an ``等N个`` tail past ``limit``."""
    shown = [name_of.get(v, v) if name_of else v for v in values]
    if len(shown) > limit:
        return "、".join(shown[:limit]) + f"等{len(shown)}个"
    return "、".join(shown)
