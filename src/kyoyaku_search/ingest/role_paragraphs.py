"""別表 printed as paragraphs, not as a table: a PDF copy that lost its table grid.

    別表(第2条、第3条関係)
    分野 基本方針                       ← the column names, no tabs
    圏域全体の / 経済成長の / けん引     ← a 分野, wrapped in its narrow column
    松山圏域の産学金官民が連携し、…する。 ← its 基本方針
    (1) 地域産業の振興                  ← a 取組
    松山市の役割 圏域の事業者の…を支 / 援する事業を企画し、実施する。
    東温市の役割 松山市と連携し、…

The text is read as a stream of pieces (what lies between line ends and blanks, each with its
line), whether the copy kept the PDF's lines or flattened them onto one. Markers cut it: 「(N)」
starts a 取組, 「<party>の役割」 a role. A 分野 starts after a role's last sentence with a piece as
short as a narrow column gives; its short pieces are its name, the long ones its 基本方針. Each
分野 is a sub-section, as a 分野 column is in a table, and its 基本方針 is the 内容 of each of its
取組, as a spanned cell is repeated on each row it spans. A 取組 may have a 「内容 …」 paragraph of
its own before its roles; an annex without 分野 holds its 取組 straight under its heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Annex, AnnexRow, Party, RoleCell
from .outline import Section, check_filled
from .repair import SENTENCE_END, repair_sentence
from .source_lines import ParseContext, SourceLine

_ITEM = re.compile(r"^[(（](?P<number>[0-9０-９]{1,2})[)）](?P<rest>.*)$")
_COLUMN_WORDS = frozenset(
    {"分野", "政策分野", "基本方針", "方針", "取組", "連携する取組", "取組の内容", "内容", "役割分担"}
)
_CONTENT = re.compile(r"^(?:取組の?内容|内容)")
_SHORT = 0.5  # a piece at most this share of the longest is a narrow 分野 column's


@dataclass(frozen=True)
class _Piece:
    text: str
    line: int


@dataclass
class _Row:
    marker: _Piece
    title: list[_Piece]
    roles: list[tuple[str, list[_Piece]]] = field(default_factory=list)
    content: list[_Piece] | None = None  # a paragraph 「内容 …」 of its own, before the roles


@dataclass
class _Group:
    pieces: list[_Piece]
    rows: list[_Row] = field(default_factory=list)


def is_role_paragraphs(lines: list[SourceLine], parties: tuple[Party, ...]) -> bool:
    """An annex with no table row whose roles stand as 「<party>の役割 …」 paragraphs."""
    if any("\t" in line.text for line in lines[1:]):
        return False
    marks = [_role_mark(piece.text, parties) for piece in _pieces(lines[1:])]
    return {mark for mark in marks if mark} == {party.label for party in parties}


def parse_role_paragraphs(
    lines: list[SourceLine], parties: tuple[Party, ...], ctx: ParseContext
) -> tuple[Annex, list[SourceLine]]:
    """The annex (see the module docstring) and its lines re-flowed, one unit a line."""
    heading, pieces = lines[0], _pieces(lines[1:])
    columns: list[str] = []
    while pieces and pieces[0].text in _COLUMN_WORDS:
        columns.append(pieces.pop(0).text)
    groups = _read(pieces, parties, ctx, heading.first)
    longest = max((len(p.text) for g in groups for p in g.pieces), default=0)
    section = Section(0, "", [heading.first])
    out = [heading] + ([SourceLine((pieces[0].line,), " ".join(columns))] if columns and pieces else [])
    for group in groups:
        name, policy = _split_group(group.pieces, longest)
        if name:
            section.subsections.append(("", _cell(name, ctx), [name[0].line], []))
            out.append(_line(name, ctx))
        content = _cell(policy, ctx) if policy else ""
        if policy:
            out.append(_line(policy, ctx))
        for row in group.rows:
            own = _cell(row.content, ctx) if row.content else content  # its own 内容, else the 基本方針
            section.current_rows().append(_annex_row(row, own, _lines(row.content or policy), ctx))
            out.append(_line([row.marker, *row.title], ctx))
            out.extend([_line(row.content, ctx)] if row.content else [])
            out.extend(_line(cell, ctx) for _, cell in row.roles)
    sections = (section.freeze(),)
    check_filled(sections, ctx)
    annex = Annex(heading.text.strip(), sections, heading.numbers, columns=tuple(columns))
    return annex, out


def _pieces(lines: list[SourceLine]) -> list[_Piece]:
    """The text between line ends and blanks, a 取組 marker 「(1)地域…」 apart from its title."""
    pieces: list[_Piece] = []
    for line in lines:
        for word in line.text.split():
            item = _ITEM.match(word)
            parts = [f"({item['number']})", item["rest"]] if item else [word]
            pieces += [_Piece(part, line.first) for part in parts if part]
    return pieces


def _role_mark(text: str, parties: tuple[Party, ...]) -> str | None:
    for party in parties:
        for name in dict.fromkeys((party.name, party.label)):
            if text.startswith(f"{name}の役割"):
                return party.label
    return None


def _read(pieces: list[_Piece], parties: tuple[Party, ...], ctx: ParseContext, line: int) -> list[_Group]:
    """The pieces cut into 分野 groups, their 取組 and each 取組's role paragraphs."""
    longest = max((len(p.text) for p in pieces), default=0)
    groups = [_Group([])]
    role: list[_Piece] | None = None
    for piece in pieces:
        label = _role_mark(piece.text, parties)
        rows = groups[-1].rows
        if _ITEM.match(piece.text):
            rows.append(_Row(piece, []))
            role = None
        elif label is not None:
            if not rows:
                raise ctx.error(piece.line, f"取組の「(1)」より前に{piece.text}があります / a role before any 取組")
            rest = piece.text.split("の役割", 1)[1].removeprefix("分担")
            role = [_Piece(rest, piece.line)] if rest else []
            rows[-1].roles.append((label, role))
        elif role is not None and _ends_sentence(role) and len(piece.text) <= longest * _SHORT:
            groups.append(_Group([piece]))  # a new 分野 after the last role's last sentence
            role = None
        elif role is not None:
            role.append(piece)
            _check_no_group_inside(role, longest, ctx)
        elif rows:
            _title_or_content(rows[-1], piece)
        else:
            groups[-1].pieces.append(piece)
    if not any(group.rows for group in groups):
        raise ctx.error(line, "別表に取組（(1) など）がありません / the annex has no 取組")
    _check_rows(groups, parties, ctx)
    return [group for group in groups if group.rows]


