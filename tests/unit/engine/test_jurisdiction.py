"""Jurisdiction answers: explanations a memo can cite, legal basis, counterparts, errors."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.errors import NotFoundError
from graph_service.engine.answers import AdjacencyLevel, Status

from .world import (
    ASSIGN_WJW,
    D2019,
    D2021,
    DELEGATE_XF,
    DX,
    GA,
    I1,
    JZF_TITLE,
    LX,
    XF,
    projection,
)

AGREEMENT = {
    "id": "agr",
    "title": "京冀毗邻地区卫生健康执法协作协议",
    "parties": ["dx-wjw", "ga-zf"],
    "fields": ["卫生健康"],
    "valid_from": "2020-01-01",
}


def test_delegation_is_explained_with_document_number_title_date_and_supervision() -> None:
    answer = projection([ASSIGN_WJW, DELEGATE_XF]).jurisdiction(I1, XF, D2021)
    assert answer.explanation.startswith(
        "截至2021年1月1日，兴丰街道的“对在禁止吸烟场所吸烟的处罚”由兴丰街道办事处行使。"
    )
    assert (
        f"2020年7月1日起，依据京政发〔2020〕9号《{JZF_TITLE}》和《中华人民共和国行政处罚法》"
        "第二十四条，区卫生健康委将该职权下放至兴丰街道办事处，由其以自己的名义行使。"
    ) in answer.explanation
    assert "2020年7月1日起，依据" in answer.explanation
    assert "区卫生健康委不再在兴丰街道行使该职权，改为业务指导和监督。" in answer.explanation
    [link] = answer.holders[0].chain
    assert (link.act, link.doc_number, link.effective) == (
        "d-xf",
        "京政发〔2020〕9号",
        date(2020, 7, 1),
    )


def test_gap_is_explained_as_a_gap() -> None:
    answer = projection([ASSIGN_WJW]).jurisdiction(I1, XF, date(2010, 1, 1))
    assert answer.status == Status.GAP
    assert answer.explanation == (
        "截至2010年1月1日，“对在禁止吸烟场所吸烟的处罚”在兴丰街道没有有权行使的执法主体（管辖空白）。"
    )


def test_overlap_is_explained_with_article_25() -> None:
    other = {**ASSIGN_WJW, "id": "a2", "doc": "dxf", "to": ["dx-cgj"]}
    answer = projection([ASSIGN_WJW, other]).jurisdiction(I1, LX, D2021)
    assert answer.status == Status.OVERLAP
    assert "区城管执法局、区卫生健康委均有权在林校路街道行使" in answer.explanation
    assert "第二十五条" in answer.explanation


def test_legal_basis_is_the_items_provisions_with_their_force_on_the_day() -> None:
    [basis] = projection([ASSIGN_WJW]).jurisdiction(I1, XF, D2019).holders[0].basis
    assert (basis.provision, basis.law_title, basis.article, basis.in_force) == (
        "kyt-28",
        "北京市控制吸烟条例",
        "第28条",
        True,
    )


def test_partner_units_across_the_border_are_counterparts_under_a_valid_agreement() -> None:
    p = projection([ASSIGN_WJW], agreements=[AGREEMENT])
    [counterpart] = p.jurisdiction(I1, DX, D2021).counterparts
    assert (counterpart.unit, counterpart.region, counterpart.agreement) == ("ga-zf", GA, "agr")
    # the border fact is recorded on the district: it is the district's, not each street's
    assert (counterpart.level, counterpart.bordering) == (AdjacencyLevel.DISTRICT, DX)
    assert p.jurisdiction(I1, XF, D2021).counterparts == ()
    assert p.jurisdiction(I1, DX, D2019).counterparts == ()


def test_an_agreement_outside_the_items_field_gives_no_counterpart() -> None:
    other_field = {**AGREEMENT, "fields": ["城市管理"]}
    assert (
        projection([ASSIGN_WJW], agreements=[other_field]).jurisdiction(I1, XF, D2021).counterparts
        == ()
    )


def test_unknown_item_or_place_is_not_found() -> None:
    p = projection([ASSIGN_WJW])
    with pytest.raises(NotFoundError):
        p.jurisdiction("nope", XF, D2021)
    with pytest.raises(NotFoundError):
        p.jurisdiction(I1, "nowhere", D2021)


def test_sentences_and_counterparts_are_written_only_when_read() -> None:
    p = projection([ASSIGN_WJW, DELEGATE_XF], agreements=[AGREEMENT])
    answer = p.jurisdiction(I1, DX, D2021)
    links = [link for holder in answer.holders for link in holder.chain]
    assert links
    assert not answer.explained.computed
    assert not answer.bordering.computed
    assert not any(link.explained.computed for link in links)
    assert answer.status == Status.CLEAR
    assert answer.holders
    explanation = answer.explanation  # the summary, then every link's sentence
    assert all(link.explained.computed for link in links)
    assert all(link.explanation in explanation for link in links)
    assert not answer.bordering.computed
    [counterpart] = answer.counterparts
    assert counterpart.unit == "ga-zf"
    again = p.jurisdiction(I1, DX, D2021)  # equal answers compare by their values
    assert again == answer
    assert hash(again.explained) == hash(answer.explained)
    assert p.jurisdiction(I1, XF, D2021) != answer
