"""``apply`` updates the projection in place and equals a fresh projection of the new dataset."""

from __future__ import annotations

from typing import Any

from graph_service.domain.changes import ChangeSet, EntityRef
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import EntityKind
from graph_service.engine.projection import Projection

from .world import ASSIGN_WJW, D2019, D2021, DELEGATE_XF, DX, I1, dataset

ITEMS = [
    {"code": I1, "name": "对在禁止吸烟场所吸烟的处罚", "category": "penalty", "basis": ["kyt-28"]},
    {"code": "I2", "name": "另一事项", "category": "inspection", "basis": ["kyt-28"]},
]
ASSIGN_I2: dict[str, Any] = {
    "id": "a-i2",
    "kind": "assign",
    "effective": "2018-01-01",
    "items": ["I2"],
    "to": ["dx-cgj"],
}


def assert_same(updated: Projection, fresh: Projection) -> None:
    assert sorted(updated.holdings(), key=lambda h: h.id) == sorted(
        fresh.holdings(), key=lambda h: h.id
    )
    for day in (D2019, D2021):
        assert updated.findings(day) == fresh.findings(day)
    assert updated.power_list("dx-wjw", D2021) == fresh.power_list("dx-wjw", D2021)
    assert updated.dataset == fresh.dataset


def check(before: Dataset, change: ChangeSet) -> Projection:
    p = Projection(before)
    p.apply(change)
    assert_same(p, Projection(change.applied_to(before)))
    return p


def test_recording_an_act_equals_a_rebuild() -> None:
    change = ChangeSet(upserts=Dataset.model_validate({"acts": [DELEGATE_XF]}))
    p = check(dataset([ASSIGN_WJW, ASSIGN_I2], items=ITEMS), change)
    assert p.jurisdiction(I1, "XF", D2021).holders[0].holding.unit == "xf"


def test_withdrawing_an_act_equals_a_rebuild() -> None:
    change = ChangeSet(deletes=[EntityRef(kind=EntityKind.ACT, key="d-xf")])
    check(dataset([ASSIGN_WJW, DELEGATE_XF, ASSIGN_I2], items=ITEMS), change)


def test_changing_an_acts_items_replays_both_old_and_new_items() -> None:
    moved = {**ASSIGN_I2, "items": [I1]}
    change = ChangeSet(upserts=Dataset.model_validate({"acts": [moved]}))
    check(dataset([ASSIGN_WJW, ASSIGN_I2], items=ITEMS), change)


def test_changing_a_unit_rebuilds_everything() -> None:
    abolished = {
        "id": "dx-wjw",
        "name": "区卫生健康委",
        "kind": "department",
        "region": DX,
        "parent": "dx-gov",
        "valid_to": "2020-01-01",
        "successor": "dx-cgj",
    }
    change = ChangeSet(upserts=Dataset.model_validate({"units": [abolished]}))
    p = check(dataset([ASSIGN_WJW, ASSIGN_I2], items=ITEMS), change)
    assert p.jurisdiction(I1, "LX", D2021).holders[0].holding.unit == "dx-cgj"


def test_an_assign_act_no_longer_statutory_replays_its_items_as_original() -> None:
    demoted = {**ASSIGN_WJW, "statutory": False}
    change = ChangeSet(upserts=Dataset.model_validate({"acts": [demoted]}))
    p = check(dataset([ASSIGN_WJW, ASSIGN_I2], items=ITEMS), change)
    assert p.jurisdiction(I1, "LX", D2021).holders[0].holding.mode == "ORIGINAL"
