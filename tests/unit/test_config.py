"""Settings: flags over environment over defaults, and clear messages for bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.config import Settings, SettingsError, StoreKind, load_settings


def test_defaults_when_nothing_is_set() -> None:
    settings = load_settings({})
    assert settings == Settings(
        data_dir=Path("data"),
        host="127.0.0.1",
        port=8000,
        store=StoreKind.FALKORDB,
        seed_on_empty=True,
        jurisdiction=None,
        log_level="info",
        require_token=False,
    )
    assert settings.graphql_url == "http://127.0.0.1:8000/graphql"


def test_environment_is_read_only_when_asked() -> None:
    env = {
        "GRAPH_SERVICE_DATA_DIR": "/srv/graph",
        "GRAPH_SERVICE_HOST": "0.0.0.0",
        "GRAPH_SERVICE_PORT": "9100",
        "GRAPH_SERVICE_STORE": "Neo4j",
        "GRAPH_SERVICE_SEED_ON_EMPTY": "no",
        "GRAPH_SERVICE_JURISDICTION": " 110115 , 131025,",
        "GRAPH_SERVICE_LOG_LEVEL": "DEBUG",
        "GRAPH_SERVICE_REQUIRE_TOKEN": "yes",
    }
    settings = load_settings(env)
    assert settings.data_dir == Path("/srv/graph")
    assert settings.host == "0.0.0.0"
    assert settings.port == 9100
    assert settings.store is StoreKind.NEO4J
    assert settings.seed_on_empty is False
    assert settings.jurisdiction == ("110115", "131025")
    assert settings.log_level == "debug"
    assert settings.require_token is True


def test_flags_win_over_environment_and_none_means_not_given() -> None:
    env = {"GRAPH_SERVICE_DATA_DIR": "/from/env", "GRAPH_SERVICE_PORT": "9100"}
    settings = load_settings(env, data_dir=Path("/from/flag"), port=None, seed_on_empty=False)
    assert settings.data_dir == Path("/from/flag")
    assert settings.port == 9100
    assert settings.seed_on_empty is False


def test_blank_jurisdiction_lets_the_engine_infer_it() -> None:
    assert load_settings({"GRAPH_SERVICE_JURISDICTION": " , "}).jurisdiction is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GRAPH_SERVICE_PORT": "http"}, "GRAPH_SERVICE_PORT must be a port number, not 'http'"),
        ({"GRAPH_SERVICE_PORT": "70000"}, "GRAPH_SERVICE_PORT must be between 0 and 65535"),
        ({"GRAPH_SERVICE_STORE": "sqlite"}, "GRAPH_SERVICE_STORE must be one of falkordb, neo4j"),
        ({"GRAPH_SERVICE_SEED_ON_EMPTY": "maybe"}, "must be true or false, not 'maybe'"),
        ({"GRAPH_SERVICE_REQUIRE_TOKEN": "sometimes"}, "GRAPH_SERVICE_REQUIRE_TOKEN must be"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(env)


def test_unknown_override_is_refused() -> None:
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        load_settings({}, colour="red")


def test_settings_are_frozen() -> None:
    settings = load_settings({})
    with pytest.raises(AttributeError):
        settings.port = 1  # type: ignore[misc]


def test_a_store_option_is_a_backend_name_or_a_neo4j_uri() -> None:
    from graph_service.config import StoreKind, store_option

    assert store_option("falkordb") == {"store": StoreKind.FALKORDB}
    assert store_option("neo4j+s://abc.databases.neo4j.io") == {
        "store": StoreKind.NEO4J,
        "neo4j_uri": "neo4j+s://abc.databases.neo4j.io",
    }
    with pytest.raises(SettingsError):
        store_option("postgres")


def test_hardening_settings_from_the_environment() -> None:
    settings = load_settings(
        {
            "GRAPH_SERVICE_ALLOWED_HOSTS": "graph.example.gov.cn, 10.0.0.5",
            "GRAPH_SERVICE_MAX_BODY_BYTES": "1048576",
            "GRAPH_SERVICE_REQUEST_TIMEOUT": "2.5",
            "GRAPH_SERVICE_LOG_FORMAT": "JSON",
        }
    )
    assert settings.allowed_hosts == ("graph.example.gov.cn", "10.0.0.5")
    assert settings.max_body_bytes == 1_048_576
    assert settings.request_timeout == 2.5
    assert settings.log_format == "json"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("MAX_BODY_BYTES", "ten", "must be a whole number"),
        ("MAX_BODY_BYTES", "0", "must be positive"),
        ("REQUEST_TIMEOUT", "-1", "between 0 and 86400"),
        ("LOG_FORMAT", "xml", "must be one of auto, json, text"),
    ],
)
def test_bad_hardening_settings_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message) as raised:
        load_settings({f"GRAPH_SERVICE_{name}": value})
    assert f"GRAPH_SERVICE_{name}" in str(raised.value)


def test_cors_origins_come_from_the_environment_and_default_to_none() -> None:
    assert load_settings({}).cors_origins == ()
    env = {"GRAPH_SERVICE_CORS_ORIGINS": "https://a.example, http://localhost:5173/"}
    assert load_settings(env).cors_origins == ("https://a.example", "http://localhost:5173")


@pytest.mark.parametrize("origin", ["a.example", "ftp://a.example", "https://a.example/app"])
def test_a_malformed_cors_origin_is_refused_naming_the_variable(origin: str) -> None:
    with pytest.raises(SettingsError, match="GRAPH_SERVICE_CORS_ORIGINS"):
        load_settings({"GRAPH_SERVICE_CORS_ORIGINS": origin})


def test_serving_stack_settings_from_the_environment() -> None:
    defaults = load_settings({})
    assert (defaults.http, defaults.loop, defaults.access_log_every) == ("httptools", "asyncio", 0)
    settings = load_settings(
        {
            "GRAPH_SERVICE_HTTP": "H11",
            "GRAPH_SERVICE_LOOP": "uvloop",
            "GRAPH_SERVICE_ACCESS_LOG": "sample:50",
            "GRAPH_SERVICE_SLOW_REQUEST": "0.25",
        }
    )
    assert (settings.http, settings.loop) == ("h11", "uvloop")
    assert settings.access_log_every == 50
    assert settings.slow_request == 0.25
    assert load_settings({"GRAPH_SERVICE_ACCESS_LOG": "all"}).access_log_every == 1
    assert load_settings({"GRAPH_SERVICE_ACCESS_LOG": "off"}).access_log_every == 0


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("HTTP", "zttp", "must be one of httptools, h11"),
        ("LOOP", "trio", "must be one of asyncio, uvloop"),
        ("ACCESS_LOG", "sample:0", "off, all or sample:N"),
        ("ACCESS_LOG", "some", "off, all or sample:N"),
        ("SLOW_REQUEST", "soon", "a number of seconds"),
    ],
)
def test_bad_serving_stack_settings_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message) as raised:
        load_settings({f"GRAPH_SERVICE_{name}": value})
    assert f"GRAPH_SERVICE_{name}" in str(raised.value)
