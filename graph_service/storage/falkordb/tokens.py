"""API tokens on the embedded FalkorDB: the shared ``CypherTokenStore`` on the store's connection.

Token statements touch only ``(:ApiToken)`` nodes, never records, so they neither wait for the
store's write lock nor go through the redo journal: a token is one statement, atomic by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from graph_service.domain.errors import StoreUnavailableError
from graph_service.storage.catalog import Statement
from graph_service.storage.reads import Row, Run
from graph_service.storage.tokens import CypherTokenStore


def falkordb_tokens(run: Run, is_closed: Callable[[], bool]) -> CypherTokenStore:
    """The token store over the FalkorDB store's ``run``; refuses to run once it is closed."""

    async def checked(which: Statement, params: Mapping[str, Any]) -> Sequence[Row]:
        if is_closed():
            raise StoreUnavailableError("the store is closed")
        return await run(which, params)

    return CypherTokenStore(checked)
