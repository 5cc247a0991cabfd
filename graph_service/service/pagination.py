"""Relay-style cursor pages over a sorted list.

A cursor encodes the sort key of the last row seen (not its offset), so a page that follows stays
right when rows before it disappear or appear: paging resumes at the first row sorted after the
cursor. Cursors are opaque to clients (urlsafe base64) and versioned so the format can change.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from graph_service.domain.errors import Problem, ValidationError

T = TypeVar("T")
SortKey = tuple[int, str]
_PREFIX = "v1:"


@dataclass(frozen=True, slots=True)
class Edge(Generic[T]):
    node: T
    cursor: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    edges: tuple[Edge[T], ...]
    total_count: int
    has_next_page: bool
    has_previous_page: bool

    @property
    def end_cursor(self) -> str | None:
        return self.edges[-1].cursor if self.edges else None

    @property
    def start_cursor(self) -> str | None:
        return self.edges[0].cursor if self.edges else None


def encode_cursor(key: SortKey) -> str:
    raw = _PREFIX + json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> SortKey:
    """The sort key inside ``cursor``; a ``ValidationError`` on ``after`` if it is not ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith(_PREFIX):
            raise ValueError(raw)
        rank, key = json.loads(raw[len(_PREFIX) :])
        if not isinstance(rank, int) or not isinstance(key, str):
            raise ValueError(raw)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ValidationError(
            [Problem("after", "is not a cursor returned by this API")], "bad cursor"
        ) from None
    return (rank, key)


def paginate(
    rows: Sequence[T], sort_key: Callable[[T], SortKey], first: int, after: str | None
) -> Page[T]:
    """The ``first`` rows sorted after ``after`` (from the start when ``None``)."""
    ordered = sorted(rows, key=sort_key)
    start = 0
    if after is not None:
        last_seen = decode_cursor(after)
        start = next(
            (i for i, row in enumerate(ordered) if sort_key(row) > last_seen), len(ordered)
        )
    window = ordered[start : start + first]
    edges = tuple(Edge(row, encode_cursor(sort_key(row))) for row in window)
    return Page(
        edges=edges,
        total_count=len(ordered),
        has_next_page=start + len(window) < len(ordered),
        has_previous_page=start > 0,
    )
