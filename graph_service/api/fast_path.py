"""The fast path: a prepared query executed by graphql-core directly, as strawberry would run it.

``strawberry.Schema.execute`` builds an execution context, instantiates every schema extension
and enters its hooks around parsing, validation and execution, then runs graphql-core's
``execute`` on ``schema._schema`` (with strawberry's ``StrawberryGraphQLCoreExecutionContext``).
For a repeated query almost all of that is overhead. Here the document comes prepared
(``prepared.py``), graphql-core's executor is started from the document's ``ExecutionPlan``
(``execution_plan.py``: the operation, fragments and variable signatures found once, a static
document's selections collected once), and each of our extensions' effects is done directly, in
the order strawberry runs them:

- ``MaxTokensLimiter``, ``BoundedParser``, ``BoundedValidation``: ``DocumentCache.prepare`` (the
  same limits and rules; anything refused goes to the normal path, which refuses it) and the
  request's operation label for metrics and logs (set by the lane, ``fast_lane.py``);
- ``RefuseUnauthenticated``: a request whose credentials were refused takes the normal path;
- ``Consistency``: ``atLeast`` (extension or header) is honoured when the projection already
  has it; a request that would wait, or names no valid revision, takes the normal path; the
  answer's ``extensions.revision`` is read before execution, as the extension reads it;
- strawberry's ``process_errors`` (our log of unexpected errors) sees the errors before they are
  translated, then ``TranslateErrors`` (``errors.translate``) rewrites them.

Permissions are field extensions inside the resolvers, so graphql-core runs them on both paths.
``FastPath.for_schema`` returns ``None`` (no fast path at all) when the schema carries an
extension or directive this module does not know: nothing may be skipped silently.
"""

from __future__ import annotations

from inspect import isawaitable
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, execute
from strawberry.execution import optimized_is_awaitable
from strawberry.extensions import MaxTokensLimiter
from strawberry.schema.schema import Schema, StrawberryGraphQLCoreExecutionContext
from strawberry.types import ExecutionResult

from graph_service.domain.errors import AuthorityGraphError

from .auth import RefuseUnauthenticated
from .consistency import Consistency, wanted_revision
from .context import ApiContext
from .errors import TranslateErrors, translate
from .execution_plan import start
from .limits import BoundedParser, BoundedValidation
from .prepared import Prepared

KNOWN_EXTENSIONS = frozenset(
    {
        TranslateErrors,
        RefuseUnauthenticated,
        Consistency,
        MaxTokensLimiter,
        BoundedParser,
        BoundedValidation,
    }
)
"""The schema extensions whose effects ``FastPath.execute`` reproduces (see the docstring)."""

__all__ = ["KNOWN_EXTENSIONS", "FastPath"]


class FastPath:
    """Runs prepared queries on one schema; see the module docstring."""

    def __init__(self, schema: Schema) -> None:
        self._schema = schema
        self._graphql_schema = schema._schema
        self._executor = schema.execution_context_class
        # the plan's executor is strawberry's own context with shortcuts (``execution_plan``)
        self._planned = self._executor is StrawberryGraphQLCoreExecutionContext

    @classmethod
    def for_schema(cls, schema: Schema) -> FastPath | None:
        """The fast path, or ``None`` when ``schema`` runs something it does not reproduce."""
        kinds = {type(extension) for extension in schema.get_extensions()}
        if kinds != KNOWN_EXTENSIONS or schema.directives:
            return None
        return cls(schema)

    def takes(self, context: ApiContext, extensions: dict[str, Any] | None) -> bool:
        """Whether this request can run here (else the normal path answers it)."""
        if context.auth_error is not None:
            return False
        try:
            wanted = wanted_revision(context, extensions)
        except AuthorityGraphError:
            return False
        return wanted is None or wanted <= context.service.revision

    async def execute(
        self,
        prepared: Prepared,
        context: ApiContext,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        extensions: dict[str, Any] | None,
    ) -> ExecutionResult:
        """``prepared`` run as strawberry's ``Schema.execute`` would run it."""
        revision = context.service.revision
        name = operation_name
        if name is None and prepared.operation.name is not None:
            name = prepared.operation.name.value
        plan = prepared.plan if self._planned else None
        try:
            outcome: Any
            if plan is None:
                outcome = execute(
                    self._graphql_schema,
                    prepared.document,
                    variable_values=variables,
                    operation_name=name,
                    context_value=context,
                    is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]  # as strawberry
                    executor_class=self._executor,
                    operation_extensions=extensions,
                )
            else:
                executor = start(plan, self._graphql_schema, context, variables, extensions)
                if isinstance(executor, list):  # the variables' errors, as ``execute`` gives them
                    outcome = GraphQLExecutionResult(data=None, errors=executor)
                else:
                    outcome = await executor.run()
            if isawaitable(outcome):
                outcome = await outcome
        except Exception as error:  # as Schema.execute: an error result, never an escape
            outcome = GraphQLExecutionResult(
                data=None, errors=[GraphQLError(str(error), original_error=error)]
            )
        assert isinstance(outcome, GraphQLExecutionResult)
        errors = outcome.errors
        if errors:
            self._schema._process_errors(errors)
            errors = [translate(error) for error in errors]
        return ExecutionResult(data=outcome.data, errors=errors, extensions={"revision": revision})
