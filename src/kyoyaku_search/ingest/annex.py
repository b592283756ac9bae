"""Parse 別表: its outline (sections (1)(2)…, sub-sections ア/イ/ウ…: outline.py) and its
tab-separated rows (table.py), into the model's Annex.

Rows split across a page break are joined cell by cell here, because only the table knows
which cells were left unfinished.
"""

from __future__ import annotations

import unicodedata

from ..model import Annex, AnnexRow, Party, RoleCell
from .dates import kanji_number
from .outline import SECTION, SUBSECTION, Section, check_filled
from .repair import join_continuation, repair_sentence
from .role_paragraphs import is_role_paragraphs, parse_role_paragraphs
from .source_lines import ParseContext, Repair, SourceLine
from .table import (
    RowBuilder,
    Table,
    breaks_row,
    cell_lines,
    continuation_columns,
    looks_like_table_row,
    read_header,
    reprint,
    spanned_cells,
)
from .template import ANNEX_HEADING


def parse_annex(
    lines: list[SourceLine], parties: tuple[Party, ...], ctx: ParseContext
) -> tuple[Annex, list[SourceLine]]:
    """Parse the annex lines (the first is the 別表 heading); return it and the repaired lines."""
    if is_role_paragraphs(lines, parties):
        return parse_role_paragraphs(lines, parties, ctx)
    return _AnnexParser(lines, parties, ctx).parse()


def parse_annexes(
    lines: list[SourceLine], parties: tuple[Party, ...], ctx: ParseContext
) -> tuple[list[Annex], list[SourceLine]]:
    """One or more annexes (別表第1, 別表第2 …), each starting at its heading line."""
    starts = [0] + [
        i for i in range(1, len(lines)) if ANNEX_HEADING.match(lines[i].text.strip()) and "\t" not in lines[i].text
    ]
    annexes: list[Annex] = []
    out: list[SourceLine] = []
    for begin, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        annex, repaired = parse_annex(lines[begin:end], parties, ctx)
        annexes.append(annex)
        out.extend(repaired)
    return annexes, out


