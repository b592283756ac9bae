"""Numbered source lines and the record of repairs made to them while parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AgreementFormatError
from ..model import Lines
from .repair import Change


@dataclass(frozen=True)
class SourceLine:
    """A line of the (repaired) text and the raw line numbers it came from."""

    numbers: Lines
    text: str

    @property
    def first(self) -> int:
        return self.numbers[0]


@dataclass(frozen=True)
class Repair:
    """One repaired PDF artefact, listed by `kyoyaku-search parse --report`.

    Exact enough to replay: in the text of `lines` (annex: the cell at `column`), the first
    `before` became `after`. A page-break join's `before` is the cell on each page,
    「head\\ntail」, and its `lines` run from the row to its continuation, the page-break
    blank lines between included (they are dropped). A rule line's `after` is empty: dropped.
    """

    lines: Lines
    kind: str
    before: str
    after: str
    column: int | None = None  # annex cells: the cell's index in its row
    cell: str | None = None  # annex cells: its column heading, 「甲の役割」
    page: int | None = None  # made while reading a PDF: the page, and `lines` the line on it

    @property
    def line(self) -> int:
        return self.lines[0]

    def render(self, path: str | Path) -> str:
        """「file:97-99: page-break-overlap: 'head\\ntail' → 'joined'  [甲の役割]」"""
        first, last = self.lines[0], self.lines[-1]
        where = (
            f"{first}-{last}"
            if self.lines == tuple(range(first, last + 1)) and last > first
            else ",".join(map(str, self.lines))
        )
        cell = f"  [{self.cell}]" if self.cell else ""
        if self.page is not None:
            return f"{path}:p{self.page}:{self.lines[0]}: {self.kind}: {self.before!r} → {self.after!r}{cell}"
        return f"{path}:{where}: {self.kind}: {self.before!r} → {self.after!r}{cell}"


@dataclass
class ParseContext:
    """What every parsing stage shares: the file (for error messages) and the repairs so far."""

    path: str | Path
    repairs: list[Repair] = field(default_factory=list)
    pages: tuple[int, ...] = ()  # per line of the parsed text: its PDF page
    source_lines: tuple[int, ...] = ()  # per line of the parsed text: its line in the published file

    def error(self, line: int | None, message: str) -> AgreementFormatError:
        """The error at `line` of the parsed text, placed where that line is in the published file."""
        page = self.pages[line - 1] if line is not None and 0 < line <= len(self.pages) else None
        if page is not None:
            return AgreementFormatError(self.path, None, message, page=page)
        if line is not None and 0 < line <= len(self.source_lines):
            line = self.source_lines[line - 1]
        return AgreementFormatError(self.path, line, message)

    def record(self, lines: Lines, changes: list[Change], column: int | None = None, cell: str | None = None) -> None:
        self.repairs.extend(Repair(tuple(lines), c.kind, c.before, c.after, column, cell) for c in changes)
