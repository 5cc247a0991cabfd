"""The one place the adapter creates a driver, so that every connection is configured alike.

- ``user_agent``: ``authority-graph-service/<version>``, how the server's connection list and
  logs name us;
- server notifications: the driver logs each one it receives (logger ``neo4j.notifications``).
  Two kinds come on every normal run and say nothing to an operator: INFORMATION that an index or
  constraint already exists (``migrate`` runs its ``IF NOT EXISTS`` files at every start), and
  UNRECOGNIZED warnings that a label or property does not exist yet (any read of an empty
  database). The server is asked not to send those; warnings about performance, deprecation or
  security still arrive and are logged. (Notification filters need Neo4j 5.7 or newer.)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    Auth,
    NotificationDisabledClassification,
    NotificationMinimumSeverity,
)

from .transactions import APP


def default_user_agent() -> str:
    """``authority-graph-service/<version>``: how the server's logs and metrics name us."""
    try:
        return f"{APP}/{version('authority-graph-service')}"
    except PackageNotFoundError:
        return APP


def new_driver(uri: str, auth: Auth | None, *, user_agent: str | None = None) -> AsyncDriver:
    """An async driver for ``uri`` (not yet connected: ``verify_connectivity`` checks)."""
    return AsyncGraphDatabase.driver(
        uri,
        auth=auth,
        user_agent=user_agent or default_user_agent(),
        notifications_min_severity=NotificationMinimumSeverity.WARNING,
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    )
