"""Query area: who the request acts as (to check a token, and for clients to adapt their UI)."""

from __future__ import annotations

import strawberry

from graph_service.domain.auth import Principal

from ..context import Info
from ..types.enums import UserRole as Role  # registered there as the GraphQL enum UserRole


@strawberry.type(description="Who a request acts as: its role, the bound unit and the token name.")
class Viewer:
    role: Role
    role_label: str = strawberry.field(description="The role's Chinese name (公众, 区委编办 …).")
    name: str = strawberry.field(description="Recorded as who made a change (the token's name).")
    unit: str | None = strawberry.field(description="The unit a UNIT principal acts for.")
    token_id: str | None = strawberry.field(description="The token's public id; null without.")


def viewer_of(principal: Principal) -> Viewer:
    return Viewer(
        role=principal.role,
        role_label=principal.role.label,
        name=principal.name,
        unit=principal.unit,
        token_id=principal.token_id,
    )


def resolve_viewer(info: Info) -> Viewer:
    return viewer_of(info.context.principal)


@strawberry.type
class ViewerQuery:
    viewer: Viewer = strawberry.field(
        resolver=resolve_viewer,
        description="Who this request acts as (PUBLIC without a token).",
    )
