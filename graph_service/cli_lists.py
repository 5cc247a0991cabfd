"""``graph-service import-list`` and ``export-list``: power-list spreadsheets (权力清单) in and out.

Help and messages are in Chinese, for 编办 staff; the work is done by
``graph_service.service.spreadsheets`` (the same functions the HTTP export and, once roles exist,
a GraphQL mutation call).
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from graph_service.cli_options import (
    DataDirOption,
    SeedOption,
    configure_logging,
    err,
    out,
    settings,
)
from graph_service.config import Settings
from graph_service.domain.errors import AuthorityGraphError, ValidationError

lists = typer.Typer(rich_markup_mode="markdown")


def _day(option: str, text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        err.print(f"[red]error:[/] {option} must be a date YYYY-MM-DD, not '{text}'")
        raise typer.Exit(2) from None


@lists.command("import-list")
def import_list(
    path: Annotated[
        Path,
        typer.Argument(
            help="权力清单文件：XLSX、XLS 或 CSV（UTF-8 或 GB18030 编码）。",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ],
    unit: Annotated[
        str,
        typer.Option(
            "--unit", help="执法主体：单位编号（如 dx-cgzf）或名称、简称（如 区城管执法局）。"
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="比对与生效日期 YYYY-MM-DD（默认今天）：单位当日未持有的事项自该日起赋予。",
            show_default=False,
        ),
    ] = None,
    doc: Annotated[
        str | None,
        typer.Option(
            "--doc",
            help="赋予决定依据的文件：法规编号、标题或文号（如 京政发〔2020〕9号）。",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只比对和预览，不写入。")] = False,
    create_laws: Annotated[
        bool,
        typer.Option(
            "--create-laws", help="设定依据中的法规库中没有时新建（标注待核实），而不报错。"
        ),
    ] = False,
    published: Annotated[
        bool,
        typer.Option(
            "--published", help="作为该单位公示清单（公示）的新版本导入，不生成赋予决定。"
        ),
    ] = False,
    data_dir: DataDirOption = None,
    by: Annotated[str, typer.Option("--by", help="记录人（写入审计记录）。")] = "cli",
    seed: SeedOption = None,
) -> None:
    """导入权力清单（权责清单）：比对、预览，然后作为一个变更写入。

    - 表头按列名识别，其上可有标题行、说明行；支持合并单元格、多个工作表。
    - 设定依据解析为法规和条款；库中没有的法规报错，或加 --create-laws 新建（待核实）。
    - 单位尚未持有的事项由一项赋予决定（待法制审核）赋予；加 --published 则记为公示版本。
    - 变更以文件名为说明；任何问题（注明工作表、行、列）都使整个文件不导入，退出码 1。
    """
    config = settings(data_dir=data_dir, seed_on_empty=seed)
    configure_logging(config)
    day = _day("--as-of", as_of)
    try:
        lines = asyncio.run(
            _import_list(
                config,
                path,
                unit=unit,
                as_of=day,
                doc=doc,
                dry_run=dry_run,
                create_laws=create_laws,
                published=published,
                by=by,
            )
        )
    except ValidationError as error:
        err.print(
            f"[red]错误：[/]{path.name} 未导入，共 {len(error.problems)} 个问题，未写入任何内容"
        )
        for problem in error.problems:
            err.print(f"  {problem.path}：{problem.message}", soft_wrap=True, markup=False)
        raise typer.Exit(1) from None
    except AuthorityGraphError as error:
        err.print(f"[red]错误：[/]{error}", soft_wrap=True)
        raise typer.Exit(1) from None
    for line in lines:
        out.print(line, soft_wrap=True, markup=False)


async def _import_list(
    settings: Settings,
    path: Path,
    *,
    unit: str,
    as_of: date | None,
    doc: str | None,
    create_laws: bool,
    published: bool,
    dry_run: bool,
    by: str,
) -> list[str]:
    from graph_service.bootstrap import open_service
    from graph_service.service.commands.import_list import record_list_import
    from graph_service.service.spreadsheets import preview_list_import, read_file
    from graph_service.service.spreadsheets.report import describe_import

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        step = progress.add_task("打开数据库", total=4)
        async with open_service(settings, background=False) as ctx:
            progress.update(step, advance=1, description=f"读取 {path.name}")
            grids = await asyncio.to_thread(read_file, path)
            progress.update(step, advance=1, description="比对并预览")
            result = await asyncio.to_thread(
                preview_list_import,
                ctx.projection,
                grids,
                file=path.name,
                unit=unit,
                as_of=as_of,
                doc=doc,
                create_laws=create_laws,
                published=published,
            )
            progress.update(step, advance=1, description="写入")
            if not dry_run:
                result = await record_list_import(ctx, result, by=by)
            progress.update(step, advance=1)
    return describe_import(result, dry_run=dry_run)


@lists.command("export-list")
def export_list(
    unit: Annotated[str, typer.Option("--unit", help="执法主体：单位编号或名称、简称。")],
    out_file: Annotated[
        Path,
        typer.Option("--out", "-o", help="输出文件：.xlsx 或 .csv（UTF-8 带 BOM）。"),
    ],
    at: Annotated[
        str | None,
        typer.Option(help="清单日期 YYYY-MM-DD（默认今天）。", show_default=False),
    ] = None,
    version: Annotated[
        int | None,
        typer.Option(help="导出该单位公示清单的第 N 版，而不是某日的清单。", show_default=False),
    ] = None,
    data_dir: DataDirOption = None,
    seed: SeedOption = None,
) -> None:
    """导出单位某日的权力清单（或公示版本）为 XLSX 或 CSV。

    - 列与导入相同，另附职权角色、取得方式、行使范围、划出区域、起止日期和依据决定。
    - 导出的文件原样导入，不产生任何变更。
    """
    from graph_service.bootstrap import open_service
    from graph_service.service.spreadsheets import ListFormat, encode_list
    from graph_service.service.spreadsheets import export_list as rows_of

    suffix = out_file.suffix.lower().lstrip(".")
    if suffix not in {f.value for f in ListFormat}:
        err.print(f"[red]error:[/] --out must end in .xlsx or .csv, not '{out_file.name}'")
        raise typer.Exit(2)
    config = settings(data_dir=data_dir, seed_on_empty=seed)
    day = _day("--at", at)

    async def export() -> int:
        async with open_service(config, background=False) as ctx:
            exported = encode_list(rows_of(ctx, unit, day, version), ListFormat(suffix))
        out_file.write_bytes(exported.content)
        return exported.rows

    try:
        rows = asyncio.run(export())
    except AuthorityGraphError as error:
        err.print(f"[red]错误：[/]{error}", soft_wrap=True)
        raise typer.Exit(1) from None
    out.print(f"wrote {out_file}: {rows} items", soft_wrap=True)
