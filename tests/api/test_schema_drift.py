"""The committed schema.graphql is the schema the app serves, and the client's operations fit it."""

from __future__ import annotations

from pathlib import Path

import pytest
from authority_graph_client import operations, workflow
from graphql import build_schema as build_sdl
from graphql import parse, validate

from graph_service.api import schema_sdl

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_schema_matches_the_served_schema() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    assert committed == schema_sdl(), (
        "schema.graphql is out of date with the GraphQL API: run `make schema` "
        "(graph-service export-schema) and commit the result"
    )


@pytest.mark.parametrize(
    "operation", operations.ALL + workflow.ALL, ids=lambda op: op.split("(")[0].strip()
)
def test_client_operation_is_valid_against_the_committed_schema(operation: str) -> None:
    schema = build_sdl(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert validate(schema, parse(operation)) == []
