"""Mutation area: import a unit's power list from a spreadsheet (the CLI's ``list import`` over
GraphQL), for the establishment office. The file travels base64-encoded in a string argument."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Annotated

import strawberry

from graph_service.domain.errors import DomainError, Problem, ValidationError
from graph_service.service.commands.import_list import import_list

from ..context import Info
from ..types.misc import ChangeRecord, change_record
from ..types.payloads import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
    expected_outcome,
)
from .preview import Preview, preview_type

MAX_FILE_BYTES = 8 * 1024 * 1024


@strawberry.type(description="What the import found and, unless a dry run, recorded.")
class PowerListImported:
    unit: str
    as_of: date
    dry_run: bool
    new_items: list[str]
    updated_items: list[str]
    unchanged_items: list[str]
    new_laws: list[str]
    act: str | None = strawberry.field(description="The assign act recorded (pending review).")
    warnings: list[str]
    preview: Preview | None = strawberry.field(description="What it changes; null: nothing.")
    revision: int | None = strawberry.field(description="Null for a dry run or no change.")
    change: ChangeRecord | None


ImportPowerListPayload = Annotated[
    PowerListImported | ValidationFailed | PermissionDenied | NotFound | Conflict,
    strawberry.union("ImportPowerListPayload"),
]


def _decoded(file: str) -> bytes:
    try:
        data = base64.b64decode(file, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(
            [Problem("file", "须为 base64 编码的表格文件 / must be the file, base64-encoded")],
            "file is not valid",
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            [Problem("file", f"文件不得超过 {MAX_FILE_BYTES} 字节 / too large")],
            "file is too large",
        )
    return data


async def resolve_import_power_list(
    info: Info,
    file: str,
    filename: str,
    unit: str,
    as_of: date | None = None,
    doc: str | None = None,
    dry_run: bool = False,
    published: bool = False,
    create_laws: bool = False,
) -> ImportPowerListPayload:
    ctx = info.context.service
    try:
        result = await import_list(
            ctx,
            _decoded(file),
            filename,
            unit,
            as_of=as_of,
            doc=doc,
            create_laws=create_laws,
            published=published,
            dry_run=dry_run,
            by=info.context.principal.name,
        )
    except DomainError as error:
        return expected_outcome(error, "unit")
    plan = result.plan
    return PowerListImported(
        unit=result.unit.id,
        as_of=result.as_of,
        dry_run=dry_run,
        new_items=list(plan.new_items),
        updated_items=list(plan.updated_items),
        unchanged_items=list(plan.unchanged_items),
        new_laws=list(plan.new_laws),
        act=plan.act,
        warnings=list(plan.warnings),
        preview=None if result.preview is None else preview_type(ctx.records(), result.preview),
        revision=None if result.record is None else result.record.revision,
        change=None if result.record is None else change_record(result.record),
    )


@strawberry.type
class ImportMutation:
    import_power_list: ImportPowerListPayload = strawberry.mutation(
        resolver=resolve_import_power_list,
        description=(
            "Import a unit's power list from a spreadsheet (.xlsx/.xls/.csv, base64 in `file`): "
            "new and changed items and one assign act, pending legal review; `dryRun` previews "
            "only. The establishment office (编办) only."
        ),
    )
