"""Driver values to plain Python, so rows from Neo4j look like rows from FalkorDB.

The shared statements return maps of scalars and lists, but the driver hands back its own types
where Neo4j has them: ``neo4j.time.Date``/``DateTime`` for temporal values (if someone stored one
with ``date()`` in Browser), ``neo4j.graph.Node``/``Relationship`` if a statement returns an
entity. The record↔row mapping upstream expects ``datetime.date``, ``datetime``, ``dict`` and
``list``; everything else passes through unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import Record
from neo4j.graph import Node, Relationship
from neo4j.time import Date, DateTime


def plain(value: Any) -> Any:
    """``value`` with every driver type replaced by its plain Python equivalent."""
    if isinstance(value, DateTime):
        return value.to_native()
    if isinstance(value, Date):
        return value.to_native()
    if isinstance(value, Node | Relationship):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def row(record: Record) -> dict[str, Any]:
    """One result record as a dict of plain values, keyed by the statement's column names."""
    return {key: plain(record[key]) for key in record.keys()}  # noqa: SIM118 - Record.keys() is the API
