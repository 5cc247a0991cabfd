"""``graph-service document``: the bureau's documents about a dispute or a finding, as a file.

Run on the data dir by an operator of the service (as ``token`` is), it acts as the justice
bureau; the content and rendering are ``graph_service.service.dispute_documents``'s, as for
``GET /documents/…``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from graph_service.cli_options import DataDirOption, SeedOption, err, out, settings
from graph_service.domain.auth import Principal, Role
from graph_service.domain.errors import AuthorityGraphError
from graph_service.engine.dispute_documents import DocumentKind

documents = typer.Typer(rich_markup_mode="markdown")
OPERATOR = Principal(role=Role.JUSTICE_BUREAU, name="graph-service document")


@documents.command("document")
def document(
    kind: Annotated[
        DocumentKind,
        typer.Option(
            help="opinion 协调意见书、supervision 督办函、designation 指定管辖决定书（代拟稿）。"
        ),
    ],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="输出文件：.docx 或 .md。")],
    dispute: Annotated[str | None, typer.Option(help="争议编号。", show_default=False)] = None,
    finding: Annotated[
        str | None,
        typer.Option(help="发现编号（多头管辖或管辖空白，生成草稿）。", show_default=False),
    ] = None,
    data_dir: DataDirOption = None,
    seed: SeedOption = None,
) -> None:
    """生成司法局文书（DOCX 或 Markdown）：当事单位、事项、地域、事实、法律依据、决定链与决定。"""
    from graph_service.bootstrap import open_service
    from graph_service.service.dispute_documents import (
        FileFormat,
        document_content,
        document_file,
    )

    suffix = out_file.suffix.lower().lstrip(".")
    if suffix not in {f.value for f in FileFormat} or (dispute is None) == (finding is None):
        err.print("[red]error:[/] give --dispute or --finding, and --out ending in .docx or .md")
        raise typer.Exit(2)
    config = settings(data_dir=data_dir, seed_on_empty=seed)

    async def make() -> bytes:
        async with open_service(config, background=False) as ctx:
            content = document_content(ctx, OPERATOR, kind, dispute_id=dispute, finding_id=finding)
            return document_file(content, FileFormat(suffix), dispute or finding or "").body

    try:
        body = asyncio.run(make())
    except AuthorityGraphError as error:
        err.print(f"[red]错误：[/]{error}", soft_wrap=True)
        raise typer.Exit(1) from None
    out_file.write_bytes(body)
    out.print(f"wrote {out_file}", soft_wrap=True)
