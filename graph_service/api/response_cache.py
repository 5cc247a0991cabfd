"""Serialized answers of reads, kept per revision, and their entity tags.

An answer is a pure function of (document, operation, variables, revision, who asks, today's
date) when every root field it selects is declared revision-pure (``permissions.REVISION_PURE``):
it reads only the projection at that revision (the change log's state), and the clock only as
today's date. Such an answer is kept as the bytes sent (``ResponseCache``), bounded by entries and
by bytes, least recently used out first. The revision is part of the key, so a write makes every
older entry unreachable; they are dropped as soon as an answer of a newer revision is stored.
Only answers without errors are kept; mutations and subscriptions never reach this module.

Who asks: the principal's role and unit (answers and permission refusals differ by role, and a
unit's disputes by unit). ``atLeast`` is honoured before a lookup (``fast_path.FastPath.takes``):
a request that would wait never reads the cache.

The entity tag is ``W/"<revision>-<key>"``, sent on cacheable GET and persisted-document answers;
a request whose ``If-None-Match`` names the current tag gets ``304`` and nothing is executed.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from graph_service.domain.auth import Principal

from .permissions import REVISION_PURE

ENTRIES = 2_048
MAX_BYTES = 64 * 1024 * 1024
_INTROSPECTION = frozenset({"__typename", "__schema", "__type"})


def cacheable(root_fields: frozenset[str]) -> bool:
    """Whether an operation selecting ``root_fields`` (of ``Query``) may be cached."""
    return bool(root_fields) and all(
        name in _INTROSPECTION or REVISION_PURE.get(f"Query.{name}", False) for name in root_fields
    )


AnswerKey = tuple[str, str, bytes, str, str, str]
"""(document, operation, variables as canonical JSON, role, unit, day): one answer within a
revision. Kept as its parts (hashing them costs a fifth of a digest, and the document is the
prepared one's text, hashed once); ``digest`` names it in an entity tag."""


def answer_key(
    document: str,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    principal: Principal,
    day: date,
) -> AnswerKey:
    """The key naming one answer within a revision."""
    try:  # orjson sorts keys too, in a fifth of the time; ``json`` for what it refuses
        canonical = orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # an integer past 64 bits, a lone surrogate …
        canonical = json.dumps(variables or {}, sort_keys=True, separators=(",", ":")).encode(
            "utf-8", "surrogatepass"
        )
    role, unit = principal.role.value, principal.unit or ""
    return (document, operation_name or "", canonical, role, unit, day.isoformat())


def digest(key: AnswerKey) -> str:
    """32 hex digits naming ``key`` (the entity tag's opaque part)."""
    document, operation_name, canonical, role, unit, day = key
    who = f"{role}\x00{unit}\x00{day}"
    parts = [text.encode("utf-8", "surrogatepass") for text in (document, operation_name, who)]
    return hashlib.sha256(b"\x00".join((*parts, canonical))).hexdigest()[:32]


def entity_tag(revision: int, key: AnswerKey) -> str:
    return f'W/"{revision}-{digest(key)}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``tag`` (weak comparison, or ``*``)."""
    if not if_none_match:
        return False
    wanted = _opaque(tag)
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or _opaque(candidate) == wanted:
            return True
    return False


def _opaque(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


class ResponseCache:
    """Bytes of answers by (revision, key); bounded by ``entries`` and ``max_bytes``.

    With ``doorkeeper`` (the default) an answer is kept the second time it is computed, not the
    first (TinyLFU's doorkeeper): a question asked once — a crawler, a batch of one-off checks,
    most of a load test's random questions — costs a hash in a set of recently seen keys instead
    of a stored body, and cannot push out the answers people ask again and again. The set is
    emptied when it has seen twice ``entries`` keys.
    """

    def __init__(
        self, entries: int = ENTRIES, max_bytes: int = MAX_BYTES, *, doorkeeper: bool = True
    ) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._revision = -1
        self.size = 0  # bytes held
        self._seen: set[int] | None = set() if doorkeeper else None

    def get(self, revision: int, key: Hashable) -> bytes | None:
        if revision != self._revision:
            return None
        body = self._answers.get(key)
        if body is not None:
            self._answers.move_to_end(key)
        return body

    def put(self, revision: int, key: Hashable, body: bytes) -> None:
        if revision < self._revision or len(body) > self.max_bytes or self.entries <= 0:
            return
        if revision > self._revision:  # a write happened: nothing older can be asked for again
            self._answers.clear()
            self.size = 0
            self._revision = revision
        if self._seen is not None and not self._seen_before(key):
            return
        previous = self._answers.pop(key, None)
        if previous is not None:
            self.size -= len(previous)
        self._answers[key] = body
        self.size += len(body)
        while len(self._answers) > self.entries or self.size > self.max_bytes:
            _, evicted = self._answers.popitem(last=False)
            self.size -= len(evicted)

    def __len__(self) -> int:
        return len(self._answers)

    def _seen_before(self, key: Hashable) -> bool:
        """Whether ``key`` was offered since the set was last emptied; it is now."""
        seen = self._seen
        assert seen is not None
        mark = hash(key)
        if mark in seen:
            return True
        if len(seen) >= 2 * self.entries:
            seen.clear()
        seen.add(mark)
        return False


@dataclass(slots=True)
class Exchange:
    """What the view decided about caching for the request being answered."""

    store_key: tuple[int, AnswerKey] | None = None  # keep the answer under this (revision, key)
    tag: str | None = None  # the ETag to send with the answer
    body: bytes | None = None  # a cached answer to send as it is
    not_modified: bool = False  # answer 304 (the client holds ``tag``)

    @property
    def answered(self) -> bool:
        """Whether the answer comes from the cache (nothing was executed)."""
        return self.body is not None or self.not_modified


_exchange: ContextVar[Exchange | None] = ContextVar("graph_exchange", default=None)


def begin_exchange() -> Exchange:
    """A fresh exchange for the request starting now (the view calls it first)."""
    exchange = Exchange()
    _exchange.set(exchange)
    return exchange


def current_exchange() -> Exchange:
    found = _exchange.get()
    return begin_exchange() if found is None else found
