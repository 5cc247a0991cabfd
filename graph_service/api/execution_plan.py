"""What graphql-core works out afresh for every request of a prepared query, worked out once.

For a small query most of graphql-core's time is not spent resolving fields but on work that
depends only on the document: finding the operation and its fragments, the signatures of the
operation's variables (``get_variable_signature``: type lookups per variable), and, for every
object in the answer, which of its fields the query selects (``collect_subfields``, memoized only
within one request). Together that was about a sixth of a ``jurisdiction`` question's time in
process (issue 15). ``ExecutionPlan`` keeps it with the prepared document (``prepared.py``) and
``PlannedExecutor`` — strawberry's execution context, unchanged but for two shortcuts — uses it:

- **Variables** are coerced with the kept signatures, value by value with graphql-core's own
  ``coerce_input_value``, exactly as ``coerce_variable_values`` does. Anything off the plain
  path — a value missing where a default applies, a value that does not coerce, one nested too
  deeply — goes to graphql-core's ``get_variable_values``, which gives its usual answer and
  errors.
- **Selections** are collected once per (object type, field group) for the life of the document,
  when the collection cannot depend on the request: no directive anywhere in the document's
  selections (``@skip``/``@include`` may read variables) and no fragment variables (``static``).
  Otherwise collection stays per request, as graphql-core does it. The kept groups are keyed by
  the identity of the document's field nodes, which live as long as the document and its plan.

The executor is built directly (``start``), skipping ``Executor.build``'s per-request search for
the operation and its fragments, runs ``execute_operation`` as ``graphql.execute`` would, and is
freed by reference counting as soon as it is done (``PlannedExecutor.run``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from inspect import isawaitable
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    Visitor,
    default_field_resolver,
    default_type_resolver,
    visit,
)
from graphql.execution.collect_fields import CollectedFields, FieldDetailsList, FragmentDetails
from graphql.execution.get_variable_signature import (
    GraphQLVariableSignature,
    get_variable_signature,
)
from graphql.execution.values import (
    VariableValues,
    VariableValueSource,
    get_variable_values,
    input_is_nested_too_deeply,
)
from graphql.language import VariableDefinitionNode
from graphql.pyutils import Undefined
from graphql.type import is_non_null_type
from graphql.utilities.coerce_input_value import coerce_input_value
from strawberry.execution import optimized_is_awaitable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

__all__ = ["ExecutionPlan", "PlannedExecutor", "plan_execution", "start"]

MAX_COERCION_ERRORS = 50  # graphql-core's default, as ``graphql.execute`` passes it

_Fields = tuple[GraphQLObjectType, tuple[int, ...]]


@dataclass(slots=True, eq=False)
class ExecutionPlan:
    """The request-independent part of executing one prepared operation."""

    operation: OperationDefinitionNode
    fragment_definitions: dict[str, FragmentDefinitionNode]
    fragments: dict[str, FragmentDetails]
    variables: tuple[tuple[VariableDefinitionNode, GraphQLVariableSignature], ...]
    static: bool  # selections do not depend on the request (module docstring)
    subfields: dict[_Fields, CollectedFields] = field(default_factory=dict)

    def coerce(
        self, schema: GraphQLSchema, inputs: dict[str, Any]
    ) -> VariableValues | list[GraphQLError]:
        """The coerced variables, or graphql-core's errors, as ``Executor.build`` gets them."""
        sources: dict[str, VariableValueSource] = {}
        coerced: dict[str, Any] = {}
        for node, signature in self.variables:
            name, kind = signature.name, signature.type
            value = inputs.get(name, Undefined)
            if value is Undefined:
                if node.default_value or is_non_null_type(kind):
                    return self._coerce_slowly(schema, inputs)
                sources[name] = VariableValueSource(signature)
                continue
            if input_is_nested_too_deeply(value, kind):
                return self._coerce_slowly(schema, inputs)
            sources[name] = VariableValueSource(signature, value)
            done = coerce_input_value(value, kind)
            if done is Undefined:
                return self._coerce_slowly(schema, inputs)
            coerced[name] = done
        return VariableValues(sources, coerced)

    def _coerce_slowly(
        self, schema: GraphQLSchema, inputs: dict[str, Any]
    ) -> VariableValues | list[GraphQLError]:
        return get_variable_values(
            schema,
            self.operation.variable_definitions or (),
            inputs,
            max_errors=MAX_COERCION_ERRORS,
        )


