"""Permissions as data: rules, the "own unit only" row, the denial message, and ``guard``.

The matrix over the real schema is in tests/api/permissions.yaml; here the mechanism itself is
checked on a tiny schema, without I/O.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Annotated

import pytest
import strawberry

from graph_service.api.permissions import EVERYONE, denial, guard, only
from graph_service.api.types.payloads import PermissionDenied
from graph_service.domain.auth import PUBLIC, Principal, Role

XINGFENG_UNIT = Principal(role=Role.UNIT, name="兴丰街道", unit="xingfeng", token_id="t1")
OFFICE = Principal(role=Role.ESTABLISHMENT_OFFICE, name="编办", token_id="t2")


def test_a_rule_allows_its_roles_and_the_unit_role_only_for_its_own_unit() -> None:
    rule = only(Role.ESTABLISHMENT_OFFICE, Role.JUSTICE_BUREAU, own_unit="unit")

    assert rule.allows(OFFICE, {"unit": "linxiaolu"})
    assert rule.allows(XINGFENG_UNIT, {"unit": "xingfeng"})
    assert not rule.allows(XINGFENG_UNIT, {"unit": "linxiaolu"})
    assert not rule.allows(XINGFENG_UNIT, {})
    assert not rule.allows(PUBLIC, {"unit": "xingfeng"})
    assert rule.allowed_roles() == [Role.UNIT, Role.ESTABLISHMENT_OFFICE, Role.JUSTICE_BUREAU]
    assert EVERYONE.allows(PUBLIC, {})


def test_the_denial_names_the_roles_needed_in_chinese_and_english() -> None:
    error = denial("Mutation.recordAct", only(Role.ESTABLISHMENT_OFFICE), PUBLIC)

    assert error.code == "FORBIDDEN"
    assert (error.role, error.allowed) == ("public", ["establishment_office"])
    assert str(error) == (
        "当前身份（公众）无权执行 Mutation.recordAct，须由区委编办办理 / "
        "Mutation.recordAct needs the role establishment_office; this request acts as public"
    )
    own = denial("Query.powerList", only(Role.ADMIN, own_unit="unit"), XINGFENG_UNIT)
    assert "执法单位、管理员（执法单位限本单位）" in str(own)
    assert "(the unit role for its own unit only)" in str(own)


@dataclass
class Context:
    principal: Principal


@strawberry.type
class Done:
    ok: bool


Payload = Annotated[Done | PermissionDenied, strawberry.union("Payload")]


@strawberry.type
class Query:
    @strawberry.field
    def unit_list(self, unit: str) -> str:
        return f"list of {unit}"


@strawberry.type
class Mutation:
    @strawberry.mutation
    def publish(self) -> Payload:
        return Done(ok=True)


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def new_findings(self) -> AsyncGenerator[int, None]:
        for number in (1, 2):
            yield number


TABLE = {
    "Query.unitList": only(Role.JUSTICE_BUREAU, own_unit="unit"),
    "Mutation.publish": only(Role.ESTABLISHMENT_OFFICE),
    "Subscription.newFindings": only(Role.JUSTICE_BUREAU),
}


def schema() -> strawberry.Schema:
    guard(Query, Mutation, Subscription, table=TABLE)
    return strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription)


def test_guard_checks_every_field_before_it_resolves() -> None:
    built = schema()
    query = '{ unitList(unit: "xingfeng") }'
    own = built.execute_sync(query, context_value=Context(XINGFENG_UNIT))
    assert own.data == {"unitList": "list of xingfeng"}

    other = built.execute_sync(
        '{ unitList(unit: "linxiaolu") }', context_value=Context(XINGFENG_UNIT)
    )
    assert other.data is None
    assert other.errors is not None
    assert other.errors[0].original_error is not None
    assert getattr(other.errors[0].original_error, "code", None) == "FORBIDDEN"


def test_a_payload_union_with_permission_denied_answers_with_it() -> None:
    built = schema()
    mutation = "mutation { publish { __typename ... on PermissionDenied { role allowedRoles } } }"

    refused = built.execute_sync(mutation, context_value=Context(PUBLIC))
    allowed = built.execute_sync(mutation, context_value=Context(OFFICE))

    assert refused.errors is None
    assert refused.data == {
        "publish": {
            "__typename": "PermissionDenied",
            "role": "PUBLIC",
            "allowedRoles": ["ESTABLISHMENT_OFFICE"],
        }
    }
    assert allowed.data == {"publish": {"__typename": "Done"}}


def test_guard_refuses_a_field_without_a_row_and_a_row_without_a_field() -> None:
    @strawberry.type
    class Unlisted:
        @strawberry.field
        def secret(self) -> str:
            return "x"

    with pytest.raises(LookupError, match=r"fields without a row \['Unlisted.secret'\]"):
        guard(Unlisted, table={})
    with pytest.raises(LookupError, match=r"rows without a field \['Unlisted.gone'\]"):
        guard(Unlisted, table={"Unlisted.secret": EVERYONE, "Unlisted.gone": EVERYONE})


async def test_a_subscription_is_guarded_like_any_field() -> None:
    built = schema()
    bureau = Principal(role=Role.JUSTICE_BUREAU, name="司法局", token_id="t3")

    stream = await built.subscribe("subscription { newFindings }", context_value=Context(bureau))
    assert not isinstance(stream, strawberry.types.ExecutionResult)
    assert [result.data async for result in stream] == [{"newFindings": 1}, {"newFindings": 2}]

    refused = await built.subscribe("subscription { newFindings }", context_value=Context(OFFICE))
    assert not isinstance(refused, strawberry.types.ExecutionResult)
    [only_result] = [result async for result in refused]
    assert only_result.data is None
    assert only_result.errors is not None
    assert "须由区司法局办理" in only_result.errors[0].message
