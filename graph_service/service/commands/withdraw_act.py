"""Command: withdraw (撤回) a recorded act. It produces nothing from the withdrawal on; its
versions stay in the change log."""

from __future__ import annotations

from datetime import date

from graph_service.domain.changes import ChangeRecord, EntityRef, Revision
from graph_service.domain.enums import EntityKind
from graph_service.domain.errors import ConflictError
from graph_service.domain.models import Act, Record
from graph_service.engine.projection import Projection

from ..context import ServiceContext
from ..validation import require_text
from .one_record import existing, write


async def withdraw_act(
    ctx: ServiceContext,
    act_id: str,
    reason: str,
    *,
    by: str,
    on: date | None = None,
    expected_revision: Revision | None = None,
) -> ChangeRecord:
    """Withdraw act ``act_id`` on ``on`` (default: today) for ``reason``."""
    reason = require_text("reason", reason)
    day = on or date.today()

    def build(projection: Projection) -> tuple[list[Record], list[EntityRef]]:
        act = existing(projection, EntityKind.ACT, act_id)
        assert isinstance(act, Act)
        if act.withdrawn_on is not None:
            raise ConflictError(f"决定 {act_id} 已于 {act.withdrawn_on} 撤回 / already withdrawn")
        return [act.model_copy(update={"withdrawn_on": day, "withdrawal_reason": reason})], []

    return await write(
        ctx,
        build,
        by=by,
        summary=f"撤回决定 {act_id}（自{day.isoformat()}起）",
        comment=reason,
        expect=(EntityRef(kind=EntityKind.ACT, key=act_id), expected_revision),
    )
