"""An agreement page saved from a 例規集 site (or any HTML page holding one) → text lines.

Parsed with lxml's HTML parser, never a regex over markup. Scripts, styles, forms and the
site's navigation (header, menus, breadcrumbs, side columns) are dropped; each block element
becomes a line, each `<br>` a line break, and each table row one line of tab-separated cells,
so the parser reads a 例規集 page as it reads a text of the template. A cell spanned over
several rows (`rowspan`) is repeated on each row it spans: every row keeps its 取組.

Each line keeps the line of the HTML file it came from, so an error names that line.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from ..chars import CJK
from ..errors import AgreementFormatError
from .source import Block, SourceDocument

# Content no reader sees, and the parts of a page that belong to the site, not the agreement.
_SKIPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "iframe",
        "object",
        "embed",
        "svg",
        "form",
        "button",
        "select",
        "textarea",
        "canvas",
        "video",
        "audio",
        "map",
    ]
)
_SITE_PARTS = re.compile(
    r"(?:^|[\s_-])(header|footer|g?navi?|menu|pankuzu|breadcrumbs?|topicpath|secondary|sidebar|side)(?:$|[\s_-])", re.I
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "main",
        "body",
        "blockquote",
        "pre",
        "caption",
        "center",
        "address",
        "figure",
        "figcaption",
    ]
)
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# A line break in the markup between two Japanese characters is formatting, not a space.
_WRAPPED = re.compile(rf"(?<=[{CJK}])[ \t\r\n]*\n[ \t\r\n]*(?=[{CJK}])")
_URL = re.compile(r"https?://[^\s<>\"']+")
MAX_ELEMENTS = 200_000  # a page with more is not an agreement; refused before any work on it


def read_html(data: bytes, path: str) -> SourceDocument:
    """Parse the HTML `data`; the first `<!-- … -->` comment may give the page's URL."""
    try:
        root = lxml.html.document_fromstring(
            data, parser=lxml.html.HTMLParser(encoding=_encoding(data), no_network=True)
        )
    except (lxml.etree.LxmlError, ValueError, LookupError) as error:  # LookupError: an unknown charset
        raise AgreementFormatError(path, None, f"HTML として読めません / cannot parse the HTML: {error}") from None
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        raise AgreementFormatError(path, None, "HTML の要素が多すぎます / too many elements in the page")
    url = _url(data, root)
    writer = _Writer()
    body = root.find("body")
    writer.walk(body if body is not None else root)
    writer.flush()
    if not writer.blocks:
        raise AgreementFormatError(path, None, "HTML に本文がありません / the page holds no text")
    return SourceDocument.of_blocks(path, "html", writer.blocks, url=url)


def _encoding(data: bytes) -> str:
    """The page's declared charset (例規集 pages are often Shift_JIS), else UTF-8."""
    head = data[:4096].decode("ascii", "ignore")
    match = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", head, re.I)
    name = match.group(1).lower() if match else "utf-8"
    return {"shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932"}.get(name, name)


def _url(data: bytes, root: lxml.html.HtmlElement) -> str | None:
    """The URL a comment at the top names (a saved page's provenance), else the canonical link."""
    head = data[:8192].decode("utf-8", "ignore")
    for comment in re.findall(r"<!--(.*?)-->", head, re.S):
        if match := _URL.search(comment):
            return match.group(0)
    canonical = root.find(".//link[@rel='canonical']")
    return canonical.get("href") if canonical is not None else None


def _text(text: str | None) -> str:
    if not text:
        return ""
    return _SPACE_RUN.sub(" ", _WRAPPED.sub("", text))


def _is_site_part(element: lxml.html.HtmlElement) -> bool:
    return bool(_SITE_PARTS.search(f"{element.get('id', '')} {element.get('class', '')}"))


class _Writer:
    """Walks the tree, writing blocks: lines of text and table rows."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.line: int | None = None

    def flush(self) -> None:
        text = "".join(self.parts).strip(" ")
        if text:
            self.blocks.append(Block(text, self.line or 1))
        self.parts, self.line = [], None

    def add(self, text: str, line: int | None) -> None:
        if text:
            if self.line is None:
                self.line = line
            self.parts.append(text)

    def walk(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED_TAGS or (tag and _is_site_part(element)) or not tag:
            self.add(_text(element.tail), getattr(element, "sourceline", None))
            return
        if tag == "table":
            self.flush()
            self.blocks.extend(_table_rows(element))
            self.blocks.append(Block("", element.sourceline or 1))  # a blank line after the table
            self.add(_text(element.tail), element.sourceline)
            return
        if tag == "br":
            self.flush()
            self.add(_text(element.tail), element.sourceline)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        self.add(_text(element.text), element.sourceline)
        for child in element:
            self.walk(child)
        if block:
            self.flush()
        self.add(_text(element.tail), element.sourceline)


def _table_rows(table: lxml.html.HtmlElement) -> list[Block]:
    """One block per row, cells joined by tabs; rowspan and colspan cells filled in."""
    rows: list[Block] = [Block("", table.sourceline or 1)]  # a blank line before the table
    spanned: dict[int, tuple[int, str]] = {}  # column → (rows left, text)
    for row in table.iter("tr"):
        if row.getparent() is not None and _enclosing_table(row) is not table:
            continue  # a row of a nested table
        cells: list[str] = []
        column = 0
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            column = _fill_spanned(cells, spanned, column)
            text = _cell_text(cell)
            for _ in range(_span(cell, "colspan")):
                cells.append(text)
                if (down := _span(cell, "rowspan")) > 1:
                    spanned[column] = (down - 1, text)
                column += 1
        _fill_spanned(cells, spanned, column, to_end=True)
        if any(cells):
            rows.append(Block("\t".join(cells), row.sourceline or 1))
    return rows


def _fill_spanned(cells: list[str], spanned: dict[int, tuple[int, str]], column: int, to_end: bool = False) -> int:
    while column in spanned or (to_end and any(c >= column for c in spanned)):
        if column in spanned:
            left, text = spanned[column]
            cells.append(text)
            if left > 1:
                spanned[column] = (left - 1, text)
            else:
                del spanned[column]
        else:
            cells.append("")
        column += 1
    return column


def _enclosing_table(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(cell: lxml.html.HtmlElement, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 50))
    except ValueError:
        return 1


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's words; its paragraphs and line breaks joined as they read, without a tab."""
    writer = _Writer()
    writer.walk(cell)
    writer.flush()
    return "".join(block.text for block in writer.blocks).replace("\t", " ").strip()
