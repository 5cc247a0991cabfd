"""What the engine answers: holdings, jurisdiction answers, findings, power-list entries.

Plain frozen dataclasses with slots, the API maps them to GraphQL types. ``Holding`` (defined in
the domain, since the storage port writes it; re-exported here) and ``AnswerChange`` are named
tuples instead: the engine builds about a million holdings at Beijing
scale, and a frozen dataclass costs five times as much to construct (every field goes through
``object.__setattr__``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from graph_service.domain.enums import ActKind, Category
from graph_service.domain.holdings import Holding as Holding
from graph_service.domain.holdings import Mode as Mode
from graph_service.domain.holdings import Role as Role

from .lazy import Lazy


class Status(StrEnum):
    CLEAR = "CLEAR"
    OVERLAP = "OVERLAP"
    GAP = "GAP"
    NO_DATA = "NO_DATA"  # before the dataset's coverage_from: 数据未覆盖
    NOT_IN_FORCE = "NOT_IN_FORCE"  # the item is cancelled (已取消) or not yet in force


class AdjacencyLevel(StrEnum):
    """The level at which the data records a border: the district/county or the town/street."""

    DISTRICT = "DISTRICT"
    TOWNSHIP = "TOWNSHIP"


class FindingKind(StrEnum):
    OVERLAP = "OVERLAP"
    GAP = "GAP"
    INVALID_DELEGATION = "INVALID_DELEGATION"
    UNREVIEWED_ACT = "UNREVIEWED_ACT"
    STALE_BASIS = "STALE_BASIS"
    LIST_MISMATCH = "LIST_MISMATCH"
    CROSS_BORDER = "CROSS_BORDER"
    EVALUATION_DUE = "EVALUATION_DUE"


class Severity(StrEnum):
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"


@dataclass(frozen=True, slots=True)
class BasisRef:
    """A legal basis as cited: the provision, its law and the article."""

    provision: str
    law: str
    law_title: str
    article: str
    in_force: bool


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One act of a holding's chain, ready to cite."""

    act: str
    kind: ActKind
    effective: date
    doc: str | None
    doc_title: str | None
    doc_number: str | None
    explained: Lazy[str]  # one plain Chinese sentence, written when first read
    illustrative: bool = False  # the act is made up to show a feature (示例数据), not a fact

    @property
    def explanation(self) -> str:
        return self.explained.value


@dataclass(frozen=True, slots=True)
class Competence:
    """A holding that covers the asked place, with what a memo needs to cite it."""

    holding: Holding
    unit_name: str
    basis: tuple[BasisRef, ...]
    chain: tuple[ChainLink, ...]
    illustrative: bool = False  # some act of its chain is illustrative (示例数据)


@dataclass(frozen=True, slots=True)
class Counterpart:
    """A partner unit across a border, under an agreement covering the item's field."""

    unit: str
    unit_name: str
    region: str
    agreement: str
    agreement_title: str
    level: AdjacencyLevel = AdjacencyLevel.DISTRICT  # the level of the border fact it rests on
    bordering: str = ""  # the region (the asked place or its district) the border fact is about
    illustrative: bool = False  # the agreement is made up to show a feature (示例数据)


@dataclass(frozen=True, slots=True)
class PendingAct:
    """An act naming the item at the place that waits for its legal review."""

    act: str
    kind: ActKind
    effective: date
    doc: str | None
    doc_title: str | None
    doc_number: str | None


NO_COUNTERPARTS: Lazy[tuple[Counterpart, ...]] = Lazy.of(())


@dataclass(frozen=True, slots=True)
class JurisdictionAnswer:
    """The answer; its explanation and counterparts are computed when first read (``Lazy``)."""

    item: str
    item_name: str
    place: str
    place_name: str
    at: date
    status: Status
    holders: tuple[Competence, ...]  # every covering holding valid on ``at``, PRIMARY first
    explained: Lazy[str]  # plain Chinese, one sentence per link, pasteable into a memo
    bordering: Lazy[tuple[Counterpart, ...]] = NO_COUNTERPARTS  # partners across a border
    in_force: bool = True  # False when the item itself is cancelled or not yet in force
    coverage_from: date | None = None  # the place's data coverage start, when declared
    chain: tuple[ChainLink, ...] = ()  # NOT_IN_FORCE: the acts that ended the item (取消)
    pending: tuple[PendingAct, ...] = ()  # acts naming the item here awaiting 法制审核

    @property
    def explanation(self) -> str:
        return self.explained.value

    @property
    def counterparts(self) -> tuple[Counterpart, ...]:
        return self.bordering.value


@dataclass(frozen=True, slots=True)
class Routing:
    """Where a finding goes (DESIGN §5): the coordinator (a justice bureau) and its government,
    who designates if negotiation fails, who is notified. Unit ids; None where the data has none."""

    coordinator: str | None = None
    coordinating_government: str | None = None
    designating_authority: str | None = None
    notified: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One conflict the justice bureau must coordinate: a set of units claiming related items
    (same field, same cause), with every item and place concerned."""

    id: str  # stable: the same conflict keeps its id across recomputation
    kind: FindingKind
    severity: Severity
    at: date
    summary: str  # plain Chinese
    item: str | None  # the item, when the finding concerns exactly one
    units: tuple[str, ...]
    places: tuple[str, ...]
    acts: tuple[str, ...] = ()
    holdings: tuple[str, ...] = ()
    field: str | None = None  # the items' enforcement field, when they have one
    routing: Routing = Routing()
    cause: str | None = None
    items: tuple[str, ...] = ()  # every item concerned (one or several)
    missing_items: tuple[str, ...] = ()  # LIST_MISMATCH: held by acts, absent from the list
    extra_items: tuple[str, ...] = ()  # LIST_MISMATCH: on the list, not held by acts


@dataclass(frozen=True, slots=True)
class PowerListEntry:
    item: str
    item_name: str
    category: Category
    role: Role
    mode: Mode
    scopes: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    acts: tuple[str, ...] = field(default_factory=tuple)
    basis: tuple[BasisRef, ...] = ()  # the item's legal basis, as cited
    carved_out: tuple[str, ...] = ()  # places inside the scopes the unit no longer holds it in
    illustrative: bool = False  # some act behind it is illustrative (示例数据)


class SearchKind(StrEnum):
    ITEM = "item"
    UNIT = "unit"
    REGION = "region"
    LAW = "law"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: ``key`` is the record's key, ``score`` 3 exact, 2 prefix, 1 substring."""

    kind: SearchKind
    key: str
    name: str
    detail: str
    score: float


class AnswerChange(NamedTuple):
    """One (item, place) whose answer a previewed change would alter (a named tuple, as a
    preview of a city-wide delegation lists ten thousand of them)."""

    item: str
    place: str
    before_status: Status
    before_units: tuple[str, ...]  # PRIMARY units, sorted
    after_status: Status
    after_units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Preview:
    """What a change set would do, computed without writing anything (DESIGN §5 what-if)."""

    at: date
    appeared: tuple[Finding, ...]  # findings the change would create
    resolved: tuple[Finding, ...]  # findings the change would make disappear
    changed: tuple[tuple[Finding, Finding], ...]  # same id, different content: (before, after)
    answers: tuple[AnswerChange, ...]  # (item, place) answers that would change
