"""Japanese era dates (令和・平成・昭和) as printed in agreements, to ISO 8601."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}

_DATE = re.compile(
    r"(?P<era>令和|平成|昭和)(?P<year>元|\d{1,2})年"
    r"(?:[（(](?P<western>\d{4})年?[）)])?"
    r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
)
_WESTERN = re.compile(r"(?P<western>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日")

_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


class DateError(ValueError):
    """A date whose parts disagree (平成31年 printed as 2018年) or do not exist (2月30日)."""


def find_date(text: str) -> tuple[str, str] | None:
    """Return (ISO date, the date as printed) for the first date in `text`, or None."""
    folded, origin = _fold(text)
    match = _DATE.search(folded)
    if match:
        year = ERA_START[match["era"]] + (1 if match["year"] == "元" else int(match["year"]))
        if match["western"] and int(match["western"]) != year:
            raise DateError(f"{match['era']}{match['year']}年は{year}年ですが（{match['western']}年）と書かれています")
    else:
        match = _WESTERN.search(folded)
        if not match:
            return None
        year = int(match["western"])
    try:
        date = _dt.date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        raise DateError(f"存在しない日付です: {match.group(0)}") from None
    return date.isoformat(), text[origin[match.start()] : origin[match.end() - 1] + 1]


def both_calendars(text: str) -> list[str]:
    """Each 和暦 date of `text` printed without its Western year, with it added:
    「平成31年4月1日」 → 「平成31年（2019年）4月1日」. Shown beside a quote, never inside it."""
    out = []
    for match in _DATE.finditer(_fold(text)[0]):
        if match["western"]:
            continue
        year = ERA_START[match["era"]] + (1 if match["year"] == "元" else int(match["year"]))
        out.append(f"{match['era']}{match['year']}年（{year}年）{int(match['month'])}月{int(match['day'])}日")
    return list(dict.fromkeys(out))


def _fold(text: str) -> tuple[str, list[int]]:
    """NFKC-fold character by character, keeping for each folded character its origin index."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return "".join(pieces), origin


def kanji_number(text: str) -> int | None:
    """「3」「３」「三」「十二」「二十一」 → int; None when it is not a number up to 99."""
    folded = unicodedata.normalize("NFKC", text)
    if folded.isdigit():
        return int(folded)
    if not folded or any(ch not in _KANJI_DIGITS and ch != "十" for ch in folded):
        return None
    if "十" not in folded:
        return _KANJI_DIGITS[folded] if len(folded) == 1 else None
    tens, _, ones = folded.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)
