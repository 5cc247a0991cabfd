"""Typed results: small frozen dataclasses built from the GraphQL answers (camelCase -> snake)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class UnitRef:
    id: str
    name: str
    kind: str | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> UnitRef:
        return cls(id=data["id"], name=data["name"], kind=data.get("kind"))


@dataclass(frozen=True, slots=True)
class RegionRef:
    code: str
    name: str
    kind: str | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> RegionRef:
        return cls(code=data["code"], name=data["name"], kind=data.get("kind"))


@dataclass(frozen=True, slots=True)
class ChainLink:
    act: str
    kind: str
    effective: date
    doc_number: str | None
    doc_title: str | None
    explanation: str

    @classmethod
    def of(cls, data: dict[str, Any]) -> ChainLink:
        return cls(
            act=data["act"],
            kind=data["kind"],
            effective=date.fromisoformat(data["effective"]),
            doc_number=data.get("docNumber"),
            doc_title=data.get("docTitle"),
            explanation=data["explanation"],
        )


@dataclass(frozen=True, slots=True)
class Basis:
    law_title: str
    article: str
    text: str | None
    in_force: bool

    @classmethod
    def of(cls, data: dict[str, Any]) -> Basis:
        return cls(
            law_title=data["lawTitle"],
            article=data["article"],
            text=data.get("text"),
            in_force=data["inForce"],
        )


@dataclass(frozen=True, slots=True)
class Holder:
    unit: UnitRef
    role: str
    mode: str
    valid_from: date
    valid_to: date | None
    scope: RegionRef
    basis: tuple[Basis, ...]
    chain: tuple[ChainLink, ...]

    @classmethod
    def of(cls, data: dict[str, Any]) -> Holder:
        return cls(
            unit=UnitRef.of(data["unit"]),
            role=data["role"],
            mode=data["mode"],
            valid_from=date.fromisoformat(data["validFrom"]),
            valid_to=date.fromisoformat(data["validTo"]) if data.get("validTo") else None,
            scope=RegionRef.of(data["scope"]),
            basis=tuple(Basis.of(b) for b in data["basis"]),
            chain=tuple(ChainLink.of(c) for c in data["chain"]),
        )


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    item_code: str
    item_name: str
    place: RegionRef
    at: date
    status: str
    holders: tuple[Holder, ...]
    explanation: str

    @property
    def primary(self) -> tuple[Holder, ...]:
        """The holders competent in their own name."""
        return tuple(h for h in self.holders if h.role == "PRIMARY")

    @classmethod
    def of(cls, data: dict[str, Any]) -> Jurisdiction:
        return cls(
            item_code=data["item"]["code"],
            item_name=data["item"]["name"],
            place=RegionRef.of(data["place"]),
            at=date.fromisoformat(data["at"]),
            status=data["status"],
            holders=tuple(Holder.of(h) for h in data["holders"]),
            explanation=data["explanation"],
        )


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    kind: str
    severity: str
    summary: str
    item: str | None
    units: tuple[str, ...]
    places: tuple[str, ...]

    @classmethod
    def of(cls, data: dict[str, Any]) -> Finding:
        return cls(
            id=data["id"],
            kind=data["kind"],
            severity=data["severity"],
            summary=data["summary"],
            item=(data.get("item") or {}).get("code"),
            units=tuple(u["id"] for u in data["units"]),
            places=tuple(p["code"] for p in data["places"]),
        )


@dataclass(frozen=True, slots=True)
class FindingPage:
    findings: tuple[Finding, ...]
    total_count: int
    has_next_page: bool
    end_cursor: str | None


@dataclass(frozen=True, slots=True)
class PowerListPage:
    """One page of a power list: ``entries`` in the list's order, ``end_cursor`` for the next."""

    entries: tuple[PowerListEntry, ...]
    total_count: int
    has_next_page: bool
    end_cursor: str | None


@dataclass(frozen=True, slots=True)
class PowerListEntry:
    item_code: str
    item_name: str
    role: str
    mode: str
    scopes: tuple[str, ...]
    valid_from: date
    valid_to: date | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> PowerListEntry:
        return cls(
            item_code=data["item"]["code"],
            item_name=data["item"]["name"],
            role=data["role"],
            mode=data["mode"],
            scopes=tuple(s["code"] for s in data["scopes"]),
            valid_from=date.fromisoformat(data["validFrom"]),
            valid_to=date.fromisoformat(data["validTo"]) if data.get("validTo") else None,
        )


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    key: str
    name: str
    detail: str | None
    score: float

    @classmethod
    def of(cls, data: dict[str, Any]) -> SearchHit:
        return cls(
            kind=data["kind"],
            key=data["key"],
            name=data["name"],
            detail=data.get("detail"),
            score=float(data["score"]),
        )


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class LoadResult:
    """``ok`` with ``change_id``/``upserted``; else every problem (and nothing was written)."""

    ok: bool
    change_id: str | None = None
    upserted: int = 0
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who a token acts as: ``role`` (``PUBLIC`` without one), its Chinese label, name, unit."""

    role: str
    role_label: str
    name: str
    unit: str | None = None
    token_id: str | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> Viewer:
        return cls(
            role=data["role"],
            role_label=data["roleLabel"],
            name=data["name"],
            unit=data.get("unit"),
            token_id=data.get("tokenId"),
        )
