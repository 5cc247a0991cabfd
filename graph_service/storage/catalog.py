"""The Cypher catalog: every statement the adapters run, read once from the ``cypher`` package.

Statements live in ``.cypher`` files (one statement per file, as aiosql and metakb keep theirs) so
that they can be read, reviewed and run by hand, and so that the embedded FalkorDB and Neo4j run the
very same text: the files are written in the openCypher subset both accept. Only DDL differs; it
lives in ``cypher/schema/<dialect>/NNN_name.cypher`` and is applied in number order.

Each file starts with a header::

    // name: upsert_regions        (the file stem: what the statement is for)
    // params: $rows               (every $parameter of the body, or "none")
    // what it does and why ...

Adapters name statements through ``Statement`` (never a string) and get ``typing.LiteralString``
back, the type the neo4j driver asks for; the one ``cast`` from file text to ``LiteralString`` is
here. ``cypher/examples/`` holds hand-run examples for people browsing a database, not statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import LiteralString, cast

from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import QueryError

PACKAGE = "cypher"
SCHEMA_DIR = "schema"
EXAMPLES_DIR = "examples"

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# str.format / %-formatting placeholders; Cypher maps ``{id: row.id}`` always hold a colon.
_PLACEHOLDER = re.compile(r"\{\s*[A-Za-z0-9_]*\s*\}|%[sdr(]")
_SCHEMA_NAME = re.compile(r"^(?P<number>\d{3})_[a-z0-9_]+$")


class Statement(StrEnum):
    """Every shared statement, by file stem."""

    UPSERT_REGIONS = "upsert_regions"
    UPSERT_UNITS = "upsert_units"
    UPSERT_LAWS = "upsert_laws"
    UPSERT_PROVISIONS = "upsert_provisions"
    UPSERT_ITEMS = "upsert_items"
    UPSERT_ACTS = "upsert_acts"
    UPSERT_AGREEMENTS = "upsert_agreements"
    UPSERT_PUBLISHED_LISTS = "upsert_published_lists"
    UPSERT_DISPUTES = "upsert_disputes"
    DELETE_RECORDS = "delete_records"
    CLEAR_RECORDS = "clear_records"
    LOAD_RECORDS = "load_records"
    UNLINK_OWNED = "unlink_owned"
    UNLINK_PARENT = "unlink_parent"
    LINK_PARENT_OF = "link_parent_of"
    LINK_WITHIN = "link_within"
    LINK_ADJACENT_TO = "link_adjacent_to"
    LINK_IN_REGION = "link_in_region"
    LINK_PART_OF = "link_part_of"
    LINK_REPORTS_TO = "link_reports_to"
    LINK_SUCCEEDED_BY = "link_succeeded_by"
    LINK_OF_LAW = "link_of_law"
    LINK_BASED_ON = "link_based_on"
    LINK_APPLIES_IN = "link_applies_in"
    LINK_CONCERNS = "link_concerns"
    LINK_FROM = "link_from"
    LINK_TO = "link_to"
    LINK_IN_SCOPE = "link_in_scope"
    LINK_DECIDED_BY = "link_decided_by"
    LINK_ISSUED_BY = "link_issued_by"
    LINK_PARTY = "link_party"
    LINK_COVERS = "link_covers"
    LINK_OF_UNIT = "link_of_unit"
    LINK_LISTS = "link_lists"
    RECORD_CHANGE = "record_change"
    # The change log (cypher/log/):
    CAPTURE_VERSIONS = "capture_versions"
    CAPTURE_ALL_VERSIONS = "capture_all_versions"
    CAPTURE_DELETIONS = "capture_deletions"
    HEAD_REVISION = "head_revision"
    CHANGES_AFTER = "changes_after"
    VERSIONS_OF_CHANGES = "versions_of_changes"
    RECORD_VERSIONS = "record_versions"
    CHANGE_TIMES = "change_times"
    LOG_FORMAT = "log_format"
    SET_LOG_FORMAT = "set_log_format"
    NUMBER_OLD_CHANGES = "number_old_changes"
    BASELINE_VERSIONS = "baseline_versions"
    RECORD_NODES = "record_nodes"
    NEIGHBOURS = "neighbours"
    # Added for the Neo4j adapter (shared files; they run on FalkorDB too):
    LOCK_WRITES = "lock_writes"
    CLEAR_HOLDINGS = "clear_holdings"
    REPLACE_ITEM_HOLDINGS = "replace_item_holdings"
    REPLACE_PAIR_HOLDINGS = "replace_pair_holdings"
    WRITE_HOLDINGS = "write_holdings"
    APPLIED_MIGRATIONS = "applied_migrations"
    RECORD_MIGRATION = "record_migration"
    # API tokens (TokenStore), not records of the authority graph:
    SAVE_TOKEN = "save_token"
    FIND_TOKEN_BY_HASH = "find_token_by_hash"
    LIST_TOKENS = "list_tokens"
    REVOKE_TOKEN = "revoke_token"
    TOUCH_TOKEN = "touch_token"


class Dialect(StrEnum):
    """Databases whose DDL differs; everything else is shared."""

    FALKORDB = "falkordb"
    NEO4J = "neo4j"


UPSERT_BY_KIND: Mapping[EntityKind, Statement] = MappingProxyType(
    {
        EntityKind.REGION: Statement.UPSERT_REGIONS,
        EntityKind.UNIT: Statement.UPSERT_UNITS,
        EntityKind.LAW: Statement.UPSERT_LAWS,
        EntityKind.PROVISION: Statement.UPSERT_PROVISIONS,
        EntityKind.ITEM: Statement.UPSERT_ITEMS,
        EntityKind.ACT: Statement.UPSERT_ACTS,
        EntityKind.AGREEMENT: Statement.UPSERT_AGREEMENTS,
        EntityKind.PUBLISHED_LIST: Statement.UPSERT_PUBLISHED_LISTS,
        EntityKind.DISPUTE: Statement.UPSERT_DISPUTES,
    }
)


@dataclass(frozen=True, slots=True)
class Cypher:
    """One parsed file: the statement text and what its header declares."""

    name: str
    path: str  # relative to the ``cypher`` package, e.g. "records/upsert_regions.cypher"
    text: LiteralString
    params: frozenset[str]
    description: str


def statement(which: Statement) -> Cypher:
    """The parsed file of one shared statement."""
    return _statements()[which]


def schema(dialect: Dialect) -> tuple[Cypher, ...]:
    """The DDL of ``dialect`` in number order (empty if the dialect ships none)."""
    return _schemas().get(dialect, ())


def shipped_files() -> list[str]:
    """Every ``.cypher`` file the catalog is responsible for (all but ``examples/``)."""
    return sorted(path for path, _ in _walk(files(PACKAGE), ""))


def parse(path: str, source: str) -> Cypher:
    """Parse one file; ``QueryError`` names the file and what is wrong with it."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".cypher")
    header: list[str] = []
    body: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if not body and stripped.startswith("//"):
            header.append(stripped[2:].strip())
        elif stripped:
            body.append(line.rstrip())
    fields = {k.strip(): v.strip() for k, _, v in (h.partition(":") for h in header[:2])}
    if fields.get("name") != stem:
        raise QueryError(f"cypher/{path}: the first line must be '// name: {stem}'")
    declared_text = fields.get("params", "none")
    declared = frozenset(_PARAM.findall(declared_text)) if declared_text != "none" else frozenset()
    text = "\n".join(body).removesuffix(";").strip()
    used = frozenset(_PARAM.findall(text))
    if not text:
        raise QueryError(f"cypher/{path}: holds no statement")
    if declared != used:
        raise QueryError(f"cypher/{path}: declares {sorted(declared)} but uses {sorted(used)}")
    if _PLACEHOLDER.search(text):
        raise QueryError(f"cypher/{path}: holds a string-formatting placeholder")
    description = " ".join(h for h in header if not h.startswith(("name:", "params:")))
    # The one cast: the text comes from a file we ship, never from request input. (mypy treats
    # LiteralString as str and calls the cast redundant; the neo4j driver's checker does not.)
    literal = cast(LiteralString, text)  # type: ignore[redundant-cast]
    return Cypher(stem, path, literal, declared, description)


