"""The ``graph-service`` command line: serve, load a dataset, export the schemas.

With ``bootstrap`` it is the composition root: it alone reads the environment (through
``load_settings``) and turns flags into ``Settings``. Every command's ``--help`` says what it does.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from graph_service.cli_documents import documents
from graph_service.cli_lists import lists
from graph_service.cli_options import GLOBAL_OPTIONS, DataDirOption, SeedOption, err, out
from graph_service.cli_options import configure_logging as _configure_logging
from graph_service.cli_options import settings as _settings
from graph_service.cli_tokens import token_app
from graph_service.config import Settings, SettingsError, StoreKind, store_option
from graph_service.domain.errors import AuthorityGraphError, Problem, ValidationError
from graph_service.engine.answers import Finding, FindingKind

app = typer.Typer(
    name="graph-service",
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    help="Authority graph service: who is competent for which enforcement matter, where and when.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(lists)  # import-list and export-list, as top-level commands
app.add_typer(token_app, name="token")  # token create, list, revoke
app.add_typer(documents)  # document: the bureau's documents as DOCX or Markdown

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


@app.callback()
def main(
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Backend: falkordb (embedded, default), neo4j, or a Neo4j URI such as "
            "neo4j://host:7687 (user, password and database from NEO4J_USER, NEO4J_PASSWORD, "
            "NEO4J_DATABASE; env GRAPH_SERVICE_STORE).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Authority graph service: who is competent for which enforcement matter, where and when."""
    GLOBAL_OPTIONS.clear()
    if store is not None:
        try:
            GLOBAL_OPTIONS.update(store_option(store))
        except SettingsError as error:
            err.print(f"[red]error:[/] {error}")
            raise typer.Exit(2) from None


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
    from graph_service.bootstrap import event_loop_factory
    from graph_service.bootstrap import serve as run

    settings = _settings(host=host, port=port, data_dir=data_dir, seed_on_empty=seed)
    _configure_logging(settings)
    if not _port_is_free(settings.host, settings.port):  # before the data dir is touched
        err.print(
            f"[red]error:[/] port {settings.port} on {settings.host} is already in use; "
            "stop the other process or choose another --port"
        )
        raise typer.Exit(1)

    def announce(url: str) -> None:
        out.print(f"GraphQL API ready at {url}", soft_wrap=True)

    try:
        with asyncio.Runner(loop_factory=event_loop_factory(settings)) as runner:
            runner.run(run(settings, on_ready=announce))
    except KeyboardInterrupt:
        pass
    except AuthorityGraphError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from None


