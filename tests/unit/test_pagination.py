"""Cursor pages: stable when rows before the cursor vanish, and opaque cursors are checked."""

from __future__ import annotations

import base64

import pytest

from graph_service.domain.errors import ValidationError
from graph_service.service.pagination import Sorted, decode_cursor, encode_cursor, paginate

ROWS = [(1, "b"), (0, "z"), (1, "a"), (2, "c"), (0, "y")]


def key(row: tuple[int, str]) -> tuple[int, str]:
    return row


def test_pages_walk_the_sorted_rows_once() -> None:
    first = paginate(ROWS, key, 2, None)
    assert [e.node for e in first.edges] == [(0, "y"), (0, "z")]
    assert (first.total_count, first.has_next_page, first.has_previous_page) == (5, True, False)
    second = paginate(ROWS, key, 2, first.end_cursor)
    assert [e.node for e in second.edges] == [(1, "a"), (1, "b")]
    third = paginate(ROWS, key, 2, second.end_cursor)
    assert [e.node for e in third.edges] == [(2, "c")]
    assert (third.has_next_page, third.has_previous_page) == (False, True)


def test_a_cursor_survives_rows_before_it_disappearing() -> None:
    first = paginate(ROWS, key, 2, None)
    fewer = [row for row in ROWS if row != (0, "y")]
    assert [e.node for e in paginate(fewer, key, 2, first.end_cursor).edges] == [
        (1, "a"),
        (1, "b"),
    ]


def test_zero_first_gives_the_count_without_rows() -> None:
    page = paginate(ROWS, key, 0, None)
    assert (page.edges, page.total_count, page.end_cursor, page.has_next_page) == (
        (),
        5,
        None,
        True,
    )


def test_cursor_round_trips_chinese_ids() -> None:
    assert decode_cursor(encode_cursor((1, "重叠:兴丰街道"))) == (1, "重叠:兴丰街道")


@pytest.mark.parametrize(
    "cursor",
    ["not base64!", base64.urlsafe_b64encode(b'v0:[1,"a"]').decode(), encode_cursor((1, "a"))[:-4]],
)
def test_foreign_cursors_are_a_validation_error_on_after(cursor: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decode_cursor(cursor)
    assert [str(p) for p in caught.value.problems] == [
        "after: is not a cursor returned by this API"
    ]


def scan_after(
    ordered: list[tuple[int, str]], last_seen: tuple[int, str], newest_first: bool
) -> list[tuple[int, str]]:
    """The rows after ``last_seen`` found the slow way: every row that sorts after it."""
    if newest_first:
        return [row for row in ordered if row < last_seen]
    return [row for row in ordered if row > last_seen]


CURSORS = [(-1, ""), (0, "y"), (0, "yy"), (1, "a"), (1, "c"), (2, "c"), (3, "")]


@pytest.mark.parametrize("newest_first", [False, True])
@pytest.mark.parametrize("last_seen", CURSORS)
def test_bisecting_finds_the_rows_a_scan_finds(
    newest_first: bool, last_seen: tuple[int, str]
) -> None:
    rows = Sorted.of(ROWS, key, descending=newest_first)
    ordered = sorted(ROWS, reverse=newest_first)
    assert list(rows.rows) == ordered
    page = rows.page(10, encode_cursor(last_seen))
    assert [e.node for e in page.edges] == scan_after(ordered, last_seen, newest_first)
    assert [decode_cursor(e.cursor) for e in page.edges] == [e.node for e in page.edges]


def test_newest_first_pages_walk_down_the_keys() -> None:
    rows = Sorted.of(ROWS, key, descending=True)
    first = rows.page(2, None)
    assert [e.node for e in first.edges] == [(2, "c"), (1, "b")]
    second = rows.page(2, first.end_cursor)
    assert [e.node for e in second.edges] == [(1, "a"), (0, "z")]
    assert (second.has_next_page, second.has_previous_page, second.total_count) == (True, True, 5)