@cache
def _loaded() -> Mapping[str, Cypher]:
    return MappingProxyType(
        {
            path: parse(path, entry.read_text(encoding="utf-8"))
            for path, entry in _walk(files(PACKAGE), "")
        }
    )


@cache
def _statements() -> Mapping[Statement, Cypher]:
    by_name: dict[str, Cypher] = {}
    for path, parsed in _loaded().items():
        if path.startswith(SCHEMA_DIR + "/"):
            continue
        if parsed.name in by_name:
            raise QueryError(f"cypher/{path}: name '{parsed.name}' is used twice")
        by_name[parsed.name] = parsed
    names = {member.value for member in Statement}
    if unknown := sorted(set(by_name) - names):
        raise QueryError(f"cypher files without a Statement member: {unknown}")
    if missing := sorted(names - set(by_name)):
        raise QueryError(f"Statement members without a cypher file: {missing}")
    return MappingProxyType({member: by_name[member.value] for member in Statement})


@cache
def _schemas() -> Mapping[Dialect, tuple[Cypher, ...]]:
    out: dict[Dialect, tuple[Cypher, ...]] = {}
    for dialect in Dialect:
        prefix = f"{SCHEMA_DIR}/{dialect.value}/"
        parsed = sorted(
            (c for path, c in _loaded().items() if path.startswith(prefix)), key=lambda c: c.name
        )
        for expected, ddl in enumerate(parsed, start=1):
            match = _SCHEMA_NAME.match(ddl.name)
            if match is None or int(match["number"]) != expected:
                raise QueryError(f"cypher/{ddl.path}: DDL files are numbered 001, 002, … in order")
        out[dialect] = tuple(parsed)
    return MappingProxyType(out)


def _walk(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            if relative != EXAMPLES_DIR and not entry.name.startswith(("_", ".")):
                found += _walk(entry, relative + "/")
        elif entry.name.endswith(".cypher"):
            found.append((relative, entry))
    return found
