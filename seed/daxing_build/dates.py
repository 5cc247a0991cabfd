"""When a statutory holding starts: the one modelling choice about dates the seed makes.

The reference data gives the version of each law it quotes, not the date the power began. A holding
therefore starts on ``BASELINE`` (2020-01-01, the start of the seed's horizon, chosen because the
2020 delegation is the first change the seed shows), unless the law's first version is newer, in
which case it starts on that version's date (adoption date; the effective date is not in the data).
"""

from __future__ import annotations

from datetime import date

from .laws import LawText

BASELINE = date(2020, 1, 1)

ONLY_VERSION_KNOWN = {"bj-wygl"}
"""Laws only quoted in a post-2020 revision whose earlier versions may post-date ``BASELINE``: the
holding starts on the revision date, the earliest date the reference data supports."""


def first_version_date(text: LawText) -> date | None:
    """The date the law itself first appeared, when the reference data shows it is after 2020."""
    version = text.version_date
    if text.is_first_version and version is not None and version > BASELINE:
        return version
    return None


def holding_start(text: LawText) -> date:
    new_law = first_version_date(text)
    if new_law is not None:
        return new_law
    if text.id in ONLY_VERSION_KNOWN and text.version_date is not None:
        return text.version_date
    return BASELINE


def holding_start_note(text: LawText) -> str:
    start = holding_start(text)
    if start == BASELINE:
        return (
            f"Effective {BASELINE}: the seed's baseline, not the date the power began (the law "
            f"predates it; its {text.version} version is quoted)."
        )
    if first_version_date(text) is not None:
        return (
            f"Effective {start}: adoption date of the law's first version (its effective date "
            "is not in the reference data)."
        )
    return (
        f"Effective {start}: date of the {text.version} version, the only one in the reference "
        "data; the holding may be older."
    )
