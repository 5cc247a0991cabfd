"""设定依据 cells parsed into the documents and articles they cite.

A cell such as ``《中华人民共和国行政处罚法》第二十四条第一款；【某某条例】第35条、第36条``
names one or more documents, each followed by articles (``第X条``, ``第X条之一``,
``第X条第Y款第Z项``, Chinese numerals or digits, ranges with 至). Titles come in 《》, 【】, 〈〉,
「」 or “”, in （） when nothing else marks them, or bare before ``第X条``; a document number
(京政发〔2020〕9号) stands for its document; a parenthesis after a title that names a revision
(（2021年修订）) is ignored.

Pure and domain-free: it returns what the cell says and the problems, in Chinese, of the cell
alone; matching titles to laws is the planner's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .numerals import NUMERAL_CHARS, parse_number, to_numeral

_N = f"[{NUMERAL_CHARS}]+"
_TITLE = re.compile(r"《([^》]+)》|【([^】]+)】|〈([^〉]+)〉|<([^>]+)>|「([^」]+)」|“([^”]+)”")
_PAREN = re.compile(r"\(([^()]*)\)")
_ARTICLE = re.compile(rf"第({_N})条(?:之({_N}))?(?:第({_N})款)?(?:第({_N})项)?")
_PARAGRAPH = re.compile(rf"第({_N})款(?:第({_N})项)?")
_ITEM = re.compile(rf"第({_N})项")
_DIVISION = re.compile(rf"第({_N})[编章节]")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,15}[〔\[]\d{4}[〕\]]\d+号")
_RANGE = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*")
_SEPARATORS = " \t\r\n、,;，；。:：和及与以或"
_FILLER = re.compile(
    r"^(?:以及|根据|依据|按照|参照|的规定|有关规定|相关规定|规定|等)+|(?:的规定|等)+$"
)
_TITLE_WORDS = re.compile(r"法|条例|规定|办法|细则|决定|规则|意见|通知|号$")
_REVISION = re.compile(r"\d{4}|修订|修正|修改|试行|草案")
MAX_RANGE = 50


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article, optionally its 之N sub-article, paragraph (款) and item (项)."""

    article: int
    sub: int | None = None
    paragraph: int | None = None
    item: int | None = None

    @property
    def key(self) -> str:
        """How provisions write it: ``第24条 第1款 第2项`` (``第20条之1``)."""
        text = f"第{self.article}条" + (f"之{self.sub}" if self.sub else "")
        if self.paragraph:
            text += f" 第{self.paragraph}款"
        if self.item:
            text += f" 第{self.item}项"
        return text

    @property
    def slug(self) -> str:
        """For ids, as the seed writes them: ``a24``, ``a24-p1-i2``, ``a20x1``."""
        text = f"a{self.article}" + (f"x{self.sub}" if self.sub else "")
        text += f"-p{self.paragraph}" if self.paragraph else ""
        return text + (f"-i{self.item}" if self.item else "")

    @property
    def chinese(self) -> str:
        """How power lists write it: ``第二十四条第一款第二项``."""
        text = f"第{to_numeral(self.article)}条" + (f"之{to_numeral(self.sub)}" if self.sub else "")
        if self.paragraph:
            text += f"第{to_numeral(self.paragraph)}款"
        if self.item:
            text += f"第{to_numeral(self.item)}项"
        return text


@dataclass(slots=True)
class Citation:
    """One document as cited: its title (or number) and the articles cited from it."""

    title: str
    articles: list[ArticleRef] = field(default_factory=list)


@dataclass(slots=True)
class ParsedBasis:
    citations: list[Citation]
    problems: list[str]


def normalise(text: str) -> str:
    """Full-width letters, digits and brackets folded (NFKC); 〔〕 kept."""
    return unicodedata.normalize("NFKC", text)


def parse_article(text: str) -> ArticleRef | None:
    """A provision's ``article`` (``第35条 第1款``, ``第三十五条``) as a reference, if it is one."""
    match = _ARTICLE.fullmatch(re.sub(r"\s+", "", normalise(text)))
    return _article(match) if match else None


def parse_basis(cell: str) -> ParsedBasis:
    """Every document and article a 设定依据 cell cites, and what could not be read."""
    return _Scanner(normalise(cell)).run()


