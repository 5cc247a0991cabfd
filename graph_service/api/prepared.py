"""Documents parsed, measured and validated once, kept in a bounded LRU keyed by their text.

strawberry parses and validates through its ``ParserCache``/``ValidationCache`` extensions, whose
keys hash the whole query text and then the whole AST on every request. The fast path
(``fast_path.py``) asks here instead: ``DocumentCache.prepare(text, operation_name)`` gives a
``Prepared`` document (the parsed AST and its operation, every limit and validation rule passed,
and its ``ExecutionPlan``: ``execution_plan.py``) or ``None`` when the document must take
strawberry's normal path: it breaks a limit, does not parse or validate, names no operation it
holds, or is not a query. The refusal is remembered too (as ``None``), so a document refused by
a limit stays refused: the normal path answers it, with the same error it always gave, every
time.

The limits are the app's (``RequestLimits``), the same checks in the same order as the normal
path: size and tokens while parsing (``limits.parse_bounded``), the measured cost
(``limits.measured_refusal``), then graphql-core's and strawberry's validation rules.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    get_operation_ast,
    specified_rules,
)
from strawberry.schema.schema import validate_document

from .execution_plan import ExecutionPlan, plan_execution
from .limits import RequestLimits, measured_refusal, parse_bounded, root_fields_label
from .response_cache import cacheable

DOCUMENTS = 512  # distinct (text, operation) pairs kept; the web app and clients send ~40


@dataclass(frozen=True, slots=True)
class Prepared:
    """A query document that passed every limit and validation rule, ready to execute."""

    text: str  # the document's text as first sent (one copy, its hash computed once)
    document: DocumentNode
    operation: OperationDefinitionNode
    label: str  # ``root_fields_label``: the operation as metrics and logs name it
    cacheable: bool  # ``response_cache.cacheable`` of its root fields
    plan: ExecutionPlan | None  # what executing it needs of the document, worked out once


class DocumentCache:
    """A bounded LRU of prepared documents for one schema and one set of limits."""

    def __init__(self, schema: object, limits: RequestLimits, *, maxsize: int = DOCUMENTS) -> None:
        self._schema = schema
        self._limits = limits
        self._maxsize = maxsize
        self._entries: OrderedDict[tuple[str, str | None], Prepared | None] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def prepare(self, text: str, operation_name: str | None) -> Prepared | None:
        """The prepared query, or ``None`` for the normal path (see the module docstring)."""
        key = (text, operation_name)
        try:
            found = self._entries[key]
        except KeyError:
            self.misses += 1
            found = self._prepare(text, operation_name)
            self._entries[key] = found
            if len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)
            return found
        self.hits += 1
        self._entries.move_to_end(key)
        return found

    def peek(self, text: str, operation_name: str | None) -> Prepared | None:
        """The prepared query if it is already kept, else ``None``; nothing counted or prepared
        (the lean route asks before it takes a request, ``lean_route.py``)."""
        return self._entries.get((text, operation_name))

    def _prepare(self, text: str, operation_name: str | None) -> Prepared | None:
        try:
            document = parse_bounded(text, self._limits)
        except (GraphQLError, RecursionError):
            return None
        operation = get_operation_ast(document, operation_name)
        if operation is None or operation.operation is not OperationType.QUERY:
            return None
        if measured_refusal(document, operation_name, self._limits) is not None:
            return None
        graphql_schema = self._schema._schema  # type: ignore[attr-defined]
        try:
            errors = validate_document(graphql_schema, document, tuple(specified_rules))
        except RecursionError:
            return None
        if errors:
            return None
        names = frozenset(
            s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode)
        )
        complete = all(isinstance(s, FieldNode) for s in operation.selection_set.selections)
        root_fields = names if complete else frozenset()
        return Prepared(
            text=text,
            document=document,
            operation=operation,
            label=root_fields_label(document, operation_name),
            cacheable=cacheable(root_fields),
            plan=plan_execution(graphql_schema, document, operation),
        )
