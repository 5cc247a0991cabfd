"""Which recorded law a cited title or number means, and which provision a cited article is.

A law is found by its title, its short title or its document number, compared with full-width
characters folded, brackets unified (〔〕 for numbers), spaces and revision notes such as
（2021年修订） dropped, and ``中华人民共和国`` optional. Provisions are found by law and article,
with the article read the same way on both sides (``第35条 第1款`` is ``第三十五条第一款``).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from graph_service.domain.models import Law, Provision

from .basis import ArticleRef, normalise, parse_article

_PRC = "中华人民共和国"
_REVISION = re.compile(r"\((?:[^()]*\d{4}[^()]*|[^()]*(?:修订|修正|修改)[^()]*)\)")


def title_key(text: str) -> str:
    """The form titles and numbers are compared in."""
    key = re.sub(r"\s+", "", normalise(text)).strip("《》【】〈〉<>「」“”")
    key = key.translate(str.maketrans("[]", "〔〕"))
    key = re.sub(r"\((\d{4})\)(\d+号)", r"〔\1〕\2", key)
    return _REVISION.sub("", key)


class LawIndex:
    """Laws by every name they may be cited by; provisions by (law, article)."""

    def __init__(self, laws: Iterable[Law], provisions: Iterable[Provision]) -> None:
        self._laws: dict[str, set[str]] = {}
        self._provisions: dict[tuple[str, str], list[str]] = {}
        for law in laws:
            self.add_law(law)
        for provision in provisions:
            self.add_provision(provision)

    def add_law(self, law: Law) -> None:
        for name in (law.title, law.short_title, law.doc_number):
            if name:
                key = title_key(name)
                for variant in {key, key.removeprefix(_PRC)}:
                    if variant:
                        self._laws.setdefault(variant, set()).add(law.id)

    def add_provision(self, provision: Provision) -> None:
        ref = parse_article(provision.article)
        article = ref.key if ref is not None else re.sub(r"\s+", " ", provision.article.strip())
        self._provisions.setdefault((provision.law, article), []).append(provision.id)

    def laws(self, title: str) -> list[str]:
        """Ids of the laws ``title`` may mean (none, one, or several when it is ambiguous)."""
        key = title_key(title)
        found = self._laws.get(key) or self._laws.get(key.removeprefix(_PRC)) or set()
        return sorted(found)

    def provision(self, law: str, ref: ArticleRef, prefer: Iterable[str] = ()) -> str | None:
        """The provision of ``law`` at ``ref``; among duplicates, one of ``prefer`` first."""
        found = self._provisions.get((law, ref.key), [])
        preferred = set(prefer)
        return next((p for p in found if p in preferred), found[0] if found else None)


def guess_level(title: str) -> str:
    """A first guess at a created law's level, for review (the law level enum's values)."""
    if title.startswith(_PRC) and title.endswith("法"):
        return "law"
    if re.search(r"〔\d{4}〕\d+号$", title):
        return "normative_document"
    if title.endswith("条例"):
        return (
            "local_regulation"
            if re.match(r"^\S{2,3}[省市]", title)
            else "administrative_regulation"
        )
    if title.endswith(("规定", "办法", "细则")):
        return "rule"
    return "normative_document"


def unique_id(base: str, *taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … if taken in any of ``taken``."""
    candidate, n = base, 1
    while any(candidate in keys for keys in taken):
        n += 1
        candidate = f"{base}-{n}"
    return candidate
