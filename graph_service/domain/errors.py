"""The one error hierarchy of the service.

Each boundary translates what it receives into these once: storage adapters turn driver errors into
``StorageError`` subclasses, the service raises ``DomainError`` subclasses, and the API maps every
class to one stable GraphQL error code (``code`` below). Anything else is a bug and is masked.

    AuthorityGraphError
    ├── DomainError                    the request is wrong; retrying it unchanged will not help
    │   ├── ValidationError            bad input: one or more Problems, each with a path and reason
    │   ├── NotFoundError              a referenced id does not exist
    │   ├── ConflictError              the request contradicts what is recorded
    │   │   └── HeadMovedError         the log moved on since the change was checked (retryable)
    │   ├── UnauthenticatedError       the token is missing (when required), unknown or revoked
    │   └── PermissionDeniedError      the caller's role may not do this
    ├── NotYetConsistentError          this instance has not reached the revision asked for
    │                                  (retryable: it is following the log)
    └── StorageError                   the store failed
        ├── StoreUnavailableError      cannot reach or start the database (retryable)
        ├── TransientStorageError      a passing fault: deadlock, leader change (retryable)
        ├── ConstraintViolationError   the database refused a write as inconsistent
        └── QueryError                 a statement we ship is wrong for this backend (a bug)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with input: where (``acts[12].from``) and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class AuthorityGraphError(Exception):
    """Root of every error the service raises on purpose."""

    code: str = "INTERNAL"
    retryable: bool = False


class DomainError(AuthorityGraphError):
    """The request itself is wrong."""

    code = "BAD_REQUEST"


class ValidationError(DomainError):
    """Input failed validation; ``problems`` lists every reason, each with its path."""

    code = "VALIDATION_FAILED"

    def __init__(self, problems: list[Problem], summary: str = "input is not valid") -> None:
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f" (+{len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"{summary}: {shown}{more}" if self.problems else summary)


class NotFoundError(DomainError):
    """A referenced entity does not exist."""

    code = "NOT_FOUND"

    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        shown = key if len(key) <= 64 else f"{key[:64]}…"
        super().__init__(f"unknown {kind} '{shown}'")


class ConflictError(DomainError):
    """The request contradicts the recorded state."""

    code = "CONFLICT"


class StaleRevisionError(ConflictError):
    """A write's ``expectedRevision`` is not the revision of the record's latest version: the
    record changed since the caller read it. Nothing is written."""

    def __init__(self, kind: str, key: str, expected: int, latest: int) -> None:
        self.kind = kind
        self.key = key
        self.expected = expected
        self.latest = latest
        self.path = "expectedRevision"
        super().__init__(
            f"记录 {kind}/{key} 已于修订号 {latest} 被修改（请求所据为修订号 {expected}），"
            f"请重新读取后再提交 / {kind} '{key}' was last changed at revision {latest}, "
            f"not {expected}: read it again"
        )


class InUseError(ConflictError):
    """A record cannot be deleted (or abolished) while other records refer to it."""

    def __init__(self, kind: str, key: str, referrers: list[str]) -> None:
        self.kind = kind
        self.key = key
        self.referrers = referrers
        self.path = "key"
        shown = "、".join(referrers[:10]) + ("等" if len(referrers) > 10 else "")
        super().__init__(
            f"记录 {kind}/{key} 仍被引用（{shown}），不能删除 / {kind} '{key}' is still "
            f"referred to by {', '.join(referrers[:10])}"
        )


class AlreadyExistsError(ConflictError):
    """A record with this key is already recorded (use the amending operation instead)."""

    def __init__(self, kind: str, key: str, path: str = "id") -> None:
        self.kind = kind
        self.key = key
        self.path = path
        super().__init__(f"{kind} '{key}' 已存在 / already exists")


class HeadMovedError(ConflictError):
    """The change log has a newer head than the change was checked against: check it again."""

    code = "HEAD_MOVED"
    retryable = True

    def __init__(self, head: int, expected: int) -> None:
        self.head = head
        self.expected = expected
        super().__init__(
            f"the store is at revision {head}, not {expected}: "
            "it changed since this change was prepared"
        )


class NotYetConsistentError(AuthorityGraphError):
    """A read asked for a revision this instance's projection has not reached in time."""

    code = "NOT_YET_CONSISTENT"
    retryable = True

    def __init__(self, wanted: int, current: int) -> None:
        self.wanted = wanted
        self.current = current
        super().__init__(
            f"revision {wanted} has not reached this instance yet (it is at {current}); "
            "retry shortly"
        )


class UnauthenticatedError(DomainError):
    """The request's token is malformed, unknown or revoked, or none was sent where one is needed.

    Never a silent downgrade to the public role: a wrong token is refused.
    """

    code = "UNAUTHENTICATED"


class PermissionDeniedError(DomainError):
    """The principal's role may not perform the operation; the message names the roles that may."""

    code = "FORBIDDEN"

    def __init__(self, operation: str, role: str, allowed: list[str], message: str) -> None:
        self.operation = operation
        self.role = role
        self.allowed = list(allowed)
        super().__init__(message)


class StorageError(AuthorityGraphError):
    """The store failed; ``retryable`` says whether the same request may succeed later."""

    code = "STORAGE_ERROR"


class StoreUnavailableError(StorageError):
    """The database cannot be reached or started."""

    code = "STORE_UNAVAILABLE"
    retryable = True


class TransientStorageError(StorageError):
    """A passing fault; the operation may be retried as a whole."""

    code = "STORE_BUSY"
    retryable = True


class ConstraintViolationError(StorageError):
    """The database refused a write as inconsistent with its constraints."""

    code = "CONSTRAINT_VIOLATION"


class QueryError(StorageError):
    """A shipped statement failed on this backend: a bug, never the user's fault."""

    code = "QUERY_ERROR"
