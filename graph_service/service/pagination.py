"""Relay-style cursor pages over a sorted list.

A cursor encodes the sort key of the last row seen (not its offset), so a page that follows stays
right when rows before it disappear or appear: paging resumes at the first row sorted after the
cursor. Cursors are opaque to clients (urlsafe base64) and versioned so the format can change.

``Sorted`` holds rows already in page order with their keys, so that a page is found by bisecting
the keys (no sort, no scan) and only its own rows get cursors: kept per revision (see
``engine/state_cache.py``), the second page of a list costs microseconds, not the list.
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_left, bisect_right
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


def joined_key(*parts: str) -> SortKey:
    """A sort key of several text parts in one string, ordered as their tuple would be: the
    separator (U+001F) sorts before every character the parts hold."""
    return (0, "\x1f".join(parts))


@dataclass(frozen=True, slots=True)
class Sorted(Generic[T]):
    """Rows in page order with their sort keys, ascending (or descending: newest first)."""

    rows: tuple[T, ...]
    keys: tuple[SortKey, ...]  # always ascending: ``rows`` reversed when ``descending``
    descending: bool = False

    @classmethod
    def of(
        cls, rows: Sequence[T], sort_key: Callable[[T], SortKey], *, descending: bool = False
    ) -> Sorted[T]:
        keyed = sorted(((sort_key(row), row) for row in rows), key=lambda pair: pair[0])
        ordered = tuple(row for _, row in keyed)
        keys = tuple(key for key, _ in keyed)
        if descending:
            ordered = ordered[::-1]
        return cls(ordered, keys, descending)

    def start_after(self, cursor: str | None) -> int:
        """The index in ``rows`` of the first row after ``cursor`` (0 when ``None``)."""
        if cursor is None:
            return 0
        last_seen = decode_cursor(cursor)
        if self.descending:  # rows after it sort before it: the keys below, at the end
            return len(self.keys) - bisect_left(self.keys, last_seen)
        return bisect_right(self.keys, last_seen)

    def page(self, first: int, after: str | None) -> Page[T]:
        """The ``first`` rows after ``after`` (from the start when ``None``)."""
        start = self.start_after(after)
        total = len(self.rows)
        window = self.rows[start : start + first]
        keys = self.keys
        edges = tuple(
            Edge(row, encode_cursor(keys[total - 1 - i] if self.descending else keys[i]))
            for i, row in enumerate(window, start)
        )
        return Page(
            edges=edges,
            total_count=total,
            has_next_page=start + len(window) < total,
            has_previous_page=start > 0,
        )


def paginate(
    rows: Sequence[T], sort_key: Callable[[T], SortKey], first: int, after: str | None
) -> Page[T]:
    """The ``first`` rows sorted after ``after`` (from the start when ``None``)."""
    return Sorted.of(rows, sort_key).page(first, after)
