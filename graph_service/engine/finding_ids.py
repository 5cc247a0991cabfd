"""Stable finding ids: the same conflict keeps its id across recomputation and restarts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .answers import FindingKind


def finding_id(kind: FindingKind, item: str | None, units: Iterable[str], cause: str | None) -> str:
    """A hash of (kind, item, sorted units, cause): neither dates nor places change it."""
    text = "|".join([kind.value, item or "", ",".join(sorted(units)), cause or ""])
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{kind.value.lower()}-{digest[:12]}"
