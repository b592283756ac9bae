"""A printed agreement's PDF → text lines, through pdfplumber (pdfminer.six underneath).

- Ruled tables are read as tables: pdfplumber finds the cells from the table's ruling lines.
  A row cut by a page break has no bottom rule on its first page, so the bottom of the
  vertical rules closes it; its two parts are joined cell by cell, and the header row a
  browser repeats on each page is dropped. Both are listed as repairs.
- A cell's lines, wrapped to the column's width, are one text again: joined without a space
  between Japanese characters, with one between Latin words.
- Text outside tables is read line by line; a line that runs to the right margin continues on
  the next line (a wrapped sentence), any other line ends its paragraph.
- CJK compatibility glyphs that PDF fonts map Japanese characters to (⼄ U+2F04 for 乙,
  ⽉ for 月, ⻑ for 長) are folded to the ideographs — NFKC for the Kangxi radicals, a table for
  the radicals-supplement forms NFKC leaves alone — and listed as repairs.

A PDF with no text layer (a scan) is refused with a message that says so; no OCR is tried.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass

from ..chars import CJK, KANJI_COMPAT, RADICALS
from ..errors import AgreementFormatError
from .repair import is_complete
from .source import Block, SourceDocument
from .source_lines import Repair

MAX_PAGES = 60  # an agreement runs to ten or twenty pages; more is not one, or is hostile
# Radicals-supplement glyphs that NFKC leaves alone, as fonts use them for common kanji.
_RADICALS = str.maketrans(
    {
        "\u2ec4": "西",
        "\u2ecf": "郎",
        "\u2ed1": "長",
        "\u2ed8": "青",
        "\u2edd": "食",
        "\u2ee0": "飠",
        "\u2ee4": "鬼",
        "\u2ee9": "黄",
        "\u2eeb": "斉",
        "\u2eed": "歯",
        "\u2eef": "竜",
        "\u2ef2": "亀",
        "\u2ea0": "民",
        "\u2e8a": "卜",
        "\u2e95": "彐",
        "\u2ea7": "牛",
        "\u2eb2": "罒",
        "\u2eb9": "老",
        "\u2ebc": "肉",
        "\u2ec6": "角",
        "\u2eca": "足",
    }
)
_COMPAT = re.compile(f"[{RADICALS}{KANJI_COMPAT}]")
_STARTS_BLOCK = re.compile(
    r"^(?:第[0-9０-９一二三四五六七八九十]+条|[（(][^）)]{1,40}[）)]$|附[ \u3000]*則|別[ \u3000]*表"
    r"|[（(]?[0-9０-９]{1,2}[）)]?[ \u3000]|[アイウエオカキクケコ][ \u3000])"
)


@dataclass
class _Row:
    cells: list[str]
    page: int
    line: int  # the PDF line (1-based, per page) the row starts at


def read_pdf(data: bytes, path: str) -> SourceDocument:
    import pdfplumber  # noqa: PLC0415 - only when a PDF comes

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise AgreementFormatError(
                    path, None, f"ページが多すぎます（{len(pdf.pages)}ページ、上限 {MAX_PAGES}） / too many pages"
                )
            reader = _Reader(path)
            for number, page in enumerate(pdf.pages, start=1):
                reader.page(number, page)
    except AgreementFormatError:
        raise
    except Exception as error:  # noqa: BLE001 - pdfminer fails in many ways on a damaged or hostile file
        raise AgreementFormatError(
            path,
            None,
            f"PDF を読めません（壊れているか暗号化されています） / cannot read the PDF: {type(error).__name__}",
        ) from None
    if not reader.chars:
        raise AgreementFormatError(
            path,
            None,
            "PDF に文字の情報がありません（画像だけの PDF、スキャンのようです）。文字認識（OCR）は行いません。"
            "文字を含む PDF か、例規集のページ（HTML）・テキストを指定してください"
            " / the PDF has no text layer (a scan?); OCR is not attempted",
            page=1,
        )
    return SourceDocument.of_blocks(path, "pdf", reader.finish(), repairs=tuple(reader.repairs))


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[tuple[str, object]] = []  # ("text", Block) or ("row", _Row) or ("break", page)
        self.repairs: list[Repair] = []
        self.chars = 0
        self.header: list[str] | None = None
        self.right = 0.0

    def page(self, number: int, page) -> None:  # noqa: ANN001 - a pdfplumber Page
        self.chars += len(page.chars)
        verticals = [e for e in page.edges if e["orientation"] == "v"]
        settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
        if verticals:  # closes a row cut by the page break, which has no bottom rule
            settings["explicit_horizontal_lines"] = [max(e["bottom"] for e in verticals)]
        tables = page.find_tables(settings)
        outside = page
        for table in tables:
            outside = outside.outside_bbox(table.bbox)
        placed: list[tuple[float, str, object]] = []
        for line in outside.extract_text_lines(return_chars=False):
            self.right = max(self.right, line["x1"])
            placed.append((line["top"], "text", line))
        for table in tables:
            top = table.bbox[1]
            for index, cells in enumerate(table.extract()):
                placed.append((top + index * 1e-3, "row", [_cell(c) for c in cells]))
        placed.sort(key=lambda item: item[0])
        self.items.append(("break", number))
        for line_number, (_, kind, value) in enumerate(placed, start=1):
            self.items.append((kind, (number, line_number, value)))

    def finish(self) -> list[Block]:
        blocks: list[Block] = []
        previous_row: _Row | None = None
        at_page_start = False
        paragraph: list = []  # text lines of the paragraph being read

        def flush() -> None:
            if paragraph:
                page, line, _ = paragraph[0]
                blocks.append(
                    Block(self._fold("".join(_join_lines([p[2]["text"] for p in paragraph])), page, line), line, page)
                )
                paragraph.clear()

        rows: list[_Row] = []
        for kind, value in self.items:
            if kind == "break":
                at_page_start = True
                continue
            page, line, content = value
            if kind == "text":
                if rows:
                    blocks.extend(self._rows(rows))
                    rows = []
                    previous_row = None
                if paragraph and not self._continues(paragraph[-1][2], content):
                    flush()
                paragraph.append(value)
                at_page_start = False
                continue
            flush()
            cells = content
            if cells == self.header and at_page_start and previous_row is not None:
                self.repairs.append(Repair((line,), "repeated-header", "\t".join(cells), "", page=page))
                continue  # the row after it may still continue the page before
            if _is_header(cells):
                self.header = cells
            if at_page_start and previous_row is not None and _continues_row(previous_row, cells, self.header):
                self._join(previous_row, cells, page, line)
            else:
                previous_row = _Row(cells, page, line)
                rows.append(previous_row)
            at_page_start = False
        flush()
        blocks.extend(self._rows(rows))
        return blocks

    def _rows(self, rows: list[_Row]) -> list[Block]:
        out = [Block("", rows[0].line, rows[0].page)] if rows else []
        for row in rows:
            out.append(Block("\t".join(self._fold(c, row.page, row.line) for c in row.cells), row.line, row.page))
        if rows:
            out.append(Block("", rows[-1].line, rows[-1].page))
        return out

    def _join(self, row: _Row, cells: list[str], page: int, line: int) -> None:
        for index, tail in enumerate(cells[: len(row.cells)]):
            if tail:
                joined = "".join(_join_lines([row.cells[index], tail])) if row.cells[index] else tail
                self.repairs.append(
                    Repair((line,), "page-break-join", f"{row.cells[index]}\n{tail}", joined, index, page=page)
                )
                row.cells[index] = joined

    def _continues(self, previous: dict, line: dict) -> bool:
        """Is `line` the wrapped rest of `previous`? Only when `previous` ran to the right margin."""
        width = (previous["x1"] - previous["x0"]) / max(len(previous["text"]), 1)
        return previous["x1"] >= self.right - 1.5 * width and not _STARTS_BLOCK.match(line["text"].strip())

    def _fold(self, text: str, page: int, line: int) -> str:
        if not _COMPAT.search(text):
            return text
        folded = "".join(
            unicodedata.normalize("NFKC", ch).translate(_RADICALS) if _COMPAT.match(ch) else ch for ch in text
        )
        self.repairs.append(Repair((line,), "cjk-compatibility", text, folded, page=page))
        return folded


def _cell(text: str | None) -> str:
    return "".join(_join_lines((text or "").split("\n"))).replace("\t", " ").strip()


def _join_lines(lines: list[str]) -> list[str]:
    """Wrapped lines of one paragraph or cell → pieces to concatenate: no space between two
    Japanese characters, one between Latin words."""
    out: list[str] = []
    for line in (each.strip() for each in lines):
        if not line:
            continue
        if out and not (out[-1][-1] in CJK or line[0] in CJK):
            out.append(" ")
        out.append(line)
    return out


def _is_header(cells: list[str]) -> bool:
    return any(re.search("の役割", unicodedata.normalize("NFKC", c).translate(_RADICALS)) for c in cells) and not any(
        c.endswith("。") for c in cells
    )


def _continues_row(previous: _Row, cells: list[str], header: list[str] | None) -> bool:
    """The first row on a page continues the last row of the page before when its 取組 is
    empty, or when a role cell of that row stopped mid-sentence."""
    if len(cells) != len(previous.cells):
        return False
    roles = [i for i, h in enumerate(header or []) if "役割" in h] or [len(cells) - 1]
    return not cells[0] or any(previous.cells[i] and not is_complete(previous.cells[i]) for i in roles)