def _check_no_group_inside(role: list[_Piece], longest: int, ctx: ParseContext) -> None:
    """Two short pieces in a row that end no sentence are a 分野 wrapped in its narrow column: the
    role before it was cut mid-sentence (a line lost), and would swallow the 分野 and its 基本方針."""
    last = role[-2:]
    if len(last) == 2 and all(len(p.text) <= longest * _SHORT and not _ends_sentence([p]) for p in last):
        raise ctx.error(
            last[0].line,
            "別表の役割が文の途中で終わり、次の分野が続いています（行が抜けていませんか）"
            " / a role ends mid-sentence before the next 分野",
        )


def _title_or_content(row: _Row, piece: _Piece) -> None:
    """After 「(N)」: the 取組's title, then (in some copies) its 「内容 …」 paragraph."""
    if row.content is not None:
        row.content.append(piece)
    elif row.title and (mark := _CONTENT.match(piece.text)):
        row.content = [_Piece(piece.text[mark.end() :], piece.line)] if piece.text[mark.end() :] else []
    else:
        row.title.append(piece)


def _ends_sentence(pieces: list[_Piece]) -> bool:
    return bool(pieces) and pieces[-1].text.endswith(SENTENCE_END)


def _check_rows(groups: list[_Group], parties: tuple[Party, ...], ctx: ParseContext) -> None:
    """Every 取組 has a title and one finished role per party: else a marker or a line was lost."""
    for row in (row for group in groups for row in group.rows):
        where = row.marker.line
        labels = sorted(label for label, _ in row.roles)
        if not row.title or labels != sorted(party.label for party in parties):
            raise ctx.error(where, "別表の取組に各当事者の役割がそろっていません / a 取組 lacks a party's role")
        for _, cell in row.roles:
            if not _ends_sentence(cell):
                raise ctx.error(
                    cell[-1].line if cell else where,
                    "別表の役割が文の途中で終わっています / a role ends mid-sentence",
                )


def _split_group(pieces: list[_Piece], longest: int) -> tuple[list[_Piece], list[_Piece]]:
    """A 分野's name (the short pieces of its narrow column) and its 基本方針 (the rest)."""
    if not pieces:
        return [], []
    cut = next((i for i, p in enumerate(pieces) if len(p.text) > longest * _SHORT), len(pieces))
    cut = min(max(cut, 1), len(pieces) - 1) if len(pieces) > 1 else 1
    return pieces[:cut], pieces[cut:]


def _cell(pieces: list[_Piece], ctx: ParseContext) -> str:
    """The pieces as one text, the blanks PDF line ends left inside words removed (and listed)."""
    text, changes = repair_sentence(" ".join(piece.text for piece in pieces))
    ctx.record(_lines(pieces), changes)
    return text


def _line(pieces: list[_Piece], ctx: ParseContext) -> SourceLine:
    text, _ = repair_sentence(" ".join(piece.text for piece in pieces))
    return SourceLine(_lines(pieces), text)


def _lines(pieces: list[_Piece]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(piece.line for piece in pieces))


def _annex_row(row: _Row, content: str, policy_lines: tuple[int, ...], ctx: ParseContext) -> AnnexRow:
    roles = tuple(RoleCell(label, _cell(cell, ctx), _lines(cell)) for label, cell in row.roles)
    lines = tuple(sorted({*policy_lines, row.marker.line, *(n for cell in roles for n in cell.lines)}))
    return AnnexRow(_cell(row.title, ctx), content, roles, lines)
