"""Render a document's content as Markdown or as DOCX laid out as a Chinese official document.

The DOCX follows the usual layout of 党政机关公文 (GB/T 9704): A4 paper, margins of 37 mm top,
28 mm left and 26 mm right, the title in 小标宋/黑体 二号 centred, the number centred under it,
headings in 黑体 三号 and the body in 仿宋 三号 with a two-character first-line indent; the issuer
and the date at the right. python-docx sets the East Asian font (``w:eastAsia``) explicitly, as
Word otherwise falls back to the Latin font for Chinese text.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.run import Run

from graph_service.engine.citation import cn_date
from graph_service.engine.dispute_documents import DocumentContent

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号


def number_line(content: DocumentContent) -> str:
    return content.number or "（文号待编）"


def markdown(content: DocumentContent) -> str:
    """The document as Markdown (title, number, addressees, numbered sections, issuer, date)."""
    lines = [f"# {content.title}", "", number_line(content), "", f"{content.addressees}：", ""]
    for section in content.sections:
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
    lines += [f"{content.issuer}", "", cn_date(content.dated), ""]
    return "\n".join(lines)


def _font(run: Run, name: str, size: Pt, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def docx(content: DocumentContent) -> bytes:
    """The document as DOCX bytes (A4, 仿宋 body, 黑体 headings)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    def paragraph(
        text: str,
        *,
        font: str = BODY_FONT,
        size: Pt = SIZE_3,
        align: WD_ALIGN_PARAGRAPH | None = None,
        indent: bool = False,
        bold: bool = False,
    ) -> None:
        para = document.add_paragraph()
        if align is not None:
            para.alignment = align
        if indent:
            para.paragraph_format.first_line_indent = Pt(32)  # two characters of 三号
        para.paragraph_format.line_spacing = Pt(28)
        _font(para.add_run(text), font, size, bold=bold)

    paragraph(content.title, font=HEADING_FONT, size=SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(number_line(content), align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(f"{content.addressees}：")
    for part in content.sections:
        paragraph(part.heading, font=HEADING_FONT, indent=True)
        for text in part.paragraphs:
            paragraph(text, indent=True)
    paragraph(content.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(cn_date(content.dated), align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
