"""Use case: what-if — what recording an act would change, without writing anything (DESIGN §5).

The act is checked exactly as a write would be (same references, same problems with paths), so a
preview that succeeds is one the establishment office could then record.
"""

from __future__ import annotations

from datetime import date

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import check_dataset, parse_document
from graph_service.domain.errors import Problem, ValidationError
from graph_service.engine.answers import Preview

from .context import ServiceContext


def preview_act(ctx: ServiceContext, act: object, at: date | None = None) -> Preview:
    """The findings that would appear and disappear and the answers that would change.

    ``act`` is one act record as in the dataset format, previewed as approved unless it states
    its review; ``at`` defaults to the act's effective date. Raises ``ValidationError`` (paths
    like ``act.from``) when the act would not be accepted.
    """
    if not isinstance(act, dict):
        raise ValidationError([Problem("act", "an act must be an object")], "act is not valid")
    if "review" not in act:  # what it changes once approved (pending, it produces nothing)
        act = act | {"review": "approved"}
    try:
        incoming = parse_document({"acts": [act]})
    except ValidationError as error:
        raise ValidationError(_renamed(error.problems), "act is not valid") from None
    problems = check_dataset(incoming, ctx.projection.records.by_kind)
    if problems:
        raise ValidationError(_renamed(problems), "act is not valid")
    return ctx.projection.preview(ChangeSet(upserts=incoming, recorded_by="preview"), at)


def _renamed(problems: list[Problem]) -> list[Problem]:
    """``acts[0].from`` -> ``act.from``: the caller sent one act, not a dataset."""
    return [Problem(p.path.replace("acts[0]", "act", 1), p.message) for p in problems]
