"""Relay connections: one generic page type for every paged list of the API.

``Connection[PowerListEntry]`` is named ``PowerListEntryConnection`` in the schema (and its edges
``PowerListEntryEdge``); every connection has the same shape as the findings' one: ``edges``
(``node``, ``cursor``), ``pageInfo`` and ``totalCount`` (rows of all pages).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from graph_service.service.pagination import Page

T = TypeVar("T")
N = TypeVar("N")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[N]):
    node: N
    cursor: str


@strawberry.type
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Rows of all pages.")


def page_info(page: Page[T]) -> PageInfo:
    return PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=page.start_cursor,
        end_cursor=page.end_cursor,
    )


def connection(page: Page[T], node: Callable[[T], N]) -> Connection[N]:
    """``page`` with each row made a GraphQL node by ``node``."""
    return Connection(
        edges=[Edge(node=node(e.node), cursor=e.cursor) for e in page.edges],
        page_info=page_info(page),
        total_count=page.total_count,
    )
