"""取組 and roles written inline in an article instead of a 別表 table.

  第3条 甲及び乙が…次に掲げるとおりとする。
  (1) 圏域全体の経済成長のけん引          section (第1号)
  [ア 医療]                              optional sub-heading
  a 産学金官民一体となった経済戦略の策定   a row: its 取組
  (a) 取組内容 / a 取組の内容             the row's 内容 follows
  (b) 役割分担                           a container, nothing of its own
  i 甲の役割 / b 甲の役割 / (イ) 甲の役割    a role cell for 甲 follows

Which marker (「a」「(a)」「(ア)」…) plays which part is read from the text: the marker of the
line titled 取組の内容 marks the fields, the marker just above it the rows, the first marker of
the block the sections. Lines below a field — plain text or deeper sub-items 「(a) …」 — are its
text. The result is an `Annex` tied to the article, so its rows and roles are searched and
cited like a table's, in the article's own terms (「第3条第1号a(b)ii」).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Annex, AnnexRow, AnnexSection, AnnexSubsection, Party, RoleCell
from .source_lines import ParseContext, SourceLine

_KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_MARKERS = (
    ("(1)", re.compile(r"^\((?P<m>[0-9]{1,2})\)[ ]*(?P<title>.*)$")),
    ("(ア)", re.compile(rf"^\((?P<m>[{_KATAKANA}])\)[ ]*(?P<title>.*)$")),
    ("(a)", re.compile(r"^\((?P<m>[a-z])\)[ ]*(?P<title>.*)$")),
    ("i", re.compile(r"^(?P<m>ii|iii|iv|vi{1,3}|ix|x|i(?= \S{1,12}の役割))[ ]+(?P<title>\S.*)$")),
    ("1", re.compile(r"^(?P<m>[0-9]{1,2})[ ]+(?P<title>\S.*)$")),
    ("ア", re.compile(rf"^(?P<m>[{_KATAKANA}])[ ]+(?P<title>\S.*)$")),
    ("a", re.compile(r"^(?P<m>[a-z])[ ]+(?P<title>\S.*)$")),
)
_CONTENT = re.compile(r"^(?:取組の?内容|内容)$")
_CONTAINER = re.compile(r"^役割分担$")
_ROLE = re.compile(r"^(?P<who>\S{1,12}?)の役割(?:分担)?$")


@dataclass(frozen=True)
class _Item:
    kind: str  # one of _MARKERS' names
    marker: str  # as printed, folded: 「(a)」
    title: str
    line: SourceLine


def marker_kind(text: str) -> tuple[str, str, str] | None:
    """(kind, marker, title) of an item line, or None for plain text."""
    folded = unicodedata.normalize("NFKC", text.strip()).replace("\u3000", " ")
    for kind, pattern in _MARKERS:
        if match := pattern.match(folded):
            marker = folded[: match.start("title")].strip() if match["title"] else folded.strip()
            return kind, marker, match["title"].strip()
    return None


def has_inline_roles(lines: list[SourceLine], parties: tuple[Party, ...]) -> bool:
    """Does this article block write roles as items (「i 甲の役割」「b 甲の役割」)?"""
    for line in lines:
        item = marker_kind(line.text)
        if item and (who := _ROLE.match(item[2])) and party_of(who["who"], parties):
            return True
    return False


def party_of(who: str, parties: tuple[Party, ...]) -> Party | None:
    """The party a column or item names: by label (乙), name (岩国市) or name without prefecture."""
    for party in parties:
        if who in (party.label, party.name) or party.name.endswith(who) and who.endswith(("市", "町", "村")):
            return party
    return None


def nth_marker(first: str, index: int) -> str:
    """The marker `index` places after `first` in its sequence: (a) → (c), ア → ウ, i → iii."""
    kind = marker_kind(f"{first} x")
    name = kind[0] if kind else "a"
    core = first.strip("()")
    if name == "i":
        value = _ROMAN[min(_ROMAN.index(core) + index, len(_ROMAN) - 1)] if core in _ROMAN else core
    elif name in ("(1)", "1"):
        value = str(int(core) + index)
    elif name in ("(ア)", "ア"):
        value = _KATAKANA[min(_KATAKANA.index(core) + index, len(_KATAKANA) - 1)]
    else:
        value = chr(ord(core) + index)
    return f"({value})" if first.startswith("(") else value


@dataclass
class _Row:
    marker: str
    title: str
    lines: list[int]
    content: list[str] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    role_lines: dict[str, list[int]] = field(default_factory=dict)


def parse_inline(article: int, lines: list[SourceLine], parties: tuple[Party, ...], ctx: ParseContext) -> Annex:
    """The items of article `article` → an Annex tied to it, with the markers its citations use."""
    items = [(line, marker_kind(line.text)) for line in lines if line.text.strip()]
    content_at = next((i for i, (_, it) in enumerate(items) if it and _CONTENT.match(it[2])), None)
    if content_at is None or content_at == 0 or items[content_at - 1][1] is None:
        raise ctx.error(lines[0].first, f"第{article}条の取組に「取組の内容」の項目がありません / no 取組の内容 item")
    field_kind = items[content_at][1][0]
    row_kind = items[content_at - 1][1][0]
    section_kind = items[0][1][0] if items[0][1] else None
    if section_kind is None or section_kind in (row_kind, field_kind):
        raise ctx.error(items[0][0].first, f"第{article}条の項目の区分（(1) など）がありません / no numbered section")
    above_row = items[content_at - 2][1] if content_at >= 2 else None
    sub_kind = above_row[0] if above_row and above_row[0] not in (section_kind, row_kind, field_kind) else None
    sections: list[tuple[int, str, list[int], list[tuple[str, str, list[int], list[_Row]]]]] = []
    row: _Row | None = None
    target: list[str] | None = None
    target_lines: list[int] | None = None
    markers: dict[str, str] = {}
    first_row_marker = ""
    container = ""
    for line, item in items:
        kind, marker, title = item if item else ("", "", "")
        if kind == section_kind:
            sections.append((int(marker.strip("()")), title, [line.first], [("", "", [], [])]))
            row = target = None
        elif kind == row_kind and sections:
            row = _Row(marker, title, [line.first])
            sections[-1][3][-1][3].append(row)
            first_row_marker = first_row_marker or marker
            target = None
        elif kind and not sections:
            raise ctx.error(line.first, f"第{article}条の項目が区分（(1) など）の前にあります / an item before (1)")
        elif kind and kind == sub_kind:
            sections[-1][3].append((marker, title, [line.first], []))  # a sub-heading: ア 医療
            row = target = None
        elif row is not None and kind == field_kind and _CONTENT.match(title):
            target, target_lines, container = row.content, row.lines, ""
            markers.setdefault("content", marker)
        elif row is not None and kind == field_kind and _CONTAINER.match(title):
            target, container = None, marker
        elif row is not None and kind in (field_kind, "i") and (who := _ROLE.match(title)):
            party = party_of(who["who"], parties)
            if party is None:
                raise ctx.error(line.first, f"「{who['who']}」は当事者ではありません / {who['who']} is not a party")
            target = row.roles.setdefault(party.label, [])
            target_lines = row.role_lines.setdefault(party.label, [])
            markers.setdefault(party.label, container + marker)
        elif target is not None:
            target.append(line.text.strip())
            assert target_lines is not None
            target_lines.append(line.first)
            if row is not None:
                row.lines.append(line.first)
        else:
            raise ctx.error(
                line.first, f"第{article}条の項目の中で解釈できない行です / unexpected line: {line.text.strip()[:30]}"
            )
    annex = Annex(
        f"第{article}条",
        tuple(_section(number, title, lines_, subs, parties, ctx) for number, title, lines_, subs in sections),
        tuple(lines[0].numbers),
        article=article,
        markers=(first_row_marker, markers.get("content", ""), *(markers.get(p.label, "") for p in parties)),
    )
    return annex


def _section(number, title, lines, subs, parties, ctx) -> AnnexSection:  # noqa: ANN001
    direct = subs[0][3]
    subsections = tuple(
        AnnexSubsection(letter, sub_title, tuple(_row(r, parties, ctx) for r in rows), tuple(sub_lines))
        for letter, sub_title, sub_lines, rows in subs[1:]
    )
    return AnnexSection(number, title, tuple(_row(r, parties, ctx) for r in direct), subsections, tuple(lines))


def _row(row: _Row, parties: tuple[Party, ...], ctx: ParseContext) -> AnnexRow:
    missing = [p.display for p in parties if not row.roles.get(p.label)]
    if missing or not row.content:
        what = "・".join(missing) + "の役割" if missing else "取組の内容"
        raise ctx.error(row.lines[0], f"取組「{row.title}」に{what}がありません / the item lacks {what}")
    roles = tuple(RoleCell(p.label, "\n".join(row.roles[p.label]), tuple(row.role_lines[p.label])) for p in parties)
    return AnnexRow(row.title, "\n".join(row.content), roles, tuple(row.lines))
