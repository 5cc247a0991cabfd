"""Query area: what-if — preview an act before it is recorded (DESIGN §5).

A query, not a mutation: it writes nothing. An act that would not be accepted is a
``VALIDATION_FAILED`` error whose problems name the field (``act.from``).
"""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.scalars import JSON

from graph_service import service
from graph_service.engine import answers
from graph_service.engine.records import Records

from ..context import Info
from ..types.enums import Status
from ..types.findings import Finding, finding
from ..types.refs import ItemRef, RegionRef, UnitRef, item_ref, region_ref, unit_ref


@strawberry.type(description="One (item, place) whose answer the act would change.")
class AnswerChange:
    item: ItemRef
    place: RegionRef
    before_status: Status
    before_units: list[UnitRef] = strawberry.field(description="PRIMARY holders before.")
    after_status: Status
    after_units: list[UnitRef] = strawberry.field(description="PRIMARY holders after.")


@strawberry.type(description="What recording the act would do; nothing was written.")
class Preview:
    at: date
    appeared: list[Finding] = strawberry.field(description="Findings the act would create.")
    resolved: list[Finding] = strawberry.field(description="Findings the act would settle.")
    changed: list[Finding] = strawberry.field(
        description="Findings that stay but change (places, units): as they would be after."
    )
    answers: list[AnswerChange]


def preview_type(records: Records, p: answers.Preview) -> Preview:
    return Preview(
        at=p.at,
        appeared=[finding(records, f) for f in p.appeared],
        resolved=[finding(records, f) for f in p.resolved],
        changed=[finding(records, after) for _, after in p.changed],
        answers=[
            AnswerChange(
                item=item_ref(records, a.item),
                place=region_ref(records, a.place),
                before_status=a.before_status,
                before_units=[unit_ref(records, u) for u in a.before_units],
                after_status=a.after_status,
                after_units=[unit_ref(records, u) for u in a.after_units],
            )
            for a in p.answers
        ],
    )


def resolve_preview_act(info: Info, act: JSON, at: date | None = None) -> Preview:
    ctx = info.context.service
    return preview_type(ctx.records(), service.preview_act(ctx, act, at))


@strawberry.type
class PreviewQuery:
    preview_act: Preview = strawberry.field(
        resolver=resolve_preview_act,
        description=(
            "What recording an act (one record of the dataset format's `acts`) would change — "
            "findings that appear or are resolved, answers that change — without writing "
            "anything. `at` defaults to the act's effective date."
        ),
    )
