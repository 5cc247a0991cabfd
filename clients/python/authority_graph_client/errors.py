"""Errors the client raises.

AuthorityGraphClientError       base: anything the client could not turn into a result
├── GraphQLResponseError        the service answered with GraphQL errors (``code`` of the first)
└── TransportError              no usable HTTP answer (connection refused, non-JSON body, 5xx)
"""

from __future__ import annotations

from typing import Any


class AuthorityGraphClientError(Exception):
    """Base of the client's errors."""


class GraphQLResponseError(AuthorityGraphClientError):
    """The service answered with errors; ``code`` is the stable code of the first one."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        first = errors[0] if errors else {}
        self.code: str = str((first.get("extensions") or {}).get("code", "UNKNOWN"))
        self.problems: list[dict[str, str]] = list(
            (first.get("extensions") or {}).get("problems", [])
        )
        super().__init__(f"{self.code}: {first.get('message', 'error')}")


class TransportError(AuthorityGraphClientError):
    """The HTTP exchange failed before a GraphQL answer was read."""
