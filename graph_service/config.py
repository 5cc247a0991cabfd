"""Settings of one service process, built explicitly from the environment and the command line.

Nothing here reads the environment at import time: ``load_settings`` is called by the CLI (the one
place that knows both the environment and the flags) and the result is a frozen value handed down.
Flags win over the environment, the environment over the defaults.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

ENV_PREFIX = "GRAPH_SERVICE_"
HTTP_PARSERS = ("httptools", "h11")
EVENT_LOOPS = ("asyncio", "uvloop")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class StoreKind(StrEnum):
    """Which storage adapter bootstrap opens."""

    FALKORDB = "falkordb"  # embedded, started by the service itself
    NEO4J = "neo4j"  # production: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE


class SettingsError(ValueError):
    """A setting has a value the service cannot use; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything bootstrap needs to wire one process."""

    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 8000
    store: StoreKind = StoreKind.FALKORDB
    seed_on_empty: bool = True
    jurisdiction: tuple[str, ...] | None = None  # region codes; None: inferred by the engine
    log_level: str = "info"
    graph_name: str = "authority"
    neo4j_uri: str | None = None  # a --store URI; None: NEO4J_URI from the environment
    write_back_holdings: bool = True  # keep derived (:Unit)-[:HOLDS]->(:PowerItem) in the store
    follow_interval: float = 0.2  # seconds between looks at the store's change log
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")  # Host header names; "*"
    max_body_bytes: int = 10 * 1024 * 1024  # a request body, for everyone
    max_load_body_bytes: int = 200 * 1024 * 1024  # an administrator's load (once roles exist)
    request_timeout: float = 30.0  # seconds a query may take (a mutation: 20 times as long)
    response_cache_entries: int = 2_048  # answers of reads kept per revision (ADR 0012)
    response_cache_bytes: int = 64 * 1024 * 1024  # … and the bytes they may hold together
    log_format: str = "auto"  # json, text, or auto (text on a terminal, JSON otherwise)
    require_token: bool = False  # every request needs an API token (even answers are not public)
    cors_origins: tuple[str, ...] = ()  # browser origins allowed to call the API; none by default
    document_prefix: str = "京大司"  # numbers of the bureau's documents: 京大司协〔2026〕3号
    dispute_deadlines: tuple[tuple[str, int], ...] = ()  # "negotiating=30,coordinating=60" (days)
    http: str = "httptools"  # uvicorn's HTTP/1.1 parser: httptools (C), or h11 (pure Python)
    loop: str = "asyncio"  # the event loop: asyncio (stdlib) or uvloop (ADR 0013)
    access_log_every: int = 0  # 0: only errors and slow requests; 1: every request; N: 1 in N
    slow_request: float = 1.0  # seconds: a request this slow is always logged

    @property
    def graphql_url(self) -> str:
        return f"http://{self.host}:{self.port}/graphql"


def load_settings(environ: Mapping[str, str] | None = None, **overrides: object | None) -> Settings:
    """Settings from ``environ`` (default ``os.environ``) with non-None ``overrides`` on top.

    ``overrides`` take the field names of ``Settings`` (as the CLI flags do); ``None`` means "not
    given" so an unset flag never hides an environment variable.
    """
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if (raw := env.get(ENV_PREFIX + "DATA_DIR")) is not None and raw:
        values["data_dir"] = Path(raw)
    if (raw := env.get(ENV_PREFIX + "HOST")) is not None and raw:
        values["host"] = raw
    if (raw := env.get(ENV_PREFIX + "PORT")) is not None and raw:
        values["port"] = _port(raw, ENV_PREFIX + "PORT")
    if (raw := env.get(ENV_PREFIX + "STORE")) is not None and raw:
        values["store"] = _store(raw, ENV_PREFIX + "STORE")
    if (raw := env.get(ENV_PREFIX + "SEED_ON_EMPTY")) is not None:
        values["seed_on_empty"] = _flag(raw, ENV_PREFIX + "SEED_ON_EMPTY")
    if (raw := env.get(ENV_PREFIX + "JURISDICTION")) is not None:
        values["jurisdiction"] = parse_region_codes(raw)
    if (raw := env.get(ENV_PREFIX + "WRITE_BACK_HOLDINGS")) is not None:
        values["write_back_holdings"] = _flag(raw, ENV_PREFIX + "WRITE_BACK_HOLDINGS")
    if (raw := env.get(ENV_PREFIX + "FOLLOW_INTERVAL")) is not None and raw:
        values["follow_interval"] = _seconds(raw, ENV_PREFIX + "FOLLOW_INTERVAL")
    if (raw := env.get(ENV_PREFIX + "REQUIRE_TOKEN")) is not None:
        values["require_token"] = _flag(raw, ENV_PREFIX + "REQUIRE_TOKEN")
    if (raw := env.get(ENV_PREFIX + "CORS_ORIGINS")) is not None:
        values["cors_origins"] = parse_origins(raw, ENV_PREFIX + "CORS_ORIGINS")
    if (raw := env.get(ENV_PREFIX + "LOG_LEVEL")) is not None and raw:
        values["log_level"] = raw.lower()
    if (raw := env.get(ENV_PREFIX + "ALLOWED_HOSTS")) is not None and raw.strip():
        values["allowed_hosts"] = tuple(h.strip() for h in raw.split(",") if h.strip())
    for name in (
        "MAX_BODY_BYTES",
        "MAX_LOAD_BODY_BYTES",
        "RESPONSE_CACHE_ENTRIES",
        "RESPONSE_CACHE_BYTES",
    ):
        if (raw := env.get(ENV_PREFIX + name)) is not None and raw:
            values[name.lower()] = _positive_int(raw, ENV_PREFIX + name)
    if (raw := env.get(ENV_PREFIX + "REQUEST_TIMEOUT")) is not None and raw:
        values["request_timeout"] = _timeout(raw, ENV_PREFIX + "REQUEST_TIMEOUT")
    if (raw := env.get(ENV_PREFIX + "DOCUMENT_PREFIX")) is not None and raw.strip():
        values["document_prefix"] = raw.strip()
    if (raw := env.get(ENV_PREFIX + "DISPUTE_DEADLINES")) is not None and raw.strip():
        values["dispute_deadlines"] = parse_deadlines(raw, ENV_PREFIX + "DISPUTE_DEADLINES")
    if (raw := env.get(ENV_PREFIX + "LOG_FORMAT")) is not None and raw:
        values["log_format"] = _choice(raw, ENV_PREFIX + "LOG_FORMAT", ("auto", "json", "text"))
    if (raw := env.get(ENV_PREFIX + "HTTP")) is not None and raw:
        values["http"] = _choice(raw, ENV_PREFIX + "HTTP", HTTP_PARSERS)
    if (raw := env.get(ENV_PREFIX + "LOOP")) is not None and raw:
        values["loop"] = _choice(raw, ENV_PREFIX + "LOOP", EVENT_LOOPS)
    if (raw := env.get(ENV_PREFIX + "ACCESS_LOG")) is not None and raw:
        values["access_log_every"] = parse_access_log(raw, ENV_PREFIX + "ACCESS_LOG")
    if (raw := env.get(ENV_PREFIX + "SLOW_REQUEST")) is not None and raw:
        values["slow_request"] = _timeout(raw, ENV_PREFIX + "SLOW_REQUEST")
    for name, value in overrides.items():
        if name not in Settings.__dataclass_fields__:
            raise SettingsError(f"unknown setting '{name}'")
        if value is not None:
            values[name] = value
    settings = replace(Settings(), **values)  # type: ignore[arg-type]
    return _normalised(settings)


def parse_region_codes(raw: str) -> tuple[str, ...] | None:
    """``"110115, 110116"`` -> ``("110115", "110116")``; blank -> ``None`` (engine infers)."""
    codes = tuple(code.strip() for code in raw.split(",") if code.strip())
    return codes or None


def parse_origins(raw: str, name: str = "cors_origins") -> tuple[str, ...]:
    """``"https://a.example, http://localhost:5173"`` -> the origins; ``*`` allows any origin.

    An origin is a scheme and a host (and port), without a path: anything else is refused so that
    a typo cannot silently allow nothing.
    """
    origins = tuple(origin.strip().rstrip("/") for origin in raw.split(",") if origin.strip())
    for origin in origins:
        scheme, sep, rest = origin.partition("://")
        well_formed = scheme in {"http", "https"} and sep and rest and "/" not in rest
        if origin != "*" and not well_formed:
            raise SettingsError(f"{name}: origins look like https://host[:port], not {origin!r}")
    return origins


def parse_access_log(raw: str, name: str = "access_log") -> int:
    """``off`` -> 0 (errors and slow requests only), ``all`` -> 1, ``sample:N`` -> N (1 in N)."""
    value = raw.strip().lower()
    if value in {"off", "all"}:
        return 0 if value == "off" else 1
    kind, _, every = value.partition(":")
    if kind == "sample" and every.isdigit() and int(every) > 0:
        return int(every)
    raise SettingsError(f"{name} must be off, all or sample:N (N a positive number), not '{raw}'")


def _normalised(settings: Settings) -> Settings:
    port = _port(str(settings.port), "port")
    store = _store(str(settings.store), "store")
    return replace(settings, data_dir=Path(settings.data_dir), port=port, store=store)


def _port(raw: str, name: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a port number, not '{raw}'") from None
    if not 0 <= port <= 65535:
        raise SettingsError(f"{name} must be between 0 and 65535, not {port}")
    return port


def _number_of_seconds(raw: str, name: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, not '{raw}'") from None


def _seconds(raw: str, name: str) -> float:
    value = _number_of_seconds(raw, name)
    if not 0.01 <= value <= 60:
        raise SettingsError(f"{name} must be between 0.01 and 60 seconds, not {value}")
    return value


def store_option(raw: str) -> dict[str, object]:
    """The settings a ``--store`` value stands for: a backend name or a Neo4j URI."""
    text = raw.strip()
    if "://" in text:
        return {"store": StoreKind.NEO4J, "neo4j_uri": text}
    return {"store": _store(text, "--store")}


def _store(raw: str, name: str) -> StoreKind:
    try:
        return StoreKind(raw.strip().lower())
    except ValueError:
        known = ", ".join(kind.value for kind in StoreKind)
        raise SettingsError(f"{name} must be one of {known}, not '{raw}'") from None


def _positive_int(raw: str, name: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not '{raw}'") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, not {value}")
    return value


def _timeout(raw: str, name: str) -> float:
    value = _number_of_seconds(raw, name)
    if not 0 < value < 86_400:
        raise SettingsError(f"{name} must be between 0 and 86400 seconds, not {raw}")
    return value


def _choice(raw: str, name: str, choices: tuple[str, ...]) -> str:
    value = raw.strip().lower()
    if value not in choices:
        raise SettingsError(f"{name} must be one of {', '.join(choices)}, not '{raw}'")
    return value


def _flag(raw: str, name: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name} must be true or false, not '{raw}'")


_STATUSES = ("negotiating", "coordinating", "decided", "implemented")


def parse_deadlines(raw: str, name: str) -> tuple[tuple[str, int], ...]:
    """``negotiating=30,coordinating=60`` -> ``(("negotiating", 30), ("coordinating", 60))``."""
    out: list[tuple[str, int]] = []
    for part in (p.strip() for p in raw.split(",") if p.strip()):
        status, _, days = part.partition("=")
        status = status.strip().lower()
        if status not in _STATUSES or not days.strip().isdigit():
            raise SettingsError(
                f"{name}: '{part}' is not STATUS=DAYS with STATUS one of {', '.join(_STATUSES)}"
            )
        out.append((status, int(days)))
    return tuple(out)
