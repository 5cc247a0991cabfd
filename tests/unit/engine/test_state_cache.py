"""Answers kept per engine state: the same as computed afresh, and dropped when a change applies.

``Projection`` keeps the findings of a day, power lists and what the service derives from them
(``state_cache``); each test asks before a change, applies it, and compares with a projection
built from scratch on the changed dataset, which never saw the old answers.
"""

from __future__ import annotations

from functools import partial

from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.engine import findings as findings_module
from graph_service.engine import power_list as power_list_module
from graph_service.engine.projection import Projection
from graph_service.engine.state_cache import Shelf

from .world import ASSIGN_WJW, D2019, D2021, DELEGATE_XF, dataset

DAYS = (D2019, D2021)


def test_kept_answers_equal_the_uncached_engine_functions() -> None:
    p = Projection(dataset([ASSIGN_WJW, DELEGATE_XF]))
    state = p._state
    for _ in range(2):  # the second round answers from the cache
        for day in DAYS:
            assert p.findings(day) == findings_module.findings(state, day)
            assert p.power_list("dx-wjw", day) == power_list_module.power_list(state, "dx-wjw", day)
    assert p.sorted_findings(D2021) is p.sorted_findings(D2021)


def test_a_change_drops_every_kept_answer() -> None:
    before = dataset([ASSIGN_WJW, DELEGATE_XF])
    p = Projection(before)
    kept = {day: (p.findings(day), p.power_list("xf", day)) for day in DAYS}
    derived = p.derived(("count", D2021), lambda: len(p.sorted_findings(D2021)))
    change = ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key="d-xf")])
    p.apply(change)
    fresh = Projection(change.applied_to(before))
    for day in DAYS:
        assert p.findings(day) == fresh.findings(day)
        assert p.power_list("xf", day) == fresh.power_list("xf", day)
    # the delegation to 兴丰 is gone: the kept answers would now be wrong
    assert kept[D2021][1] != p.power_list("xf", D2021) == []
    assert p.derived(("count", D2021), lambda: -1) == -1 != derived


def test_previews_and_views_as_recorded_leave_the_kept_answers_alone() -> None:
    p = Projection(dataset([ASSIGN_WJW]))
    before = p.power_list("xf", D2021)
    change = ChangeSet(upserts=Dataset.model_validate({"acts": [DELEGATE_XF]}))
    p.preview(change, D2021)
    assert p.power_list("xf", D2021) == before == []
    assert p.sorted_power_list("xf", D2021) is p.sorted_power_list("xf", D2021)


def test_a_shelf_keeps_the_most_recently_used_values_up_to_its_capacity() -> None:
    shelf: Shelf[int, str] = Shelf(2)
    calls: list[int] = []

    def value(key: int) -> str:
        calls.append(key)
        return str(key)

    assert [shelf.get(k, partial(value, k)) for k in (1, 2, 1, 3)] == ["1", "2", "1", "3"]
    assert calls == [1, 2, 3]  # 1 came from the shelf the second time
    assert (1 in shelf, 2 in shelf, 3 in shelf, len(shelf)) == (True, False, True, 2)
    shelf.get(2, lambda: value(2))
    assert calls == [1, 2, 3, 2]
    assert 1 not in shelf
