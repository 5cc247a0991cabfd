"""The ``graph-service`` command line: serve, load a dataset, export the schemas.

With ``bootstrap`` it is the composition root: it alone reads the environment (through
``load_settings``) and turns flags into ``Settings``. Every command's ``--help`` says what it does.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from graph_service.config import Settings, SettingsError, load_settings
from graph_service.domain.errors import AuthorityGraphError, Problem, ValidationError

app = typer.Typer(
    name="graph-service",
    rich_markup_mode="markdown",
    help="Authority graph service: who is competent for which enforcement matter, where and when.",
    no_args_is_help=True,
    add_completion=False,
)
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
HostOption = Annotated[
    str | None,
    typer.Option(
        help="Interface to listen on (env GRAPH_SERVICE_HOST; default 127.0.0.1).",
        show_default=False,
    ),
]
PortOption = Annotated[
    int | None,
    typer.Option(
        help="Port to listen on (env GRAPH_SERVICE_PORT; default 8000).", show_default=False
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


def _settings(**overrides: object | None) -> Settings:
    try:
        return load_settings(None, **overrides)
    except SettingsError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from None


def _configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )


@app.command()
def serve(
    host: HostOption = None,
    port: PortOption = None,
    data_dir: DataDirOption = None,
    seed: SeedOption = None,
) -> None:
    """Serve the GraphQL API: GraphiQL at /graphql in a browser, readiness at /healthz.

    The embedded FalkorDB is started in the data dir and stopped on exit (Ctrl-C or SIGTERM).
    An empty data dir is first loaded with the Daxing seed unless --no-seed is given.
    """
    from graph_service.bootstrap import serve as run

    settings = _settings(host=host, port=port, data_dir=data_dir, seed_on_empty=seed)
    _configure_logging(settings)

    def announce(url: str) -> None:
        out.print(f"GraphQL API ready at {url}", soft_wrap=True)

    try:
        asyncio.run(run(settings, on_ready=announce))
    except KeyboardInterrupt:
        pass
    except AuthorityGraphError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from None


@app.command()
def load(
    path: Annotated[
        Path,
        typer.Argument(
            help="A dataset (authority-graph/1, JSON or YAML) or a directory of them.",
            exists=True,
            show_default=False,
        ),
    ],
    data_dir: DataDirOption = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Make this dataset the whole graph.")
    ] = False,
    by: Annotated[
        str, typer.Option("--by", help="Who records it (kept in the audit trail).")
    ] = "cli",
) -> None:
    """Load a dataset into the store, all or nothing.

    On any problem, every problem is printed with its file and path (such as acts.yaml:
    acts[12].from), the exit code is 1 and the store is left untouched.
    """
    settings = _settings(data_dir=data_dir, seed_on_empty=False)
    _configure_logging(settings)
    try:
        summary = asyncio.run(_load(settings, path, replace=replace, by=by))
    except ValidationError as error:
        _print_problems(path, error.problems)
        raise typer.Exit(1) from None
    except AuthorityGraphError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from None
    out.print(summary, soft_wrap=True)


async def _load(settings: Settings, path: Path, *, replace: bool, by: str) -> str:
    from graph_service.bootstrap import open_service
    from graph_service.service import load_dataset
    from graph_service.service.dataset_files import read_and_check

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        step = progress.add_task("opening the store", total=3)
        async with open_service(settings, seed_on_empty=False) as ctx:
            progress.update(step, advance=1, description=f"reading and validating {path}")
            stored = None if replace else ctx.projection.dataset
            incoming = await asyncio.to_thread(read_and_check, path, stored)
            progress.update(step, advance=1, description=f"writing {incoming.size()} records")
            record = await load_dataset(ctx, incoming, replace=replace, by=by)
            progress.update(step, advance=1)
    return (
        f"loaded {record.upserted} records from {path} (change {record.id}, "
        f"recorded by {record.recorded_by})"
    )


def _print_problems(path: Path, problems: list[Problem]) -> None:
    err.print(
        f"[red]error:[/] {path} was not loaded: {len(problems)} problem(s); nothing was written"
    )
    for problem in problems:
        err.print(f"  {problem.path or '(document)'}: {problem.message}", soft_wrap=True)


@app.command("export-schema")
def export_schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the GraphQL SDL.")
    ] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL schema (SDL) and the dataset JSON Schema.

    The SDL goes to schema.graphql, the JSON Schema to seed/schema/authority-graph-1.schema.json;
    both are committed and tests fail when they drift.
    """
    from graph_service.api import schema_sdl
    from seed.schema_export import write_json_schema

    output.write_text(schema_sdl(), encoding="utf-8")
    out.print(f"wrote {output}")
    out.print(f"wrote {write_json_schema()}")


if __name__ == "__main__":
    app()
