"""Transaction functions tagged with who runs them, for ``SHOW TRANSACTIONS`` and ``query.log``.

A DBA looking at a busy Neo4j must be able to tell the service's transactions from an analyst's,
and a write from the user who asked for it; the driver attaches ``unit_of_work`` metadata to the
transaction it opens for a transaction function (and to each retry of it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec, TypeVar

from neo4j import AsyncManagedTransaction, unit_of_work

APP = "authority-graph-service"

P = ParamSpec("P")
R = TypeVar("R")
TxFunction = Callable[Concatenate[AsyncManagedTransaction, P], Awaitable[R]]


def tx_metadata(operation: str, user: str | None = None) -> dict[str, str]:
    """``{"app", "operation"[, "user"]}``: the service, the port method, the acting user."""
    metadata = {"app": APP, "operation": operation}
    if user:
        metadata["user"] = user
    return metadata


def tagged(
    function: TxFunction[P, R],
    operation: str,
    user: str | None = None,
    timeout: float | None = None,
) -> TxFunction[P, R]:
    """``function`` as a unit of work carrying ``tx_metadata(operation, user)``."""
    return unit_of_work(metadata=tx_metadata(operation, user), timeout=timeout)(function)
