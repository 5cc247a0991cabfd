"""The one place where redis/FalkorDB exceptions are caught and turned into storage errors.

redis ConnectionError, TimeoutError, OSError  -> StoreUnavailableError (retryable)
redis BusyLoadingError (server replaying AOF) -> ServerLoadingError (a StoreUnavailableError)
"already indexed" on CREATE INDEX              -> IndexExistsError (a QueryError; DDL ignores it)
other ResponseError (bad statement, ...)       -> QueryError: a statement we ship is wrong
OutOfMemoryError, ReadOnlyError               -> StorageError (the server refuses writes)
any other RedisError                           -> StorageError
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redis import exceptions as redis_errors

from graph_service.domain.errors import QueryError, StorageError, StoreUnavailableError


class IndexExistsError(QueryError):
    """``CREATE INDEX`` found the index already there (FalkorDB has no ``IF NOT EXISTS``)."""


class ServerLoadingError(StoreUnavailableError):
    """The server is up but still loading its append-only file (retry later)."""


@contextmanager
def translated(action: str) -> Iterator[None]:
    """Run a driver call; re-raise its failure as a storage error naming ``action``."""
    try:
        yield
    except redis_errors.BusyLoadingError as exc:
        raise ServerLoadingError(f"FalkorDB is still loading, during {action}: {exc}") from exc
    except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
        raise StoreUnavailableError(f"FalkorDB unavailable during {action}: {exc}") from exc
    except (redis_errors.OutOfMemoryError, redis_errors.ReadOnlyError) as exc:
        raise StorageError(f"FalkorDB refused {action}: {exc}") from exc
    except redis_errors.ResponseError as exc:
        if "already indexed" in str(exc):
            raise IndexExistsError(f"{action}: {exc}") from exc
        raise QueryError(f"FalkorDB rejected {action}: {exc}") from exc
    except redis_errors.RedisError as exc:
        raise StorageError(f"FalkorDB failed during {action}: {exc}") from exc
