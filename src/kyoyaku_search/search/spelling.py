"""Questions as people type them: one-character typos, and words written in hiragana.

Both are resolved against the corpus's own wording, never a general dictionary, and every
correction is reported so the answer can say what was read instead (「地域医寮」→「地域医療」).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..chars import CHOONPU, HIRAGANA_LETTERS, KANJI_NOMA, KATAKANA_LETTERS
from .memo import lookup
from .tokenizer import Token, to_katakana

_PHRASE = re.compile(f"[{KANJI_NOMA}{KATAKANA_LETTERS}{CHOONPU}]{{3,}}")
_HIRAGANA_RUN = re.compile(f"[{HIRAGANA_LETTERS}{CHOONPU}]{{4,}}")
MIN_PHRASE, MAX_PHRASE = 3, 8
MIN_READING = 3  # shorter readings (コウ, シ) match too much to be evidence
MIN_COVERAGE = 0.7  # share of a hiragana run that known words must explain
_PARTICLES = "のはでをにがともへや"
_KANA_PARTICLES = to_katakana(_PARTICLES)  # _segment reads katakana
# 「れんけいするの」: a verbal noun's する (and a particle after it) is not part of the word.
_SURU = re.compile(r"(?:する|して|した|します|される|させる)[のはかよね]?$")
_SURU_INSIDE = re.compile(f"(?<=[{HIRAGANA_LETTERS}]{{3}})(?:する|される|させる)")
# 「こそだてについて」「きゅうきゅういりょうのことで」: what the word is said with, more than one particle
_ABOUT = re.compile(f"(?<=[{HIRAGANA_LETTERS}]{{3}})(?:について|にかんして|にたいして|のことで|のことは|のこと|って)$")


def _never(text: str) -> bool:
    return False


@dataclass(frozen=True)
class Correction:
    before: str
    after: str
    kind: str  # "typo" or "reading"


@dataclass(frozen=True)
class Spelling:
    """What the corpus says, indexed for near misses."""

    phrases: frozenset[str]
    near: dict[str, tuple[str, ...]]  # phrase with one character masked ("地域医?") → phrases
    readings: dict[str, str]  # katakana reading → index term

    @classmethod
    def build(cls, phrases: Iterable[str], terms: Iterable[tuple[str, str]]) -> Spelling:
        """`phrases`: whole words to correct towards (the corpus's noun compounds 「地域医療」,
        party names); `terms`: (index term, its katakana reading) pairs for reading hiragana."""
        phrases = {p for p in phrases if MIN_PHRASE <= len(p) <= MAX_PHRASE}
        near: dict[str, set[str]] = {}
        for phrase in phrases:
            for masked in _masks(phrase):
                near.setdefault(masked, set()).add(phrase)
        readings: dict[str, str] = {}
        for term, reading in terms:
            if term[:1].isdigit():
                continue  # a date or a count (5日: いつか) is never spelled in kana; 「いつから」 asks when
            # a word written in katakana is its own reading: two kana are enough (バス)
            if len(reading) >= MIN_READING or (len(reading) == MIN_READING - 1 and term == reading):
                readings.setdefault(reading, term)  # homophones: the first term stands for the reading
        return cls(frozenset(phrases), {k: tuple(sorted(v)) for k, v in near.items()}, readings)

    def correct(
        self,
        text: str,
        places: frozenset[str] | Callable[[], frozenset[str]] = frozenset(),
        occurs: Callable[[str], bool] = _never,
        boundaries: Callable[[], frozenset[int]] | None = None,
        in_words: Callable[[], frozenset[int]] | None = None,
    ) -> tuple[str, list[Correction]]:
        """Replace, in each run of kanji/katakana, the longest window that is one character off a
        single phrase of the corpus. Never corrected: `places` (real place names), a window for
        which `occurs` says the corpus holds it verbatim (「札幌市都」 of 「札幌市都心部」), and a
        window that would cut a word (`boundaries()`: the offsets where the text's words begin
        and end; 「岩見沢市役」 cuts 「市役所」), nor one whose odd character is inside a word of two or
        more kanji (`in_words()`: those offsets): 「鳥獣被害対策」's 被害 is a word, not a typo of 災害; a
        typo leaves single characters (「地域医寮」: 医 + 寮). `places` may be a function, called
        only when a window has a correction to offer (finding place names costs a Sudachi pass)."""
        if not callable(places):
            places = _constant(places)
        corrections = []
        for match in _PHRASE.finditer(text):
            fix = self._fix(match.group(0), places, occurs, match.start(), boundaries, in_words)
            if fix is not None:
                text = text.replace(fix.before, fix.after, 1)
                corrections.append(fix)
        return text, corrections

    def _fix(
        self,
        run: str,
        places: Callable[[], frozenset[str]],
        occurs: Callable[[str], bool],
        offset: int = 0,
        boundaries: Callable[[], frozenset[int]] | None = None,
        in_words: Callable[[], frozenset[int]] | None = None,
    ) -> Correction | None:
        heads, tails = self._shapes
        for size in range(min(len(run), MAX_PHRASE), MIN_PHRASE - 1, -1):
            for start in range(len(run) - size + 1):
                window = run[start : start + size]
                # the cheapest test first (`_may_be_near`, written out: most windows are near no
                # phrase); every test here only skips a window, so their order changes nothing
                if (size, window[:2]) not in heads and window[2:] not in tails:
                    continue
                if window in self.phrases:
                    continue
                if window[:-1] in self.phrases:  # a whole word and one more (「岩見沢市側」): not a typo
                    continue
                candidates = {p for masked in _masks(window) for p in self.near.get(masked, ())}
                if len(candidates) != 1 or window in places() or occurs(window):
                    continue
                if boundaries is not None and not {offset + start, offset + start + size} <= boundaries():
                    continue
                after = candidates.pop()
                odd = next(i for i, (a, b) in enumerate(zip(window, after, strict=True)) if a != b)
                # A municipality's name is made of kanji that read as words by chance (岩美沢市: 美沢)
                if in_words is not None and after[-1] not in "市町村区" and offset + start + odd in in_words():
                    continue
                return Correction(window, after, "typo")
        return None

    def _may_be_near(self, window: str) -> bool:
        """False when no phrase can be one character off `window`: such a phrase has the same
        length and either its first two characters (the odd one comes later) or all after them."""
        heads, tails = self._shapes
        return (len(window), window[:2]) in heads or window[2:] in tails

    @lookup
    def _shapes(self) -> tuple[frozenset[tuple[int, str]], frozenset[str]]:
        return frozenset((len(p), p[:2]) for p in self.phrases), frozenset(p[2:] for p in self.phrases)

    @lookup
    def _reading_starts(self) -> frozenset[str]:
        """The first two kana of every reading: most runs of a question hold none of them."""
        return frozenset(reading[:2] for reading in self.readings)

    def read(self, text: str, occurs: Callable[[str], bool] = _never) -> list[Correction]:
        """Words of the corpus spelled out in hiragana: 「さいがいたいさく」→ 災害, 対策. A run the
        corpus itself holds (「のとおり」 of 「次のとおり」) is its own wording, not a reading."""
        found: list[Correction] = []
        for run in _HIRAGANA_RUN.findall(text):
            for piece in _pieces(run):
                # A particle on each side of the run (「は」「で」 of 「市はかんこうで」) is not part of a
                # word; one only (「じもとに」 is 地元, not 「じも」 with と stripped too). A first kana
                # that may be a particle may also begin the word (「やくわりぶんたん」's や).
                shown, words = _unparticled(piece), []
                cuts = (shown, _unparticled(piece, start=False), *_heads(shown))
                most = 0
                for cut in dict.fromkeys(cuts):
                    covered, segmented = self._cover(to_katakana(cut))  # once per cut: the DP is the cost here
                    # the cut whose words explain the most kana: 「はんろかくだい」 is 販路・拡大, not
                    # 「んろかくだい」 with a first は taken for a particle
                    if segmented and covered > most:
                        shown, words, most = cut, segmented, covered
                if words and not occurs(run):  # `occurs` scans the corpus text: only when it matters
                    found.extend(Correction(shown, word, "reading") for word in words)
        return found

    def spelled(self, kana: str) -> list[str]:
        """The corpus words whose readings best cover `kana` (hiragana or katakana), in order."""
        return self._segment(to_katakana(kana))

    def _segment(self, kana: str) -> list[str]:
        """Best cover of `kana` by known readings (dynamic programming over positions)."""
        return self._cover(kana)[1]

    def _cover(self, kana: str) -> tuple[int, list[str]]:
        """`_segment`'s words and how many kana they (and the particles after them) explain."""
        starts = self._reading_starts
        if not any(kana[at : at + 2] in starts for at in range(len(kana) - 1)):
            return 0, []  # no reading (two kana or more) begins anywhere in it: nothing covers any of it
        # (covered, words, whether the cover reaches this position): a particle right after a
        # word is explained too (「いりょうのことで」: 医療, の, こと, で).
        best: list[tuple[int, list[str], bool]] = [(0, [], False)] + [(-1, [], False)] * len(kana)
        for end in range(1, len(kana) + 1):
            covered, words, reached = best[end - 1]
            particle = reached and kana[end - 1] in _KANA_PARTICLES
            best[end] = (covered + particle, words, particle)
            for start in range(max(0, end - 12), end - MIN_READING + 2):
                term = self.readings.get(kana[start:end])
                # two kana only for a word written in katakana, its reading itself (バス of ろせんばす)
                short = end - start < MIN_READING and term != kana[start:end]
                if term is not None and not short and best[start][0] + (end - start) > best[end][0]:
                    best[end] = (best[start][0] + end - start, [*best[start][1], term], True)
        covered, words, _ = best[len(kana)]
        return (covered, words) if covered >= MIN_COVERAGE * len(kana) else (0, [])


