"""Repairs for artefacts of PDF text extraction, as pure functions on strings.

Each function returns the repaired text and what it changed, so the parser can list every
repair (`kyoyaku-search parse --report`) and nothing changes silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chars import KANA, KANJI, KANJI_COMPAT, KANJI_EXT_A, NOMA

# Characters of running Japanese text: kana, kanji, iteration marks, and the punctuation that
# sits inside sentences. A space between two of these is never part of the wording.
_JA = f"{NOMA}〆{KANA}{KANJI_EXT_A}{KANJI}{KANJI_COMPAT}、。「」『』（）"
_STRAY_SPACE = re.compile(f"(?<=[{_JA}]) (?=[{_JA}])")
# A PDF line end between an ordinal's number and its counter: 「第1 項」. Only after 第N, so a
# paragraph number (「2 前項の…」) and a date (「平成28年 7月」) keep their blanks.
_SPLIT_ORDINAL = re.compile(r"(?<=第[0-9０-９]) (?=[条項号])|(?<=第[0-9０-９]{2}) (?=[条項号])")

_ALNUM = "A-Za-z0-9\uff21-\uff3a\uff41-\uff5a\uff10-\uff19"
# Two or more single letters or digits each followed by one space — 「I C T」 — plus the
# space that letter-spacing leaves between the run and the Japanese word it belongs to.
_SPACED_RUN = re.compile(f"(?:(?<=[{_JA}]) )?(?<![{_ALNUM}])[{_ALNUM}](?: [{_ALNUM}])+(?![{_ALNUM}])(?: (?=[{_JA}]))?")

# A line of only dashes, bars, colons and blanks: a table rule (「--|--」) left by the
# extractor or a markdown conversion, never content.
_RULE_LINE = re.compile(r"^[\s|:+=\-‐－ー―]*-{2,}[\s|:+=\-‐－ー―]*$")

MIN_OVERLAP = 2
SENTENCE_END = ("。", "．", "｡")
# A cell that says there is nothing to say is complete without a full stop.
PLACEHOLDERS = frozenset({"", "-", "－", "―", "—", "‐", "ー", "同左", "なし", "該当なし"})


@dataclass(frozen=True)
class Change:
    """One repaired artefact: what it was and what it became."""

    kind: str
    before: str
    after: str


def join_spaced_letters(text: str) -> tuple[str, list[Change]]:
    """「I C T インフラ整備」 → 「ICTインフラ整備」."""
    changes: list[Change] = []

    def _join(match: re.Match[str]) -> str:
        joined = match.group(0).replace(" ", "")
        changes.append(Change("spaced-letters", match.group(0), joined))
        return joined

    return _SPACED_RUN.sub(_join, text), changes


def remove_stray_spaces(text: str) -> tuple[str, list[Change]]:
    """「取 り組む」 → 「取り組む」, 「第1 項」 → 「第1項」: a space a PDF line end left inside a sentence.

    One space at a time, each change shown with two characters either side as they stand
    after the changes before it, so replaying the changes in order reproduces the result.
    """
    changes: list[Change] = []
    while match := _STRAY_SPACE.search(text) or _SPLIT_ORDINAL.search(text):
        start, end = max(0, match.start() - 2), match.end() + 2
        after = text[start : match.start()] + text[match.end() : end]
        changes.append(Change("stray-space", text[start:end], after))
        text = text[: match.start()] + text[match.end() :]
    return text, changes


def repair_sentence(text: str) -> tuple[str, list[Change]]:
    """All in-sentence repairs, in the order that keeps them independent."""
    text, spaced = join_spaced_letters(text)
    text, stray = remove_stray_spaces(text)
    return text, spaced + stray


def is_rule_line(line: str) -> bool:
    return bool(_RULE_LINE.match(line))


def is_complete(cell: str) -> bool:
    """A 内容 or role cell is complete when it ends a sentence (or is a placeholder)."""
    stripped = cell.strip()
    return stripped in PLACEHOLDERS or stripped.endswith(SENTENCE_END)


def join_continuation(head: str, tail: str) -> tuple[str, list[Change]]:
    """Join a cell with its continuation after a page break, dropping the repeated overlap.

    「…オープンデータプラットフォーム」 + 「トフォームの共同利用等を行う。」 →
    「…オープンデータプラットフォームの共同利用等を行う。」. The change records both parts
    whole, 「head\\ntail」, so what was dropped can be checked against the source.
    """
    if not tail:
        return head, []
    overlap = _overlap(head, tail)
    joined = head + tail[overlap:]
    kind = "page-break-overlap" if overlap else "page-break-join"
    return joined, [Change(kind, f"{head}\n{tail}", joined)]


def _overlap(head: str, tail: str) -> int:
    for size in range(min(len(head), len(tail) - 1), MIN_OVERLAP - 1, -1):
        if head.endswith(tail[:size]):
            return size
    return 0
