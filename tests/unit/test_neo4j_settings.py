"""NEO4J_* settings: defaults, overrides, URI checks and what the scheme implies."""

from __future__ import annotations

import pytest
from neo4j import Auth

from graph_service.domain.errors import ValidationError
from graph_service.storage.neo4j.settings import is_neo4j_uri, neo4j_settings


def test_environment_gives_every_setting() -> None:
    settings = neo4j_settings(
        {
            "NEO4J_URI": "neo4j://db.example:7687",
            "NEO4J_USER": "svc",
            "NEO4J_PASSWORD": "s3cret",
            "NEO4J_DATABASE": "authority",
        }
    )
    assert settings.uri == "neo4j://db.example:7687"
    assert settings.database == "authority"
    assert isinstance(settings.auth, Auth)
    assert settings.auth.principal == "svc"
    assert settings.auth.credentials == "s3cret"


def test_defaults_are_the_neo4j_user_and_database_and_no_auth_without_password() -> None:
    settings = neo4j_settings({"NEO4J_URI": "bolt://localhost:7687"})
    assert (settings.user, settings.database) == ("neo4j", "neo4j")
    assert settings.auth is None


def test_the_flag_wins_over_the_environment() -> None:
    settings = neo4j_settings({"NEO4J_URI": "bolt://a:7687"}, uri="neo4j+s://b.databases.neo4j.io")
    assert settings.uri == "neo4j+s://b.databases.neo4j.io"


def test_the_password_is_not_in_the_repr() -> None:
    settings = neo4j_settings({"NEO4J_URI": "bolt://a:7687", "NEO4J_PASSWORD": "s3cret"})
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("uri", "routed", "encrypted"),
    [
        ("bolt://localhost:7687", False, False),
        ("bolt+s://db.example:7687", False, True),
        ("neo4j://core1.example:7687", True, False),
        ("neo4j+s://abcd.databases.neo4j.io", True, True),
        ("neo4j+ssc://db.internal:7687", True, True),
    ],
)
def test_the_scheme_says_routing_and_tls(uri: str, routed: bool, encrypted: bool) -> None:
    settings = neo4j_settings({"NEO4J_URI": uri})
    assert (settings.routed, settings.encrypted) == (routed, encrypted)


@pytest.mark.parametrize(
    ("uri", "reason"),
    [
        ("", "is not set"),
        ("http://localhost:7474", "scheme 'http'"),
        ("neo4j://", "names no host"),
        ("bolt://neo4j:pw@localhost:7687", "must not carry credentials"),
    ],
)
def test_bad_uris_are_refused_naming_the_variable(uri: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        neo4j_settings({"NEO4J_URI": uri})
    [problem] = caught.value.problems
    assert problem.path == "NEO4J_URI"
    assert reason in problem.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("neo4j://h:7687", True), ("bolt+s://h", True), ("falkordb", False), ("neo4j", False)],
)
def test_is_neo4j_uri_tells_a_uri_from_a_backend_name(text: str, expected: bool) -> None:
    assert is_neo4j_uri(text) is expected
