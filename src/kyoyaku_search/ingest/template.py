"""The line shapes of the national 連携協約 template, shared by the parser's stages.

Each pattern is matched against one stripped line of the source.
"""

from __future__ import annotations

import re

from .dates import DateError, find_date

LABELS = "甲乙丙丁戊己庚辛壬癸"
# A party's name follows the start of the line, 及び, 並びに or a comma — blanks allowed between,
# but never just a blank: 「岩見 沢市」 split by the extractor must not define 「沢市」.
PARTY_DEF = re.compile(
    rf"(?:^|(?<=及び)|(?<=並びに)|(?<=[、,，])|(?<=[）)]と))\s*(?P<name>[^\s、,，。「」『』（）()]+?)"
    rf"[（(][ \u3000]*以下(?:これらを|これを|両市を|両者を)?[「『](?P<label>[{LABELS}])[」』]という。?[）)]"
)
# 「( 基本方針)」: a PDF converter's blank inside the brackets is no part of the heading.
HEADING = re.compile(r"^[（(][ \u3000]*(?P<heading>[^（）()]{1,40}?)[ \u3000]*[）)]$")
ARTICLE = re.compile(r"^第(?P<number>[0-9０-９一二三四五六七八九十]{1,3})条(?:[ \u3000]+(?P<text>\S.*))?$")
# A part heading between articles: 「第一編 総則」「第2章 連携項目」. Structure only, no text of its own.
PART = re.compile(r"^第[0-9０-９一二三四五六七八九十]{1,3}[編章節](?:[ \u3000]+\S.*)?$")
SUPPLEMENTARY = re.compile(r"^附[ \u3000]*則(?:[ \u3000]*[（(][^（）()]*[）)])?$")
PARAGRAPH_NUMBER = re.compile(r"^(?P<number>[0-9０-９]{1,2}[ \u3000]+)(?=\S)")
# A numbered paragraph (「2 」) or item (「一 」「(1)」「ア 」) of an article.
_NUMERAL = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
NUMBERED = re.compile(rf"^(?:(?:{_NUMERAL}|[アイウエオカキクケコ])[ \u3000]+|[（(]{_NUMERAL}[）)][ \u3000]*)\S")
CLOSING = re.compile(r"証する|証として")
SIGNER = re.compile(rf"^(?P<label>[{LABELS}])[ \u3000]+(?P<address>\S.*)$")
ANNEX = re.compile(r"^別[ \u3000]*表")
# An annex heading line: 「別表（第3条関係）」「別表第2(第3条関係)」「別表第1」, nothing after it.
ANNEX_HEADING = re.compile(
    r"^別[ \u3000]*表(?:[ \u3000]*第(?P<number>[0-9０-９一二三四五六七八九十]{1,3}))?"
    r"[ \u3000]*(?:[（(][^（）()]*[）)])?$"
)


# Parties named without labels: 「福山市及び三原市は、…」.
NAMED_PREAMBLE = re.compile(r"^[^、。は]{3,60}?は、.*(?:締結|協約|協定)")
_MUNICIPALITY = re.compile(r"^(?:\S{1,3}?[都道府県])?(?:\S{1,4}?郡)?\S{1,6}?[市町村区]$")
# Lines a 例規集 page prints between the title and the preamble: 告示第55号, 種別 (県知事届出).
_NOTICE = re.compile(r"^(?:\S{0,12}(?:告示|公告|訓令|規程|条例|規則))?第[0-9０-９一二三四五六七八九十百]+号$")
_NUMBER_OR_BLANK = r"[ \u3000]*[0-9０-９元]{0,2}[ \u3000]*"
_BLANK_DATE = re.compile(rf"^(?:令和|平成|昭和){_NUMBER_OR_BLANK}年{_NUMBER_OR_BLANK}月{_NUMBER_OR_BLANK}日$")
_KIND_LINE = re.compile(r"^(?:連携協約|協約|協定|締結|(?:\S{0,4}知事)?届出|告示|公告)$")


def municipalities(text: str) -> list[str]:
    """「福山市及び三原市」「福山市と三原市」 → [福山市, 三原市]; [] unless every part is a municipality."""
    parts = [p.strip(" \u3000○◯") for p in re.split(r"及び|並びに|と|、|，|,|・", text)]
    parts = [p for p in parts if p]
    return parts if parts and all(_MUNICIPALITY.match(p) for p in parts) else []


def is_front_line(text: str) -> bool:
    """A date (also one with its day left blank, 「平成30年6月 日」), notice number or kind line
    between a 例規集 page's title and its preamble."""
    if _NOTICE.match(text) or _KIND_LINE.match(text) or _BLANK_DATE.match(text):
        return True
    try:
        found = find_date(text)
    except DateError:
        return False
    if found is None:
        return False
    rest = text.replace(found[1], "", 1).strip(" \u3000")
    return not rest or bool(_NOTICE.match(rest) or _KIND_LINE.match(rest))


def is_date_line(text: str) -> bool:
    """A line that is only a date (the signing date above the signatures)."""
    try:
        found = find_date(text)
    except DateError:
        return False
    return found is not None and len(text) - len(found[1]) <= 2


def starts_body(text: str) -> bool:
    """A heading, an article, a part heading, 附則 or 別表: where the preamble ends."""
    return bool(
        HEADING.match(text) or ARTICLE.match(text) or PART.match(text) or SUPPLEMENTARY.match(text) or ANNEX.match(text)
    )
