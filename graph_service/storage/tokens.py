"""The ``TokenStore`` both Cypher adapters share, written against the tiny ``Run`` of ``reads.py``.

The statements live in ``cypher/tokens/``; what differs between backends is only how one
statement is run (FalkorDB: the store's connection; Neo4j: one routed transaction per call), so
each adapter hands its runner in. Times are stored as ISO 8601 strings, as the audit nodes keep
theirs, so that both databases return exactly what was written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from graph_service.domain.auth import ApiToken, Role

from .catalog import Statement
from .reads import Row, Run


class CypherTokenStore:
    """A ``TokenStore`` over any ``Run`` (see ``storage/falkordb`` and ``storage/neo4j``)."""

    def __init__(self, run: Run) -> None:
        self._run = run

    async def save(self, token: ApiToken) -> None:
        await self._run(
            Statement.SAVE_TOKEN,
            {
                "id": token.id,
                "secret_hash": token.secret_hash,
                "name": token.name,
                "role": token.role.value,
                "unit": token.unit,
                "created_at": token.created_at.isoformat(),
            },
        )

    async def find_by_hash(self, secret_hash: str) -> ApiToken | None:
        rows = await self._run(Statement.FIND_TOKEN_BY_HASH, {"secret_hash": secret_hash})
        return token_from_row(rows[0]) if rows else None

    async def list_all(self) -> list[ApiToken]:
        return [token_from_row(row) for row in await self._run(Statement.LIST_TOKENS, {})]

    async def revoke(self, token_id: str, at: datetime) -> ApiToken | None:
        rows = await self._run(
            Statement.REVOKE_TOKEN, {"id": token_id, "revoked_at": at.isoformat()}
        )
        return token_from_row(rows[0]) if rows else None

    async def touch(self, token_id: str, at: datetime) -> None:
        await self._run(Statement.TOUCH_TOKEN, {"id": token_id, "used_at": at.isoformat()})


def token_from_row(row: Row) -> ApiToken:
    """An ``ApiToken`` from a row of ``find_token_by_hash``/``list_tokens``/``revoke_token``."""
    return ApiToken(
        id=row["id"],
        secret_hash=row["secret_hash"],
        name=row["name"],
        role=Role(row["role"]),
        unit=row["unit"],
        created_at=datetime.fromisoformat(row["created_at"]),
        last_used_at=_time(row, "last_used_at"),
        revoked_at=_time(row, "revoked_at"),
    )


def _time(row: Mapping[str, Any], column: str) -> datetime | None:
    value = row.get(column)
    return datetime.fromisoformat(value) if value is not None else None
