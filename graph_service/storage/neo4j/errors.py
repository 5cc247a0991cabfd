"""The one place where the neo4j driver's exceptions become the service's ``StorageError``s.

Everything the adapter does with the driver runs inside ``translated(operation)``, so no driver
exception crosses the port and callers handle one hierarchy (``graph_service.domain.errors``)
whatever the backend. The mapping follows the driver's own classification:

    neo4j driver                                  service
    ServiceUnavailable, SessionExpired,           StoreUnavailableError (retryable)
      pool timeout, DatabaseUnavailable,
      DatabaseNotFound, configuration errors
    Security.* codes, AuthError                   StoreUnavailableError (says: check credentials)
    IncompleteCommit                              StorageError (outcome unknown: not retryable)
    TransientError (deadlock, leader change …)    TransientStorageError (retryable)
    ConstraintError                               ConstraintViolationError
    CypherSyntaxError, CypherTypeError, other     QueryError (a statement we ship is wrong)
      ClientError, result misuse
    DatabaseError and anything else from neo4j    StorageError

Transaction functions (``execute_read``/``execute_write``) already retry retryable errors until the
driver's ``max_transaction_retry_time``; what reaches ``translated`` has exhausted those retries, so
nothing here retries again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import exceptions as neo4j_errors

from graph_service.domain.errors import (
    ConstraintViolationError,
    QueryError,
    StorageError,
    StoreUnavailableError,
    TransientStorageError,
)

_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
_SECURITY_PREFIX = "Neo.ClientError.Security."


def translate(exc: Exception, operation: str) -> StorageError:
    """The service error for a driver exception raised while doing ``operation``."""
    if isinstance(exc, neo4j_errors.Neo4jError):
        return _from_server(exc, operation)
    if isinstance(exc, neo4j_errors.DriverError):
        return _from_driver(exc, operation)
    return StorageError(f"Neo4j {operation} failed: {exc}")


@contextmanager
def translated(operation: str) -> Iterator[None]:
    """Run the block, re-raising driver exceptions as ``StorageError`` (with the cause chained)."""
    try:
        yield
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
        raise translate(exc, operation) from exc


def _from_server(exc: neo4j_errors.Neo4jError, operation: str) -> StorageError:
    code, message = exc.code, exc.message
    if isinstance(exc, neo4j_errors.AuthError) or code.startswith(_SECURITY_PREFIX):
        return StoreUnavailableError(
            f"Neo4j refused the credentials or privileges for {operation} ({code}): {message}; "
            "check NEO4J_USER / NEO4J_PASSWORD and the user's roles"
        )
    if code == _DATABASE_NOT_FOUND:
        return StoreUnavailableError(
            f"Neo4j has no such database for {operation}: {message}; check NEO4J_DATABASE"
        )
    if isinstance(exc, neo4j_errors.DatabaseUnavailable):
        return StoreUnavailableError(f"Neo4j database unavailable during {operation}: {message}")
    if isinstance(exc, neo4j_errors.TransientError):
        return TransientStorageError(f"Neo4j {operation} hit a transient error ({code}): {message}")
    if isinstance(exc, neo4j_errors.ConstraintError):
        return ConstraintViolationError(f"Neo4j refused {operation} ({code}): {message}")
    if isinstance(exc, neo4j_errors.ClientError):
        return QueryError(f"Neo4j rejected a statement of {operation} ({code}): {message}")
    return StorageError(f"Neo4j failed during {operation} ({code}): {message}")


def _from_driver(exc: neo4j_errors.DriverError, operation: str) -> StorageError:
    if isinstance(exc, neo4j_errors.IncompleteCommit):
        return StorageError(
            f"connection to Neo4j lost while committing {operation}: the outcome is unknown; "
            "reload before writing again"
        )
    if isinstance(exc, neo4j_errors.AuthConfigurationError):
        return StoreUnavailableError(f"Neo4j authentication is misconfigured: {exc}")
    if isinstance(
        exc,
        neo4j_errors.ServiceUnavailable
        | neo4j_errors.SessionExpired
        | neo4j_errors.ConnectionPoolError
        | neo4j_errors.ConfigurationError,
    ):
        return StoreUnavailableError(f"cannot reach Neo4j for {operation}: {exc}")
    if isinstance(exc, neo4j_errors.ResultError | neo4j_errors.TransactionError):
        return QueryError(f"{operation} used a Neo4j result or transaction wrongly: {exc}")
    return StorageError(f"Neo4j driver failed during {operation}: {exc}")
