"""Driver exceptions, built the way the driver builds them from a server FAILURE message, become
the service's storage errors with the right class, retryability and a useful message."""

from __future__ import annotations

import pytest
from neo4j import exceptions as neo4j_errors

from graph_service.domain.errors import (
    ConstraintViolationError,
    QueryError,
    StorageError,
    StoreUnavailableError,
    TransientStorageError,
)
from graph_service.storage.neo4j.errors import translate, translated


def server_error(code: str, message: str = "boom") -> neo4j_errors.Neo4jError:
    """As the driver hydrates a FAILURE from a Bolt < 5.7 server."""
    return neo4j_errors.Neo4jError._hydrate_neo4j(code=code, message=message)


def gql_error(code: str, gql_status: str, message: str) -> neo4j_errors.Neo4jError:
    """As the driver hydrates a FAILURE with GQL status from a Bolt >= 5.7 server (Neo4j 5.26+)."""
    return neo4j_errors.Neo4jError._hydrate_gql(
        neo4j_code=code, gql_status=gql_status, description="error", message=message
    )


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            neo4j_errors.ServiceUnavailable("Unable to retrieve routing information"),
            StoreUnavailableError,
        ),
        (
            neo4j_errors.SessionExpired("Failed to read from defunct connection"),
            StoreUnavailableError,
        ),
        (
            neo4j_errors.ConnectionAcquisitionTimeoutError("no connection in 60s"),
            StoreUnavailableError,
        ),
        (server_error("Neo.TransientError.General.DatabaseUnavailable"), StoreUnavailableError),
        (
            server_error("Neo.ClientError.Database.DatabaseNotFound", "Graph not found: x"),
            StoreUnavailableError,
        ),
        (server_error("Neo.TransientError.Transaction.DeadlockDetected"), TransientStorageError),
        (
            server_error("Neo.TransientError.Transaction.LockAcquisitionTimeout"),
            TransientStorageError,
        ),
        (server_error("Neo.ClientError.Cluster.NotALeader"), TransientStorageError),
        (
            server_error("Neo.ClientError.Schema.ConstraintValidationFailed"),
            ConstraintViolationError,
        ),
        (
            gql_error(
                "Neo.ClientError.Schema.ConstraintValidationFailed", "22N41", "already exists"
            ),
            ConstraintViolationError,
        ),
        (server_error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'"), QueryError),
        (server_error("Neo.ClientError.Statement.TypeError"), QueryError),
        (
            server_error(
                "Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): key"
            ),
            QueryError,
        ),
        (server_error("Neo.DatabaseError.General.UnknownError"), StorageError),
    ],
)
def test_each_driver_error_becomes_its_service_error(
    error: Exception, expected: type[StorageError]
) -> None:
    translated_error = translate(error, "load_all")
    assert type(translated_error) is expected
    assert translated_error.retryable is (
        expected in {StoreUnavailableError, TransientStorageError}
    )


def test_the_driver_classifies_these_fixtures_as_we_assume() -> None:
    # Guards the table above: if a driver upgrade reclassifies a code, these fail first.
    assert isinstance(
        server_error("Neo.ClientError.Schema.ConstraintValidationFailed"),
        neo4j_errors.ConstraintError,
    )
    assert isinstance(
        server_error("Neo.ClientError.Statement.SyntaxError"), neo4j_errors.CypherSyntaxError
    )
    assert isinstance(
        server_error("Neo.TransientError.Transaction.DeadlockDetected"), neo4j_errors.TransientError
    )
    assert server_error("Neo.TransientError.Transaction.DeadlockDetected").is_retryable()
    assert not server_error("Neo.ClientError.Statement.SyntaxError").is_retryable()


@pytest.mark.parametrize(
    "code", ["Neo.ClientError.Security.Unauthorized", "Neo.ClientError.Security.Forbidden"]
)
def test_auth_failures_say_to_check_the_credentials(code: str) -> None:
    error = translate(server_error(code, "The client is unauthorized"), "apply")
    assert isinstance(error, StoreUnavailableError)
    assert "NEO4J_USER / NEO4J_PASSWORD" in str(error)
    assert code in str(error)


def test_an_incomplete_commit_is_not_called_retryable() -> None:
    # The commit may have happened: retrying blindly could record the change twice.
    error = translate(neo4j_errors.IncompleteCommit("lost connection"), "apply")
    assert type(error) is StorageError
    assert not error.retryable
    assert "outcome is unknown" in str(error)


def test_result_misuse_is_our_bug() -> None:
    error = translate(neo4j_errors.ResultNotSingleError(None, "expected one record"), "history")
    assert isinstance(error, QueryError)


def test_message_names_the_operation_and_the_server_message() -> None:
    error = translate(
        server_error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'"), "apply"
    )
    assert "apply" in str(error)
    assert "Invalid input 'MATC'" in str(error)


def test_the_context_manager_chains_the_driver_exception() -> None:
    cause = neo4j_errors.ServiceUnavailable("Couldn't connect to localhost:7687")
    with (
        pytest.raises(StoreUnavailableError, match="localhost:7687") as caught,
        translated("load_all"),
    ):
        raise cause
    assert caught.value.__cause__ is cause


def test_the_context_manager_lets_other_exceptions_through() -> None:
    with pytest.raises(KeyError), translated("load_all"):
        raise KeyError("not a driver error")
