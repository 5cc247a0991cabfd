"""编办's column names and category words, one table each (documented in docs/spreadsheets.md).

A header cell is matched after folding full-width characters, dropping whitespace, ``*`` marks and
a parenthesised note (``事项名称（必填）``); a column not in ``SYNONYMS`` is reported, never
dropped silently. The columns after ``REMARK`` are those the export adds; an import recognises
and skips them.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from graph_service.domain.enums import Category


class Column(StrEnum):
    """A power-list column, named by its usual header."""

    SEQ = "序号"
    CODE = "事项编码"
    NAME = "事项名称"
    SUB = "子项"
    CATEGORY = "职权类别"
    BASIS = "设定依据"
    SUBJECT = "实施主体"
    OFFICE = "承办机构"
    DUTIES = "责任事项"
    ACCOUNTABILITY = "追责情形"
    REMARK = "备注"
    # Added by the export: what the graph derives for each row.
    ROLE = "职权角色"
    MODE = "取得方式"
    SCOPES = "行使范围"
    CARVED_OUT = "划出区域"
    VALID_FROM = "起始日期"
    VALID_TO = "终止日期"
    ACTS = "依据决定"


SYNONYMS: dict[Column, tuple[str, ...]] = {
    Column.SEQ: ("序号", "序列号", "NO", "NO."),
    Column.CODE: (
        "事项编码",
        "权力编码",
        "职权编码",
        "事项代码",
        "权力事项编码",
        "编码",
        "基本编码",
    ),
    Column.NAME: (
        "事项名称",
        "权力名称",
        "职权名称",
        "权力事项名称",
        "权力事项",
        "主项名称",
        "主项",
    ),
    Column.SUB: ("子项", "子项名称"),
    Column.CATEGORY: (
        "职权类别",
        "权力类别",
        "事项类型",
        "权力类型",
        "职权类型",
        "事项类别",
        "类别",
    ),
    Column.BASIS: (
        "设定依据",
        "法律依据",
        "实施依据",
        "设定和实施依据",
        "法定依据",
        "执法依据",
        "依据",
    ),
    Column.SUBJECT: ("实施主体", "行使主体", "执法主体", "责任主体", "实施机关"),
    Column.OFFICE: ("承办机构", "承办科室", "内设机构", "承办处室", "责任科室"),
    Column.DUTIES: ("责任事项",),
    Column.ACCOUNTABILITY: ("追责情形", "追责情形及依据", "问责情形", "责任追究情形"),
    Column.REMARK: ("备注", "说明"),
    Column.ROLE: ("职权角色",),
    Column.MODE: ("取得方式",),
    Column.SCOPES: ("行使范围",),
    Column.CARVED_OUT: ("划出区域",),
    Column.VALID_FROM: ("起始日期",),
    Column.VALID_TO: ("终止日期",),
    Column.ACTS: ("依据决定",),
}
NOT_STORED = frozenset({Column.OFFICE, Column.DUTIES, Column.ACCOUNTABILITY, Column.REMARK})
"""编办 columns the model has no place for yet: recognised, reported, left empty on export."""

_BY_HEADER = {name: column for column, names in SYNONYMS.items() for name in names}
_NOTE = re.compile(r"\([^()]*\)$")

CATEGORY_LABELS: dict[Category, str] = {
    Category.LICENSE: "行政许可",
    Category.PENALTY: "行政处罚",
    Category.COERCION: "行政强制",
    Category.INSPECTION: "行政检查",
    Category.LEVY: "行政征收",
    Category.BENEFIT: "行政给付",
    Category.CONFIRMATION: "行政确认",
    Category.ADJUDICATION: "行政裁决",
    Category.REWARD: "行政奖励",
    Category.OTHER: "其他行政权力",
}
_CATEGORY_WORDS: dict[str, Category] = {
    "许可": Category.LICENSE,
    "审批": Category.LICENSE,
    "处罚": Category.PENALTY,
    "强制": Category.COERCION,
    "强制措施": Category.COERCION,
    "强制执行": Category.COERCION,
    "检查": Category.INSPECTION,
    "监督检查": Category.INSPECTION,
    "征收": Category.LEVY,
    "征用": Category.LEVY,
    "征收征用": Category.LEVY,
    "给付": Category.BENEFIT,
    "确认": Category.CONFIRMATION,
    "裁决": Category.ADJUDICATION,
    "奖励": Category.REWARD,
    "其他": Category.OTHER,
    "其它": Category.OTHER,
    "其他权力": Category.OTHER,
    "其他职权": Category.OTHER,
    "其他行政权力": Category.OTHER,
    "其他行政职权": Category.OTHER,
} | {category.value: category for category in Category}
ACCEPTED_CATEGORIES = "许可、处罚、强制、检查、征收、给付、确认、裁决、奖励、其他（可带“行政”二字）"


def compact(text: str) -> str:
    """``text`` with full-width characters folded and every whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def column_of(header: str) -> Column | None:
    """The column a header cell names, if any."""
    name = compact(header).strip("*:").upper()
    column = _BY_HEADER.get(name)
    if column is None and (stripped := _NOTE.sub("", name)) != name:
        column = _BY_HEADER.get(stripped.strip("*:"))
    return column


def category_of(text: str) -> Category | None:
    """The category a 职权类别 cell or a section heading (``一、行政处罚（25项）``) names."""
    word = _NOTE.sub("", compact(text).lower())
    word = re.sub(r"^[一二三四五六七八九十0-9]+[、.]", "", word)
    found = _CATEGORY_WORDS.get(word)
    if found is None and word.startswith("行政"):
        found = _CATEGORY_WORDS.get(word[2:])
    if found is None and word.endswith(("类", "事项")):
        return category_of(word.removesuffix("类").removesuffix("事项"))
    return found
