"""Bringing a store written before the change log kept record versions up to date, on open.

Format 1 kept an audit node per change set (who, when, which records) but not what the records
were. Format 2 gives every change set a revision and keeps each record version it wrote. A
format-1 store is migrated when it is opened: its change sets are numbered in the order they were
applied, and every stored record gets a first version in one change set of its own ("日志格式升级")
so that history, followers and answers as recorded on a day all start from the log. Both Cypher
adapters run this with their own ``Run``; every step can be run again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from graph_service.domain.changes import Revision

from .catalog import Statement
from .reads import Run, head_revision

LOG_FORMAT = 2
MIGRATION_ID = "log-format-2"
MIGRATION_SUMMARY = "日志格式升级：为升级前已有的记录建立初始版本"


async def log_format(run: Run) -> int:
    rows = await run(Statement.LOG_FORMAT, {})
    value = rows[0]["version"] if rows else None
    return int(value) if value is not None else 1


async def migrate_log(run: Run) -> int:
    """Migrate the store's log to ``LOG_FORMAT`` if needed; how many records were adopted."""
    if await log_format(run) >= LOG_FORMAT:
        return 0
    await run(Statement.NUMBER_OLD_CHANGES, {})
    revision: Revision = await head_revision(run) + 1
    params = {
        "revision": revision,
        "id": MIGRATION_ID,
        "recorded_at": datetime.now(UTC).isoformat(),
        "summary": MIGRATION_SUMMARY,
    }
    rows = await run(Statement.BASELINE_VERSIONS, params)
    await run(Statement.SET_LOG_FORMAT, {"version": LOG_FORMAT})
    return int(rows[0]["adopted"]) if rows else 0
