"""Permissions as data: one table of (root field → who may call it), checked once per field.

``PERMISSIONS`` has one row per field of ``Query``, ``Mutation`` (and later ``Subscription``):
the roles allowed outright and, optionally, the argument naming a unit for which the ``unit`` role
is allowed too ("its own unit only"). ``guard`` attaches an ``Authorize`` field extension to every
root field from this table when the schema is built, and refuses to build a schema with a field
that has no row (or a row without a field). Adding a mutation and its permission is one row::

    "Mutation.recordAct": only(Role.ESTABLISHMENT_OFFICE),

A denied call never reaches the resolver. A field whose payload union has ``PermissionDenied`` as a
member answers with it; any other field fails with a ``FORBIDDEN`` error. Both name, in Chinese and
English, the roles that may do it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from strawberry.extensions import FieldExtension
from strawberry.types import get_object_definition
from strawberry.types.field import StrawberryField
from strawberry.types.union import StrawberryUnion
from strawberry.utils.await_maybe import await_maybe
from strawberry.utils.str_converters import to_camel_case

from graph_service.domain.auth import Principal, Role
from graph_service.domain.errors import PermissionDeniedError

from .context import Info
from .types.payloads import PermissionDenied, permission_denied


@dataclass(frozen=True, slots=True)
class Rule:
    """Who may call one field.

    ``roles``: allowed whatever the arguments. ``own_unit``: the (Python) name of an argument
    holding a unit id; a ``unit`` principal bound to that unit is allowed as well.
    """

    roles: frozenset[Role]
    own_unit: str | None = None

    def allows(self, principal: Principal, arguments: Mapping[str, Any]) -> bool:
        if principal.role in self.roles:
            return True
        return (
            self.own_unit is not None
            and principal.role is Role.UNIT
            and principal.unit is not None
            and arguments.get(self.own_unit) == principal.unit
        )

    def allowed_roles(self) -> list[Role]:
        """The roles that may call the field (for some arguments), in the order of ``Role``."""
        extra = {Role.UNIT} if self.own_unit is not None else set()
        return [role for role in Role if role in self.roles | extra]


EVERYONE = Rule(frozenset(Role))


def only(*roles: Role, own_unit: str | None = None) -> Rule:
    """A rule allowing ``roles`` (and, with ``own_unit``, the unit role for its own unit)."""
    return Rule(frozenset(roles), own_unit)


PERMISSIONS: Mapping[str, Rule] = MappingProxyType(
    {
        # Reads: answers, search, lists and published lists stay public (DESIGN §7 Roles);
        # findings too: they are derived from the public answers and hide nothing they do not.
        "Query.viewer": EVERYONE,
        "Query.jurisdiction": EVERYONE,
        "Query.findings": EVERYONE,
        "Query.powerList": EVERYONE,
        "Query.powerListPage": EVERYONE,
        "Query.searchItems": EVERYONE,
        "Query.searchUnits": EVERYONE,
        "Query.searchRegions": EVERYONE,
        "Query.searchLaws": EVERYONE,
        "Query.graph": EVERYONE,  # the graph views of answers, for frontends
        "Query.publishedLists": EVERYONE,
        "Query.publishedListDiff": EVERYONE,
        # The office's tools: what-if on unrecorded acts.
        "Query.previewAct": only(Role.ESTABLISHMENT_OFFICE, Role.JUSTICE_BUREAU, Role.ADMIN),
        # History stays public: the web app's graph page shows a record's versions to anyone
        # (issue 12); the change log as a whole is the audit trail of the offices.
        "Query.history": EVERYONE,
        "Query.historyPage": EVERYONE,
        "Query.changes": only(Role.JUSTICE_BUREAU, Role.ESTABLISHMENT_OFFICE, Role.ADMIN),
        # Writes: the establishment office (编办) keeps acts, records and lists current …
        "Mutation.recordAct": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.amendAct": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.withdrawAct": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.saveUnit": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.saveItem": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.saveLaw": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.saveProvision": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.saveRegion": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.saveAgreement": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.deleteRecord": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.publishList": only(Role.ESTABLISHMENT_OFFICE),
        "Mutation.importPowerList": only(Role.ESTABLISHMENT_OFFICE),
        # … the justice bureau (司法局) reviews acts (法制审核) …
        "Mutation.reviewAct": only(Role.JUSTICE_BUREAU),
        # … and administrators load whole datasets.
        "Mutation.loadDataset": only(Role.ADMIN),
        # Disputes (policy 四(八)): the justice bureau runs them; a unit sees and notes the
        # disputes it is involved in and confirms a decision that designates it (the service
        # checks involvement: service/disputes.py).
        "Query.disputes": only(Role.JUSTICE_BUREAU, Role.UNIT),
        "Query.disputesPage": only(Role.JUSTICE_BUREAU, Role.UNIT),
        "Query.dispute": only(Role.JUSTICE_BUREAU, Role.UNIT),
        "Mutation.openDispute": only(Role.JUSTICE_BUREAU),
        "Mutation.addDisputeEvent": only(Role.JUSTICE_BUREAU, Role.UNIT),
        "Mutation.escalateDispute": only(Role.JUSTICE_BUREAU),
        "Mutation.decideDispute": only(Role.JUSTICE_BUREAU),
        "Mutation.confirmImplemented": only(Role.UNIT),
        "Mutation.closeDispute": only(Role.JUSTICE_BUREAU),
        "Mutation.withdrawDispute": only(Role.JUSTICE_BUREAU),
        # The bureau's documents (policy 四(十)); a unit reads those of its own disputes.
        "Query.disputeDocument": only(Role.JUSTICE_BUREAU, Role.UNIT),
        "Mutation.issueDisputeDocument": only(Role.JUSTICE_BUREAU),
        "Query.coordinationOverview": only(Role.JUSTICE_BUREAU),
        # Live updates: findings are public as the findings query is; disputes as they are read.
        "Subscription.findingsChanged": EVERYONE,
        "Subscription.disputeUpdated": only(Role.JUSTICE_BUREAU, Role.UNIT),
    }
)


REVISION_PURE: Mapping[str, bool] = MappingProxyType(
    {
        # Whether an answer of the root query field is a pure function of its arguments, the
        # change log's revision, who asks (role and unit) and today's date: the response cache
        # (api/response_cache.py) keeps only answers whose every root field is True here. A test
        # fails when a Query field has no entry. False: it reads data outside the change log
        # (tokens) or the wall clock beyond today's date.
        "Query.viewer": False,  # the token's name and unit: not in the change log
        "Query.jurisdiction": True,
        "Query.findings": True,
        "Query.powerList": True,
        "Query.powerListPage": True,
        "Query.searchItems": True,
        "Query.searchUnits": True,
        "Query.searchRegions": True,
        "Query.searchLaws": True,
        "Query.graph": True,
        "Query.publishedLists": True,
        "Query.publishedListDiff": True,
        "Query.previewAct": True,  # what-if on the projection at the revision
        "Query.history": True,  # record versions: the change log itself
        "Query.historyPage": True,
        "Query.changes": True,  # the change log itself
        "Query.disputes": True,  # records of the log; involvement by the principal's unit
        "Query.disputesPage": True,
        "Query.dispute": True,
        "Query.disputeDocument": False,  # a rendered draft: dated and numbered when asked
        "Query.coordinationOverview": False,  # overdue counts use the current time (UTC)
    }
)


def guard(*root_types: type, table: Mapping[str, Rule] = PERMISSIONS) -> None:
    """Attach ``Authorize`` from ``table`` to every field of ``root_types`` (idempotent).

    Raises ``LookupError`` naming the fields without a row and the rows without a field.
    """
    seen: set[str] = set()
    missing: list[str] = []
    for root in root_types:
        definition = get_object_definition(root, strict=True)
        for field in definition.fields:
            operation = f"{definition.name}.{field_name(field)}"
            seen.add(operation)
            if any(isinstance(e, Authorize) for e in field.extensions):
                continue
            if operation not in table:
                missing.append(operation)
                continue
            field.extensions.append(Authorize(operation, table[operation]))
    roots = {get_object_definition(r, strict=True).name for r in root_types}
    stale = sorted(op for op in table if op.split(".")[0] in roots and op not in seen)
    if missing or stale:
        raise LookupError(
            f"permission table out of step with the schema: fields without a row {missing}, "
            f"rows without a field {stale} (api/permissions.py)"
        )


def field_name(field: StrawberryField) -> str:
    """The field's name in the schema (the schema converts names to camelCase)."""
    return field.graphql_name or to_camel_case(field.python_name)