def _article(match: re.Match[str]) -> ArticleRef | None:
    numbers = [parse_number(g) if g else None for g in match.groups()]
    if numbers[0] is None or any(
        g and n is None for g, n in zip(match.groups(), numbers, strict=True)
    ):
        return None
    return ArticleRef(numbers[0], numbers[1], numbers[2], numbers[3])


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.citations: list[Citation] = []
        self.problems: list[str] = []
        self.current: Citation | None = None
        self.bare = ""
        self.ranged = False

    def run(self) -> ParsedBasis:
        text, i = self.text, 0
        while i < len(text):
            if match := _TITLE.match(text, i):
                self._open(next(g for g in match.groups() if g is not None))
            elif match := _DOC_NUMBER.match(text, i):
                self._open(_FILLER.sub("", match.group(0)))
            elif match := _PAREN.match(text, i):
                self._paren(match.group(1))
            elif match := _ARTICLE.match(text, i):
                self._cite(match)
            elif match := _PARAGRAPH.match(text, i):
                self._paragraph(match)
            elif match := _ITEM.match(text, i):
                self._item(match)
            elif match := _DIVISION.match(text, i):
                pass  # 第三章: the articles that follow say where
            elif (
                (match := _RANGE.match(text, i))
                and self._last()
                and _ARTICLE.match(text, match.end())
            ):
                self.ranged = True
            else:
                self.bare += text[i]
                i += 1
                continue
            i = match.end()
        self._finish()
        return ParsedBasis(self.citations, self.problems)

    def _pending_title(self) -> str:
        title = self.bare.strip(_SEPARATORS)
        self.bare = ""
        return _FILLER.sub("", title).strip(_SEPARATORS)

    def _open(self, title: str) -> None:
        leftover = self._pending_title()
        if leftover and _TITLE_WORDS.search(leftover):
            self._close()
            self.citations.append(Citation(leftover))
        self._close()
        self.current = Citation(re.sub(r"\s+", "", title))
        self.citations.append(self.current)

    def _paren(self, inner: str) -> None:
        if _ARTICLE.search(inner):
            self._scan_inside(inner)
        elif self._title_in_parens(inner):
            self._open(inner)
        elif self.bare.strip(_SEPARATORS) and not _REVISION.search(inner):
            self.bare += f"({inner})"  # part of a bare title, e.g. 临空经济区(大兴)
        # otherwise a note such as (2021年修订): ignored

    def _title_in_parens(self, inner: str) -> bool:
        """（中华人民共和国行政处罚法） where a title may start: first, or after a separator."""
        if self.bare.strip(_SEPARATORS) or not _TITLE_WORDS.search(inner):
            return False
        return self.current is None or (bool(self.bare) and not _REVISION.search(inner))

    def _scan_inside(self, inner: str) -> None:
        for match in _ARTICLE.finditer(inner):
            self._cite(match)

    def _cite(self, match: re.Match[str]) -> None:
        title = self._pending_title()
        if title:
            self._close()
            self.current = Citation(title)
            self.citations.append(self.current)
        ref = _article(match)
        if self.current is None:
            self.problems.append(f"“{match.group(0)}”前未写明法规名称")
            return
        if ref is None:
            self.problems.append(f"无法识别条款“{match.group(0)}”")
            return
        last = self._last()
        if self.ranged and last is not None:
            self.ranged = False
            if not last.article < ref.article <= last.article + MAX_RANGE:
                self.problems.append(f"条款范围“第{last.article}条至第{ref.article}条”无效")
                return
            self.current.articles.extend(
                ArticleRef(n) for n in range(last.article + 1, ref.article)
            )
        self.current.articles.append(ref)

    def _paragraph(self, match: re.Match[str]) -> None:
        last = self._last()
        paragraph, item = (parse_number(g) if g else None for g in match.groups())
        if last is None or self.current is None or self._pending_title() or paragraph is None:
            self.problems.append(f"“{match.group(0)}”前未写明所属条文")
            return
        self.current.articles.append(ArticleRef(last.article, last.sub, paragraph, item))

    def _item(self, match: re.Match[str]) -> None:
        last = self._last()
        number = parse_number(match.group(1))
        if last is None or self.current is None or self._pending_title() or number is None:
            self.problems.append(f"“{match.group(0)}”前未写明所属条款")
            return
        self.current.articles.append(ArticleRef(last.article, last.sub, last.paragraph, number))

    def _last(self) -> ArticleRef | None:
        if self.current is None or not self.current.articles:
            return None
        return self.current.articles[-1]

    def _close(self) -> None:
        if self.current is not None and not self.current.articles:
            self.problems.append(f"《{self.current.title}》未写明条款（应写明“第X条”）")
        self.current = None

    def _finish(self) -> None:
        leftover = self._pending_title()
        if leftover and _TITLE_WORDS.search(leftover):
            self._close()
            self.current = Citation(leftover)
            self.citations.append(self.current)
        elif leftover and not self.citations:
            self.problems.append(f"无法识别的依据“{leftover}”")
        self._close()
        if not self.citations and not self.problems:
            self.problems.append("未写明依据")
