"""Persisted (trusted) documents: the operations the bundled web app and the Python client send
by id instead of by text.

A client sends ``{"documentId": "sha256:<hex>", "variables": …}`` (POST) or
``GET /graphql?documentId=sha256:<hex>&variables=…``; the id is the SHA-256 of the exact document
text. The registered documents ship in this package as manifests (JSON objects of id → text):
``web.json`` written by ``make web`` from graph-codegen's persisted-documents output of
``clients/web``, ``python.json`` written by ``make documents`` from the Python client's
operations (``clients/python/export_documents.py``). An unknown id is answered with the error code
``PERSISTED_QUERY_NOT_FOUND``; plain ``query`` requests keep working for everyone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
MANIFESTS = ("web.json", "python.json")
PREFIX = "sha256:"


def document_id(text: str) -> str:
    """The id of ``text``: ``sha256:`` and the hex SHA-256 of its UTF-8 bytes."""
    return PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest(name: str) -> dict[str, str]:
    """One shipped manifest (id → document text)."""
    raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, str] = json.loads(raw)
    return loaded


@lru_cache(maxsize=1)
def registered() -> Mapping[str, str]:
    """Every registered document by id, read once from the manifests in the package."""
    documents: dict[str, str] = {}
    for name in MANIFESTS:
        documents.update(manifest(name))
    return MappingProxyType(documents)


def lookup(identifier: str) -> str | None:
    """The registered document with this id, or ``None``."""
    return registered().get(identifier)


__all__ = ["PERSISTED_QUERY_NOT_FOUND", "document_id", "lookup", "manifest", "registered"]
