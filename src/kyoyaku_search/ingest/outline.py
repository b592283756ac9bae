"""The outline of a 別表: sections (1)(2)… and sub-sections ア/イ/ウ…, numbered in order, each
holding rows; frozen into the model's AnnexSection once the annex is read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import AnnexRow, AnnexSection, AnnexSubsection
from .source_lines import ParseContext

SECTION = re.compile(
    r"^(?:[(（](?P<number>[0-9０-９]{1,2})[)）][ \u3000]*|(?P<plain>[0-9０-９]{1,2})[ \u3000]+)(?P<title>\S.*)$"
)
LETTERS = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
SUBSECTION = re.compile(rf"^(?P<letter>[{LETTERS}])[ \u3000]+(?P<title>\S.*)$")


@dataclass
class Section:
    """A section being read: its rows, or its sub-sections (letter, title, lines, rows) and theirs."""

    number: int
    title: str
    lines: list[int]
    rows: list[AnnexRow] = field(default_factory=list)
    subsections: list[tuple[str, str, list[int], list[AnnexRow]]] = field(default_factory=list)
    label: str = ""

    def current_rows(self) -> list[AnnexRow]:
        """The rows a new row joins: the last sub-section's, or the section's own."""
        return self.subsections[-1][3] if self.subsections else self.rows

    def check_subsection(self, letter: str, line: int, ctx: ParseContext) -> None:
        """A sub-heading ア/イ/ウ… must come next in order, and before any row of the section."""
        if self.rows:  # rows straight under (3) and then ア: the heading of those rows was lost
            raise ctx.error(
                self.rows[0].lines[0],
                f"別表の区分({self.number})で、"
                "小見出し（ア など）の前に表の行があります（小見出しが抜けていませんか）"
                " / rows before the first sub-heading",
            )
        expected = LETTERS[len(self.subsections)]
        if letter != expected:
            raise ctx.error(
                line, f"小見出し「{expected}」があるべき所に「{letter}」があります / expected sub-heading {expected}"
            )

    def freeze(self) -> AnnexSection:
        subsections = tuple(
            AnnexSubsection(letter, title, tuple(rows), tuple(lines)) for letter, title, lines, rows in self.subsections
        )
        return AnnexSection(self.number, self.title, tuple(self.rows), subsections, tuple(self.lines), self.label)


def check_filled(sections: Sequence[AnnexSection], ctx: ParseContext) -> None:
    """Every section and sub-section holds a row: an empty one means its rows were read elsewhere."""
    for section in sections:
        if not section.rows and not any(sub.rows for sub in section.subsections):
            raise ctx.error(
                section.lines[0], f"別表の区分({section.number})に行がありません / annex section has no rows"
            )
        for sub in section.subsections:
            if not sub.rows:
                raise ctx.error(
                    sub.lines[0], f"別表の小見出し「{sub.letter}」に行がありません / annex sub-section has no rows"
                )
