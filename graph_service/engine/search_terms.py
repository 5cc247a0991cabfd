"""What a search matches besides codes and names: pinyin, initials and common short names.

Coordinators type 旧宫 as ``jiugong`` or ``jgz`` on a keyboard without a Chinese input method, and
say 卫健委, 城管, 大兴机场 or 控烟 rather than the full names. Each record's pinyin (full syllables,
joined) and initials are computed once per record with pypinyin and kept as long as the record is
the same object (records are immutable: a changed record is a new object); a query then only
compares strings. Short names expand to the fragment of the full names they stand for.
"""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

SHORT_NAMES: dict[str, tuple[str, ...]] = {
    # short name -> fragments of full names it stands for (公文 usage)
    "卫健委": ("卫生健康委",),
    "卫健": ("卫生健康",),
    "城管": ("城市管理",),
    "城管局": ("城市管理综合行政执法局",),
    "大兴机场": ("大兴国际机场",),
    "控烟": ("吸烟", "控制吸烟"),
    "规自": ("规划和自然资源", "规划自然资源"),
    "规自委": ("规划和自然资源委员会",),
    "住建": ("住房和城乡建设", "住房城乡建设"),
    "住建委": ("住房和城乡建设委员会", "住房城乡建设委"),
    "人社": ("人力资源和社会保障", "人力社保"),
    "人社局": ("人力资源和社会保障局",),
    "市监": ("市场监督管理", "市场监管"),
    "生态": ("生态环境",),
    "环保": ("生态环境",),
    "应急": ("应急管理",),
    "消防": ("消防救援",),
    "经开区": ("北京经济技术开发区", "经济技术开发区"),
    "亦庄开发区": ("北京经济技术开发区",),
    "司法局": ("司法局",),
}


def _ascii(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isascii() and ch.isalnum())


def pinyin_forms(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of the Chinese in ``text``, lower case, no spaces."""
    if text.isascii():
        return "", ""
    full = _ascii("".join(lazy_pinyin(text)))
    initials = _ascii("".join(lazy_pinyin(text, style=Style.FIRST_LETTER)))
    return full, initials


def searchable(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings, casefolded, plus the pinyin and initials of each."""
    out: list[str] = []
    for text in strings:
        out.append(text.casefold())
        full, initials = pinyin_forms(text)
        out += [form for form in (full, initials) if form]
    return tuple(dict.fromkeys(out))


def expansions(word: str) -> tuple[str, ...]:
    """``word`` and what it stands for, when it is a common short name (or contains one)."""
    out = [word]
    for short, longs in SHORT_NAMES.items():
        if short in word:
            out += [word.replace(short, full) for full in longs]
    return tuple(dict.fromkeys(out))
