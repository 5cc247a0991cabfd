"""The change log is the truth: folding any prefix of it gives the same projection, and the same
answers "as recorded" at that revision, as the dataset as it stood then (DESIGN §3).

Random histories of acts recorded, amended, withdrawn (deleted) and replaced in the hand-made
Daxing world; for every revision R the live projection's view ``as_recorded(R, undo_of(later))``
must answer exactly as a projection built from ``fold(log[:R])``.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.domain.changes import ChangeSet, EntityRef, fold, undo_of
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.engine.projection import Projection

from .acts_strategy import CHECK_DAYS, ITEMS, OLD_UNIT, acts
from .memlog import MemoryLog, at
from .world import ALL_PLACES, dataset

STEP = st.sampled_from(["record", "amend", "withdraw", "replace"])


def answers(p: Projection) -> list[object]:
    out: list[object] = []
    for day in (CHECK_DAYS[0], CHECK_DAYS[-1]):
        out.append(p.findings(day))
        for item in ("I1", "I2"):
            for place in ALL_PLACES:
                out.append(p.jurisdiction(item, place, day))
    return out


def change_for(step: str, act: dict[str, Any], log: MemoryLog, minute: int) -> ChangeSet:
    stored = {a.id for a in log.state.acts}
    if step == "withdraw" and stored:
        victim = sorted(stored)[minute % len(stored)]
        return ChangeSet(
            recorded_at=at(minute), deletes=[EntityRef(kind=EntityKind.ACT, key=victim)]
        )
    if step == "amend" and stored:
        act = {**act, "id": sorted(stored)[minute % len(stored)]}
    if step == "replace":
        kept = [a.model_dump(mode="json", by_alias=True) for a in log.state.acts][:1]
        whole = dataset([*kept, act], units=[OLD_UNIT], items=ITEMS)
        return ChangeSet(recorded_at=at(minute), replace=True, upserts=whole)
    return ChangeSet(recorded_at=at(minute), upserts=Dataset.model_validate({"acts": [act]}))


@settings(max_examples=40, deadline=None)
@given(history=acts("h", (1, 5)), steps=st.lists(STEP, min_size=1, max_size=5))
def test_folding_any_prefix_equals_the_view_as_recorded_then(
    history: list[dict[str, Any]], steps: list[str]
) -> None:
    log = MemoryLog()
    log.append(ChangeSet(recorded_at=at(0), upserts=dataset([], units=[OLD_UNIT], items=ITEMS)))
    for minute, (act, step) in enumerate(zip(history, steps, strict=False), start=1):
        # stamped as the service stamps what it records: same-day order is the order recorded
        stamped = {**act, "recorded_at": at(minute).isoformat()}
        log.append(change_for(step, stamped, log, minute))
    live = Projection(log.state)
    for revision in range(1, len(log.changes) + 1):
        prefix = log.changes[:revision]
        then = Projection(Dataset().merged(log.changes[0].as_change_set().upserts))
        for later in prefix[1:]:
            then.apply(later.as_change_set())
        view = live.as_recorded(revision, undo_of(log.changes[revision:]))
        assert then.dataset == fold(prefix)
        assert same_records(view.dataset, then.dataset)
        assert answers(view) == answers(then) == answers(Projection(then.dataset))


def same_records(one: Dataset, other: Dataset) -> bool:
    """The same records, whatever their order (undoing puts restored records last)."""
    return sorted(one.records(), key=repr) == sorted(other.records(), key=repr)
