"""Exact phrases: which units hold a run of the question verbatim.

A question that pastes text from the agreement (「甲に対し必要な協力をする」) must get a unit
holding that text first, whatever the words in it would score. A character n-gram index over
the units' folded texts finds the candidates for a run without scanning every unit; each
candidate is then checked with `in`, so a hit is always a verbatim occurrence.

Identical texts (the template's sentences, repeated in every agreement) are stored once, so the
index grows with the distinct texts, not with the number of units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..chars import HIRAGANA, KANJI
from .tokenizer import fold

MIN_PHRASE = 6  # shorter runs (「について」「の役割」) are ordinary wording, not a quotation
GRAM = MIN_PHRASE
# A run this short is a quotation only when it holds this many characters of words (kanji,
# katakana, letters, digits): 「連携について」「に関する連携」 are one common word and its particles,
# said by any question, while 「甲に対し必要な協力」 is the agreement's own sentence.
SHORT_PHRASE, MIN_WORD_CHARS = 10, 4
_AROUND = " \u3000「」『』\"'“”。、，,.?？!！"


@dataclass(frozen=True)
class PhraseMatch:
    """The longest run of the question found verbatim, and the units that hold it."""

    start: int  # in the folded question
    end: int
    positions: np.ndarray  # unit positions, ascending

    @property
    def text_length(self) -> int:
        return self.end - self.start


class PhraseIndex:
    """Each GRAM-character window of the distinct unit texts → the texts holding it."""

    def __init__(self, texts: Sequence[str]) -> None:
        folded = [fold(text) for text in texts]
        distinct: dict[str, int] = {}
        owners: list[list[int]] = []
        for position, text in enumerate(folded):
            number = distinct.setdefault(text, len(distinct))
            if number == len(owners):
                owners.append([])
            owners[number].append(position)
        self._texts = tuple(distinct)
        self._owners = tuple(np.array(units, dtype=np.int32) for units in owners)
        grams: dict[str, list[int]] = {}
        for number, text in enumerate(self._texts):
            for gram in {text[i : i + GRAM] for i in range(len(text) - GRAM + 1)}:
                grams.setdefault(gram, []).append(number)
        self._grams = {gram: frozenset(numbers) for gram, numbers in grams.items()}

    def holders(self, phrase: str) -> list[int]:
        """Numbers of the distinct texts that hold `phrase` (at least GRAM characters)."""
        return [n for n in self._candidates(phrase) if phrase in self._texts[n]]

    def positions_holding(self, phrase: str) -> list[int]:
        """Positions (ascending) of the units whose text holds all of `phrase` verbatim: what
        `longest(phrase).positions` is when that match is the whole phrase, without looking for
        shorter runs; none for a phrase shorter than MIN_PHRASE, as `longest` finds none."""
        if len(phrase) < MIN_PHRASE:
            return []
        return sorted({int(at) for n in self.holders(phrase) for at in self._owners[n]})

    def _candidates(self, phrase: str) -> frozenset[int]:
        """Texts holding every GRAM-window of `phrase` at a stride of GRAM, and its last one."""
        offsets = [*range(0, len(phrase) - GRAM + 1, GRAM), len(phrase) - GRAM]
        found: frozenset[int] | None = None
        for offset in offsets:
            texts = self._grams.get(phrase[offset : offset + GRAM])
            if not texts:
                return frozenset()
            found = texts if found is None else found & texts
            if not found:
                return frozenset()
        return found or frozenset()

    def longest(self, folded: str) -> PhraseMatch | None:
        """The longest run of `folded` (at least MIN_PHRASE characters) that some unit holds
        verbatim; the leftmost among equally long ones. A space between two Japanese characters
        is read past (「につい て」「取 り組む」, copied from a PDF's line breaks), and the run's
        place is given in `folded` with its spaces."""
        kept = _without_inner_spaces(folded)
        if kept is None:
            return self._longest(folded)
        # a space the text itself holds (「特別区長会 会長」 of a signature block) is read as written
        as_written = self._longest(folded)
        match = self._longest("".join(folded[i] for i in kept))
        if match is None:
            return as_written
        read_past = PhraseMatch(kept[match.start], kept[match.end - 1] + 1, match.positions)
        if as_written is not None and as_written.end - as_written.start > read_past.end - read_past.start:
            return as_written
        return read_past

    def _longest(self, folded: str) -> PhraseMatch | None:
        grams = self._grams
        # Only where a window of the question is some unit's: most questions have no such place.
        starts = [start for start in range(len(folded) - MIN_PHRASE + 1) if folded[start : start + GRAM] in grams]
        if not starts:
            return None
        best: tuple[int, int, list[int]] | None = None
        best_length = MIN_PHRASE - 1
        # The whole question pasted from the agreement is a quotation however short its words
        # (「ついて、乙と協力し」); a short run inside a question must be one (see quotation_like).
        core = folded.strip(_AROUND)
        whole = (folded.find(core), folded.find(core) + len(core))
        for start in starts:
            if len(folded) - start <= best_length:
                break
            end = start + best_length + 1  # only a run longer than the best so far counts
            holders = self.holders(folded[start:end])
            while holders and end < len(folded):
                longer = [n for n in holders if folded[start : end + 1] in self._texts[n]]
                if not longer:
                    break
                end, holders = end + 1, longer
            if holders and (
                (start <= whole[0] and whole[1] <= end)
                or (quotation_like(folded[start:end]) and not _cuts_a_word(folded, start))
            ):
                best, best_length = (start, end, holders), end - start
        if best is None:
            return None
        start, end, holders = best
        positions = np.unique(np.concatenate([self._owners[n] for n in holders]))
        return PhraseMatch(start, end, positions)


def _cuts_a_word(folded: str, start: int) -> bool:
    """Whether a run starts inside a run of kanji of the question: 「研修の実施に」 of 「合同研修の実施に
    ついて」 is the end of another thing's name, not a quotation of a unit that trains doctors."""
    return start > 0 and _kanji(folded[start - 1]) and _kanji(folded[start])


def _kanji(ch: str) -> bool:
    return ch in KANJI


def quotation_like(run: str) -> bool:
    """Whether a verbatim run says enough to be a quotation rather than common wording."""
    words = sum(ch.isalnum() and ch not in HIRAGANA for ch in run)
    return len(run) >= SHORT_PHRASE or words >= MIN_WORD_CHARS


def _without_inner_spaces(folded: str) -> list[int] | None:
    """The places of `folded` kept when the spaces between two non-ASCII characters are dropped;
    None when there are none (most questions)."""
    if " " not in folded:  # NFKC has made the ideographic space an ASCII one
        return None
    kept = []
    for at, ch in enumerate(folded):
        if ch == " ":
            before = folded[:at].rstrip(" ")[-1:]
            after = folded[at:].lstrip(" ")[:1]
            if before and after and not before.isascii() and not after.isascii():
                continue
        kept.append(at)
    return kept if len(kept) < len(folded) else None


_BROKEN_LINE = re.compile(r"(?<=[^\x00-\x7f])( +)(?=[^\x00-\x7f])")


def without_repeated_breaks(text: str) -> str:
    """`text` without the end of a line a PDF repeats after its break (「オープンデータプラットフォーム
    トフォームの共同利用」 → 「…プラットフォームの共同利用」): two to ten characters after a space between
    Japanese characters that the text before the space ends with, dropped with the space."""
    if " " not in text:
        return text  # most questions: no break to mend
    pieces, at = [], 0
    for match in _BROKEN_LINE.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        length = next((n for n in range(min(10, len(before), len(after)), 1, -1) if before.endswith(after[:n])), 0)
        if length and match.start() >= at:
            pieces.append(text[at : match.start()])
            at = match.end() + length
    return "".join(pieces) + text[at:] if pieces else text
