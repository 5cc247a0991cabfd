"""The dataset document ``authority-graph/1`` and the checks that need the whole graph.

A dataset is both the file format users load and the unit the storage port moves. Loading is all or
nothing, so every problem is collected (not just the first) with a row-precise path such as
``acts[12].from``, and ``Dataset.merged`` lets an upsert be checked against what is already stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import networkx as nx
import pydantic
from pydantic import BaseModel, ConfigDict, Field

from .enums import EntityKind
from .errors import Problem, ValidationError
from .models import (
    Act,
    Agreement,
    Dispute,
    Law,
    PowerItem,
    Provision,
    PublishedList,
    Record,
    Region,
    Unit,
)

FORMAT: Literal["authority-graph/1"] = "authority-graph/1"


class Dataset(BaseModel):
    """One ``authority-graph/1`` document: every collection is a list of records."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    format: Literal["authority-graph/1"] = Field(default=FORMAT, alias="$format")
    regions: list[Region] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    laws: list[Law] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    items: list[PowerItem] = Field(default_factory=list)
    acts: list[Act] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    published_lists: list[PublishedList] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list)

    def collection(self, kind: EntityKind) -> list[Record]:
        records: list[Record] = getattr(self, kind.value)
        return records

    def records(self) -> Iterator[tuple[EntityKind, Record]]:
        for kind in EntityKind:
            for record in self.collection(kind):
                yield kind, record

    def size(self) -> int:
        return sum(len(self.collection(kind)) for kind in EntityKind)

    def merged(self, newer: Dataset) -> Dataset:
        """This dataset with ``newer``'s records upserted by key (newer wins, order kept)."""
        out: dict[str, Any] = {}
        for kind in EntityKind:
            by_key: dict[str, Record] = {r.key: r for r in self.collection(kind)}
            for record in newer.collection(kind):
                by_key[record.key] = record
            out[kind.value] = list(by_key.values())
        return Dataset.model_construct(**out)  # every record was validated already

    def without(self, keys: Mapping[EntityKind, Iterable[str]]) -> Dataset:
        """This dataset less the records named in ``keys``."""
        out: dict[str, Any] = {}
        for kind in EntityKind:
            gone = set(keys.get(kind, ()))
            out[kind.value] = [r for r in self.collection(kind) if r.key not in gone]
        return Dataset.model_construct(**out)  # every record was validated already

    def to_document(self) -> dict[str, Any]:
        """The JSON-ready document, with the aliases the file format uses (``from``)."""
        doc: dict[str, Any] = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        doc["$format"] = FORMAT
        return doc


def parse_document(document: object) -> Dataset:
    """Validate a parsed JSON/YAML document; raise ``ValidationError`` with every problem."""
    if not isinstance(document, dict):
        raise ValidationError([Problem("", "a dataset must be a mapping of collections")])
    try:
        return Dataset.model_validate(document)
    except pydantic.ValidationError as exc:
        raise ValidationError(
            [Problem(_path(err["loc"]), err["msg"]) for err in exc.errors()],
            "dataset is not valid",
        ) from None


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in {"function-after", "function-before"} or str(part).startswith(
            ("function-", "literal[")
        ):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


ByKey = Mapping[EntityKind, Mapping[str, Record]]
"""Stored records by collection and key (the engine keeps them so: a write is checked against
them without building anything the size of the whole graph)."""


def check_dataset(incoming: Dataset, stored: Dataset | ByKey | None = None) -> list[Problem]:
    """Problems of ``incoming`` once upserted over ``stored``; paths point into ``incoming``."""
    if isinstance(stored, Dataset):
        stored = {kind: {r.key: r for r in stored.collection(kind)} for kind in EntityKind}
    by_key: ByKey = stored or {}
    problems: list[Problem] = []
    problems += _duplicates(incoming)
    problems += _references(incoming, by_key)
    if incoming.regions or incoming.units:  # only they can close a cycle
        problems += _cycles(incoming, _structure(incoming, by_key))
    return problems


def _structure(incoming: Dataset, stored: ByKey) -> Dataset:
    """The regions and units as they will be, in ``Dataset.merged``'s order."""
    out: dict[str, Any] = {}
    for kind in (EntityKind.REGION, EntityKind.UNIT):
        records = dict(stored.get(kind, {}))
        records.update((r.key, r) for r in incoming.collection(kind))
        out[kind.value] = list(records.values())
    return Dataset.model_construct(**out)


def validate_dataset(incoming: Dataset, stored: Dataset | None = None) -> None:
    problems = check_dataset(incoming, stored)
    if problems:
        raise ValidationError(problems, "dataset is not valid")


