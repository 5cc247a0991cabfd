"""The closed vocabularies, registered as GraphQL enums under their own names.

``strawberry.enum`` marks the domain's and engine's own classes (it returns the same class), so the
GraphQL types annotate with those classes and resolvers pass engine values straight through.
"""

from __future__ import annotations

import strawberry

from graph_service.domain.auth import Role as UserRole
from graph_service.domain.enums import ActKind, Category, EntityKind, RegionKind, UnitKind
from graph_service.engine.answers import (
    AdjacencyLevel,
    FindingKind,
    Mode,
    Role,
    SearchKind,
    Severity,
    Status,
)

strawberry.enum(UnitKind, description="Kind of enforcement body (执法主体).")
strawberry.enum(RegionKind, description="Kind of region (行政区划 / 功能区).")
strawberry.enum(Category, description="职权类别 of a power item.")
strawberry.enum(ActKind, description="What an act does to competence.")
strawberry.enum(EntityKind, description="A record collection of the dataset.")
strawberry.enum(Role, description="A holder's role for the item at the place.")
strawberry.enum(Mode, description="How the holder came to hold the item.")
strawberry.enum(
    Status,
    description=(
        "CLEAR (one primary holder), OVERLAP, GAP; NO_DATA before the data's coverage "
        "(数据未覆盖); NOT_IN_FORCE for a cancelled item (已取消)."
    ),
)
strawberry.enum(
    AdjacencyLevel, description="The level at which the data records a border (区县级 / 乡镇级)."
)
strawberry.enum(FindingKind, description="What the justice bureau must coordinate.")
strawberry.enum(Severity, description="How urgent a finding is.")
strawberry.enum(SearchKind, description="What a search looks for.")
strawberry.enum(
    UserRole,
    name="UserRole",
    description=(
        "Who a request acts as: PUBLIC (公众, no token), UNIT (执法单位), ESTABLISHMENT_OFFICE "
        "(区委编办), JUSTICE_BUREAU (区司法局), ADMIN (管理员)."
    ),
)

__all__ = [
    "ActKind",
    "AdjacencyLevel",
    "Category",
    "EntityKind",
    "FindingKind",
    "Mode",
    "RegionKind",
    "Role",
    "SearchKind",
    "Severity",
    "Status",
    "UnitKind",
    "UserRole",
]
