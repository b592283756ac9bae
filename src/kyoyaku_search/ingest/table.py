"""The header of an annex table and the rows a copy breaks over two lines.

A header row names 取組 (or 連携する取組, 具体的事項; after an optional 分野 column), an optional
内容 (取組の内容), and one role column per party whatever its words (甲の役割, 山鹿市の役割,
福山市の役割分担及び費用分担).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Party
from .items import party_of
from .repair import is_complete
from .source_lines import ParseContext, SourceLine

_ROLE_COLUMN = re.compile(r"^(?P<label>\S{1,12}?)の役割(?:分担)?(?:及び費用分担)?$")


@dataclass
class Table:
    """A table's header as read: which column holds what."""

    columns: list[str]  # 取組, 内容, 甲の役割, 乙の役割
    role_labels: list[str]
    line: int
    initiative: int = 0  # the 取組 column
    content: int | None = 1  # the 内容 column, None when the table has none
    group: int | None = None  # a 分野 column before 取組: its values head sub-sections


def read_header(cells: list[str], line: int, parties: tuple[Party, ...], ctx: ParseContext) -> Table | None:
    """A header row: 取組 (optionally after a 分野 column), 内容 (optional), then one role
    column per party, whatever the words (「甲の役割」「福山市の役割分担及び費用分担」)."""
    roles = [_ROLE_COLUMN.match(cell) for cell in cells]
    if not any(roles):
        return None
    labels: list[str] = []
    for match in (m for m in roles if m):
        party = party_of(match["label"], parties)
        if party is None:
            who = match["label"]
            raise ctx.error(
                line,
                f"表の見出しの「{who}の役割」の{who}は前文で定義されていません / column for undefined party {who}",
            )
        labels.append(party.label)
    first_role = next(i for i, m in enumerate(roles) if m)
    if not 1 <= first_role <= 3 or not all(roles[first_role:]) or len(set(labels)) != len(labels):
        raise ctx.error(
            line, "表の見出しは「取組・内容・各当事者の役割」の順に並んでいません / header is not 取組, 内容, roles"
        )
    named = cells[:first_role]
    content = next((i for i, c in enumerate(named) if "内容" in c and i > 0), None)  # 取組 comes first
    if first_role == 2 and content is None and not _names_initiative(named[1]):
        content = 1  # the template's two columns before the roles: 取組, 内容 (「分野・取組」 is no 内容)
    others = [i for i in range(first_role) if i != content]
    initiative = next((i for i in others if _names_initiative(named[i])), others[-1])
    group = next((i for i in others if i != initiative), None)
    if len(others) > 2 or (group is not None and group > initiative):
        raise ctx.error(
            line, "表の見出しは「取組・内容・各当事者の役割」の順に並んでいません / header is not 取組, 内容, roles"
        )
    return Table(cells, labels, line, initiative, content, group)


def _names_initiative(heading: str) -> bool:
    return "取組" in heading or "事項" in heading


def breaks_row(
    table: Table | None, line: SourceLine, following: SourceLine, parties: tuple[Party, ...], ctx: ParseContext
) -> bool:
    """`line` holds the first cells of a row and `following`, the next raw line, the rest:
    the cell where they meet holds a line break. Only when the two add up to the header's
    columns exactly and both start with text (a continuation after a page break starts
    with an empty cell, and a row that lost a tab is not followed by the cells it lacks)."""
    if table is None or "\t" not in line.text or "\t" not in following.text:
        return False
    if following.first != line.numbers[-1] + 1:
        return False
    head, tail = line.text.split("\t"), following.text.split("\t")
    width = len(table.columns)
    if not (head[0].strip() and head[-1].strip() and tail[0].strip()):
        return False  # both halves of the broken cell hold text
    if not (1 < len(head) < width and len(head) + len(tail) - 1 == width):
        return False
    if read_header([c.strip() for c in head], line.first, parties, ctx) is not None:
        return False
    cells = [*head[:-1], f"{head[-1]}\n{tail[0]}", *tail[1:]]
    first = table.content if table.content is not None else width - len(table.role_labels)
    return all(is_complete(cell.strip()) for cell in cells[first:])  # the row ends here, whole


def cell_lines(line: SourceLine, width: int) -> list[list[int]]:
    """The raw line(s) of each cell; a row over two lines has one cell on both."""
    if len(line.numbers) == 1:
        return [[line.first] for _ in range(width)]
    first, second = line.numbers
    split = line.text.split("\n")[0].count("\t")  # the cell that holds the line break
    return [[first] if i < split else [first, second] if i == split else [second] for i in range(width)]


def looks_like_table_row(text: str) -> bool:
    """Three or more tab-separated cells with text: a line of 別表, whatever its heading."""
    return sum(1 for cell in text.split("\t") if cell.strip()) >= 3


@dataclass
class RowBuilder:
    """A row being read; cells may still grow from a continuation line."""

    cells: list[str]
    cell_lines: list[list[int]]
    lines: list[int]
    position: int  # index of the row's line in the output lines
    first_sentence: int = 1  # cells from here on are sentences (内容, roles); 取組 and 分野 are names
    spanned: int = 0  # leading cells taken from the row above: a rowspan a copy does not repeat

    def open_columns(self) -> list[int]:
        return [i for i in range(self.first_sentence, len(self.cells)) if not is_complete(self.cells[i])]


def continuation_columns(row: RowBuilder, cells: list[str], width: int) -> list[tuple[int, str]] | None:
    """Which unfinished cell each fragment continues, or None when that is ambiguous."""
    open_columns = row.open_columns()
    fragments = [cell for cell in cells if cell]
    if len(fragments) == len(open_columns):
        return list(zip(open_columns, fragments, strict=False))
    # Positional: extra leading empty cells are a known extraction artefact; trim them.
    while len(cells) > width and cells[0] == "":
        cells = cells[1:]
    if len(cells) != width:
        return None
    target = [(i, cell) for i, cell in enumerate(cells) if cell]
    return target if all(i in open_columns for i, _ in target) else None


def spanned_cells(
    cells: list[str], width: int, first: int, above: tuple[list[str], list[list[int]]] | None
) -> list[tuple[str, list[int]]] | None:
    """The leading cells of the row `above` (its cells and their lines), for a row a browser copied
    without its rowspan 取組 (or 分野): only name columns can be missing, and each printed cell must
    read as its column does — a sentence under 内容 and the roles, a name under 取組. A lost tab
    fuses two cells and fails that, unless the fused cell happens to read as a sentence."""
    missing = width - len(cells)
    if not 0 < missing <= first or above is None:
        return None
    sentences = [column >= first for column in range(missing, width)]
    if any(is_complete(cell) != sentence for cell, sentence in zip(cells, sentences, strict=True)):
        return None
    texts, lines = above
    return [(texts[column], list(lines[column])) for column in range(missing)]


def reprint(line: SourceLine, printed: list[str], lines: list[int]) -> SourceLine:
    """A row's line with its cells' repaired words, joined with the continuation `lines` it took
    in; each cell keeps the blanks it was printed with. The line itself when nothing changed."""
    padded = line.text.split("\t")
    if printed == [c.strip() for c in padded] and len(lines) == 1:
        return line
    cells = [
        raw.replace(raw.strip(), text, 1) if raw.strip() else raw + text
        for raw, text in zip(padded, printed, strict=False)
    ]
    return SourceLine(tuple(lines), "\t".join(cells))
