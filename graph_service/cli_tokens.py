"""``graph-service token``: issue, list and revoke API tokens on the configured store.

Run by an administrator on the machine of the service (the embedded store is shared with a running
service) or against the production Neo4j (``--store``). ``create`` prints the secret alone on
standard output, once, so that ``TOKEN=$(graph-service token create …)`` works, and says on
standard error that it will not be shown again; only its hash is stored. Bad input (an unknown
role, the unit role without ``--unit``, an unknown unit) is refused with exit code 2 and nothing
is written.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.table import Column, Table

from graph_service.cli_options import DataDirOption, err, out, settings
from graph_service.domain.auth import TOKEN_ROLES, ApiToken
from graph_service.domain.errors import AuthorityGraphError, NotFoundError, ValidationError
from graph_service.storage.port import GraphStore

T = TypeVar("T")

token_app = typer.Typer(
    help="API tokens: create (shown once), list, revoke. Roles: "
    + ", ".join(f"{role.value} ({role.label})" for role in TOKEN_ROLES)
    + ".",
    no_args_is_help=True,
)


@token_app.command("create")
def create(
    role: Annotated[
        str,
        typer.Option(
            "--role",
            help="unit, establishment_office, justice_bureau or admin.",
            show_default=False,
        ),
    ],
    name: Annotated[
        str,
        typer.Option(
            "--name",
            help="Who holds it; recorded as who made each change (unique).",
            show_default=False,
        ),
    ],
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="The unit id a unit token acts for.", show_default=False),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Create a token and print it once: it cannot be shown again."""
    from graph_service.service import create_token

    async def work(store: GraphStore) -> tuple[ApiToken, str]:
        issued = await create_token(store.tokens, store, role=role, name=name, unit=unit)
        return issued.token, issued.secret

    token, secret = _run(data_dir, work)
    bound = f", unit {token.unit}" if token.unit else ""
    err.print(
        f"created token {token.id} for {token.role.label} ({token.role.value}{bound}), "
        f"named {token.name}",
        soft_wrap=True,
    )
    out.print(secret, soft_wrap=True)
    err.print(
        "该令牌仅显示这一次，请妥善保存 / this token is shown only now and will not be shown "
        "again: keep it safe; revoke it with `graph-service token revoke "
        f"{token.id}`",
        soft_wrap=True,
    )


@token_app.command("list")
def list_(data_dir: DataDirOption = None) -> None:
    """List every token (revoked ones too) as a table; secrets are never shown (none is kept)."""
    from graph_service.service import list_tokens

    async def work(store: GraphStore) -> list[ApiToken]:
        return await list_tokens(store.tokens)

    tokens = _run(data_dir, work)
    table = Table("name", "role", "unit", "created", "last used", "status")
    table.columns.insert(
        0, Column("id", no_wrap=True, min_width=len(tokens[0].id) if tokens else 2)
    )
    for token in tokens:
        table.add_row(
            token.id,
            token.name,
            f"{token.role.value} ({token.role.label})",
            token.unit or "",
            _when(token.created_at),
            _when(token.last_used_at),
            f"revoked {_when(token.revoked_at)}" if token.revoked else "active",
        )
    out.print(table)
    out.print(f"{len(tokens)} token(s)")


@token_app.command("revoke")
def revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id (see `token list`).")],
    data_dir: DataDirOption = None,
) -> None:
    """Revoke a token: from now on every request that presents it is refused."""
    from graph_service.service import revoke_token

    async def work(store: GraphStore) -> ApiToken:
        return await revoke_token(store.tokens, token_id)

    token = _run(data_dir, work)
    out.print(f"revoked token {token.id} ({token.name}) at {_when(token.revoked_at)}")


def _run(data_dir: Path | None, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    chosen = settings(data_dir=data_dir, seed_on_empty=False)

    async def run() -> T:
        from graph_service.bootstrap import open_store

        store = await open_store(chosen)
        try:
            return await work(store)
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except ValidationError as error:
        err.print("[red]error:[/] nothing was written:", soft_wrap=True)
        for problem in error.problems:
            err.print(f"  --{problem.path}: {problem.message}", soft_wrap=True)
        raise typer.Exit(2) from None
    except NotFoundError as error:
        err.print(f"[red]error:[/] {error}", soft_wrap=True)
        raise typer.Exit(1) from None
    except AuthorityGraphError as error:
        err.print(f"[red]error:[/] {error}", soft_wrap=True)
        raise typer.Exit(1) from None


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z").strip() if moment else ""
