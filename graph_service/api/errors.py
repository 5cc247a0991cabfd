"""The one place where errors become GraphQL errors with a stable ``extensions.code``.

- An ``AuthorityGraphError`` keeps its message and gets its class's ``code`` (plus ``problems``
  for a ``ValidationError``, ``retryable`` for storage errors).
- A GraphQL syntax or validation error (no original exception) gets ``GRAPHQL_PARSE_FAILED`` or
  ``GRAPHQL_VALIDATION_FAILED``; graphql-core's own message is safe to show.
- Anything else is a bug: masked as ``Unexpected error.`` with code ``INTERNAL`` so no message or
  stack trace leaks (the full error is still logged by strawberry's ``process_errors``).
- A storage error keeps its code and retryability but not its message, which may name socket
  paths or quote the database's parser; clients get a fixed sentence, the log gets the details.
- Every message is bounded (``MAX_MESSAGE``), so no argument is ever echoed back at length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql.error import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension

from graph_service.domain.errors import (
    AuthorityGraphError,
    DomainError,
    StorageError,
    ValidationError,
)

from .limits import LIMIT_CODES
from .persisted import PERSISTED_QUERY_NOT_FOUND

INTERNAL = "INTERNAL"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
MASKED_MESSAGE = "Unexpected error."
MAX_MESSAGE = 300  # characters of one message; problems are bounded the same way
MAX_PROBLEMS = 100
REQUEST_ERROR_CODES = frozenset(
    {PARSE_FAILED, VALIDATION_FAILED, PERSISTED_QUERY_NOT_FOUND} | LIMIT_CODES
)
"""Codes of a request refused before execution (GraphQL over HTTP answers those with 400)."""
STORAGE_MESSAGES = {
    "STORE_UNAVAILABLE": "The store is unavailable at the moment; retry later.",
    "STORE_BUSY": "The store is busy; retry later.",
}
STORAGE_MESSAGE = "The store could not complete the request."
STORAGE_CODES = frozenset(
    {"STORAGE_ERROR", "STORE_UNAVAILABLE", "STORE_BUSY", "CONSTRAINT_VIOLATION", "QUERY_ERROR"}
)


def translate(error: GraphQLError) -> GraphQLError:
    """``error`` with its code, or masked when it is not one we raised on purpose."""
    if error.extensions and "code" in error.extensions:
        if len(error.message) > MAX_MESSAGE:
            return _with(error, error.message, {})
        return error  # already translated
    original = error.original_error
    if isinstance(error, GraphQLSyntaxError):
        return _with(error, error.message, {"code": PARSE_FAILED})
    if isinstance(original, AuthorityGraphError):
        extensions: dict[str, Any] = {"code": original.code}
        if original.retryable:
            extensions["retryable"] = True
        if isinstance(original, ValidationError):
            extensions["problems"] = [
                {"path": bounded(p.path), "message": bounded(p.message)}
                for p in original.problems[:MAX_PROBLEMS]
            ]
        if isinstance(original, StorageError):
            message = STORAGE_MESSAGES.get(original.code, STORAGE_MESSAGE)
            return _with(error, message, extensions)
        return _with(error, str(original), extensions)
    if original is None or (error.path is None and isinstance(original, _INPUT_ERRORS)):
        # Rejected before any resolver ran: validation, or a value that does not coerce (a bad
        # Date literal). graphql-core's message names the argument and is safe to show.
        return _with(error, error.message, {"code": VALIDATION_FAILED})
    return _masked(error)


_INPUT_ERRORS = (ValueError, TypeError, GraphQLError)


def bounded(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` cut to ``limit`` characters (with how much was left out)."""
    if len(message) <= limit:
        return message
    return f"{message[:limit]}… ({len(message) - limit} more characters)"


def is_expected(error: GraphQLError) -> bool:
    """Whether ``error`` is an answer to a wrong request (not worth a traceback in the log)."""
    original = error.original_error
    if isinstance(original, StorageError):
        return False
    return (
        original is None
        or isinstance(original, DomainError)
        or (error.path is None and isinstance(original, _INPUT_ERRORS))
    )


def _with(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        bounded(message),
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={**(error.extensions or {}), **extensions},
    )


def _masked(error: GraphQLError) -> GraphQLError:
    return GraphQLError(
        MASKED_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={"code": INTERNAL},
    )


class TranslateErrors(SchemaExtension):
    """Rewrites every error of an operation's result through ``translate`` (as ``MaskErrors``).

    An error raised inside another extension's hook (``ParserCache`` parsing a malformed query)
    leaves the operation before this hook sees the result, so the HTTP view also passes its
    final result through ``translate`` (which leaves translated errors alone).
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [translate(error) for error in result.errors]
