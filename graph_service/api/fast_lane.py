"""The view's fast lane for a query: prepared document → cached answer, ``304`` or fast path.

``GraphQLView.execute_single`` asks ``FastLane.answer`` first. ``None`` means "take the normal
path" (strawberry's ``Schema.execute``): the document is not a valid query within the limits, the
request was refused authentication or would wait for ``atLeast``, or the fast path is off.
Otherwise the lane either answers from the response cache (the bytes kept, or ``304 Not
Modified`` when ``If-None-Match`` names the current tag — nothing executed either way, recorded
in the request's ``Exchange`` for ``create_response``) or runs the prepared document on the fast
path and marks a cacheable answer to be kept once it is serialized.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.requests import Request
from strawberry.types import ExecutionResult

from .budget import within
from .context import ApiContext
from .fast_path import FastPath
from .observe import Metrics, current_request
from .prepared import DocumentCache
from .response_cache import (
    ResponseCache,
    answer_key,
    current_exchange,
    entity_tag,
    matches,
)


class FastLane:
    """The fast path, its document cache and the response cache of one view."""

    def __init__(
        self,
        fast_path: FastPath,
        documents: DocumentCache,
        responses: ResponseCache | None,
        metrics: Metrics | None,
    ) -> None:
        self.fast_path = fast_path
        self.documents = documents
        self.responses = responses
        self._metrics = metrics

    async def answer(
        self,
        request: Request,
        context: ApiContext,
        text: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        extensions: dict[str, Any] | None,
        *,
        persisted: bool,
        taken: bool = False,
        budget: float | None = None,
    ) -> ExecutionResult | None:
        """The answer, or ``None`` for the normal path; ``taken``: the caller has already asked
        ``FastPath.takes``; ``budget``: seconds the execution may take (``TimeoutError`` past
        them), for a caller that does not time the whole call (the lean route)."""
        if not taken and not self.fast_path.takes(context, extensions):
            return None
        hits = self.documents.hits
        prepared = self.documents.prepare(text, operation_name)
        self._count("documents", "hit" if self.documents.hits > hits else "miss")
        if prepared is None:
            return None
        current_request().operation = prepared.label
        if self.responses is not None and prepared.cacheable:
            revision = context.service.revision
            key = answer_key(
                prepared.text, operation_name, variables, context.principal, date.today()
            )
            exchange = current_exchange()
            if persisted or request.method == "GET":
                exchange.tag = entity_tag(revision, key)
                if matches(request.headers.get("if-none-match"), exchange.tag):
                    exchange.not_modified = True
                    self._count("responses", "not_modified")
                    return _from_cache()
            body = self.responses.get(revision, key)
            if body is not None:
                exchange.body = body
                self._count("responses", "hit")
                return _from_cache()
            self._count("responses", "miss")
            exchange.store_key = (revision, key)
        run = self.fast_path.execute(prepared, context, variables, operation_name, extensions)
        if budget is None:
            return await run
        # Only around execution (a cached answer is at hand), and armed only if it waits.
        return await within(budget, run)

    def keep(self, body: bytes) -> None:
        """Keep a serialized answer the exchange marked for the cache."""
        exchange = current_exchange()
        if self.responses is not None and exchange.store_key is not None:
            revision, key = exchange.store_key
            self.responses.put(revision, key, body)

    def _count(self, cache: str, result: str) -> None:
        if self._metrics is not None:
            self._metrics.count_lookup(cache, result)


def _from_cache() -> ExecutionResult:
    """The placeholder result of an answer the cache gives (``Exchange.answered``)."""
    return ExecutionResult(data=None, errors=None)
