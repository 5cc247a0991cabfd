"""The records of the authority graph (DESIGN.md §3), as validated pydantic models.

Each record validates what it can see alone (field types, an interval that ends before it starts);
what needs the whole graph (unknown references, cycles) is checked in ``dataset.py``. Every record
carries where it comes from (``source``) and whether it is only illustrative, because coordinators
paste our answers into memos and must be able to trace every fact.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .enums import (
    ActKind,
    ActRole,
    Category,
    DisputeAction,
    DisputeKind,
    DisputeStatus,
    EntityKind,
    LawLevel,
    RegionKind,
    Review,
    UnitKind,
)
from .text import Key, Line, Text


class Record(BaseModel):
    """Fields every record has: provenance and the audit stamp set when it is recorded."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    collection: ClassVar[EntityKind]

    source: Text | None = Field(default=None, description="Where the fact comes from.")
    illustrative: bool = Field(
        default=False, description="True for records made up to show a feature, not facts."
    )
    note: Text | None = None
    recorded_at: datetime | None = Field(
        default=None, description="When the service recorded it (set on write)."
    )
    recorded_by: Line | None = Field(default=None, description="Who recorded it (set on write).")

    @property
    def key(self) -> str:
        """The identifier other records refer to."""
        raise NotImplementedError


class Interval(Record):
    """A record valid over ``[valid_from, valid_to)``; open ends are ``None``."""

    valid_from: date | None = None
    valid_to: date | None = None

    @model_validator(mode="after")
    def _interval_is_ordered(self) -> Interval:
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} must be after valid_from {self.valid_from}")
        return self

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


class Region(Interval):
    """An administrative division or functional zone, keyed by its statistical code."""

    collection: ClassVar[EntityKind] = EntityKind.REGION
    code: Key
    name: Key
    kind: RegionKind
    parent: Key | None = None
    within: list[Key] = Field(default_factory=list)
    adjacent: list[Key] = Field(default_factory=list)
    aliases: list[Key] = Field(default_factory=list, description="Other names and codes.")
    coverage_from: date | None = Field(
        default=None,
        description=(
            "The date from which the dataset is complete for this region and every region under "
            "it; before it, answers say NO_DATA (数据未覆盖) and no finding is raised."
        ),
    )

    @property
    def key(self) -> str:
        return self.code


class Unit(Interval):
    """An enforcement body (执法主体) or a government."""

    collection: ClassVar[EntityKind] = EntityKind.UNIT
    id: Key
    name: Key
    kind: UnitKind
    region: Key
    parent: Key | None = Field(default=None, description="The government it belongs to.")
    superior: Key | None = Field(
        default=None, description="Upper-level department of a vertically managed branch."
    )
    vertical: bool = False
    successor: Key | None = None
    aliases: list[Key] = Field(default_factory=list, description="Short and former names.")

    @property
    def key(self) -> str:
        return self.id


class Law(Interval):
    """A law, regulation, rule or policy document: the documents acts and items rest on."""

    collection: ClassVar[EntityKind] = EntityKind.LAW
    id: Key
    title: Key
    level: LawLevel
    issuer: Line | None = None
    doc_number: Line | None = None
    short_title: Line | None = None

    @property
    def key(self) -> str:
        return self.id


class Provision(Interval):
    """An article or paragraph of a law: the legal basis an item or act cites."""

    collection: ClassVar[EntityKind] = EntityKind.PROVISION
    id: Key
    law: Key
    article: Key = Field(description="As cited, e.g. 第35条 第1款.")
    text: Text | None = Field(default=None, description="Verbatim excerpt of the article.")
    unit_kinds: list[UnitKind] = Field(
        default_factory=list,
        description=(
            "The unit kinds the article is about, when it concerns only some (a street-office "
            "article, a township article); empty: any. Answers cite for each unit the articles "
            "about its kind."
        ),
    )

    @property
    def key(self) -> str:
        return self.id


class PowerItem(Interval):
    """A power-list matter (权力清单事项)."""

    collection: ClassVar[EntityKind] = EntityKind.ITEM
    code: Key
    name: Key
    category: Category
    basis: list[Key] = Field(default_factory=list, description="Provision ids.")
    delegable: bool = True
    applies_in: list[Key] = Field(
        default_factory=list,
        description="Regions that must have a competent unit; empty: the whole jurisdiction.",
    )
    field: Line | None = Field(default=None, description="Enforcement field, e.g. 城市管理.")

    @property
    def key(self) -> str:
        return self.code


