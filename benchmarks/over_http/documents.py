"""What the HTTP benchmark asks: the small jurisdiction question, the power list, a persisted id.

The power list is asked as the schema allows: paged (issue 15) when there is a ``powerListPage``
field, or ``powerList`` takes ``first``: the first page of 200, then every page; otherwise the
whole list in one answer. The schema is
read by introspection from the served process, so the benchmark runs before and after paging
lands and says which it measured. Likewise the cache-hit figure needs persisted documents: a
``jurisdiction`` document from the manifest the package ships (``graph_service/api/persisted``),
when there is one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from graphql import OperationDefinitionNode, parse

JURISDICTION = """query Ask($item: String!, $place: String!, $at: Date) {
  jurisdiction(item: $item, place: $place, at: $at) {
    status
    holders { unit { name } role mode }
  }
}"""
ASK = {"item": "SEED-CF-014", "place": "110115001000", "at": "2020-07-01"}

ENTRY = """
    item { code name category }
    role mode
    scopes { code name kind }
    validFrom validTo acts
    basis { provision law lawTitle article text inForce }
    carvedOut { code name kind }
    illustrative
"""
PAGE_SIZE = 200

INTROSPECT = """{
  __schema { queryType { fields { name args { name } type { ...T } } } }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
"""
TYPE_FIELDS = """query Fields($name: String!) {
  __type(name: $name) { fields { name type { ...T } } }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
"""


@dataclass(frozen=True, slots=True)
class PowerListQuery:
    """How the power list is asked: a document, its variables, and how to find the next page."""

    document: str
    paged: bool
    describe: str
    rows_path: tuple[str, ...]  # from the root field's value to the list of entries
    cursor_path: tuple[str, ...] | None = None  # to the cursor of the next page
    more_path: tuple[str, ...] | None = None  # to hasNextPage
    root: str = "powerList"

    def variables(self, unit: str, at: str, after: str | None = None) -> dict[str, Any]:
        found: dict[str, Any] = {"unit": unit, "at": at}
        if self.paged:
            found["first"] = PAGE_SIZE
            found["after"] = after
        return found


def named(type_ref: dict[str, Any]) -> tuple[str, bool]:
    """The named type under non-null/list wrappers, and whether a list wraps it."""
    is_list = False
    while type_ref.get("ofType") is not None and type_ref["kind"] in ("NON_NULL", "LIST"):
        is_list = is_list or type_ref["kind"] == "LIST"
        type_ref = type_ref["ofType"]
    return str(type_ref["name"]), is_list or type_ref["kind"] == "LIST"


def whole_list() -> PowerListQuery:
    """``powerList``: the whole list in one answer."""
    return PowerListQuery(
        "query PowerList($unit: String!, $at: Date) { powerList(unit: $unit, at: $at) {"
        + ENTRY
        + "} }",
        paged=False,
        describe="no paged power list in the schema: the whole list in one answer",
        rows_path=(),
    )


def power_list_query(ask: Any) -> PowerListQuery:
    """The query for the schema ``ask(document, variables) -> data`` describes."""
    fields = {f["name"]: f for f in ask(INTROSPECT, {})["__schema"]["queryType"]["fields"]}
    whole = whole_list()
    root = next(
        (
            name
            for name in ("powerListPage", "powerList")
            if name in fields and "first" in {a["name"] for a in fields[name]["args"]}
        ),
        None,
    )
    if root is None:
        return whole
    type_name, is_list = named(fields[root]["type"])
    header = (
        "query PowerList($unit: String!, $at: Date, $first: Int!, $after: String) "
        f"{{ {root}(unit: $unit, at: $at, first: $first, after: $after) {{"
    )
    if is_list:
        return PowerListQuery(
            header + ENTRY + "} }", True, f"{root}(first, after) returns a list", (), root=root
        )
    inner = {f["name"]: f for f in ask(TYPE_FIELDS, {"name": type_name})["__type"]["fields"]}
    if "edges" in inner:
        rows, selection = ("edges",), "edges { node {" + ENTRY + "} }"
        edge_type, _ = named(inner["edges"]["type"])
        edge = {f["name"] for f in ask(TYPE_FIELDS, {"name": edge_type})["__type"]["fields"]}
        if "node" not in edge:
            return whole
    else:
        listed = [n for n in ("nodes", "items", "entries") if n in inner]
        if not listed:
            return whole
        rows, selection = (listed[0],), listed[0] + " {" + ENTRY + "}"
    cursor: tuple[str, ...]
    more: tuple[str, ...]
    if "pageInfo" in inner:
        cursor, more = ("pageInfo", "endCursor"), ("pageInfo", "hasNextPage")
        selection += " pageInfo { hasNextPage endCursor }"
    elif "endCursor" in inner and "hasNextPage" in inner:
        cursor, more = ("endCursor",), ("hasNextPage",)
        selection += " hasNextPage endCursor"
    else:
        return whole
    return PowerListQuery(
        header + selection + "} }",
        True,
        f"{root}(first: {PAGE_SIZE}, after) → {type_name}: first page, then every page",
        rows,
        cursor,
        more,
        root,
    )


def dig(value: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        value = value[name]
    return value


@dataclass(frozen=True, slots=True)
class Persisted:
    document_id: str
    variables: dict[str, Any]


def persisted_jurisdiction() -> Persisted | str:
    """A registered ``jurisdiction`` query answerable with ``ASK``, or why there is none."""
    try:
        folder = resources.files("graph_service.api").joinpath("persisted")
        manifests = [f for f in folder.iterdir() if f.name.endswith(".json")]
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return "no persisted-document manifest in the package (graph_service/api/persisted)"
    for manifest in manifests:
        documents: dict[str, str] = json.loads(manifest.read_text(encoding="utf-8"))
        for key, text in sorted(documents.items()):
            found = _answerable(text)
            if found is not None:
                digest = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
                return Persisted(key if key.startswith("sha256:") else digest, found)
    return "no registered query asks only jurisdiction with (item, place, at)"


def _answerable(text: str) -> dict[str, Any] | None:
    """Variables from ``ASK`` for a query whose only root field is ``jurisdiction``."""
    try:
        document = parse(text)
    except Exception:  # a manifest entry we cannot parse is simply not used
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation.value != "query":
        return None
    [operation] = operations
    roots = [getattr(s, "name", None) for s in operation.selection_set.selections]
    if [r.value for r in roots if r is not None] != ["jurisdiction"]:
        return None
    variables: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        required = definition.type.kind == "non_null_type" and definition.default_value is None
        if name in ASK:
            variables[name] = ASK[name]
        elif required:
            return None
    return variables