def plan_execution(
    schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode
) -> ExecutionPlan | None:
    """The plan of a validated ``operation`` of ``document``; ``None`` when a signature does not
    resolve or a fragment declares variables (then ``graphql.execute`` runs it as usual)."""
    fragment_definitions: dict[str, FragmentDefinitionNode] = {}
    fragments: dict[str, FragmentDetails] = {}
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode):
            if definition.variable_definitions:
                return None
            fragment_definitions[definition.name.value] = definition
            fragments[definition.name.value] = FragmentDetails(definition, None)
    variables = []
    for node in operation.variable_definitions or ():
        signature = get_variable_signature(schema, node)
        if isinstance(signature, GraphQLError):
            return None
        variables.append((node, signature))
    return ExecutionPlan(
        operation=operation,
        fragment_definitions=fragment_definitions,
        fragments=fragments,
        variables=tuple(variables),
        static=not _has_directives(document),
    )


def start(
    plan: ExecutionPlan,
    schema: GraphQLSchema,
    context: object,
    variables: dict[str, Any] | None,
    operation_extensions: dict[str, Any] | None,
) -> PlannedExecutor | list[GraphQLError]:
    """The executor ``Executor.build`` would make for this request, or the variables' errors."""
    values = plan.coerce(schema, variables or {})
    if isinstance(values, list):
        return values
    return PlannedExecutor(
        schema,
        plan.fragment_definitions,
        plan.fragments,
        None,
        context,
        plan.operation,
        values,
        default_field_resolver,
        default_type_resolver,
        default_field_resolver,
        False,
        None,
        optimized_is_awaitable,  # as strawberry passes it
        None,
        hide_suggestions=False,
        abort_signal=None,
        hooks=None,
        operation_extensions=operation_extensions,
        plan=plan,
    )


class PlannedExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, collecting a static document's selections once."""

    def __init__(self, *args: Any, plan: ExecutionPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept = plan.subfields if plan.static else None

    async def run(self) -> ExecutionResult:
        """``execute_operation`` to its end, then freed at once.

        graphql-core's executor refers to itself (``async_helpers`` holds two of its bound
        methods), so each request left it, its variables and the request's context as cyclic
        garbage: about 27 objects a request, which alone set off a collection of the youngest
        generation every twenty-odd requests. Dropping the helpers once the answer is complete
        breaks the cycle (a resolver's ``info`` keeps its own reference to them). An execution
        that raised or was cancelled keeps them, for any work still unwinding, and is left to the
        collector.
        """
        outcome = self.execute_operation()
        if isawaitable(outcome):
            outcome = await outcome
        del self.async_helpers  # the answer is complete: nothing of this execution runs on
        assert isinstance(outcome, ExecutionResult)  # no incremental delivery (no @defer)
        return outcome

    def collect_subfields(
        self, return_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> CollectedFields:
        kept = self._kept
        if kept is None:
            return super().collect_subfields(return_type, field_details_list)
        key = (return_type, tuple(id(details.node) for details in field_details_list))
        found = kept.get(key)
        if found is None:
            found = kept[key] = super().collect_subfields(return_type, field_details_list)
        return found


class _Directives(Visitor):
    found = False

    def enter_directive(self, *_: object) -> object:
        self.found = True
        return self.BREAK


def _has_directives(document: DocumentNode) -> bool:
    finder = _Directives()
    visit(document, finder)
    return finder.found
