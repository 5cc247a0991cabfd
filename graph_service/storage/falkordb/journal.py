"""The redo journal that makes ``apply`` all or nothing on FalkorDB, and gives out revisions.

FalkorDB runs each query atomically but cannot roll back a sequence of them (MULTI/EXEC does not
undo the commands before a failing one), and a large change set needs many queries. So the whole
change set is first written as one Redis string (one ``SET`` inside a script: atomic and, with the
append-only file, durable before it returns). That write is the commit point, and the same script
gives the change set its revision: the head revision (a key of its own) plus one, refused when the
caller expected another head (optimistic concurrency between instances). The statements that
follow are all idempotent (``storage/plan.py``); when they are done, one script advances the head
and retires the entry. Whoever finds an entry still there (the same store after a failure, or the
next ``open_store`` after a crash of either process) runs the statements again to completion
before answering anything.

Entry text: ``<change id>\\n<revision>\\n<json>``; the id first, so that ``finish`` can check it
without parsing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graph_service.domain.changes import ChangeSet, Revision
from graph_service.domain.errors import HeadMovedError, QueryError

from .errors import translated

FORMAT = 2
_BEGIN = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local head = tonumber(redis.call('GET', KEYS[2]) or '0')
if ARGV[3] ~= '' and tonumber(ARGV[3]) ~= head then return -1 - head end
local revision = head + 1
redis.call('SET', KEYS[1], ARGV[1] .. '\\n' .. revision .. '\\n' .. ARGV[2])
return revision
"""
# Compare-and-delete in one server-side step: another process may have replayed and retired this
# entry and written its own since; that one must stay. The head only moves forward.
_FINISH = """
local head = redis.call('GETRANGE', KEYS[1], 0, string.len(ARGV[1]) - 1)
if head ~= ARGV[1] then return 0 end
if tonumber(redis.call('GET', KEYS[2]) or '0') < tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], ARGV[2])
end
return redis.call('DEL', KEYS[1])
"""
_RAISE_HEAD = """
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1])
end
return tonumber(redis.call('GET', KEYS[1]) or '0')
"""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A change set and the revision it was given (fixed once, for replays)."""

    change: ChangeSet
    revision: Revision

    @staticmethod
    def body(change: ChangeSet) -> str:
        dumped = change.model_dump(mode="json", by_alias=True)
        return json.dumps({"format": FORMAT, "change": dumped}, ensure_ascii=False)

    def encode(self) -> str:
        return f"{self.change.id}\n{self.revision}\n{self.body(self.change)}"

    @staticmethod
    def decode(text: str) -> JournalEntry:
        _, revision, rest = text.split("\n", 2)
        body = json.loads(rest)
        if body.get("format") != FORMAT:
            raise QueryError(f"journal entry in unknown format {body.get('format')!r}")
        return JournalEntry(ChangeSet.model_validate(body["change"]), int(revision))


class Journal:
    """One pending entry at most per graph, under ``graph-service:<graph>:journal``; the head
    revision under ``graph-service:<graph>:head``."""

    def __init__(self, connection: Any, graph: str) -> None:
        self._redis = connection  # redis.asyncio.Redis with decode_responses=True
        self.key = f"graph-service:{graph}:journal"
        self.head_key = f"graph-service:{graph}:head"

    async def begin(self, change: ChangeSet, expected_head: Revision | None) -> JournalEntry | None:
        """Record ``change`` as pending with the next revision; None if another entry is
        pending. ``ConflictError`` when ``expected_head`` is given and is not the head."""
        expected = "" if expected_head is None else str(expected_head)
        with translated("journal write"):
            answer = int(
                await self._redis.eval(
                    _BEGIN,
                    2,
                    self.key,
                    self.head_key,
                    change.id,
                    JournalEntry.body(change),
                    expected,
                )
            )
        if answer == 0:
            return None
        if answer < 0:
            raise HeadMovedError(-1 - answer, expected_head or 0)
        return JournalEntry(change, answer)

    async def head(self) -> Revision:
        with translated("journal head"):
            value = await self._redis.get(self.head_key)
        return int(value or 0)

    async def raise_head(self, revision: Revision) -> Revision:
        """Make the head at least ``revision`` (after a migration, or past a set-aside entry)."""
        with translated("journal head"):
            return int(await self._redis.eval(_RAISE_HEAD, 1, self.head_key, str(revision)))

    async def pending_text(self) -> str | None:
        with translated("journal read"):
            text: str | None = await self._redis.get(self.key)
        return text

    async def finish(self, entry: JournalEntry) -> None:
        """Advance the head to ``entry`` and retire it, atomically and only if it is still the
        pending one."""
        with translated("journal finish"):
            await self._redis.eval(
                _FINISH, 2, self.key, self.head_key, entry.change.id + "\n", str(entry.revision)
            )

    async def quarantine(self, text: str, reason: str) -> str:
        """Move the pending entry aside (kept for an operator, never retried); its new key.

        For an entry the server can never apply (a statement it cannot parse) or cannot even
        decode: retrying it forever would stop every later write. Its revision is never given
        out again, since some of its statements may have run.
        """
        head, _, rest = text.partition("\n")
        revision = rest.partition("\n")[0]
        target = f"{self.key}:quarantine:{head or 'undecodable'}"
        with translated("journal quarantine"):
            await self._redis.set(target, text + "\n" + json.dumps({"reason": reason}))
            await self._redis.eval(
                _FINISH,
                2,
                self.key,
                self.head_key,
                head + "\n",
                revision if revision.isdigit() else "0",
            )
        return target