class _AnnexParser:
    def __init__(self, lines: list[SourceLine], parties: tuple[Party, ...], ctx: ParseContext) -> None:
        self.lines = lines
        self.labels = {party.label for party in parties}
        self.ctx = ctx
        self.out: list[SourceLine] = []
        self.sections: list[Section] = []
        self.table: Table | None = None
        self.row: RowBuilder | None = None
        self.parties = parties
        self.title = ""
        self.columns: tuple[str, ...] = ()
        self.last: tuple[list[str], list[list[int]]] | None = None  # the row closed last: cells, lines

    def parse(self) -> tuple[Annex, list[SourceLine]]:
        heading = self.lines[0]
        self.out.append(heading)
        index = 1
        while index < len(self.lines):
            line = self.lines[index]
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            if following is not None and breaks_row(self.table, line, following, self.parties, self.ctx):
                # one row printed over two lines: a cell of two paragraphs, as a browser copies it
                line = SourceLine(line.numbers + following.numbers, f"{line.text}\n{following.text}")
                index += 1
            self._line(line)
            index += 1
        self._close_row()
        if not self.sections:
            raise self.ctx.error(heading.first, "別表に区分（(1) など）がありません / the annex has no sections")
        sections = tuple(section.freeze() for section in self.sections)
        check_filled(sections, self.ctx)
        match = ANNEX_HEADING.match(heading.text.strip())
        number = kanji_number(match["number"]) if match and match["number"] else None
        return Annex(
            heading.text.strip(), sections, heading.numbers, number=number, title=self.title, columns=self.columns
        ), self.out

    def _line(self, line: SourceLine) -> None:
        text = line.text
        if not text.strip():
            self.out.append(line)
            return
        if "\t" in text:
            self._table_line(line)
            return
        stripped = text.strip()
        self.out.append(line)
        section = SECTION.match(stripped)
        if section:
            self._close_row()
            self.table = None
            number = int(unicodedata.normalize("NFKC", section["number"] or section["plain"]))
            if self.sections and self.sections[0].number == 0:
                raise self.ctx.error(
                    line.first, "別表の区分の前に、区分のない表があります / a table before the first annex section"
                )
            # Numbered in order: a gap means a heading was lost and its rows would silently
            # join the section before.
            if number != len(self.sections) + 1:
                raise self.ctx.error(
                    line.first,
                    f"別表の区分({len(self.sections) + 1})があるべき所に({number})があります"
                    f" / expected annex section ({len(self.sections) + 1})",
                )
            label = section["plain"] or ""  # 「2 高次の…」 is cited as 2, 「(2) …」 as (2)
            self.sections.append(Section(number, section["title"].strip(), [line.first], label=label))
            return
        if not self.sections and self.table is None and not self.title and not looks_like_table_row(text):
            self.title = stripped  # 「圏域全体の経済成長のけん引に係る政策分野」 under 別表第1
            return
        sub = SUBSECTION.match(stripped)
        if sub and self.sections and self.sections[-1].number:
            self._close_row()
            self.table = None
            self.sections[-1].check_subsection(sub["letter"], line.first, self.ctx)
            self.sections[-1].subsections.append((sub["letter"], sub["title"].strip(), [line.first], []))
            return
        raise self.ctx.error(
            line.first,
            "別表の中で解釈できない行です（区分の見出しでも表の行でもありません）"
            f" / unexpected line in the annex: {stripped[:40]}",
        )

    def _table_line(self, line: SourceLine) -> None:
        cells = [cell.strip() for cell in line.text.split("\t")]
        header = read_header(cells, line.first, self.parties, self.ctx)
        if header is not None:
            if self.row and self.table and header.columns != self.table.columns:
                raise self.ctx.error(
                    line.first, "表の途中で列の見出しが変わっています / the header changed inside a row"
                )
            continuing = self.row is not None and bool(self.row.open_columns())  # repeated over a page break
            if self.table is not None and self._has_rows() and not continuing:
                raise self.ctx.error(
                    line.first,
                    "表の見出し行が、区分や小見出しなしに繰り返されています（見出しが抜けていませんか。ページごとに繰り返された見出し行なら削除してください）"
                    " / the table header repeats with no heading before it",
                )
            self.table = header
            self.columns = self.columns or tuple(header.columns)
            self.out.append(line)
            if not self.sections:
                self.sections.append(Section(0, self.title, [line.first]))  # an annex of one table, no sections
            return
        if not self.sections:
            if header is None:
                raise self.ctx.error(
                    line.first, "別表の区分（(1) など）より前に表の行があります / a table row before any annex section"
                )
            self.sections.append(Section(0, self.title, [line.first]))  # an annex of one table, no sections
        if self.table is None:
            raise self.ctx.error(
                line.first, "表の見出し行（取組・内容・甲の役割…）より前に行があります / a row before the table header"
            )
        width = len(self.table.columns)
        if cells[0]:
            self._close_row()
            table = self.table
            first = table.content if table.content is not None else len(table.columns) - len(table.role_labels)
            above = self.last if self._current_rows() else None  # the row above, in this table
            spanned = spanned_cells(cells, width, first, above) if len(cells) != width else []
            if spanned is None:
                # one cell short, and the cells do not read as a row under a spanned 取組: a lost
                # tab, or a spanned cell the file does not show — the file says which, not a guess
                hint = (
                    "（上の行と縦に結合されたセルが抜けているなら、その文字を補うか、"
                    "例規集のページを HTML のまま読み込んでください）"
                    if len(cells) == width - 1 and self._has_rows()
                    else ""
                )
                raise self.ctx.error(
                    line.first,
                    f"表の列の数が違います（{len(cells)}列、見出しは{width}列）{hint}"
                    f" / row has {len(cells)} cells, the header has {width}",
                )
            for column, (text, lines) in enumerate(spanned):
                # listed: a lost tab can read the same, and the upload shows what was assumed
                self.ctx.repairs.append(
                    Repair((*lines, line.first), "rowspan", "", text, column, self._column_name(column))
                )
            self.row = RowBuilder(
                [*(cell for cell, _ in spanned), *cells],
                [*(lines for _, lines in spanned), *cell_lines(line, len(cells))],
                list(line.numbers),
                len(self.out),
                first,
                len(spanned),
            )
            self.out.append(line)
            return
        self._continue_row(line, cells, width)

    def _continue_row(self, line: SourceLine, cells: list[str], width: int) -> None:
        row = self.row
        if row is None or not row.open_columns():
            raise self.ctx.error(
                line.first,
                "取組が空の行ですが、続きとなる前の行がありません（列の数や区切りを確認してください）"
                " / a row with no 取組 that continues no unfinished row",
            )
        target = continuation_columns(row, cells, width)
        if target is None:
            raise self.ctx.error(
                line.first,
                f"ページ区切りで分かれた行の続きとして列を対応づけられません（{len(cells)}列）"
                " / cannot align this continuation line with the unfinished cells",
            )
        # The continuation now lives in the row's line; drop the page-break blank lines between.
        dropped: list[int] = []
        while self.out and len(self.out) - 1 > row.position and not self.out[-1].text.strip():
            dropped[:0] = self.out.pop().numbers
        span = (row.lines[0], *dropped, line.first)
        for column, fragment in target:
            joined, changes = join_continuation(row.cells[column], fragment)
            self.ctx.record(span, changes, column, self._column_name(column))
            row.cells[column] = joined
            row.cell_lines[column].append(line.first)
        row.lines.append(line.first)

    def _close_row(self) -> None:
        row, self.row = self.row, None
        if row is None:
            return
        open_columns = row.open_columns()
        if open_columns:
            column = self.table.columns[open_columns[0]] if self.table else ""
            raise self.ctx.error(
                row.lines[-1],
                f"別表の行の「{column}」が文の途中で終わっています（ページ区切りの続きの行が見つかりません）"
                " / a cell ends mid-sentence and no continuation follows",
            )
        repaired: list[str] = []
        for column, cell in enumerate(row.cells):
            text, changes = repair_sentence(cell)
            self.ctx.record(tuple(row.cell_lines[column]), changes, column, self._column_name(column))
            repaired.append(text)
        printed = repaired[row.spanned :]  # the spanned cells stand on the row above, not here
        self.out[row.position] = reprint(self.out[row.position], printed, row.lines)
        table = self.table
        assert table is not None
        if table.group is not None:
            self._group(repaired[table.group], row.lines[0])
        initiative = repaired[table.initiative]
        content = repaired[table.content] if table.content is not None else ""
        rows = self._current_rows()
        # A 取組 spanning several 内容 rows (rowspan) repeats on each; the same row twice does not.
        if any(other.initiative == initiative for other in rows) and (
            table.content is None or rows[-1].initiative != initiative or rows[-1].content == content
        ):
            raise self.ctx.error(
                row.lines[0],
                f"同じ表に取組「{initiative}」が二つあります（行が重複していませんか）"
                " / the same 取組 twice in one table",
            )
        first_role = len(table.columns) - len(table.role_labels)
        roles = tuple(
            RoleCell(label, repaired[first_role + i], tuple(row.cell_lines[first_role + i]))
            for i, label in enumerate(table.role_labels)
        )
        rows.append(AnnexRow(initiative, content, roles, tuple(row.lines)))
        self.last = (repaired, row.cell_lines)

    def _group(self, value: str, line: int) -> None:
        """A 分野 column's value heads a sub-section of its own (「医療」), as ア/イ would."""
        section = self.sections[-1]
        if value and (not section.subsections or section.subsections[-1][1] != value):
            section.subsections.append(("", value, [line], []))

    def _column_name(self, column: int) -> str | None:
        return self.table.columns[column] if self.table else None

    def _has_rows(self) -> bool:
        return self.row is not None or (bool(self.sections) and bool(self._current_rows()))

    def _current_rows(self) -> list[AnnexRow]:
        return self.sections[-1].current_rows()
