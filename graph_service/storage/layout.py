"""How records become a property graph: the node of a record and the relationships it owns.

Shared by every Cypher adapter so that FalkorDB and Neo4j hold the same graph (and pass the same
conformance suite). A record is one node labelled with its collection (``:Region`` …) and
``:Record``, keyed by ``id`` (the record key) and ``ref`` (``"<collection>/<key>"``, unique across
collections). It carries readable scalar properties for people browsing the database (dates as ISO
strings, which both backends store and compare alike) and ``doc``, the record's full JSON, which is
what ``load_all`` reads back: the graph view is derived, the document is the truth.

A record owns the relationships that its reference fields describe; they point from the record to
the referenced one, except ``PARENT_OF`` which reads parent → child and belongs to the child.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Record

from .catalog import Statement


class Relation(StrEnum):
    PARENT_OF = "PARENT_OF"
    WITHIN = "WITHIN"
    ADJACENT_TO = "ADJACENT_TO"
    IN_REGION = "IN_REGION"
    PART_OF = "PART_OF"
    REPORTS_TO = "REPORTS_TO"
    SUCCEEDED_BY = "SUCCEEDED_BY"
    OF_LAW = "OF_LAW"
    BASED_ON = "BASED_ON"
    APPLIES_IN = "APPLIES_IN"
    CONCERNS = "CONCERNS"
    FROM = "FROM"
    TO = "TO"
    IN_SCOPE = "IN_SCOPE"
    DECIDED_BY = "DECIDED_BY"
    ISSUED_BY = "ISSUED_BY"
    PARTY = "PARTY"
    COVERS = "COVERS"
    OF_UNIT = "OF_UNIT"
    LISTS = "LISTS"


LINK_BY_RELATION: Mapping[Relation, Statement] = MappingProxyType(
    {relation: Statement("link_" + relation.value.lower()) for relation in Relation}
)


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference field of a record and the relationship that shows it in the graph."""

    relation: Relation
    field: str  # python field name of the model (``from_unit`` for ``from``)
    target: EntityKind
    points_at_owner: bool = False  # True for PARENT_OF: (parent)-[:PARENT_OF]->(owner)


_R, _U, _L, _P, _I = (
    EntityKind.REGION,
    EntityKind.UNIT,
    EntityKind.LAW,
    EntityKind.PROVISION,
    EntityKind.ITEM,
)

REFERENCES: Mapping[EntityKind, tuple[Reference, ...]] = MappingProxyType(
    {
        _R: (
            Reference(Relation.PARENT_OF, "parent", _R, points_at_owner=True),
            Reference(Relation.WITHIN, "within", _R),
            Reference(Relation.ADJACENT_TO, "adjacent", _R),
        ),
        _U: (
            Reference(Relation.IN_REGION, "region", _R),
            Reference(Relation.PART_OF, "parent", _U),
            Reference(Relation.REPORTS_TO, "superior", _U),
            Reference(Relation.SUCCEEDED_BY, "successor", _U),
        ),
        _L: (),
        _P: (Reference(Relation.OF_LAW, "law", _L),),
        _I: (
            Reference(Relation.BASED_ON, "basis", _P),
            Reference(Relation.APPLIES_IN, "applies_in", _R),
        ),
        EntityKind.ACT: (
            Reference(Relation.CONCERNS, "items", _I),
            Reference(Relation.FROM, "from_unit", _U),
            Reference(Relation.TO, "to", _U),
            Reference(Relation.IN_SCOPE, "scope", _R),
            Reference(Relation.DECIDED_BY, "doc", _L),
            Reference(Relation.BASED_ON, "basis", _P),
            Reference(Relation.ISSUED_BY, "issuer", _U),
        ),
        EntityKind.AGREEMENT: (
            Reference(Relation.PARTY, "parties", _U),
            Reference(Relation.COVERS, "items", _I),
        ),
        EntityKind.PUBLISHED_LIST: (
            Reference(Relation.OF_UNIT, "unit", _U),
            Reference(Relation.LISTS, "items", _I),
        ),
        EntityKind.DISPUTE: (
            Reference(Relation.PARTY, "parties", _U),
            Reference(Relation.CONCERNS, "items", _I),
            Reference(Relation.IN_SCOPE, "places", _R),
        ),
    }
)

