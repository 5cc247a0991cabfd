"""Lint for memo text: what the justice bureau pastes must read as one document.

Rules (issue 10, point 9): no internal ids; articles numbered one way (第二十五条, never 第25条);
laws by their full title in 《》; no stray spaces next to Chinese text (outside quoted names, which
are cited as recorded); no truncated lists (等26个); dates of a chain in chronological order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

ID = re.compile(r"[A-Za-z]{2,}[-_][A-Za-z0-9]")
ARABIC_ARTICLE = re.compile(r"第\s*\d+\s*[条款项]")
TRUNCATED = re.compile(r"等\d+[个项处]")
QUOTED = re.compile(r"“[^”]*”")
STRAY_SPACE = re.compile(r"[\u3000-\u9fff\uff00-\uffef] | [\u3000-\u9fff\uff00-\uffef]")
TITLE = re.compile(r"《([^》]+)》")
DAY_FROM = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日起")


def problems(text: str, full_titles: Iterable[str]) -> list[str]:
    """What is wrong with ``text``; empty when it may go into a memo as it stands."""
    found: list[str] = []
    unquoted = QUOTED.sub("“”", text)
    if m := ID.search(unquoted):
        found.append(f"internal id {m.group(0)!r}")
    if m := ARABIC_ARTICLE.search(text):
        found.append(f"article in Arabic numerals {m.group(0)!r}")
    if m := TRUNCATED.search(unquoted):
        found.append(f"truncated list {m.group(0)!r}")
    if m := STRAY_SPACE.search(unquoted):
        found.append(f"stray space near {m.group(0)!r}")
    titles = set(full_titles)
    for title in TITLE.findall(text):
        if title not in titles:
            found.append(f"law not cited by its full title: 《{title}》")
    days = [date(int(y), int(mo), int(d)) for y, mo, d in DAY_FROM.findall(text)]
    if days != sorted(days):
        found.append(f"dates out of order: {[d.isoformat() for d in days]}")
    return found
