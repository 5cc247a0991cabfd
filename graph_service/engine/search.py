"""Search over items, units, regions and laws by code, name, alias, pinyin or initials.

A query of several words (separated by spaces) matches records that match every word; a word
matches a code, a name, an alias, the pinyin or initials of a name (``jiugong``, ``jgz``), or,
when it is a common short name (卫健委, 城管, 大兴机场, 控烟 …, see ``search_terms``), what it
stands for. Ranked by the weakest word's match, exact > prefix > substring, then shorter names
first (the closer match), then key, so typing ``兴丰`` finds 兴丰街道 before 兴丰街道办事处. The
searchable strings of a record are computed once and kept while the record is unchanged; a linear
scan over thousands of records is then fast enough per keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .answers import SearchHit, SearchKind
from .regions import RegionIndex
from .search_terms import expansions, searchable
from .state import EngineState

EXACT, PREFIX, SUBSTRING = 3.0, 2.0, 1.0


def _score(text: str, candidates: Iterable[str]) -> float:
    best = 0.0
    for candidate in candidates:
        value = candidate.casefold()
        if value == text:
            return EXACT
        if value.startswith(text):
            best = max(best, PREFIX)
        elif text in value:
            best = max(best, SUBSTRING)
    return best


def _records(state: EngineState, kind: SearchKind) -> Iterator[tuple[str, str, str, list[str]]]:
    """(key, name, detail, searchable strings) of every record of ``kind``."""
    catalog = state.catalog
    regions: RegionIndex = state.regions
    if kind == SearchKind.ITEM:
        for item in catalog.items.values():
            detail = item.category.value + (f" · {item.field}" if item.field else "")
            yield item.code, item.name, detail, [item.code, item.name]
    elif kind == SearchKind.UNIT:
        for unit in catalog.units.values():
            detail = f"{unit.kind.value} · {regions.name(unit.region)}"
            yield unit.id, unit.name, detail, [unit.id, unit.name, *unit.aliases]
    elif kind == SearchKind.REGION:
        for region in regions.regions.values():
            parent = f" · {regions.name(region.parent)}" if region.parent else ""
            yield (
                region.code,
                region.name,
                region.kind.value + parent,
                [
                    region.code,
                    region.name,
                    *region.aliases,
                ],
            )
    else:
        for law in catalog.laws.values():
            extra = [law.doc_number] if law.doc_number else []
            extra += [law.short_title] if law.short_title else []
            detail = law.doc_number or law.level.value
            yield law.id, law.title, detail, [law.id, law.title, *extra]


_CACHE = "search_strings"


def _indexed(state: EngineState, kind: SearchKind) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """``_records`` with each record's searchable strings (pinyin included), cached per record."""
    cache = state.derived.setdefault(_CACHE, {})
    out: list[tuple[str, str, str, tuple[str, ...]]] = []
    for key, name, detail, strings in _records(state, kind):
        marker = (name, detail, tuple(strings))
        found = cache.get((kind, key))
        if found is None or found[0] != marker:
            found = (marker, searchable(strings))
            cache[(kind, key)] = found
        out.append((key, name, detail, found[1]))
    return out


def _word_score(word: str, strings: tuple[str, ...]) -> float:
    return max(_score(form, strings) for form in expansions(word))


def search(state: EngineState, kind: SearchKind, text: str, limit: int = 20) -> list[SearchHit]:
    words = text.casefold().split()
    if not words or limit <= 0:
        return []
    hits = [
        SearchHit(kind=kind, key=key, name=name, detail=detail, score=score)
        for key, name, detail, strings in _indexed(state, kind)
        if (score := min(_word_score(word, strings) for word in words)) > 0
    ]
    hits.sort(key=lambda h: (-h.score, len(h.name), h.key))
    return hits[:limit]