def _port_is_free(host: str, port: int) -> bool:
    """Whether ``host:port`` can be bound now (as uvicorn will, with ``SO_REUSEADDR``)."""
    if port == 0:
        return True
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError:
            return False
    return True


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
    from graph_service.service.dataset_files import read_files

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        step = progress.add_task(f"reading {path}", total=3)
        files = await asyncio.to_thread(read_files, path)  # a bad file never opens the store
        progress.update(step, advance=1, description="opening the store")
        async with open_service(settings, seed_on_empty=False, background=False) as ctx:
            progress.update(step, advance=1, description=f"validating {path}")
            stored = None if replace else ctx.projection.dataset
            incoming = await asyncio.to_thread(files.check, stored)
            progress.update(step, description=f"writing {incoming.size()} records")
            record = await load_dataset(ctx, incoming, replace=replace, by=by)
            progress.update(step, advance=1)
    return (
        f"loaded {record.upserted} records from {path} as revision {record.revision} "
        f"(deleted {record.deleted}; change {record.id}, recorded by {record.recorded_by})"
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


@app.command()
def synth(
    out_file: Annotated[
        Path, typer.Option("--out", "-o", help="Where to write the dataset (JSON).")
    ] = Path("synth-beijing.json"),
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same dataset.")] = 2020,
    scale: Annotated[
        str, typer.Option(help="Preset: beijing (about a million holdings) or small.")
    ] = "beijing",
) -> None:
    """Write a synthetic dataset at Beijing scale (authority-graph/1) for benchmarks.

    16 districts, 343 streets and towns, 60 departments per district, 8,000 items, the 431-item
    delegation to every street and town, zones, abolished units and transfers; every record is
    marked illustrative. Load it with `graph-service load` or measure it with `make bench`.
    """
    from seed.synth.dataset import SCALES, write_synth

    if scale not in SCALES:
        err.print(f"[red]error:[/] --scale must be one of {', '.join(SCALES)}, not '{scale}'")
        raise typer.Exit(2)
    with err.status(f"generating the {scale} dataset (seed {seed})"):
        dataset = write_synth(out_file, seed=seed, scale=SCALES[scale])
    out.print(
        f"wrote {out_file}: {len(dataset.regions)} regions, {len(dataset.units)} units, "
        f"{len(dataset.items)} items, {len(dataset.acts)} acts"
    )


@app.command()
def migrate(data_dir: DataDirOption = None) -> None:
    """Apply the numbered schema migrations (cypher/schema/neo4j/) to the configured Neo4j.

    Idempotent: applied versions are recorded in the database and skipped. The embedded FalkorDB
    creates its indexes itself whenever it opens, so there is nothing to migrate there.
    """
    from graph_service.bootstrap import migrate as run

    settings = _settings(data_dir=data_dir)
    try:
        applied = asyncio.run(run(settings))
    except AuthorityGraphError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from None
    if settings.store is not StoreKind.NEO4J:
        out.print("the embedded FalkorDB creates its indexes when it opens: nothing to migrate")
    else:
        out.print(f"applied {len(applied)} migration(s)" + "".join(f"\n  {n}" for n in applied))


@app.command()
def check(
    data_dir: DataDirOption = None,
    at: Annotated[
        str | None,
        typer.Option(help="Date to check, YYYY-MM-DD (default today).", show_default=False),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            help="Only findings of this kind (repeatable), e.g. OVERLAP.", show_default=False
        ),
    ] = None,
    seed: SeedOption = None,
) -> None:
    """Print the findings (overlaps, gaps …) the justice bureau must coordinate on a date.

    Exit code 0 when there are none, 3 when there are findings.
    """
    from graph_service.bootstrap import open_service

    settings = _settings(data_dir=data_dir, seed_on_empty=seed)
    try:
        day = date.fromisoformat(at) if at else date.today()
    except ValueError:
        err.print(f"[red]error:[/] --at must be a date YYYY-MM-DD, not '{at}'")
        raise typer.Exit(2) from None
    wanted = {k.upper() for k in kind or []}
    known = {k.value for k in FindingKind}
    unknown = sorted(wanted - known)
    if unknown:
        err.print(
            f"[red]error:[/] --kind: unknown finding kind {', '.join(unknown)}; "
            f"use one of {', '.join(sorted(known))}"
        )
        raise typer.Exit(2)

    async def run() -> list[Finding]:
        async with open_service(settings, background=False) as ctx:
            return ctx.projection.findings(day)

    try:
        found = [f for f in asyncio.run(run()) if not wanted or f.kind.value in wanted]
    except AuthorityGraphError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from None
    for finding in found:
        places = "、".join(finding.places[:5]) + (" …" if len(finding.places) > 5 else "")
        out.print(
            f"{finding.severity.value:6} {finding.kind.value:18} {finding.id}  "
            f"{','.join(finding.items) or finding.item or ''}"
            f"  [{places}]\n        {finding.summary}",
            soft_wrap=True,
        )
    out.print(f"{len(found)} finding(s) on {day.isoformat()}")
    if found:
        raise typer.Exit(3)


def entrypoint() -> None:
    """The console entry point: ``app`` with no traceback for the user, ever.

    An exception that escapes a command is a bug; the user gets one line naming it and the
    exit code 70 (EX_SOFTWARE); the traceback goes to the log at debug level.
    """
    try:
        app()
    except Exception as error:
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        message = str(error).splitlines()[0][:200] if str(error) else ""
        err.print(
            f"[red]error:[/] unexpected {type(error).__name__}: {message} "
            "(run with GRAPH_SERVICE_LOG_LEVEL=debug for the details)",
            soft_wrap=True,
        )
        raise SystemExit(70) from None


if __name__ == "__main__":
    entrypoint()
