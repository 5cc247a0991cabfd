"""Request limits: what one request may cost before any expensive work is done for it.

Every limit is checked at the cheapest point that can see it, so a hostile request is refused in
milliseconds and never holds the event loop: the body size before the body is read (``gate``),
the query's size before it is lexed, its tokens while it is parsed (strawberry's
``MaxTokensLimiter``), and its depth, aliases and expanded size (``document_cost``, linear in the
document) before graphql-core's validation rules, some of which are quadratic or worse in the
expanded document, ever see it. Page sizes (``first``, ``limit``: at most 200) and search texts are
checked by the use cases (``service/validation.py``); the time a request may take by the HTTP view.

Each refusal carries a stable ``extensions.code`` (the ``*_CODE`` constants below).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSyntaxError,
    get_operation_ast,
    parse,
)
from strawberry.extensions import ParserCache, ValidationCache

from .document_cost import Cost, measure
from .observe import current_request

QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
BODY_TOO_LARGE = "BODY_TOO_LARGE"
BAD_REQUEST = "BAD_REQUEST"
HOST_NOT_ALLOWED = "HOST_NOT_ALLOWED"
TIMEOUT = "TIMEOUT"
LIMIT_CODES = frozenset(
    {QUERY_TOO_LARGE, TOO_MANY_TOKENS, QUERY_TOO_DEEP, TOO_MANY_ALIASES, QUERY_TOO_COMPLEX}
)
CACHE_SIZE = 256
BodyLimit = Callable[[MutableMapping[str, Any]], int]


@dataclass(frozen=True, slots=True)
class RequestLimits:
    """The limits one app enforces; every figure is a setting (see ``config.Settings``)."""

    max_body_bytes: int = 10 * 1024 * 1024
    max_admin_body_bytes: int = 200 * 1024 * 1024  # for ``body_limit`` to grant administrators
    max_query_bytes: int = 16 * 1024  # the query text; large inputs travel as variables
    max_tokens: int = 1_000  # the standard introspection query has 183
    max_depth: int = 10  # selection nesting, introspection aside
    max_aliases: int = 30  # counted after fragments are expanded
    max_fields: int = 2_000  # fields after fragments are expanded (the standard introspection
    #                           query of GraphiQL selects about 300)
    max_introspection_lists: int = 3  # types { fields { args } }
    max_overlaps: int = 2_000  # pairs of same-named fields the overlap rule would compare
    max_json_depth: int = 64  # nesting of the request body
    timeout_seconds: float = 30.0  # a query's wall-clock budget
    mutation_timeout_seconds: float = 600.0  # a load may take minutes at Beijing scale
    body_limit: BodyLimit | None = field(default=None, compare=False)
    """Hook: the body limit for one request (its ASGI scope), e.g. ``max_admin_body_bytes`` for an
    administrator once principals exist; ``None``: ``max_body_bytes`` for everyone."""

    def body_limit_for(self, scope: MutableMapping[str, Any]) -> int:
        return self.max_body_bytes if self.body_limit is None else self.body_limit(scope)


def limit_error(message: str, code: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


class BoundedParser(ParserCache):
    """``ParserCache`` that refuses an oversized query text before lexing it.

    The token limit itself is graphql-core's ``max_tokens`` (set by ``MaxTokensLimiter``); its
    syntax error gets its own code here. A document nested beyond the parser's recursion is
    refused as too deep rather than failing as an internal error.
    """

    def __init__(self, limits: RequestLimits) -> None:
        super().__init__(maxsize=CACHE_SIZE)
        self._limits = limits

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        context.graphql_document = parse_bounded(
            context.query or "", self._limits, self.cached_parse_document, context.parse_options
        )
        yield


def parse_bounded(
    query: str,
    limits: RequestLimits,
    parse_document: Callable[..., DocumentNode] = parse,
    options: Mapping[str, Any] | None = None,
) -> DocumentNode:
    """``query`` parsed within the size and token limits (shared by ``BoundedParser`` and the fast
    path, ``prepared.py``): a refusal is a ``GraphQLError`` with its limit code; a plain syntax
    error is graphql-core's ``GraphQLSyntaxError``."""
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > limits.max_query_bytes:
        raise limit_error(
            f"the query text is {size} bytes; at most {limits.max_query_bytes} are "
            "allowed (send large inputs as variables)",
            QUERY_TOO_LARGE,
        )
    try:
        return parse_document(query, **(options or {"max_tokens": limits.max_tokens}))
    except GraphQLSyntaxError as error:
        if error.message.startswith("Syntax Error: Document contains more than"):
            raise limit_error(
                f"the query has more than {limits.max_tokens} tokens", TOO_MANY_TOKENS
            ) from None
        if "nested too deeply" in error.message:
            raise limit_error("the query is nested too deeply", QUERY_TOO_DEEP) from None
        raise
    except RecursionError:
        raise limit_error("the query is nested too deeply", QUERY_TOO_DEEP) from None


