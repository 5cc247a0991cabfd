"""The GraphQL schema: root types composed from the per-area mixins, with the guard extensions.

``build_schema()`` is a function (not a module-level object) so that importing the API builds
nothing; ``export-schema`` prints the same schema the app serves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import MaxTokensLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.graphql import OperationType

from graph_service.domain.errors import StorageError

from .areas.acts import ActsMutation
from .areas.changes import ChangesQuery
from .areas.dispute_documents import DisputeDocumentMutation, DisputeDocumentQuery
from .areas.disputes import DisputeMutation, DisputeQuery
from .areas.findings import FindingsQuery
from .areas.graph import GraphQuery
from .areas.history import HistoryQuery
from .areas.import_list import ImportMutation
from .areas.jurisdiction import JurisdictionQuery
from .areas.live import Subscription
from .areas.load import LoadMutation
from .areas.overview import OverviewQuery
from .areas.power_list import PowerListQuery
from .areas.preview import PreviewQuery
from .areas.published import PublishedMutation, PublishedQuery
from .areas.records import RecordsMutation
from .areas.search import SearchQuery
from .areas.viewer import ViewerQuery
from .auth import RefuseUnauthenticated
from .consistency import Consistency
from .errors import TranslateErrors, is_expected
from .limits import BoundedParser, BoundedValidation, RequestLimits
from .permissions import guard

log = logging.getLogger(__name__)


@strawberry.type(description="Read the authority graph.")
class Query(
    ViewerQuery,
    JurisdictionQuery,
    FindingsQuery,
    PowerListQuery,
    PreviewQuery,
    SearchQuery,
    HistoryQuery,
    GraphQuery,
    ChangesQuery,
    PublishedQuery,
    DisputeQuery,
    DisputeDocumentQuery,
    OverviewQuery,
):
    pass


@strawberry.type(description="Change the authority graph.")
class Mutation(
    ActsMutation,
    RecordsMutation,
    PublishedMutation,
    ImportMutation,
    LoadMutation,
    DisputeMutation,
    DisputeDocumentMutation,
):
    pass


class AuthoritySchema(strawberry.Schema):
    """Logs only unexpected errors: expected ones (bad input, unknown ids) are answers, not bugs.

    A retryable storage error (the database is restarting) gets one warning line, not a trace.
    """

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """A single result: never a subscription, which streams over the websocket only (over
        HTTP it would resolve its generator as a value); refused with a 400 instead."""
        allowed = set(allowed_operation_types or DEFAULT_ALLOWED_OPERATION_TYPES)
        return await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed - {OperationType.SUBSCRIPTION},
            operation_extensions,
        )

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        unexpected = []
        for error in errors:
            original = error.original_error
            if isinstance(original, StorageError) and original.retryable:
                log.warning("%s: %s", original.code, original)
            elif not is_expected(error):
                unexpected.append(error)
        super().process_errors(unexpected, execution_context)


def build_schema(limits: RequestLimits | None = None) -> strawberry.Schema:
    """The schema with the request limits (see ``limits.py``) as extensions, in this order:
    the token limit is a parse option the bounded parser passes on."""
    bounds = limits or RequestLimits()
    guard(
        Query, Mutation, Subscription
    )  # every root field checked by its row of api/permissions.py
    return AuthoritySchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        config=StrawberryConfig(auto_camel_case=True),
        extensions=[
            TranslateErrors,
            RefuseUnauthenticated,  # before Consistency: a refused request waits for nothing
            Consistency,
            lambda: MaxTokensLimiter(max_token_count=bounds.max_tokens),
            lambda: BoundedParser(bounds),
            lambda: BoundedValidation(bounds),
        ],
    )


def schema_sdl() -> str:
    """The SDL committed as ``schema.graphql`` (with a trailing newline)."""
    return str(build_schema()).rstrip("\n") + "\n"
