"""A holding's life during replay: one mutable lineage emits immutable ``Holding`` versions.

A lineage is one unit's competence for one item over one scope, created by one act. Whenever an
act changes it (a region carved out or given back, a new principal) the current version is closed
on that day and a new one opens, so every emitted ``Holding`` is exact over its interval
``[valid_from, valid_to)``. Zero-length versions (several changes on one day) are never emitted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .answers import Holding, Mode, Role

EndKind = Literal["act", "until", "abolished"]
_NOTHING: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EndCause:
    """Why a lineage ended: an act, the ``until`` of the act behind it, or its unit's abolition."""

    kind: EndKind
    act: str | None = None
    unit: str | None = None


def lineage_key(*parts: str) -> str:
    """A deterministic, short holding id base: the same facts always give the same id."""
    digest = hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False)
    return "h-" + digest.hexdigest()[:16]


@dataclass(slots=True, eq=False)
class Lineage:
    key: str
    unit: str
    item: str
    scope: str
    role: Role
    mode: Mode
    origin: str  # the act that created the first lineage of this line (kept through succession)
    since: date  # start of the current version
    start: date  # start of the lineage
    acts: list[str]
    carved: dict[str, str] = field(default_factory=dict)  # carved region -> act that carved it
    joint: bool = False
    principal: str | None = None
    delegated_by: str | None = None
    alive: bool = True
    end_cause: EndCause | None = None
    versions: list[Holding] = field(default_factory=list)
    numbered_from: int = 0  # versions emitted before replay resumed (their ids are taken)

    def _emit(self, until: date | None) -> None:
        if until is not None and until <= self.since:
            return
        self.versions.append(
            Holding(  # positional, in field order: the hottest constructor of a build
                f"{self.key}.{self.numbered_from + len(self.versions) + 1}",  # id
                self.unit,
                self.item,
                self.scope,
                self.role,
                self.mode,
                self.since,  # valid_from
                until,  # valid_to
                tuple(self.acts),
                frozenset(self.carved) if self.carved else _NOTHING,  # carved_out
                self.joint,
                self.principal,
            )
        )

    def change(self, day: date) -> None:
        """Close the current version on ``day``; call before mutating the lineage."""
        self._emit(day)
        self.since = max(self.since, day)

    def close(self, day: date, cause: EndCause) -> None:
        self._emit(day)
        self.alive = False
        self.end_cause = cause
        self.since = max(self.since, day)

    def reopen(self, day: date) -> None:
        self.alive = True
        self.end_cause = None
        self.since = day

    def finish(self) -> None:
        """Emit the open version of a lineage still alive when replay ends."""
        if self.alive:
            self._emit(None)

    def carve(self, day: date, region: str, act: str) -> bool:
        if region in self.carved:
            return False
        self.change(day)
        self.carved[region] = act
        if act not in self.acts:
            self.acts.append(act)
        return True

    def give_back(self, day: date, region: str, act: str, *, by: str | None = None) -> bool:
        """Undo the carve-out of ``region`` made by ``act``; ``by`` is the act that undoes it."""
        if self.carved.get(region) != act:
            return False
        self.change(day)
        del self.carved[region]
        if by is not None:
            self.acts.append(by)
        elif act not in self.carved.values() and act in self.acts:
            self.acts.remove(act)
        return True
