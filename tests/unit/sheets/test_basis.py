"""设定依据 cells as 编办 write them, parsed by hand: titles, articles, paragraphs, items."""

from __future__ import annotations

import pytest

from graph_service.engine.sheets.basis import ArticleRef, parse_article, parse_basis
from graph_service.engine.sheets.numerals import parse_number, to_numeral


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十四", 24),
        ("一百零五", 105),
        ("一百一十", 110),
        ("两百", 200),
        ("一千零一", 1001),
        ("35", 35),
        ("第五", None),
    ],
)
def test_chinese_numerals_read(text: str, number: int | None) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (24, "二十四"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
    ],
)
def test_chinese_numerals_written(number: int, text: str) -> None:
    assert to_numeral(number) == text
    assert parse_number(text) == number


def cited(text: str) -> list[tuple[str, list[str]]]:
    parsed = parse_basis(text)
    assert parsed.problems == [], parsed.problems
    return [(c.title, [a.key for a in c.articles]) for c in parsed.citations]


def test_one_law_article_and_paragraph() -> None:
    assert cited("《中华人民共和国行政处罚法》第二十四条第一款") == [
        ("中华人民共和国行政处罚法", ["第24条 第1款"])
    ]


def test_several_laws_in_one_cell_with_both_bracket_kinds() -> None:
    cell = "【北京市市容环境卫生条例】第35条、第三十六条；（中华人民共和国行政处罚法）第二十条之一"
    assert cited(cell) == [
        ("北京市市容环境卫生条例", ["第35条", "第36条"]),
        ("中华人民共和国行政处罚法", ["第20条之1"]),
    ]


def test_paragraph_and_item_continue_the_article_before_them() -> None:
    assert cited("中华人民共和国水法第六十五条第一款第二项、第三款、第四项") == [
        ("中华人民共和国水法", ["第65条 第1款 第2项", "第65条 第3款", "第65条 第3款 第4项"])
    ]


def test_revision_notes_and_chapters_are_ignored_and_ranges_expand() -> None:
    assert cited("《城乡规划法》（2019年修正）第三章第十条至第十二条") == [
        ("城乡规划法", ["第10条", "第11条", "第12条"])
    ]


def test_full_width_digits_bare_titles_and_document_numbers() -> None:
    assert cited("依据京政发〔2020〕9号第一条和北京市街道办事处条例第１１条") == [
        ("京政发〔2020〕9号", ["第1条"]),
        ("北京市街道办事处条例", ["第11条"]),
    ]


def test_malformed_cells_say_what_is_missing() -> None:
    assert parse_basis("《北京市某某条例》").problems == [
        "《北京市某某条例》未写明条款（应写明“第X条”）"
    ]
    assert parse_basis("第三条").problems == ["“第三条”前未写明法规名称"]
    assert parse_basis("见附件").problems == ["无法识别的依据“见附件”"]
    assert parse_basis("有关法律法规").problems == ["《有关法律法规》未写明条款（应写明“第X条”）"]
    assert parse_basis("《某法》第十条至第九条").problems == ["条款范围“第10条至第9条”无效"]


def test_stored_articles_read_the_same_way() -> None:
    assert parse_article("第35条 第1款") == ArticleRef(35, paragraph=1)
    assert parse_article("第三十五条第一款") == ArticleRef(35, paragraph=1)
    assert parse_article("第10条末款") is None
    assert ArticleRef(24, paragraph=1, item=2).chinese == "第二十四条第一款第二项"
    assert ArticleRef(20, sub=1).slug == "a20x1"
