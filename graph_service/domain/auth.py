"""Who is asking: the roles of DESIGN §7, the principal a request acts as, and API tokens.

A request without a token acts as the ``public`` principal; a request with a valid token acts as
the token's principal, whose ``name`` is what the change log records as "who". Tokens are random
secrets shown once; only their SHA-256 is stored (ADR 0005 says why a fast hash is enough for a
256-bit random secret). Generating and hashing are pure functions here; storing tokens is the
storage port's ``TokenStore``, issuing and checking them the service's.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

TOKEN_PREFIX = "agt_"  # makes a leaked token recognisable to secret scanners
SECRET_BYTES = 32  # 256 bits of randomness
ID_BYTES = 6


class Role(StrEnum):
    """What a principal may do (DESIGN §7 Roles); names in English, labels in Chinese."""

    PUBLIC = "public"  # 公众: no token; answers, search, published lists
    UNIT = "unit"  # 执法单位: bound to one unit; also its own unpublished list and history
    ESTABLISHMENT_OFFICE = "establishment_office"  # 区委编办: acts, records, lists, preview
    JUSTICE_BUREAU = "justice_bureau"  # 区司法局: review, findings, all history
    ADMIN = "admin"  # 管理员: tokens, whole-dataset loads

    @property
    def label(self) -> str:
        """The Chinese name of the role, as shown to people."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.PUBLIC: "公众",
    Role.UNIT: "执法单位",
    Role.ESTABLISHMENT_OFFICE: "区委编办",
    Role.JUSTICE_BUREAU: "区司法局",
    Role.ADMIN: "管理员",
}

TOKEN_ROLES = tuple(role for role in Role if role is not Role.PUBLIC)  # public needs no token


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a request acts as: a role, the unit a ``unit`` principal is bound to, and a name.

    ``name`` is recorded in the change log as who made a change; ``token_id`` names the token
    (``None`` for the public).
    """

    role: Role
    name: str
    unit: str | None = None
    token_id: str | None = None

    @property
    def is_public(self) -> bool:
        return self.role is Role.PUBLIC


PUBLIC = Principal(role=Role.PUBLIC, name="public")


class ApiToken(BaseModel):
    """A stored API token: everything but the secret, which only its holder has."""

    model_config = ConfigDict(frozen=True)

    id: str
    secret_hash: str  # hex SHA-256 of the whole token string
    name: str
    role: Role
    unit: str | None = None
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def principal(self) -> Principal:
        return Principal(role=self.role, name=self.name, unit=self.unit, token_id=self.id)


def new_token_id() -> str:
    """A short public id for listing and revoking a token (not a secret)."""
    return secrets.token_hex(ID_BYTES)


def new_secret() -> str:
    """A fresh token string: the prefix and 256 random bits, URL-safe."""
    return TOKEN_PREFIX + secrets.token_urlsafe(SECRET_BYTES)


def hash_secret(secret: str) -> str:
    """The hex SHA-256 under which a token is stored and looked up."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
