"""Use cases: issue, list and revoke API tokens (the administrator's ``graph-service token``).

A token is checked before anything is written: a known role other than ``public``, a unit for
(and only for) the ``unit`` role that exists in the graph, a name not used before (the name is
what the change log records as who made a change, so two tokens must never share one). The secret
is returned once, in ``IssuedToken``, and only its hash is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from graph_service.domain.auth import (
    TOKEN_ROLES,
    ApiToken,
    Role,
    hash_secret,
    new_secret,
    new_token_id,
)
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import NotFoundError, Problem, ValidationError
from graph_service.domain.text import no_control
from graph_service.storage.port import GraphReader, TokenStore

MAX_NAME = 100


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A new token and its secret: the only time the secret exists outside its holder."""

    token: ApiToken
    secret: str


async def create_token(
    tokens: TokenStore,
    graph: GraphReader,
    *,
    role: str,
    name: str,
    unit: str | None = None,
    now: datetime | None = None,
) -> IssuedToken:
    """Issue a token for ``role`` (bound to ``unit`` for the unit role) named ``name``.

    Raises ``ValidationError`` naming every argument at fault; nothing is written then.
    """
    problems: list[Problem] = []
    chosen = _role(role, problems)
    name = name.strip()
    unit = unit.strip() if unit is not None and unit.strip() else None
    for path, value in (("name", name), ("unit", unit)):
        if value is not None and (problem := _control(path, value)) is not None:
            problems.append(problem)
    if problems:
        raise ValidationError(problems, "the token was not created")
    if not name:
        problems.append(Problem("name", "must not be empty"))
    elif len(name) > MAX_NAME:
        problems.append(Problem("name", f"must be at most {MAX_NAME} characters"))
    elif any(t.name == name for t in await tokens.list_all()):
        problems.append(Problem("name", f"a token named '{name}' exists already"))
    if chosen is Role.UNIT and unit is None:
        problems.append(Problem("unit", "the unit role needs the unit the token acts for"))
    elif chosen is not None and chosen is not Role.UNIT and unit is not None:
        problems.append(Problem("unit", f"only the unit role is bound to a unit, not {chosen}"))
    elif unit is not None and not await _unit_exists(graph, unit):
        problems.append(Problem("unit", f"unknown unit '{unit}'"))
    if problems or chosen is None:
        raise ValidationError(problems, "the token was not created")
    secret = new_secret()
    token = ApiToken(
        id=new_token_id(),
        secret_hash=hash_secret(secret),
        name=name,
        role=chosen,
        unit=unit,
        created_at=now or datetime.now(UTC),
    )
    await tokens.save(token)
    return IssuedToken(token=token, secret=secret)


async def list_tokens(tokens: TokenStore) -> list[ApiToken]:
    """Every token, revoked ones included, oldest first (never a secret: none is stored)."""
    return await tokens.list_all()


async def revoke_token(
    tokens: TokenStore, token_id: str, *, now: datetime | None = None
) -> ApiToken:
    """Revoke the token ``token_id`` from now on; ``NotFoundError`` if there is none."""
    revoked = await tokens.revoke(token_id.strip(), now or datetime.now(UTC))
    if revoked is None:
        raise NotFoundError("token", token_id)
    return revoked


def _control(path: str, value: str) -> Problem | None:
    """A control character has no place in a name recorded in the change log (nor in an id)."""
    try:
        no_control(value)
    except ValueError as error:
        return Problem(path, str(error))
    return None


def _role(raw: str, problems: list[Problem]) -> Role | None:
    try:
        role = Role(raw.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in TOKEN_ROLES)
        problems.append(Problem("role", f"unknown role '{raw}' (one of {known})"))
        return None
    if role is Role.PUBLIC:
        problems.append(Problem("role", "the public role needs no token"))
        return None
    return role


async def _unit_exists(graph: GraphReader, unit: str) -> bool:
    try:
        await graph.neighbourhood(EntityKind.UNIT, unit, 0)
    except NotFoundError:
        return False
    return True
