"""The redo journal that makes ``apply`` all or nothing on FalkorDB.

FalkorDB runs each query atomically but cannot roll back a sequence of them (MULTI/EXEC does not
undo the commands before a failing one), and a large change set needs many queries. So the whole
change set is first written as one Redis string (one ``SET``: atomic and, with the append-only file,
durable before it returns). That write is the commit point. The statements that follow are all
idempotent (``storage/plan.py``); when they are done, one ``DEL`` retires the entry. Whoever finds
an entry still there (the same store after a failure, or the next ``open_store`` after a crash of
either process) runs the statements again to completion before answering anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graph_service.domain.changes import ChangeSet
from graph_service.domain.errors import QueryError

from .errors import translated

FORMAT = 1
# Compare-and-delete in one server-side step: another process may have replayed and retired this
# entry and written its own since; that one must stay.
_DELETE_IF_PENDING = """
local head = redis.call('GETRANGE', KEYS[1], 0, string.len(ARGV[1]) - 1)
if head == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A change set and the ``seq`` its first new record gets (fixed once, for replays)."""

    change: ChangeSet
    first_seq: int

    def encode(self) -> str:
        """``<change id>\n<json>``: the id first, so ``finish`` can check it without parsing."""
        change = self.change.model_dump(mode="json", by_alias=True)
        body = {"format": FORMAT, "first_seq": self.first_seq, "change": change}
        return self.change.id + "\n" + json.dumps(body, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def decode(text: str) -> JournalEntry:
        body = json.loads(text.partition("\n")[2])
        if body.get("format") != FORMAT:
            raise QueryError(f"journal entry in unknown format {body.get('format')!r}")
        return JournalEntry(ChangeSet.model_validate(body["change"]), int(body["first_seq"]))


class Journal:
    """One pending entry at most per graph, under the key ``graph-service:<graph>:journal``."""

    def __init__(self, connection: Any, graph: str) -> None:
        self._redis = connection  # redis.asyncio.Redis with decode_responses=True
        self.key = f"graph-service:{graph}:journal"

    async def begin(self, entry: JournalEntry) -> bool:
        """Record ``entry`` as pending; False if another entry is already pending."""
        with translated("journal write"):
            return bool(await self._redis.set(self.key, entry.encode(), nx=True))

    async def pending(self) -> JournalEntry | None:
        with translated("journal read"):
            text = await self._redis.get(self.key)
        return None if text is None else JournalEntry.decode(text)

    async def quarantine(self, text_or_entry: JournalEntry | str, reason: str) -> str:
        """Move the pending entry aside (kept for an operator, never retried); its new key.

        For an entry the server can never apply (a statement it cannot parse) or cannot even
        decode: retrying it forever would stop every later write.
        """
        text = text_or_entry if isinstance(text_or_entry, str) else text_or_entry.encode()
        head = text.partition("\n")[0] or "undecodable"
        target = f"{self.key}:quarantine:{head}"
        with translated("journal quarantine"):
            await self._redis.set(target, text + "\n" + json.dumps({"reason": reason}))
            await self._redis.eval(_DELETE_IF_PENDING, 1, self.key, head + "\n")
        return target

    async def pending_text(self) -> str | None:
        with translated("journal read"):
            text: str | None = await self._redis.get(self.key)
        return text

    async def finish(self, entry: JournalEntry) -> None:
        """Retire ``entry``, atomically and only if it is still the pending one."""
        with translated("journal finish"):
            await self._redis.eval(_DELETE_IF_PENDING, 1, self.key, entry.change.id + "\n")
