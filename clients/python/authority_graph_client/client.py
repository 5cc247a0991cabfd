"""Sync and async clients over httpx; both take an injected transport for in-process tests.

``token=`` sends ``Authorization: Bearer <token>`` with every request; without one the client acts
as the public. Operations are sent as persisted documents (their id, ``documents.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import httpx

from . import operations as ops
from . import workflow as wf
from .documents import PERSISTED_QUERY_NOT_FOUND, document_id
from .errors import GraphQLResponseError, PermissionDeniedError, TransportError
from .models import (
    FindingPage,
    Jurisdiction,
    LoadResult,
    PowerListEntry,
    PowerListPage,
    SearchHit,
    Viewer,
)

T = TypeVar("T")
DEFAULT_TIMEOUT = 30.0


def _day(at: date | None) -> str | None:
    return at.isoformat() if at else None


def _payload(op: ops.Operation[Any], *, persisted: bool = True) -> dict[str, Any]:
    """The request: the persisted document's id (``documents.py``), or its text when asked."""
    if persisted:
        return {"documentId": document_id(op.query), "variables": op.variables}
    return {"query": op.query, "variables": op.variables}


def _unknown_document(response: httpx.Response) -> bool:
    """Whether the service does not know the document's id (then the text is sent instead)."""
    if response.status_code not in (200, 400):
        return False
    try:
        errors = response.json().get("errors") or []
    except (ValueError, AttributeError):
        return False
    codes = [(error.get("extensions") or {}).get("code") for error in errors]
    return codes == [PERSISTED_QUERY_NOT_FOUND]


