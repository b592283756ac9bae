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
