"""The conversation and the role table as PDF (fpdf2), with a Japanese font embedded.

The font is a CJK OpenType font on the machine: $KYOYAKU_SEARCH_FONT, else Noto Sans CJK from
Debian's fonts-noto-cjk (`make test` installs it), else what fontconfig offers for Japanese.
fpdf2 embeds the subset of glyphs used, so the PDF shows the same text on any reader.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..errors import KyoyakuError
from ..search.corpus import Corpus
from .exports import RoleTable, beside_quote, hits_heading

FONT_ENV = "KYOYAKU_SEARCH_FONT"
# (file, index in a font collection): index 0 of the Noto CJK collections is the Japanese face.
_KNOWN_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 0),
    ("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf", 0),
    ("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),
)
_FONT = "cjk"


class ExportError(KyoyakuError):
    """An export that cannot be made here (no Japanese font)."""


@lru_cache(maxsize=1)
def find_font() -> tuple[str, int] | None:
    """(path, collection index) of a Japanese font, or None."""
    chosen = os.environ.get(FONT_ENV)
    if chosen and Path(chosen).is_file():
        return chosen, 0
    for path, index in _KNOWN_FONTS:
        if Path(path).is_file():
            return path, index
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}\n%{index}", ":lang=ja"], capture_output=True, text=True, timeout=5
            ).stdout.split("\n")
        except (OSError, subprocess.SubprocessError):
            return None
        if len(found) == 2 and Path(found[0]).is_file() and found[0].lower().endswith((".ttf", ".otf", ".ttc")):
            return found[0], int(found[1] or 0)
    return None


def _document(title: str, landscape: bool = False):  # noqa: ANN202 - an fpdf.FPDF
    from fpdf import FPDF

    font = find_font()
    if font is None:
        raise ExportError(
            "PDF に使う日本語フォントが見つかりません"
            f"（fonts-noto-cjk を入れるか、{FONT_ENV} にフォントのパスを指定してください）。"
        )
    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.set_title(title)
    pdf.set_creator("kyoyaku-search")
    pdf.add_font(_FONT, fname=font[0], collection_font_number=font[1])
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font(_FONT, size=14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    return pdf


def _paragraph(pdf, text: str, size: float = 10.5, gray: bool = False, indent: float = 0) -> None:  # noqa: ANN001
    pdf.set_font(_FONT, size=size)
    pdf.set_text_color(90 if gray else 0)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)


def conversation_pdf(turns: Sequence, corpus: Corpus, saved_at: datetime) -> bytes:
    """Each question, its quotes with 出典 (and who 甲/乙 are), list items, the other places."""
    pdf = _document("連携協約検索 会話の記録")
    _paragraph(pdf, f"保存日時: {saved_at:%Y-%m-%d %H:%M}", 9, gray=True)
    _paragraph(pdf, "協約: " + "、".join(a.title for a in corpus.agreements), 9, gray=True)
    _paragraph(pdf, "「」の中は協約本文そのままの引用です（甲・乙などの呼び方も原文のまま）。", 9, gray=True)
    for number, turn in enumerate(turns, start=1):
        pdf.ln(4)
        _paragraph(pdf, f"質問 {number}", 12)
        _paragraph(pdf, turn.question)
        pdf.ln(1)
        answer = turn.answer
        if answer is None:
            _paragraph(pdf, turn.error or "")
            continue
        for note in answer.notes:
            _paragraph(pdf, f"（{note}）", 9, gray=True)
        if answer.message:
            _paragraph(pdf, answer.message)
        for item in answer.items:
            _paragraph(pdf, f"・{item.name}（出典: {item.citation}）", indent=4)
        for quote in answer.quotes:
            if quote.heading:
                _paragraph(pdf, quote.heading, 10)
            _paragraph(pdf, f"「{quote.text}」", 11)
            _paragraph(pdf, f"出典: {quote.citation}", 10)
            for line in beside_quote(quote.hit):
                _paragraph(pdf, line, 9, gray=True)
        quoted = {quote.hit.unit.id for quote in answer.quotes}
        hits = [hit for hit in answer.hits if hit.unit.id not in quoted]
        if hits:
            pdf.ln(1)
            _paragraph(pdf, hits_heading(answer), 10, gray=True)
            for hit in hits:
                _paragraph(pdf, f"出典: {hit.citation}", 9, indent=4)
                _paragraph(pdf, f"「{hit.unit.text}」", 9, indent=8)
    return bytes(pdf.output())


def role_table_pdf(table: RoleTable) -> bytes:
    """The role table on A4 landscape pages, the header repeated on each page."""
    pdf = _document(table.title, landscape=True)
    pdf.set_font(_FONT, size=7.5)
    keep = [i for i, h in enumerate(table.headings) if h != "原文"]  # the source lines go to the 出典 cell
    widths = {"区分": 26, "取組": 24, "内容": 50, "出典": 48}
    role_width = (pdf.epw - sum(widths.get(table.headings[i], 0) for i in keep)) / max(
        1, sum(1 for i in keep if table.headings[i] not in widths)
    )
    column_widths = [widths.get(table.headings[i], role_width) for i in keep]
    place = table.headings.index("原文") if "原文" in table.headings else None
    from fpdf.fonts import FontFace

    heading_style = FontFace(emphasis="", fill_color=(235, 235, 235))
    with pdf.table(
        col_widths=column_widths, text_align="LEFT", line_height=4, headings_style=heading_style, repeat_headings=1
    ) as grid:
        grid.row([table.headings[i] for i in keep])
        for row in table.rows:
            cells = [row[i] for i in keep]
            cells[-1] = cells[-1].removeprefix(f"{table.agreement} ")  # the title heads the page
            if place is not None and row[place]:
                cells[-1] = f"{cells[-1]}\n（原文: {row[place]}）"
            grid.row(cells)
    return bytes(pdf.output())
