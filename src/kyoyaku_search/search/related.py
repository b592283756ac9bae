"""Words of the corpus related to a question word it does not use: the same word with other
okurigana (「備え」 → 「備える」, 「受け入れ」 → 「受け入れる」), or a compound's part it holds
(「保育園」 → 「保育」, which 「保育士」 is indexed under).

Questions in everyday words often use a form or a compound the agreement does not. These
relations are read from the corpus's own vocabulary, so they hold for any agreement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
HIRAGANA = frozenset(chr(code) for code in range(0x3041, 0x30A0))
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
# A word written as kanji with okurigana only: it starts with a kanji and holds nothing but
# kanji and hiragana (「備え」「受け入れる」, not 「お金」 or 「ICT」).
_OKURIGANA_WORD = re.compile(r"[\u4e00-\u9fff\u3005][\u4e00-\u9fff\u3005\u3041-\u309f]*")


def kanji_stem(word: str) -> str | None:
    """The kanji of a word written with okurigana (「受け入れ」→「受入」); None for any other word
    (all kanji, all kana, or with other letters): only okurigana may differ between two forms."""
    if not _OKURIGANA_WORD.fullmatch(word) or not _HIRAGANA.search(word):
        return None
    return "".join(_KANJI.findall(word))


def stems(vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each kanji stem → the corpus terms written with it (「備」→「備える」)."""
    found: dict[str, list[str]] = {}
    for term in vocabulary:
        stem = kanji_stem(term)
        if stem:
            found.setdefault(stem, []).append(term)
    return {stem: tuple(terms) for stem, terms in found.items()}


def same_stem(word: str, by_stem: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The corpus terms that are `word` with other okurigana (「備え」→「備える」)."""
    stem = kanji_stem(word)
    return tuple(term for term in by_stem.get(stem, ()) if term != word) if stem else ()


def held_parts(parts: Iterable[str], document_frequency: Callable[[str], int]) -> tuple[str, ...]:
    """The parts of two or more kanji of a compound the corpus holds (「保育園」's 「保育」): a
    compound the agreement never uses is about what its held part names, in part."""
    return tuple(p for p in parts if len(p) >= 2 and _KANJI.match(p) and document_frequency(p))
