"""A line an OCR engine letter-spaced — a blank every one to three characters, 「本 協 定 は 、定住
自立 圏 の」「南相 馬 市 (以 下 「甲」 とい う。)」「(目 的) 第 1条」 — closed up, so the parser
finds its structure: the blanks inside words go, the ones that carry structure stay (after a
sentence, around an item marker 「(ア)」「ア 」, after a heading and after the 第N条 it heads,
after a field title 「(イ) 甲の役割 」, around a lone 甲/乙 of the signatures, before a blank day).
A text with a blank now and then (a PDF line end) is not letter-spaced and is left alone.
"""

from __future__ import annotations

import re

from ..chars import KANA, KANJI, KANJI_COMPAT, KANJI_EXT_A, NOMA
from .template import LABELS

_JA = f"{NOMA}{KANA}{KANJI_EXT_A}{KANJI}{KANJI_COMPAT}、。「」『』"
_JA_CHAR = re.compile(f"[{_JA}]")
_JA_GAP = re.compile(f"[{_JA}] (?=[{_JA}])")
_JOINS = re.compile(f"[{_JA}()（）]")  # ranges, so matched, never tested with `in`
_KANJI = re.compile(f"[{KANJI_EXT_A}{KANJI}{KANJI_COMPAT}]")
_SPACED_SHARE = 0.15  # blanks between Japanese characters per Japanese character: a PDF line end is ~0.03
_SPACED_ARTICLE = re.compile(r"第 ?([0-9０-９]{1,3}) ?条")
_ITEM = re.compile(r"^[(（](?:[0-9０-９]{1,2}|[ア-ン]|[a-z])[)）]")
_LETTER_ITEM = re.compile(r"^[アイウエオカキクケコサシスセソタチツテト]$")
# An article heading the line so far ends with: 「(目的) 第1条」; its text follows after a blank.
_HEADED_ARTICLE = re.compile(r"[)）] 第[0-9０-９]{1,3}条$")
# A title, a date of the cover (「…協定書 千茂 21年 10月 歯相島市…」): the next word is no part of it.
_KEPT_END = re.compile(r"(?:協定書|協約書|[0-9０-９][年月日])$")
_SIGNATURE_BEFORE = re.compile(r"(?:日|長)$")
# A field title right after its item marker: 「(イ) 甲の役割」, its text after a blank.
_FIELD = re.compile(r"(?<=[)）] )(取組の?内容|内容|役割分担|[^\s()（）]{1,12}?の役割(?:分担)?)(?=[^\s分])")


def is_letter_spaced(line: str) -> bool:
    """Blanks between Japanese characters at least every ~7 characters."""
    japanese = len(_JA_CHAR.findall(line))
    return japanese >= 40 and len(_JA_GAP.findall(line)) >= japanese * _SPACED_SHARE


def close_up(line: str) -> str:
    """The line with the blanks inside its words removed (see the module docstring)."""
    words = _SPACED_ARTICLE.sub(r"第\1条", line).split()
    if not words:
        return line
    text = words[0]
    for index in range(1, len(words)):
        word, after = words[index], words[index + 1] if index + 1 < len(words) else ""
        text += (" " if _keeps_blank(text, words[index - 1], word, after) else "") + word
    return _FIELD.sub(r"\1 ", text)


def _keeps_blank(text: str, before: str, word: str, after: str) -> bool:
    """Does the blank between `before` (ending `text`, the line so far) and `word` carry structure?"""
    last, first = text[-1], word[0]
    if last == "。" or last in ")）" or _ITEM.match(word) or _HEADED_ARTICLE.search(text) or _KEPT_END.search(text):
        return True
    if _LETTER_ITEM.match(word) and _KANJI.match(after[:1]) or _LETTER_ITEM.match(before) and _KANJI.match(first):
        return True  # 「…政策分野 ア 医療」: an item, not the ア of 「アから」
    if _lone_label(word) and _SIGNATURE_BEFORE.search(text):
        return True  # the signatures: 「平成21年10月 日 甲 南相馬市 南相馬市長 乙 …」
    if _lone_label(before) and _SIGNATURE_BEFORE.search(text[: -len(before)].rstrip()):
        return True
    if word == "日" and re.search(r"[0-9０-９]月$", text):
        return True  # a blank day: 「10月 日」
    return not (_JOINS.match(last) and _JOINS.match(first))


def _lone_label(word: str) -> bool:
    return len(word) == 1 and word in LABELS
