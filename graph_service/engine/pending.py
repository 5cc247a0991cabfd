"""Acts awaiting legal review (法制审核) that an answer must mention: they produce no holdings yet.

A pending act changes nothing until the justice bureau approves it (``catalog.in_effect``), but a
coordinator asking who is competent must know that a decision about the matter is on its way: the
answer lists every pending act naming the item whose reach covers the asked place, and says so in
its explanation.
"""

from __future__ import annotations

from datetime import date

from graph_service.domain.models import Act

from .answers import PendingAct
from .citation import act_phrase, cn_date
from .state import EngineState


def pending_acts(state: EngineState, item: str, place: str, at: date) -> tuple[PendingAct, ...]:
    """Pending acts naming ``item`` whose places cover ``place`` and that have not ended by ``at``
    (an act still to take effect is listed too: it is the next change)."""
    out: list[PendingAct] = []
    for act in state.catalog.pending_by_item.get(item, ()):
        if act.until is not None and at >= act.until:
            continue
        if not _reaches(state, act, place):
            continue
        law = state.catalog.laws.get(act.doc) if act.doc else None
        out.append(
            PendingAct(
                act=act.id,
                kind=act.kind,
                effective=act.effective,
                doc=act.doc,
                doc_title=law.title if law else None,
                doc_number=law.doc_number if law else None,
            )
        )
    out.sort(key=lambda p: (p.effective, p.act))
    return tuple(out)


def pending_sentence(state: EngineState, pending: tuple[PendingAct, ...]) -> str:
    """``另有…尚待法制审核…``: one sentence for the explanation (empty without pending acts)."""
    if not pending:
        return ""
    acts = state.catalog.acts
    phrases = [
        # a document is named with the day it takes effect; a decision without one by that day
        act_phrase(state.catalog, acts[p.act])
        + (f"（载明自{cn_date(p.effective)}起生效）" if p.doc else "")
        for p in pending
    ]
    if len(phrases) == 1:
        return f"另有涉及本事项的{phrases[0]}尚待法制审核，审核通过前不产生职权。"
    listed = "、".join(phrases)
    return f"另有涉及本事项的{len(phrases)}项决定（{listed}）尚待法制审核，审核通过前均不产生职权。"


def _reaches(state: EngineState, act: Act, place: str) -> bool:
    places = {scope for _, scope in state.catalog.act_targets(act)} | set(act.scope)
    if not places:  # e.g. a cancellation without scope: everywhere
        return True
    return any(state.regions.covers(scope, place) or scope == place for scope in places)
