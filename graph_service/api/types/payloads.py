"""Members of mutation payload unions shared by every mutation: expected outcomes, not errors.

A mutation answers with its success type or one of these (strawberry ``docs/guides/errors.md``):
``ValidationFailed`` (nothing written; every problem with its path) and ``PermissionDenied``
(the caller's role may not do this; ``Authorize`` in ``api/permissions.py`` answers with it for
any field whose payload union has it as a member). Each carries a stable ``code``.
"""

from __future__ import annotations

import strawberry

from graph_service.domain.errors import (
    ConflictError,
    DomainError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)

from .enums import UserRole as Role  # registered there as the GraphQL enum UserRole


@strawberry.type(description="One thing wrong with the input: where (acts[12].from) and why.")
class Problem:
    path: str
    message: str


@strawberry.type(description="Nothing was written: every problem found, each with its path.")
class ValidationFailed:
    code: str = strawberry.field(description="Always VALIDATION_FAILED.")
    message: str
    problems: list[Problem]


@strawberry.type(description="Nothing was done: the caller's role may not do this (FORBIDDEN).")
class PermissionDenied:
    code: str = strawberry.field(description="Always FORBIDDEN.")
    message: str = strawberry.field(description="In Chinese and English: which role is needed.")
    role: Role = strawberry.field(description="The role the request acts as.")
    allowed_roles: list[Role] = strawberry.field(description="Roles that may do this.")


@strawberry.type(description="Nothing was written: a record the request names does not exist.")
class NotFound:
    code: str = strawberry.field(description="Always NOT_FOUND.")
    message: str
    path: str = strawberry.field(description="The argument naming it.")


@strawberry.type(
    description=(
        "Nothing was written: the request contradicts the recorded state (a stale "
        "expectedRevision, an id already recorded, a record still referred to)."
    )
)
class Conflict:
    code: str = strawberry.field(description="Always CONFLICT.")
    message: str
    path: str = strawberry.field(description="The argument at fault (expectedRevision, id, key).")
    latest_revision: int | None = strawberry.field(
        default=None, description="For a stale expectedRevision: the record's latest revision."
    )
    referrers: list[str] = strawberry.field(
        default_factory=list, description="For a record still in use: who refers to it."
    )


def expected_outcome(
    error: DomainError, not_found_path: str = ""
) -> ValidationFailed | NotFound | Conflict:
    """The payload member for an expected error of a write (anything else propagates);
    ``not_found_path`` names the argument holding the record's key (also the path of a conflict
    that names no other field)."""
    if isinstance(error, ValidationError):
        return validation_failed(error)
    if isinstance(error, NotFoundError):
        return NotFound(code=error.code, message=str(error), path=not_found_path)
    if isinstance(error, ConflictError):
        return Conflict(
            code="CONFLICT",
            message=str(error),
            path=str(getattr(error, "path", not_found_path)),
            latest_revision=getattr(error, "latest", None),
            referrers=list(getattr(error, "referrers", [])),
        )
    raise error


def validation_failed(error: ValidationError) -> ValidationFailed:
    return ValidationFailed(
        code=error.code,
        message=str(error),
        problems=[Problem(path=p.path, message=p.message) for p in error.problems],
    )


def permission_denied(error: PermissionDeniedError) -> PermissionDenied:
    return PermissionDenied(
        code=error.code,
        message=str(error),
        role=Role(error.role),
        allowed_roles=[Role(r) for r in error.allowed],
    )
