"""Errors the client raises.

AuthorityGraphClientError       base: anything the client could not turn into a result
├── GraphQLResponseError        the service answered with GraphQL errors (``code`` of the first;
│                               ``UNAUTHENTICATED`` for a missing, unknown or revoked token)
├── PermissionDeniedError       the token's role may not do this (code ``FORBIDDEN``)
├── WriteRejectedError          a write answered ValidationFailed, NotFound or Conflict
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


class PermissionDeniedError(AuthorityGraphClientError):
    """The service refused the operation for the token's role; nothing was done."""

    code = "FORBIDDEN"

    def __init__(self, payload: dict[str, Any]) -> None:
        self.role: str | None = payload.get("role")
        self.allowed_roles: list[str] = list(payload.get("allowedRoles") or [])
        super().__init__(f"FORBIDDEN: {payload.get('message', 'permission denied')}")


class WriteRejectedError(AuthorityGraphClientError):
    """A write was refused with an expected outcome; nothing was written.

    ``code`` (VALIDATION_FAILED, NOT_FOUND, CONFLICT), ``path`` of the field at fault (or the
    first problem's), ``problems``, and for a stale ``expectedRevision`` ``latest_revision``.
    """

    def __init__(self, payload: dict[str, Any]) -> None:
        self.payload = payload
        self.code: str = str(payload.get("code", "UNKNOWN"))
        self.problems: list[dict[str, str]] = list(payload.get("problems") or [])
        self.path: str = str(
            payload.get("path") or (self.problems[0]["path"] if self.problems else "")
        )
        self.latest_revision: int | None = payload.get("latestRevision")
        self.referrers: list[str] = list(payload.get("referrers") or [])
        super().__init__(f"{self.code} at {self.path or '-'}: {payload.get('message', '')}")
