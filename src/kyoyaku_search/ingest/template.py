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
    rf"(?:^|(?<=及び)|(?<=並びに)|(?<=[、,，]))\s*(?P<name>[^\s、,，。「」『』（）()]+?)"
    rf"[（(]以下[「『](?P<label>[{LABELS}])[」』]という。?[）)]"
)
HEADING = re.compile(r"^[（(](?P<heading>[^（）()]{1,40})[）)]$")
ARTICLE = re.compile(r"^第(?P<number>[0-9０-９一二三四五六七八九十]{1,3})条(?:[ \u3000]+(?P<text>\S.*))?$")
SUPPLEMENTARY = re.compile(r"^附[ \u3000]*則(?:[ \u3000]*[（(][^（）()]*[）)])?$")
PARAGRAPH_NUMBER = re.compile(r"^(?P<number>[0-9０-９]{1,2}[ \u3000]+)(?=\S)")
# A numbered paragraph (「2 」) or item (「一 」「(1)」「ア 」) of an article.
_NUMERAL = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
NUMBERED = re.compile(rf"^(?:(?:{_NUMERAL}|[アイウエオカキクケコ])[ \u3000]+|[（(]{_NUMERAL}[）)][ \u3000]*)\S")
CLOSING = re.compile(r"証する|証として")
SIGNER = re.compile(rf"^(?P<label>[{LABELS}])[ \u3000]+(?P<address>\S.*)$")
ANNEX = re.compile(r"^別[ \u3000]*表")


def is_date_line(text: str) -> bool:
    """A line that is only a date (the signing date above the signatures)."""
    try:
        found = find_date(text)
    except DateError:
        return False
    return found is not None and len(text) - len(found[1]) <= 2


def starts_body(text: str) -> bool:
    """A heading, an article, 附則 or 別表: where the preamble ends."""
    return bool(HEADING.match(text) or ARTICLE.match(text) or SUPPLEMENTARY.match(text) or ANNEX.match(text))
