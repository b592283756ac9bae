"""What every reader produces: `SourceDocument`, the text lines the parser reads (tables as
tab-separated rows) with where each line stood in the published file, built from `Block`s."""

from __future__ import annotations

from dataclasses import dataclass

from .source_lines import Repair


@dataclass(frozen=True)
class Block:
    """One line of the text to parse, and the line (HTML) or page (PDF) it came from."""

    text: str
    line: int
    page: int | None = None


@dataclass(frozen=True)
class SourceDocument:
    path: str
    text: str
    format: str  # one of FORMATS
    url: str | None = None
    pages: tuple[int, ...] = ()  # per line of `text`: its PDF page
    source_lines: tuple[int, ...] = ()  # per line of `text`: its line in the published file
    repairs: tuple[Repair, ...] = ()  # made while reading (a PDF's glyphs, its rows over page breaks)

    @classmethod
    def of_blocks(
        cls, path: str, format: str, blocks: list[Block], url: str | None = None, repairs: tuple[Repair, ...] = ()
    ) -> SourceDocument:
        """Blocks become lines; a block-level format gets a blank line between its paragraphs
        (a table's rows stay together), so a paragraph is never read as a wrapped sentence."""
        lines: list[Block] = []
        for block in blocks:
            if lines and lines[-1].text and block.text and "\t" not in block.text + lines[-1].text:
                lines.append(Block("", block.line, block.page))
            if block.text or (lines and lines[-1].text):
                lines.append(block)
        pages = tuple(block.page or 0 for block in lines) if any(b.page for b in lines) else ()
        return cls(
            path,
            "\n".join(block.text for block in lines),
            format,
            url,
            pages,
            tuple(block.line for block in lines),
            repairs,
        )