class BoundedValidation(ValidationCache):
    """``ValidationCache`` that first measures the document (linear) and refuses it if too big.

    Only a document within every limit reaches graphql-core's validation rules.
    """

    def __init__(self, limits: RequestLimits) -> None:
        super().__init__(maxsize=CACHE_SIZE)
        self._limits = limits

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        refusal = measured_refusal(context.graphql_document, context.operation_name, self._limits)
        if refusal is not None:
            context.pre_execution_errors = [refusal]
            yield
            return
        yield from super().on_validate()
        if not context.pre_execution_errors:
            current_request().operation = root_fields_label(
                context.graphql_document, context.operation_name
            )


def measured_refusal(
    document: DocumentNode, operation_name: str | None, limits: RequestLimits
) -> GraphQLError | None:
    """The limit ``document`` breaks once measured (``document_cost``), or ``None``."""
    try:
        cost = measure(document, operation_name, limits.max_fields)
    except RecursionError:
        return limit_error("the query is nested too deeply", QUERY_TOO_DEEP)
    return _refusal(cost, limits)


def _refusal(cost: Cost, limits: RequestLimits) -> GraphQLError | None:
    if cost.cycle is not None:
        return GraphQLError(
            f"Cannot spread fragment '{cost.cycle}' within itself.",
            extensions={"code": "GRAPHQL_VALIDATION_FAILED"},
        )
    if cost.depth > limits.max_depth:
        return limit_error(
            f"the query is {_shown(cost.depth)} levels deep; at most {limits.max_depth} "
            "are allowed",
            QUERY_TOO_DEEP,
        )
    if cost.introspection_lists > limits.max_introspection_lists:
        return limit_error(
            f"the introspection query nests {cost.introspection_lists} lists; at most "
            f"{limits.max_introspection_lists} are allowed",
            QUERY_TOO_DEEP,
        )
    if cost.aliases > limits.max_aliases:
        return limit_error(
            f"{_shown(cost.aliases)} aliases found. Allowed: {limits.max_aliases}",
            TOO_MANY_ALIASES,
        )
    if cost.fields > limits.max_fields:
        return limit_error(
            f"the query selects {_shown(cost.fields)} fields once its fragments are "
            f"expanded; at most {limits.max_fields} are allowed",
            QUERY_TOO_COMPLEX,
        )
    if cost.overlaps > limits.max_overlaps:
        return limit_error(
            f"the query repeats fields so often that checking it would compare "
            f"{cost.overlaps} pairs; at most {limits.max_overlaps} are allowed",
            QUERY_TOO_COMPLEX,
        )
    return None


def root_fields_label(document: DocumentNode, operation_name: str | None) -> str:
    """The validated operation's root field names (a bounded label for metrics and logs)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return "-"
    names = {s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode)}
    return ",".join(sorted(names))[:120] or "-"


def _shown(value: int) -> str:
    return f"{value}" if value < 10**9 else "more than a billion"
