"""The execution plan against graphql-core's own per-request work.

Variables coerced with the kept signatures must give exactly what graphql-core's
``get_variable_values`` gives (the values, their sources, or the same errors) for any input;
selections are kept across requests only for a document whose selections cannot depend on the
request, and executing from the plan gives graphql-core's answer.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from graphql import (
    ExecutionResult,
    GraphQLSchema,
    OperationDefinitionNode,
    execute,
    get_operation_ast,
    parse,
)
from graphql.execution.values import get_variable_values
from hypothesis import given, settings
from hypothesis import strategies as st
from strawberry.execution import optimized_is_awaitable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from graph_service.api.execution_plan import ExecutionPlan, plan_execution, start
from graph_service.api.limits import RequestLimits
from graph_service.api.schema import build_schema

SCHEMA: GraphQLSchema = build_schema(RequestLimits())._schema

VARIABLES = (
    "query Kinds($s: String!, $d: Date, $n: Int = 3, $b: Boolean! = true, $l: [String!], "
    '$f: FindingFilter, $g: FindingFilter = {kinds: [GAP]}, $e: Date! = "2020-01-01") '
    "{ __typename }"
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False)
    | st.sampled_from(["2020-02-29", "2020-02-30", "GAP", "OVERLAP", "x", ""]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["kinds", "item", "colour", "severities"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
days = st.dates().map(lambda day: day.isoformat())
filters = st.fixed_dictionaries(
    {}, optional={"kinds": st.lists(st.sampled_from(["GAP", "OVERLAP"])), "item": st.text()}
)
VALID = {
    "s": st.text(),
    "d": days | st.none(),
    "n": st.integers(-(2**31), 2**31 - 1) | st.none(),
    "b": st.booleans(),
    "l": st.lists(st.text(max_size=3), max_size=3) | st.none(),
    "f": filters | st.none(),
    "g": filters,
    "e": days,
}
inputs = st.fixed_dictionaries(
    {},
    optional={
        **{name: valid | valid | json_values for name, valid in VALID.items()},
        "x": json_values,
    },
)


def plan_of(text: str) -> tuple[ExecutionPlan, OperationDefinitionNode]:
    document = parse(text)
    operation = get_operation_ast(document)
    assert operation is not None
    plan = plan_execution(SCHEMA, document, operation)
    assert plan is not None
    return plan, operation


def described(found: Any) -> Any:
    """Errors by message; values with their sources' signatures by name, type and default (the
    wrapping types of a signature are made afresh by each call, and compare by identity)."""
    if isinstance(found, list):
        return [error.message for error in found]
    sources = {
        name: (str(s.signature.type), s.signature.default, s.value)
        for name, s in found.sources.items()
    }
    return sources, found.coerced


@settings(max_examples=400, deadline=None)
@given(inputs)
def test_variables_coerced_from_the_plan_are_graphql_cores(inputs: dict[str, Any]) -> None:
    plan, operation = plan_of(VARIABLES)
    ours = plan.coerce(SCHEMA, inputs)
    theirs = get_variable_values(
        SCHEMA, operation.variable_definitions or (), inputs, max_errors=50
    )
    assert described(ours) == described(theirs)


@pytest.mark.parametrize(
    ("text", "static"),
    [
        ('{ searchItems(text: "烟") { key name } }', True),
        ('query { ...F } fragment F on Query { searchItems(text: "x") { key } }', True),
        ('query ($b: Boolean!) { searchItems(text: "x") @include(if: $b) { key } }', False),
        ('{ searchItems(text: "x") { key @skip(if: false) } }', False),
        ('{ searchItems(text: "x") { ... on SearchHit @include(if: true) { key } } }', False),
    ],
)
def test_only_a_document_without_directives_keeps_its_selections(text: str, static: bool) -> None:
    plan, _ = plan_of(text)
    assert plan.static is static


def test_a_fragment_with_variables_gets_no_plan() -> None:
    document = parse(
        "query { ...F(n: 1) } fragment F($n: Int) on Query { __typename }",
        experimental_fragment_arguments=True,
    )
    operation = get_operation_ast(document)
    assert operation is not None
    assert plan_execution(SCHEMA, document, operation) is None


def run(result: Any) -> ExecutionResult:
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    assert isinstance(result, ExecutionResult)
    return result


@pytest.mark.parametrize(
    "text",
    [
        "{ __schema { queryType { name fields { name type { name kind } } } } }",
        '{ __type(name: "Holder") { fields { name } } a: __type(name: "Status") '
        "{ enumValues { name } } }",
    ],
)
def test_executing_from_the_plan_gives_graphql_cores_answer_and_keeps_the_selections(
    text: str,
) -> None:
    plan, _ = plan_of(text)
    expected = run(
        execute(
            SCHEMA,
            parse(text),
            is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
            executor_class=StrawberryGraphQLCoreExecutionContext,
        )
    )
    first = start(plan, SCHEMA, None, None, None)
    assert not isinstance(first, list)
    assert run(first.execute_operation()) == expected
    kept = dict(plan.subfields)
    assert kept, "the selections of a static document are kept"
    again = start(plan, SCHEMA, None, None, None)
    assert not isinstance(again, list)
    assert run(again.execute_operation()) == expected
    assert plan.subfields == kept, "a second request collects nothing again"
