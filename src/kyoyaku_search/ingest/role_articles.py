"""取組 written as articles of their own, each party's role a paragraph of the article.

    第二編 連携項目                         part headings: the innermost names the article's 分野
    第一章 医療
    （小児救急医療体制の確保）              the 取組
    第8条 甲及び乙は、…に取り組むものとする。   its 内容
    2 甲の役割は、次のとおりとする。          甲's role: the paragraph and its items
     (1) …
    3 乙の役割は、次のとおりとする。          乙's role
     (1) …

A role paragraph may also be headed (「（甲の役割）」 above 「2 甲は、…」) or be only the words
「2 甲の役割」 above its items. An article is such a 取組 when it has a heading and a role paragraph
for every party. It stays an article (found by number and heading) and is also read as an annex
tied to it, one row whose role cells cite the paragraph: 「第8条（…）第2項 甲（…）の役割」.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Annex, AnnexRow, AnnexSection, Party, RoleCell
from .dates import kanji_number
from .items import party_of
from .source_lines import SourceLine
from .template import HEADING, PARAGRAPH_NUMBER

# 「甲の役割は、次のとおりとする。」「甲の役割」「乙（xx市）の役割は、」「前項の取組における甲の役割は、」
# 「前項の取組において乙が担う役割は、」: a party's role begins
_ROLE_WORDS = re.compile(
    r"^(?:[^、。はが\s]{1,20}?(?:における|において|に係る|に関する|についての|での))?"
    r"(?P<who>[^\s、。（）()]{1,12}?)(?:[（(][^（）()]{1,12}[）)])?"
    r"(?:の|が担う|の担う)役割(?:分担)?(?=$|[はをとし、。 ])"
)
# 「2 甲は、次に掲げる役割を担う。」「3 乙は、前項の取組において次の役割を果たすものとする。」
_TAKES_ROLE = re.compile(r"^(?P<who>[^\s、。（）()]{1,12}?)は、[^。]{0,30}?役割を(?:担|果た)")
_KANJI_PART = re.compile(
    r"^第(?P<number>[0-9０-９一二三四五六七八九十]{1,3})(?P<level>[編章節])(?:[ \u3000]+(?P<title>\S.*))?$"
)
_LEVELS = "編章節"


@dataclass(frozen=True)
class Part:
    """The innermost part heading (「第一章 医療」) an article stands under."""

    label: str  # 「第一章」
    number: int
    title: str  # 「医療」


def inner_part(parts: tuple[Part, ...], line: str) -> tuple[Part, ...]:
    """The part headings in force after part heading `line`: a 章 replaces the 章 and 節 before it."""
    match = _KANJI_PART.match(line)
    if match is None:
        return parts
    level = _LEVELS.index(match["level"])
    kept = tuple(part for part in parts if _LEVELS.index(part.label[-1]) < level)
    return (*kept, Part(line[: match.end("level")], kanji_number(match["number"]), match["title"] or ""))


def role_of(text: str, parties: tuple[Party, ...]) -> str | None:
    """The label of the party whose role paragraph or role heading `text` begins, or None."""
    heading = HEADING.match(text)
    body = heading["heading"] if heading else text[number.end() :] if (number := PARAGRAPH_NUMBER.match(text)) else ""
    match = _ROLE_WORDS.match(body) or (None if heading else _TAKES_ROLE.match(body))
    if match is None or (heading and not body.endswith(("役割", "役割分担"))):
        return None
    party = party_of(match["who"], parties)
    return party.label if party is not None else None


def is_role_article(lines: list[SourceLine], parties: tuple[Party, ...]) -> bool:
    """Does the article body after its first line hold a role paragraph for every party?"""
    texts = [line.text.strip() for line in lines]
    if any("別表" in text for text in texts):
        return False  # 「2 甲の役割は、別表に…」 points to a table: the roles stand there
    return {party.label for party in parties} <= {role_of(text, parties) for text in texts}


def role_annex(
    number: int,
    heading: str,
    parts: list[tuple[str, tuple[int, ...]]],
    inner: tuple[Part, ...],
    parties: tuple[Party, ...],
) -> Annex | None:
    """Article `number` (its paragraphs as stored, each with its lines) as an annex of one row; None
    when a party's role paragraph cannot be told apart after all (the article stays an article)."""
    roles: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    places: dict[str, str] = {}
    lead = [parts[0]]
    current: list[tuple[str, tuple[int, ...]]] | None = lead  # items of the first paragraph are its 内容
    pending: tuple[str, tuple[str, tuple[int, ...]]] | None = None  # a role heading waits for its paragraph
    for text, lines in parts[1:]:
        label = role_of(text, parties)
        numbered = PARAGRAPH_NUMBER.match(text)
        if label is not None and HEADING.match(text):
            pending, current = (label, (text, lines)), None
            continue
        if numbered or pending is not None:  # a paragraph, or the unnumbered one under a role heading
            headed = pending is not None and not label
            label = label or (pending[0] if pending else None)
            current = roles.setdefault(label, []) if label and label not in roles else None
            if current is not None:
                places[label] = f"第{int(numbered['number'])}項" if numbered else ""
                current.extend([pending[1]] if headed and pending else [])  # 「（甲の役割）」 above it, as printed
            pending = None
        if current is not None:
            current.append((text, lines))
    if any(not roles.get(p.label) for p in parties):
        return None
    cells = tuple(
        RoleCell(p.label, "\n".join(t for t, _ in roles[p.label]), tuple(n for _, ls in roles[p.label] for n in ls))
        for p in parties
    )
    all_lines = tuple(n for _, ls in parts for n in ls)
    row = AnnexRow(heading, "\n".join(t for t, _ in lead), cells, all_lines)
    part = inner[-1] if inner else Part("", 0, "")
    section = AnnexSection(part.number, part.title, (row,), (), (), part.label)
    markers = ("", "第1項", *(places[p.label] for p in parties))
    outer = " ".join(f"{p.label} {p.title}".strip() for p in inner[:-1])  # 「第二編 連携項目」 above the 章
    return Annex(f"第{number}条", (section,), parts[0][1], article=number, markers=markers, title=outer)


def is_role_annex(annex: Annex) -> bool:
    """An annex read from a 取組 article (the article itself is the row: no row marker)."""
    return annex.article is not None and len(annex.markers) > 2 and not annex.markers[0]
