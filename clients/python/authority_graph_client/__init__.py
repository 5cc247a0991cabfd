"""A small typed client for the authority graph service's GraphQL API.

with AuthorityGraphClient("http://127.0.0.1:8000", token=None) as client:  # a token: its role
    answer = client.jurisdiction("330217D00", "110115001000", date(2020, 7, 1))
    [holder.unit.name for holder in answer.primary]
"""

from .client import AsyncAuthorityGraphClient, AuthorityGraphClient
from .errors import (
    AuthorityGraphClientError,
    GraphQLResponseError,
    PermissionDeniedError,
    TransportError,
    WriteRejectedError,
)
from .models import (
    Basis,
    ChainLink,
    Finding,
    FindingPage,
    Holder,
    Jurisdiction,
    LoadResult,
    PowerListEntry,
    PowerListPage,
    Problem,
    RegionRef,
    SearchHit,
    UnitRef,
    Viewer,
)

__all__ = [
    "AsyncAuthorityGraphClient",
    "AuthorityGraphClient",
    "AuthorityGraphClientError",
    "Basis",
    "ChainLink",
    "Finding",
    "FindingPage",
    "GraphQLResponseError",
    "Holder",
    "Jurisdiction",
    "LoadResult",
    "PermissionDeniedError",
    "PowerListEntry",
    "PowerListPage",
    "Problem",
    "RegionRef",
    "SearchHit",
    "TransportError",
    "UnitRef",
    "Viewer",
    "WriteRejectedError",
]