def _duplicates(ds: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for kind in EntityKind:
        seen: dict[str, int] = {}
        for i, record in enumerate(ds.collection(kind)):
            if record.key in seen:
                problems.append(
                    Problem(
                        f"{kind.value}[{i}]",
                        f"duplicate key '{record.key}' (first at {kind.value}[{seen[record.key]}])",
                    )
                )
            else:
                seen[record.key] = i
    return problems


def _references(incoming: Dataset, stored: ByKey) -> list[Problem]:
    keys = {kind: {r.key for r in incoming.collection(kind)} for kind in EntityKind}
    problems: list[Problem] = []

    def need(path: str, kind: EntityKind, noun: str, value: str | None) -> None:
        if value is not None and value not in keys[kind] and value not in stored.get(kind, {}):
            problems.append(Problem(path, f"unknown {noun} '{value}'"))

    def need_all(path: str, kind: EntityKind, noun: str, values: list[str]) -> None:
        for j, value in enumerate(values):
            need(f"{path}[{j}]", kind, noun, value)

    R, U, L, P, IT = (  # noqa: N806 - short local aliases keep the table below readable
        EntityKind.REGION,
        EntityKind.UNIT,
        EntityKind.LAW,
        EntityKind.PROVISION,
        EntityKind.ITEM,
    )
    for i, region in enumerate(incoming.regions):
        at = f"regions[{i}]"
        need(f"{at}.parent", R, "region", region.parent)
        need_all(f"{at}.within", R, "region", region.within)
        need_all(f"{at}.adjacent", R, "region", region.adjacent)
    for i, unit in enumerate(incoming.units):
        at = f"units[{i}]"
        need(f"{at}.region", R, "region", unit.region)
        need(f"{at}.parent", U, "unit", unit.parent)
        need(f"{at}.superior", U, "unit", unit.superior)
        need(f"{at}.successor", U, "unit", unit.successor)
    for i, provision in enumerate(incoming.provisions):
        need(f"provisions[{i}].law", L, "law", provision.law)
    for i, item in enumerate(incoming.items):
        need_all(f"items[{i}].basis", P, "provision", item.basis)
        need_all(f"items[{i}].applies_in", R, "region", item.applies_in)
    for i, act in enumerate(incoming.acts):
        at = f"acts[{i}]"
        need(f"{at}.doc", L, "law", act.doc)
        need_all(f"{at}.basis", P, "provision", act.basis)
        need(f"{at}.issuer", U, "unit", act.issuer)
        need_all(f"{at}.items", IT, "item", act.items)
        need(f"{at}.from", U, "unit", act.from_unit)
        need_all(f"{at}.to", U, "unit", act.to)
        need_all(f"{at}.scope", R, "region", act.scope)
    for i, agreement in enumerate(incoming.agreements):
        need_all(f"agreements[{i}].parties", U, "unit", agreement.parties)
        need_all(f"agreements[{i}].items", IT, "item", agreement.items)
    for i, published in enumerate(incoming.published_lists):
        need(f"published_lists[{i}].unit", U, "unit", published.unit)
        need_all(f"published_lists[{i}].items", IT, "item", published.items)
    for i, dispute in enumerate(incoming.disputes):
        at = f"disputes[{i}]"
        need_all(f"{at}.parties", U, "unit", dispute.parties)
        need_all(f"{at}.items", IT, "item", dispute.items)
        need_all(f"{at}.places", R, "region", dispute.places)
        need_all(f"{at}.designated", U, "unit", dispute.designated)
        need(f"{at}.decision_act", EntityKind.ACT, "act", dispute.decision_act)
    return problems


def _cycles(incoming: Dataset, whole: Dataset) -> list[Problem]:
    """One problem per cycle of ``parent``, ``within``, ``superior`` or ``successor`` links.

    A cycle is reported at the first of its records in ``incoming`` (the stored graph has none,
    so every cycle runs through an incoming record), so that the path names the file's own index.
    """
    problems: list[Problem] = []
    links: list[tuple[EntityKind, str, dict[str, list[str]]]] = [
        (EntityKind.REGION, "parent", {r.code: _some(r.parent) for r in whole.regions}),
        (EntityKind.REGION, "within", {r.code: list(r.within) for r in whole.regions}),
        (EntityKind.UNIT, "parent", {u.id: _some(u.parent) for u in whole.units}),
        (EntityKind.UNIT, "superior", {u.id: _some(u.superior) for u in whole.units}),
        (EntityKind.UNIT, "successor", {u.id: _some(u.successor) for u in whole.units}),
    ]
    for kind, field, link in links:
        order = {record.key: i for i, record in enumerate(incoming.collection(kind))}
        graph: nx.DiGraph[str] = nx.DiGraph(
            (key, target) for key, targets in link.items() for target in targets
        )
        for component in nx.strongly_connected_components(graph):
            first = min(component, key=lambda key: (key not in order, order.get(key, 0), key))
            if len(component) == 1 and not graph.has_edge(first, first):
                continue
            loop = [first]
            node = first
            while True:  # follow links inside the component back to the first record
                node = min(t for t in graph.successors(node) if t in component)
                if node == first or node in loop:
                    break
                loop.append(node)
            at = f"{kind.value}[{order[first]}].{field}" if first in order else kind.value
            problems.append(Problem(at, "cycle: " + " -> ".join([*loop, node])))
    return problems


def _some(key: str | None) -> list[str]:
    return [] if key is None else [key]


_NOUNS = {
    EntityKind.REGION: "region",
    EntityKind.UNIT: "unit",
    EntityKind.LAW: "law",
    EntityKind.PROVISION: "provision",
    EntityKind.ITEM: "item",
}


def referrers(dataset: Dataset, kind: EntityKind, key: str) -> list[str]:
    """The records (``acts/d-1``) that refer to ``kind``/``key``: those whose references would
    dangle once it is deleted (the same reference table ``check_dataset`` checks)."""
    noun = _NOUNS.get(kind)
    if noun is None:  # acts, agreements and published lists are referred to by nothing
        return []
    remaining = dataset.without({kind: [key]})
    found: list[str] = []
    for problem in _references(remaining, {}):  # its own keys are every key there is
        if problem.message != f"unknown {noun} '{key}'":
            continue
        collection, _, rest = problem.path.partition("[")
        index = int(rest.split("]", 1)[0])
        record = remaining.collection(EntityKind(collection))[index]
        found.append(f"{collection}/{record.key}")
    return list(dict.fromkeys(found))
