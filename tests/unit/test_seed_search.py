"""Finding things on the real Daxing seed as a coordinator types them (issue 10, point 10)."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.errors import NotFoundError
from graph_service.engine.answers import SearchKind
from graph_service.engine.projection import Projection
from graph_service.service.dataset_files import read_dataset
from seed import daxing_path

JIUGONG = "110115006000"  # 旧宫地区 (旧宫镇), alternate code 110115114000


@pytest.fixture(scope="module")
def seed() -> Projection:
    return Projection(read_dataset(daxing_path()))


def keys(p: Projection, kind: SearchKind, text: str) -> list[str]:
    return [hit.key for hit in p.search(kind, text, 10)]


@pytest.mark.parametrize("text", ["jiugong", "jgz", "JGDQ", "旧宫", "110115114000"])
def test_a_place_by_pinyin_initials_name_or_alternate_code(seed: Projection, text: str) -> None:
    assert keys(seed, SearchKind.REGION, text)[0] == JIUGONG


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (SearchKind.UNIT, "卫健委", "dx-wsjkw"),
        (SearchKind.UNIT, "城管", "dx-cgzf"),
        (SearchKind.UNIT, "大兴 城管", "dx-cgzf"),
        (SearchKind.REGION, "大兴机场", "110115406000"),
        (SearchKind.ITEM, "控烟", "SEED-CF-014"),
    ],
)
def test_common_short_names_find_the_full_record(
    seed: Projection, kind: SearchKind, text: str, expected: str
) -> None:
    assert expected in keys(seed, kind, text)


def test_several_words_must_all_match(seed: Projection) -> None:
    assert keys(seed, SearchKind.ITEM, "控烟 经营者") == ["SEED-CF-015"]
    assert keys(seed, SearchKind.ITEM, "控烟 不存在的词") == []


def test_a_counterpart_under_the_illustrative_agreement_is_marked_and_at_the_towns_level(
    seed: Projection,
) -> None:
    """榆垡镇 borders 广阳区 by its own (town-level) fact; the only 城管 agreement with 廊坊 is
    illustrative (facts.md §8 gap 7), so the counterpart says so."""
    answer = seed.jurisdiction("SEED-CF-001", "110115107000", date(2026, 12, 1))
    assert answer.counterparts
    assert all(c.illustrative and c.level.value == "TOWNSHIP" for c in answer.counterparts)
    street = seed.jurisdiction("SEED-CF-001", "110115001000", date(2026, 12, 1))
    assert street.counterparts == ()  # 兴丰街道 has no border fact of its own


def test_jurisdiction_accepts_every_code_search_accepts_for_a_place(seed: Projection) -> None:
    day = date(2026, 12, 1)
    by_alias = seed.jurisdiction("SEED-CF-014", "110115114000", day)
    assert by_alias.place == JIUGONG
    assert by_alias == seed.jurisdiction("SEED-CF-014", JIUGONG, day)
    with pytest.raises(NotFoundError):
        seed.jurisdiction("SEED-CF-014", "110115999000", day)
