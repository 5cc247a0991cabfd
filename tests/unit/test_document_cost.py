"""The document measure: figures of the expanded document, computed without expanding it."""

from __future__ import annotations

import time

from graphql import parse

from graph_service.api.document_cost import CAP, measure


def test_depth_aliases_and_fields_of_a_plain_query() -> None:
    cost = measure(parse("{ a: jurisdiction { status holders { unit { name } } } b: findings }"))
    assert (cost.depth, cost.aliases, cost.fields) == (4, 2, 6)
    assert cost.overlaps == 0


def test_fragments_count_once_per_spread() -> None:
    document = parse("fragment U on Unit { x: name y: name } { a { ...U } b { ...U } c { ...U } }")
    cost = measure(document)
    assert cost.aliases == 6
    assert cost.fields == 3 + 6
    assert cost.depth == 2


def test_a_fragment_bomb_is_measured_in_linear_time() -> None:
    lines = ["fragment F0 on Query { __typename }"]
    lines += [f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 200)]
    document = parse("\n".join([*lines, "{ ...F199 }"]))
    started = time.perf_counter()
    cost = measure(document)
    assert time.perf_counter() - started < 0.5
    assert cost.fields == CAP  # 2**199 saturates
    assert cost.overlaps == 0  # not expanded to count them


def test_introspection_depth_is_counted_as_nested_lists() -> None:
    cost = measure(parse("{ __schema { types { fields { args { type { ofType { name } } } } } } }"))
    assert cost.depth == 0
    assert cost.introspection_lists == 3


def test_repeated_fields_are_counted_as_pairs() -> None:
    cost = measure(parse("{ a { x } a { x } a { x } }"))
    assert cost.overlaps == 3 + 3  # three a's, then three x's merged below them


def test_a_cycle_is_named() -> None:
    cost = measure(parse("fragment A on Q { ...B } fragment B on Q { ...A } { ...A }"))
    assert cost.cycle in {"A", "B"}


def test_only_the_chosen_operation_is_measured() -> None:
    document = parse("query Small { a } query Big { a b c d }")
    assert measure(document, "Small").fields == 1
    assert measure(document).fields == 5
