"""The client's operations as persisted documents: sent by id, registered with the service.

The client sends ``{"documentId": "sha256:<hex>", "variables": …}`` (the SHA-256 of the exact
document text) instead of the text. The service ships the same documents in its manifest
``graph_service/api/persisted/python.json``, written from here by ``make documents``
(``write_manifest``); a service that does not know an id
answers ``PERSISTED_QUERY_NOT_FOUND`` and the client sends the text once more.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import operations, workflow

DOCUMENTS: tuple[str, ...] = (*operations.ALL, *workflow.ALL)
PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"


def document_id(text: str) -> str:
    """``sha256:`` and the hex SHA-256 of the document's UTF-8 bytes."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest() -> dict[str, str]:
    """Every document of the client by id, ids sorted."""
    return {document_id(text): text for text in sorted(DOCUMENTS, key=document_id)}


def manifest_json() -> str:
    """The manifest as the service ships it (stable bytes: sorted, indented, final newline)."""
    return json.dumps(manifest(), indent=2, ensure_ascii=False) + "\n"


def write_manifest(path: str | Path) -> None:
    """Write the manifest to ``path`` (``make documents``)."""
    Path(path).write_text(manifest_json(), encoding="utf-8")
