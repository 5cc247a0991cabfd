"""Consistency tokens on the wire: every answer states its revision; a read may ask for one.

A write returns the change log's ``revision``. A client reading through any instance can send it
back — as the request's GraphQL ``extensions: {"atLeast": N}`` or the ``X-At-Least-Revision``
header — and the operation waits (bounded) until this instance's projection has reached it, or
fails with the retryable ``NOT_YET_CONSISTENT``. Every response carries ``extensions.revision``,
the revision the answer was computed at (read before the resolvers run; reads do not await the
store, so the projection cannot move under them).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph_service import service
from graph_service.domain.errors import Problem, ValidationError

from .context import ApiContext

HEADER = "x-at-least-revision"
EXTENSION = "atLeast"


class Consistency(SchemaExtension):
    """Waits for ``atLeast`` before executing; reports ``revision`` after."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if isinstance(context, ApiContext):
            wanted = wanted_revision(context, self.execution_context.operation_extensions)
            if wanted is not None:
                await service.at_least(context.service, wanted)
            self.execution_context.extensions_results["revision"] = context.service.revision
        yield

    def get_results(self) -> dict[str, Any]:
        return {}


def wanted_revision(context: ApiContext, extensions: dict[str, Any] | None) -> int | None:
    """The revision the request asks to read at least (``None``: any); refused if malformed."""
    raw: object = (extensions or {}).get(EXTENSION)
    if raw is None:
        raw = context.request.headers.get(HEADER)
    if raw is None:
        return None
    if isinstance(raw, bool):
        raw = None
    try:
        value = int(raw) if isinstance(raw, int | str) else None
    except ValueError:
        value = None
    if value is None or value < 0:
        raise ValidationError(
            [Problem(EXTENSION, "must be a revision (a whole number, 0 or more)")]
        )
    return value


__all__ = ["Consistency", "GraphQLError"]