def _headers(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def _result(op: ops.Operation[T], response: httpx.Response) -> T:
    try:
        body = response.json()
    except ValueError:
        raise TransportError(f"HTTP {response.status_code}: not a GraphQL answer") from None
    if not isinstance(body, dict):
        raise TransportError(f"HTTP {response.status_code}: not a GraphQL answer")
    if body.get("errors"):
        raise GraphQLResponseError(body["errors"])
    if response.status_code >= 400 or body.get("data") is None:
        raise TransportError(f"HTTP {response.status_code}: no data")
    data = body["data"]
    for payload in data.values():
        if isinstance(payload, dict) and payload.get("__typename") == "PermissionDenied":
            raise PermissionDeniedError(payload)
    return op.parse(data)


class AuthorityGraphClient:
    """Blocking client for ``AuthorityGraphClient("http://127.0.0.1:8000", token=…)``.

    A context manager. ``token``: an API token (``graph-service token create``); none: public.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._http = httpx.Client(
            base_url=base_url, headers=_headers(token), transport=transport, timeout=timeout
        )

    def __enter__(self) -> AuthorityGraphClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _run(self, op: ops.Operation[T]) -> T:
        try:
            response = self._http.post("/graphql", json=_payload(op))
            if _unknown_document(response):
                response = self._http.post("/graphql", json=_payload(op, persisted=False))
        except httpx.HTTPError as error:
            raise TransportError(str(error)) from error
        return _result(op, response)

    def jurisdiction(self, item: str, place: str, at: date | None = None) -> Jurisdiction:
        return self._run(ops.jurisdiction(item, place, _day(at)))

    def findings(
        self,
        at: date | None = None,
        first: int = 20,
        after: str | None = None,
        kind: str | None = None,
    ) -> FindingPage:
        return self._run(ops.findings(_day(at), first, after, kind))

    def power_list(self, unit: str, at: date | None = None) -> list[PowerListEntry]:
        return self._run(ops.power_list(unit, _day(at)))

    def power_list_page(
        self, unit: str, at: date | None = None, first: int = 200, after: str | None = None
    ) -> PowerListPage:
        """One page of ``power_list`` (at most 200 rows); pass ``end_cursor`` as ``after``."""
        return self._run(ops.power_list_page(unit, _day(at), first, after))

    def search_items(self, text: str, limit: int = 20) -> list[SearchHit]:
        return self._run(ops.search_items(text, limit))

    def viewer(self) -> Viewer:
        """Who the client's token acts as (role PUBLIC without a token)."""
        return self._run(ops.viewer())

    def load_dataset(
        self, document: dict[str, Any], *, replace: bool = False, confirm: bool = False
    ) -> LoadResult:
        """Load a dataset (administrators only); ``replace`` needs ``confirm=True``."""
        return self._run(ops.load_dataset(document, replace, confirm))

    # -- the workflow (编办, 司法局): writes return the success payload as a dict --------------

    def record_act(self, act: dict[str, Any], comment: str | None = None) -> dict[str, Any]:
        """Record an act, pending legal review; with its preview as approved (编办)."""
        return self._run(wf.record_act(act, comment))

    def amend_act(
        self,
        act_id: str,
        changes: dict[str, Any],
        comment: str | None = None,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Amend an act; it goes back to pending review (编办)."""
        return self._run(wf.amend_act(act_id, changes, comment, expected_revision))

    def withdraw_act(
        self,
        act_id: str,
        reason: str,
        on: date | None = None,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Withdraw (撤回) an act from ``on`` (default today) (编办)."""
        return self._run(wf.withdraw_act(act_id, reason, _day(on), expected_revision))

    def review_act(
        self,
        act_id: str,
        decision: str,
        opinion: str | None = None,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """法制审核: ``decision`` APPROVED or REJECTED (opinion required) (司法局)."""
        return self._run(wf.review_act(act_id, decision, opinion, expected_revision))

    def publish_list(self, unit: str, at: date, note: str | None = None) -> dict[str, Any]:
        """Publish (公示) a unit's list as it stands on ``at`` as its next version (编办)."""
        return self._run(wf.publish_list(unit, at.isoformat(), note))

    def published_list_diff(self, unit: str, old: int, new: int) -> dict[str, Any]:
        """Items added, removed and changed between two published versions."""
        return self._run(wf.published_list_diff(unit, old, new))

    def history(self, kind: str, key: str) -> list[dict[str, Any]]:
        """Every version of a record with who, when, why and the field diff."""
        return self._run(wf.history(kind, key))

    def changes(
        self,
        since: int = 0,
        by: str | None = None,
        kind: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> dict[str, Any]:
        """A page of change-log entries after ``since`` (by a principal, touching a kind)."""
        return self._run(wf.changes(since, by, kind, first, after))


class AsyncAuthorityGraphClient:
    """The same methods as ``AuthorityGraphClient``, awaited; takes an ``httpx.ASGITransport``."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url, headers=_headers(token), transport=transport, timeout=timeout
        )

    async def __aenter__(self) -> AsyncAuthorityGraphClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _run(self, op: ops.Operation[T]) -> T:
        try:
            response = await self._http.post("/graphql", json=_payload(op))
            if _unknown_document(response):
                response = await self._http.post("/graphql", json=_payload(op, persisted=False))
        except httpx.HTTPError as error:
            raise TransportError(str(error)) from error
        return _result(op, response)

    async def jurisdiction(self, item: str, place: str, at: date | None = None) -> Jurisdiction:
        return await self._run(ops.jurisdiction(item, place, _day(at)))

    async def findings(
        self,
        at: date | None = None,
        first: int = 20,
        after: str | None = None,
        kind: str | None = None,
    ) -> FindingPage:
        return await self._run(ops.findings(_day(at), first, after, kind))

    async def power_list(self, unit: str, at: date | None = None) -> list[PowerListEntry]:
        return await self._run(ops.power_list(unit, _day(at)))

    async def power_list_page(
        self, unit: str, at: date | None = None, first: int = 200, after: str | None = None
    ) -> PowerListPage:
        """One page of ``power_list`` (at most 200 rows); pass ``end_cursor`` as ``after``."""
        return await self._run(ops.power_list_page(unit, _day(at), first, after))

    async def search_items(self, text: str, limit: int = 20) -> list[SearchHit]:
        return await self._run(ops.search_items(text, limit))

    async def viewer(self) -> Viewer:
        return await self._run(ops.viewer())

    async def load_dataset(
        self, document: dict[str, Any], *, replace: bool = False, confirm: bool = False
    ) -> LoadResult:
        return await self._run(ops.load_dataset(document, replace, confirm))

    # -- the workflow (编办, 司法局): writes return the success payload as a dict --------------

    async def record_act(self, act: dict[str, Any], comment: str | None = None) -> dict[str, Any]:
        """Record an act, pending legal review; with its preview as approved (编办)."""
        return await self._run(wf.record_act(act, comment))

    async def amend_act(
        self,
        act_id: str,
        changes: dict[str, Any],
        comment: str | None = None,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Amend an act; it goes back to pending review (编办)."""
        return await self._run(wf.amend_act(act_id, changes, comment, expected_revision))

    async def withdraw_act(
        self,
        act_id: str,
        reason: str,
        on: date | None = None,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Withdraw (撤回) an act from ``on`` (default today) (编办)."""
        return await self._run(wf.withdraw_act(act_id, reason, _day(on), expected_revision))

    async def review_act(
        self,
        act_id: str,
        decision: str,
        opinion: str | None = None,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """法制审核: ``decision`` APPROVED or REJECTED (opinion required) (司法局)."""
        return await self._run(wf.review_act(act_id, decision, opinion, expected_revision))

    async def publish_list(self, unit: str, at: date, note: str | None = None) -> dict[str, Any]:
        """Publish (公示) a unit's list as it stands on ``at`` as its next version (编办)."""
        return await self._run(wf.publish_list(unit, at.isoformat(), note))

    async def published_list_diff(self, unit: str, old: int, new: int) -> dict[str, Any]:
        """Items added, removed and changed between two published versions."""
        return await self._run(wf.published_list_diff(unit, old, new))

    async def history(self, kind: str, key: str) -> list[dict[str, Any]]:
        """Every version of a record with who, when, why and the field diff."""
        return await self._run(wf.history(kind, key))

    async def changes(
        self,
        since: int = 0,
        by: str | None = None,
        kind: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> dict[str, Any]:
        """A page of change-log entries after ``since`` (by a principal, touching a kind)."""
        return await self._run(wf.changes(since, by, kind, first, after))
