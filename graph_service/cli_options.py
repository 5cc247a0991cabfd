"""What every ``graph-service`` command shares: the consoles, common options and the settings.

The root callback keeps the global ``--store`` choice in ``GLOBAL_OPTIONS``; each command turns it
and its own flags into ``Settings`` through ``settings`` (a bad value exits with code 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph_service.config import Settings, SettingsError, load_settings

GLOBAL_OPTIONS: dict[str, object] = {}

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Directory of the embedded database (env GRAPH_SERVICE_DATA_DIR; default ./data).",
        show_default=False,
    ),
]
SeedOption = Annotated[
    bool | None,
    typer.Option(
        "--seed/--no-seed",
        help="Load the Daxing seed into an empty data dir (env GRAPH_SERVICE_SEED_ON_EMPTY; "
        "default --seed).",
        show_default=False,
    ),
]


def settings(**overrides: object | None) -> Settings:
    try:
        return load_settings(None, **{**GLOBAL_OPTIONS, **overrides})
    except SettingsError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from None


def configure_logging(settings: Settings) -> None:
    from graph_service.logs import configure_logging as configure

    configure(settings.log_level, settings.log_format)