def denial(operation: str, rule: Rule, principal: Principal) -> PermissionDeniedError:
    """The error for ``principal`` calling ``operation`` against ``rule``."""
    allowed = rule.allowed_roles()
    labels = "、".join(role.label for role in allowed)
    names = ", ".join(role.value for role in allowed)
    own = "（执法单位限本单位）" if rule.own_unit else ""
    own_en = " (the unit role for its own unit only)" if rule.own_unit else ""
    message = (
        f"当前身份（{principal.role.label}）无权执行 {operation}，须由{labels}{own}办理 / "
        f"{operation} needs the role {names}{own_en}; this request acts as {principal.role.value}"
    )
    return PermissionDeniedError(
        operation, principal.role.value, [role.value for role in allowed], message
    )


class Authorize(FieldExtension):
    """Checks one root field's ``Rule`` against the request's principal before it resolves."""

    def __init__(self, operation: str, rule: Rule) -> None:
        super().__init__()
        self.operation = operation
        self.rule = rule
        self.answers_with_payload = False

    def apply(self, field: StrawberryField) -> None:
        members = field.type.types if isinstance(field.type, StrawberryUnion) else ()
        self.answers_with_payload = PermissionDenied in members

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        principal = info.context.principal
        if self.rule.allows(principal, kwargs):
            return next_(source, info, **kwargs)
        return self._deny(principal)

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        principal = info.context.principal
        if self.rule.allows(principal, kwargs):
            # A subscription's next_ gives its async generator itself, not an awaitable.
            return await await_maybe(next_(source, info, **kwargs))
        return self._deny(principal)

    def _deny(self, principal: Principal) -> PermissionDenied:
        error = denial(self.operation, self.rule, principal)
        if self.answers_with_payload:
            return permission_denied(error)
        raise error
