"""Words of the corpus related to a question word it does not use: the same word with other
okurigana (「備え」 → 「備える」, 「受け入れ」 → 「受け入れる」), or a compound's part it holds
(「保育園」 → 「保育」, which 「保育士」 is indexed under).

Questions in everyday words often use a form or a compound the agreement does not. These
relations are read from the corpus's own vocabulary, so they hold for any agreement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..chars import HIRAGANA, KANJI, KANJI_NOMA

_KANJI = re.compile(f"[{KANJI_NOMA}]")
_HIRAGANA = re.compile(f"[{HIRAGANA}]")
# A word written as kanji with okurigana only: it starts with a kanji and holds nothing but
# kanji and hiragana (「備え」「受け入れる」, not 「お金」 or 「ICT」).
_OKURIGANA_WORD = re.compile(f"[{KANJI_NOMA}][{KANJI_NOMA}{HIRAGANA}]*")


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


_TWO_KANJI = re.compile(f"[{KANJI}]{{2}}")


def two_kanji_near(vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The corpus's words of two kanji by each one-character mask (「福?」「?祉」 → 福祉), to read
    a two-kanji typo (「福止」) the phrase corrector (three characters or more) leaves alone."""
    near: dict[str, set[str]] = {}
    for term in vocabulary:
        if _TWO_KANJI.fullmatch(term):
            near.setdefault("?" + term[1], set()).add(term)
            near.setdefault(term[0] + "?", set()).add(term)
    return {mask: tuple(sorted(terms)) for mask, terms in near.items()}


def two_kanji_candidate(word: str, near: dict[str, tuple[str, ...]], reading: Callable[[str], str]) -> str | None:
    """The corpus word of two kanji that `word` is one character off, if only one is, or if
    only one of them reads the same (「福止」 is 福祉, not 廃止: a typo through the input method
    keeps the sound)."""
    found = sorted({*near.get("?" + word[1], ()), *near.get(word[0] + "?", ())} - {word})
    if len(found) > 1:
        found = [other for other in found if reading(other) == reading(word)]
    return found[0] if len(found) == 1 else None