# Readable scalar properties per collection (python field names; values as in JSON).
_COMMON = ("source", "illustrative", "note", "recorded_at", "recorded_by")
_INTERVAL = ("valid_from", "valid_to")
SCALARS: Mapping[EntityKind, tuple[str, ...]] = MappingProxyType(
    {
        _R: ("kind", "parent", *_INTERVAL),
        _U: ("kind", "region", "parent", "superior", "vertical", "successor", *_INTERVAL),
        _L: ("title", "level", "issuer", "doc_number", "short_title", *_INTERVAL),
        _P: ("law", "article", *_INTERVAL),
        _I: ("code", "category", "delegable", "field", *_INTERVAL),
        EntityKind.ACT: (
            "kind",
            "doc",
            "issuer",
            "effective",
            "until",
            "from_unit",
            "role",
            "review",
        ),
        EntityKind.AGREEMENT: ("title", *_INTERVAL),
        EntityKind.PUBLISHED_LIST: ("unit", "version", "published"),
        EntityKind.DISPUTE: ("kind", "status", "finding", "decision_act", "deadline"),
    }
)
# Fields whose name is taken by a node property of every record (``doc`` is the record's JSON).
_PROPERTY_NAME: Mapping[str, str] = MappingProxyType({"doc": "decided_by"})
# The field shown as a node's caption; None: the key itself.
_CAPTION: Mapping[EntityKind, str | None] = MappingProxyType(
    {
        _R: "name",
        _U: "name",
        _L: "title",
        _P: "article",
        _I: "name",
        EntityKind.ACT: None,
        EntityKind.AGREEMENT: "title",
        EntityKind.PUBLISHED_LIST: None,
        EntityKind.DISPUTE: None,
    }
)


def ref(kind: EntityKind, key: str) -> str:
    """The ``ref`` of a record node: unique across collections, whose keys may coincide."""
    return f"{kind.value}/{key}"


def split_ref(value: str) -> tuple[EntityKind, str]:
    kind, _, key = value.partition("/")
    return EntityKind(kind), key


def document(record: Record) -> str:
    """The record's full JSON, aliases included (``from``), Chinese kept readable."""
    dumped = record.model_dump(mode="json", by_alias=True)
    return json.dumps(dumped, ensure_ascii=False, separators=(",", ":"))


def node_row(kind: EntityKind, record: Record, seq: int) -> dict[str, Any]:
    """The parameters of one ``upsert_*`` row: ``{id, seq, props}``."""
    fields = record.model_dump(mode="json")
    caption = _CAPTION[kind]
    props: dict[str, Any] = {
        "ref": ref(kind, record.key),
        "collection": kind.value,
        "name": fields[caption] if caption else record.key,
        "doc": document(record),
    }
    for name in (*SCALARS[kind], *_COMMON):
        props[_PROPERTY_NAME.get(name, name)] = fields[name]
    return {"id": record.key, "seq": seq, "props": props}


def links(kind: EntityKind, record: Record) -> Iterator[tuple[Relation, str, str]]:
    """``(relation, source ref, target ref)`` of every relationship the record owns."""
    own = ref(kind, record.key)
    for reference in REFERENCES[kind]:
        value = getattr(record, reference.field)
        targets = value if isinstance(value, list) else [value] if value is not None else []
        for target in targets:
            other = ref(reference.target, target)
            yield (
                (reference.relation, other, own)
                if reference.points_at_owner
                else (
                    reference.relation,
                    own,
                    other,
                )
            )


def dataset_from_documents(rows: Iterable[tuple[str, str]]) -> Dataset:
    """Rebuild the dataset from ``(collection, doc)`` pairs read in recorded order."""
    collections: dict[str, list[Any]] = {kind.value: [] for kind in EntityKind}
    for collection, doc in rows:
        collections[collection].append(json.loads(doc))
    return Dataset.model_validate(collections)
