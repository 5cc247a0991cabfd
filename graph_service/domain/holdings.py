"""Holdings: a unit's competence for one item over a scope, as the engine derives it from acts.

Defined in the domain (not the engine) because two layers speak of it: the engine derives
holdings, and the storage port writes them back as ``(:Unit)-[:HOLDS]->(:PowerItem)`` for people
browsing the database. A named tuple: the engine builds about a million of them at Beijing
scale, and a frozen dataclass costs five times as much to construct.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple


class Role(StrEnum):
    """A holder's part in a competence (职权角色); names in English, labels in Chinese."""

    PRIMARY = "PRIMARY"  # competent in its own name
    SUPERVISOR = "SUPERVISOR"  # delegated away: guidance and supervision, not competence
    AGENT = "AGENT"  # entrusted: acts in the principal's name

    @property
    def label(self) -> str:
        """The Chinese name, as the power lists write it (the export, the graph's edges)."""
        return _ROLE_LABELS[self]


class Mode(StrEnum):
    """How a holder came by a competence (取得方式)."""

    ORIGINAL = "ORIGINAL"
    STATUTORY = "STATUTORY"
    DELEGATED = "DELEGATED"
    ENTRUSTED = "ENTRUSTED"
    TRANSFERRED = "TRANSFERRED"
    DESIGNATED = "DESIGNATED"

    @property
    def label(self) -> str:
        """The Chinese name, as the power lists write it (the export, the graph's edges)."""
        return _MODE_LABELS[self]


_ROLE_LABELS: dict[Role, str] = {
    Role.PRIMARY: "主体",
    Role.SUPERVISOR: "指导监督",
    Role.AGENT: "受委托",
}
_MODE_LABELS: dict[Mode, str] = {
    Mode.ORIGINAL: "原有",
    Mode.STATUTORY: "法定",
    Mode.DELEGATED: "下放",
    Mode.ENTRUSTED: "委托",
    Mode.TRANSFERRED: "划转",
    Mode.DESIGNATED: "指定管辖",
}


Pair = tuple[str, str]
"""(unit, item): the holdings of one unit for one item, the unit a write changes and the
derived ``HOLDS`` export rewrites."""


class Holding(NamedTuple):
    """A unit's competence for one item over a scope region, less carved-out regions."""

    id: str
    unit: str
    item: str
    scope: str
    role: Role
    mode: Mode
    valid_from: date
    valid_to: date | None
    acts: tuple[str, ...]  # the chain of acts that produced it, oldest first
    carved_out: frozenset[str] = frozenset()
    joint: bool = False
    principal: str | None = None  # for an AGENT: the unit in whose name it acts

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)
