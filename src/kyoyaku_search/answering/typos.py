"""Typos of the corpus's own words in a question, read as those words (「地域医寮」→ 地域医療,
「福止の役割」→ 福祉), and said in the answer."""

from __future__ import annotations

import re

from ..chars import KANJI, KANJI_NOMA
from ..search.corpus import Corpus
from ..search.related import two_kanji_candidate
from ..search.spelling import Correction
from ..search.tokenizer import Token

_KANJI = re.compile(f"[{KANJI_NOMA}]+")
_TWO_KANJI_RUN = re.compile(f"(?<![{KANJI_NOMA}])[{KANJI}]{{2}}(?![{KANJI_NOMA}])")


def correct_typos(corpus: Corpus, folded: str) -> tuple[str, list[Correction]]:
    """One-character typos of the corpus's own words; real place names are left alone."""
    found: list[frozenset[str]] = []

    def places() -> frozenset[str]:  # a Sudachi pass of its own, only when a correction is proposed
        if not found:
            found.append(frozenset(corpus.tokenizer.place_names(folded)))
        return found[0]

    tokens: list[list[Token]] = []

    def words() -> list[Token]:  # one more Sudachi pass, only when a correction is proposed
        if not tokens:
            tokens.append(corpus.tokenizer.tokens(folded))
        return tokens[0]

    def boundaries() -> frozenset[int]:
        return frozenset(i for t in words() for i in (t.begin, t.end))

    def in_words() -> frozenset[int]:  # inside a word of two or more kanji
        kanji = [t for t in words() if len(t.surface) > 1 and _KANJI.fullmatch(t.surface)]
        return frozenset(i for t in kanji for i in range(t.begin, t.end))

    text, corrections = corpus.spelling.correct(folded, places, corpus.occurs, boundaries, in_words)
    return _abbreviated(corpus, *_two_kanji_typos(corpus, text, corrections))


def _abbreviated(corpus: Corpus, text: str, corrections: list[Correction]) -> tuple[str, list[Correction]]:
    """Two kanji the corpus lacks, the first of each half of exactly one four-kanji word of its own,
    are that word shortened as people say it (「健診」 for 健康診査, 「妊婦健診」 → 妊婦健康診査)."""
    four = _four_kanji(corpus)  # only a run that shortens one of these can be read as it: most are not
    runs = [
        m.group(0)
        for m in _TWO_KANJI_RUN.finditer(text)
        if m.group(0) in four and not corpus.index.document_frequency(m.group(0))
    ]
    runs += [m.group(0)[-2:] for m in _KANJI.finditer(text) if len(m.group(0)) > 2 and m.group(0)[-2:] in four]  # 健診
    for run in dict.fromkeys(runs):
        long = four[run]
        if len(long) != 1 or corpus.occurs(run) or not all(ch in KANJI for ch in run):
            continue
        text = text.replace(run, long[0])
        corrections = [*corrections, Correction(run, long[0], "reading")]
    return text, corrections


def _four_kanji(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """The corpus's four-kanji words by their first and third characters (健康診査 under 健診)."""

    def make() -> dict[str, tuple[str, ...]]:
        found: dict[str, set[str]] = {}
        for phrase in corpus.spelling.phrases:
            for m in re.finditer(f"(?=([{KANJI}]{{4}}))", phrase):
                word = m.group(1)
                found.setdefault(word[0] + word[2], set()).add(word)
        return {key: tuple(sorted(words)) for key, words in found.items()}

    return corpus.memo.get(("four kanji",), make)


def _two_kanji_typos(corpus: Corpus, text: str, corrections: list[Correction]) -> tuple[str, list[Correction]]:
    """A run of two kanji the corpus lacks, one character off exactly one of its words, that
    Sudachi cannot read as a common word — it cuts it into single characters (「医寮」) or takes it
    for a person's name (「福止」) — is that word mistyped (「福止の役割」 → 福祉)."""
    runs = [
        (m.group(0), candidate)
        for m in _TWO_KANJI_RUN.finditer(text)
        if not corpus.index.document_frequency(m.group(0))
        and (candidate := two_kanji_candidate(m.group(0), corpus.two_kanji, corpus.tokenizer.reading_of_word))
    ]
    if not runs:
        return text, corrections
    tokens = corpus.tokenizer.tokens(text)
    names = {t.surface for t in tokens if t.pos[1:3] == ("固有名詞", "人名")}
    # single nouns: not 「何市」's 何 or 「本市」's prefix 本 and suffix 市
    singles = {t.surface for t in tokens if len(t.surface) == 1 and t.pos[:2] == ("名詞", "普通名詞")}
    for run, candidate in runs:
        if run in names and corpus.tokenizer.may_name_a_place(run):
            continue  # 「滝川は」 beside a party 深川市: another town, read as a surname, not a typo
        # A word of Sudachi's own is meant as written, unless the input method offered the wrong
        # kanji for the corpus word's sound (「感光の共同PR」 → 観光); see _homophone_in_context.
        if (
            run not in names
            and not all(ch in singles for ch in run)
            and not _homophone_in_context(corpus, text, run, candidate)
        ):
            continue
        text = text.replace(run, candidate, 1)
        corrections = [*corrections, Correction(run, candidate, "typo")]
    return text, corrections


def _homophone_in_context(corpus: Corpus, text: str, run: str, candidate: str) -> bool:
    """Whether `run`, a real word that reads exactly like the corpus's `candidate`, stands for it:
    another word of the question is said with `candidate` in one unit (「異住の促進」: 移住 and 促進
    in one row), and that word is a topic of a few units (a quarter at most: not 連携) nor a party's name. Without
    such a word 「保険について」 is a topic of its own, not 保健 misconverted."""
    reading = corpus.tokenizer.reading_of_word
    if reading(run) != reading(candidate):
        return False
    names, texts = corpus.names.known_forms, [unit.text for unit in corpus.units]
    others = {m.group(0) for m in _KANJI.finditer(text) if len(m.group(0)) > 1} - {run} - set(names)
    for other in others:
        holding = [t for t in texts if other in t]
        if len(holding) <= len(texts) // 4 and any(candidate in t for t in holding):
            return True
    return False