def _pieces(run: str) -> list[str]:
    """`run` without a verbal noun's する and what follows it (「れんけいするの」 → れんけい); a する
    inside the run ends the word before it (「はいしするときは」 → はいし, ときは); so does 「について」
    (「こそだてについて」 → こそだて)."""
    run = _ABOUT.sub("", run)
    if (ending := _SURU.sub("", run)) != run:
        return [ending or run]
    pieces = [piece for piece in _SURU_INSIDE.split(run) if len(piece) >= MIN_READING]
    return pieces or [run]


def _heads(run: str) -> list[str]:
    """`run` up to each particle in it, shortest first (「こそだてでやることを」 → こそだて): the word,
    when the kana go on with the asking (「でやること」) that no reading covers."""
    return [run[:at] for at in range(MIN_HEAD, len(run)) if run[at] in _PARTICLES]


MIN_HEAD = 4  # a shorter head is too often a word of the asking itself


def _unparticled(run: str, start: bool = True) -> str:
    """`run` without one particle at its start and one at its end, where a word is left."""
    start = 1 if start and run[0] in _PARTICLES and len(run) > 3 else 0
    end = len(run) - 1 if run[-1] in _PARTICLES and len(run) - start > 3 else len(run)
    return run[start:end]


def noun_compounds(tokens: Iterable[Token]) -> Iterable[str]:
    """Runs of consecutive nouns: 「職員交流等」 → 「職員交流」, 「戦略的な観光施策」 → 「観光施策」."""
    run: list[str] = []
    for token in [*tokens, None]:
        if token is not None and token.pos[0] == "名詞":
            run.append(token.surface)
            continue
        if len(run) > 1:
            yield "".join(run)
        run = []


def _masks(word: str) -> Iterable[str]:
    for index in range(len(word)):
        yield word[:index] + "?" + word[index + 1 :]


def _constant(places: frozenset[str]) -> Callable[[], frozenset[str]]:
    return lambda: places
