"""Selection sets that ask for every field of a type, built from the committed ``schema.graphql``.

A comparison of two servers' answers is only as wide as the question; asking for every field
(nested to a fixed depth, unions through inline fragments, each object
with its ``__typename``) means a field added to the schema is
compared too, without anyone remembering to list it.
"""

from __future__ import annotations

from functools import cache

from graphql import (
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    get_named_type,
    is_leaf_type,
)

from .procs import REPO

DEPTH = 6


@cache
def schema() -> GraphQLSchema:
    return build_schema((REPO / "schema.graphql").read_text(encoding="utf-8"))


def everything(type_name: str, depth: int = DEPTH) -> str:
    """``{ … }`` selecting every field of ``type_name`` reachable within ``depth`` levels."""
    named = schema().get_type(type_name)
    assert named is not None, f"no type {type_name} in schema.graphql"
    selected = _selection(named, depth)
    assert selected, f"{type_name} has nothing to select"
    return selected


def _selection(named: GraphQLNamedType, depth: int) -> str:
    if isinstance(named, GraphQLUnionType):
        parts = [f"... on {member.name} {_selection(member, depth)}" for member in named.types]
        return "{ __typename " + " ".join(parts) + " }"
    assert isinstance(named, GraphQLObjectType), named
    fields: list[str] = ["__typename"]
    for name, field in named.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue  # needs arguments: not part of "everything"
        sub = _field(field.type, depth - 1)
        if sub is not None:
            fields.append(f"{name} {sub}".rstrip())
    return "{ " + " ".join(fields) + " }" if len(fields) > 1 else ""


def _field(type_: GraphQLOutputType, depth: int) -> str | None:
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    if depth <= 0:
        return None
    return _selection(named, depth) or None
