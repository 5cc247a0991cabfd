"""Where the Neo4j store is and how to log in: ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``.

Read explicitly from a mapping (never at import time) so bootstrap and the CLI decide when the
environment is consulted, and a ``--store neo4j://…`` flag can override the URI. The URI scheme
picks the driver's mode: ``bolt://`` talks to one server; ``neo4j://`` asks a cluster for its
routing table (writes to the leader, reads to followers/read replicas); ``+s`` adds TLS with
system CAs (Aura needs ``neo4j+s://``) and ``+ssc`` accepts a self-signed certificate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from neo4j import Auth, basic_auth

from graph_service.domain.errors import Problem, ValidationError

SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    """Connection settings; the password never appears in ``repr``."""

    uri: str
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str = DEFAULT_DATABASE

    @property
    def auth(self) -> Auth | None:
        """Basic auth when a password is set; ``None`` for a server with auth disabled."""
        return basic_auth(self.user, self.password) if self.password is not None else None

    @property
    def routed(self) -> bool:
        """True for ``neo4j://`` URIs: the driver routes reads to readers in a cluster."""
        return urlsplit(self.uri).scheme.startswith("neo4j")

    @property
    def encrypted(self) -> bool:
        return "+" in urlsplit(self.uri).scheme


def is_neo4j_uri(text: str) -> bool:
    """Whether ``text`` (e.g. a ``--store`` value) names a Neo4j server rather than a backend."""
    return urlsplit(text.strip()).scheme.lower() in SCHEMES


def neo4j_settings(environ: Mapping[str, str], *, uri: str | None = None) -> Neo4jSettings:
    """Settings from ``environ``; ``uri`` (a CLI flag) wins over ``NEO4J_URI``.

    Raises ``ValidationError`` naming the variable when the URI is missing or has a scheme the
    driver does not take, so a misconfigured deployment fails at start, not at the first query.
    """
    raw_uri = (uri or environ.get("NEO4J_URI") or "").strip()
    problems = _uri_problems(raw_uri)
    if problems:
        raise ValidationError(problems, "Neo4j settings are not valid")
    return Neo4jSettings(
        uri=raw_uri,
        user=environ.get("NEO4J_USER") or DEFAULT_USER,
        password=environ.get("NEO4J_PASSWORD") or None,
        database=environ.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
    )


def _uri_problems(uri: str) -> list[Problem]:
    if not uri:
        return [Problem("NEO4J_URI", "is not set (e.g. neo4j://localhost:7687)")]
    parts = urlsplit(uri)
    if parts.scheme.lower() not in SCHEMES:
        known = ", ".join(sorted(SCHEMES))
        return [Problem("NEO4J_URI", f"scheme '{parts.scheme}' is not one of {known}")]
    if not parts.hostname:
        return [Problem("NEO4J_URI", f"'{uri}' names no host")]
    if parts.username or parts.password:
        return [Problem("NEO4J_URI", "must not carry credentials; use NEO4J_USER/NEO4J_PASSWORD")]
    return []