class Act(Record):
    """A decision that creates, moves or ends competence: the source of truth for holdings."""

    collection: ClassVar[EntityKind] = EntityKind.ACT
    id: Key
    kind: ActKind
    doc: Key | None = Field(default=None, description="Law id of the document that decides it.")
    basis: list[Key] = Field(default_factory=list, description="Provisions that authorise it.")
    issuer: Key | None = None
    effective: date
    until: date | None = None
    items: list[Key] = Field(min_length=1)
    from_unit: Key | None = Field(default=None, alias="from")
    to: list[Key] = Field(default_factory=list)
    scope: list[Key] = Field(default_factory=list)
    role: ActRole = ActRole.SOLE
    statutory: bool = Field(
        default=False,
        description=(
            "On an assign act: the legal basis names the unit kind directly (法定职权), so the "
            "holding's mode is STATUTORY; otherwise ORIGINAL."
        ),
    )
    review: Review = Field(
        default=Review.PENDING,
        description="法制审核: only an approved act produces holdings; none defaults to approved.",
    )
    review_opinion: Text | None = Field(default=None, description="法制审核意见.")
    reviewed_by: Line | None = Field(default=None, description="Who reviewed it.")
    reviewed_at: datetime | None = Field(default=None, description="When it was reviewed.")
    withdrawn_on: date | None = Field(
        default=None, description="Withdrawn (撤回) on this day: it produces nothing from then on."
    )
    withdrawal_reason: Text | None = None
    evaluated: list[date] = Field(
        default_factory=list,
        description="Dates the delegation was evaluated (评估, 行政处罚法 第24条).",
    )

    def ends_on(self) -> date | None:
        """The day its effects end: its ``until`` or its withdrawal, whichever comes first."""
        ends = [d for d in (self.until, self.withdrawn_on) if d is not None]
        return min(ends) if ends else None

    @property
    def key(self) -> str:
        return self.id

    @model_validator(mode="after")
    def _shape_fits_kind(self) -> Act:
        if self.until is not None and self.until <= self.effective:
            raise ValueError(f"until {self.until} must be after effective {self.effective}")
        needs_from = {ActKind.DELEGATE, ActKind.ENTRUST, ActKind.TRANSFER, ActKind.REVOKE}
        needs_to = needs_from | {ActKind.ASSIGN, ActKind.DESIGNATE}
        if self.kind in needs_from and self.from_unit is None:
            raise ValueError(f"a {self.kind} act needs 'from'")
        if self.kind in needs_to and not self.to:
            raise ValueError(f"a {self.kind} act needs 'to'")
        if self.kind in {ActKind.TRANSFER, ActKind.ENTRUST} and len(self.to) != 1:
            raise ValueError(f"a {self.kind} act has exactly one 'to'")
        if self.kind == ActKind.DESIGNATE and not self.scope:
            raise ValueError("a designate act needs 'scope' (the places designated)")
        if self.statutory and self.kind != ActKind.ASSIGN:
            raise ValueError("only an assign act can be statutory")
        return self


class Agreement(Interval):
    """A cooperation agreement (协作协议) between units of different regions."""

    collection: ClassVar[EntityKind] = EntityKind.AGREEMENT
    id: Key
    title: Key
    parties: list[Key] = Field(min_length=2)
    fields: list[Line] = Field(default_factory=list)
    items: list[Key] = Field(default_factory=list)
    mechanisms: list[Line] = Field(default_factory=list)

    @property
    def key(self) -> str:
        return self.id


class PublishedEntry(BaseModel):
    """One line of a published list as it was published: the item, how and where it is held."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    item: Key
    role: Line
    mode: Line
    scopes: list[Key] = Field(default_factory=list)


class PublishedList(Record):
    """A published (公示) version of a unit's power list.

    ``entries`` say how each item was held when published (lists recorded before they were kept
    have only ``items``); ``items`` stays the list of item codes either way.
    """

    collection: ClassVar[EntityKind] = EntityKind.PUBLISHED_LIST
    unit: Key
    version: int = Field(ge=1)
    published: date
    items: list[Key] = Field(default_factory=list)
    entries: list[PublishedEntry] = Field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.unit}@{self.version}"


class DisputeEvent(BaseModel):
    """One step of a dispute: who, when, what, and the documents it rests on (by number)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    action: DisputeAction
    at: datetime
    by: Line = Field(description="The principal who recorded it.")
    unit: Key | None = Field(default=None, description="The party it speaks for, if any.")
    note: Text | None = None
    attachments: list[Line] = Field(
        default_factory=list, description="Documents by number, e.g. 京大司协〔2026〕3号."
    )


class Dispute(Record):
    """A jurisdiction dispute (执法争议) the justice bureau carries to a decision (DESIGN §3)."""

    collection: ClassVar[EntityKind] = EntityKind.DISPUTE
    id: Key
    kind: DisputeKind
    title: Line | None = None
    parties: list[Key] = Field(default_factory=list, description="The units in dispute.")
    items: list[Key] = Field(default_factory=list)
    places: list[Key] = Field(default_factory=list)
    status: DisputeStatus = DisputeStatus.NEGOTIATING
    events: list[DisputeEvent] = Field(default_factory=list)
    outcome: Text | None = Field(default=None, description="The decision, in words.")
    finding: Line | None = Field(default=None, description="The finding it was opened from.")
    finding_kind: Line | None = Field(default=None, description="OVERLAP or GAP.")
    decision_act: Key | None = Field(default=None, description="The act its decision recorded.")
    designated: list[Key] = Field(
        default_factory=list, description="The units the decision designates (or assigns)."
    )
    deadline: date | None = Field(default=None, description="By when the decision is carried out.")

    @property
    def key(self) -> str:
        return self.id

    @property
    def is_open(self) -> bool:
        return self.status not in {DisputeStatus.CLOSED, DisputeStatus.WITHDRAWN}


MODEL_BY_KIND: dict[EntityKind, type[Record]] = {
    EntityKind.REGION: Region,
    EntityKind.UNIT: Unit,
    EntityKind.LAW: Law,
    EntityKind.PROVISION: Provision,
    EntityKind.ITEM: PowerItem,
    EntityKind.ACT: Act,
    EntityKind.AGREEMENT: Agreement,
    EntityKind.PUBLISHED_LIST: PublishedList,
    EntityKind.DISPUTE: Dispute,
}
