"""The Cypher catalog: every shipped file is a catalog entry and every entry has a file."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import QueryError
from graph_service.storage import catalog
from graph_service.storage.catalog import Dialect, Statement
from graph_service.storage.layout import LINK_BY_RELATION, Relation

PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _declared(source: str) -> set[str]:
    line = next(ln for ln in source.splitlines() if ln.startswith("// params:"))
    return set(PARAM.findall(line))


def test_every_file_is_a_statement_or_ddl_and_every_statement_has_a_file() -> None:
    shipped = set(catalog.shipped_files())
    statements = {catalog.statement(s).path for s in Statement}
    ddl = {c.path for d in Dialect for c in catalog.schema(d)}

    assert shipped == statements | ddl
    assert not statements & ddl
    assert len(statements) == len(Statement)
    assert any(p.startswith("schema/falkordb/") for p in ddl)


def test_declared_params_equal_the_params_in_the_body() -> None:
    root = files("cypher")
    for path in catalog.shipped_files():
        source = root.joinpath(*path.split("/")).read_text(encoding="utf-8")
        body = "\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith("//"))
        if "// params:" in source:
            assert _declared(source) == set(PARAM.findall(body)), path
        else:
            assert not PARAM.findall(body), path


def test_no_file_holds_a_formatting_placeholder() -> None:
    placeholder = re.compile(r"\{\s*[A-Za-z0-9_]*\s*\}|%[sdr(]|\{\{")
    root = files("cypher")
    for path in catalog.shipped_files():
        source = root.joinpath(*path.split("/")).read_text(encoding="utf-8")
        assert not placeholder.search(source), path


def test_header_names_the_file_and_says_what_it_does() -> None:
    for which in Statement:
        parsed = catalog.statement(which)
        assert parsed.name == which.value == parsed.path.rsplit("/", 1)[1].removesuffix(".cypher")
        assert parsed.description


def test_ddl_is_numbered_in_order() -> None:
    for dialect in Dialect:
        numbers = [int(c.name[:3]) for c in catalog.schema(dialect)]
        assert numbers == list(range(1, len(numbers) + 1))


def test_every_collection_and_relation_has_its_statement() -> None:
    assert set(catalog.UPSERT_BY_KIND) == set(EntityKind)
    assert set(LINK_BY_RELATION) == set(Relation)
    for relation, which in LINK_BY_RELATION.items():
        assert f"[:{relation.value}]" in catalog.statement(which).text


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("// name: other\n// params: none\n// x\nRETURN 1", "must be '// name: bad'"),
        ("// name: bad\n// params: $a\n// x\nRETURN $b", "declares"),
        ("// name: bad\n// params: none\n// x\nRETURN '{}'", "placeholder"),
        ("// name: bad\n// params: none\n// x\n", "no statement"),
    ],
)
def test_malformed_files_are_refused(source: str, reason: str) -> None:
    with pytest.raises(QueryError, match=re.escape(reason)):
        catalog.parse("records/bad.cypher", source)


def test_parse_returns_the_text_without_the_header() -> None:
    parsed = catalog.parse(
        "x/ok.cypher", "// name: ok\n// params: $id\n// finds one\nMATCH (n {id: $id})\nRETURN n;\n"
    )
    assert parsed.text == "MATCH (n {id: $id})\nRETURN n"
    assert parsed.params == {"id"}
    assert parsed.description == "finds one"
