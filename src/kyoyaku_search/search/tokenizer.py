"""SudachiPy tokenisation shared by the index and the questions.

Text is NFKC-folded, split by Sudachi, and each content word becomes its normalized form
(「ぼうさい」→「防災」, 「ＩＣＴ」→「ict」). Particles, auxiliaries, symbols and blanks carry no
topic and are dropped. With a secondary split mode, the sub-words of long compounds are
added too (C: 「都市圏」, plus A: 「都市」「圏」), so either spelling of a question matches.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sudachipy import Dictionary, SplitMode

MAX_REMEMBERED_WORDS = 10_000  # a bound for each memo of words; the lexicon has a few hundred words
MAX_REMEMBERED_FORMS = 20_000  # dictionary words whose forms analyse keeps (a few hundred bytes each)
MODES = {"A": SplitMode.A, "B": SplitMode.B, "C": SplitMode.C}
DROPPED_POS = ("助詞", "助動詞", "補助記号", "記号", "空白", "感動詞", "接続詞")
CONTENT_DROPPED = frozenset(
    DROPPED_POS
)  # `Token.is_content` as a set, to test many tokens without a property call each
_DROPPED = CONTENT_DROPPED
# Words of legal drafting that join clauses and name no topic: 「…に関する」「…について」
# (つく), 「為る」, 「ため」(為), 「その他」, 「等」. Left in, a long cell full of them outranks the short
# cell that names the topic.
STOP_TERMS = (
    "関する",
    "つく",
    "為る",
    "対する",
    "係る",
    "よる",
    "おく",
    "及び",
    "並びに",
    "又は",
    "其の",
    "他",
    "等",
    "行う",
    "為",
)


@dataclass(frozen=True)
class TokenizerSettings:
    """Everything that changes which terms a text yields (part of the index cache key)."""

    mode: str = "C"
    sub_mode: str | None = "A"
    dictionary: str = "core"
    dropped_pos: tuple[str, ...] = DROPPED_POS
    stop_terms: frozenset[str] = frozenset(STOP_TERMS)

    def __post_init__(self) -> None:
        for name, value in (("mode", self.mode), ("sub_mode", self.sub_mode)):
            if value is not None and value not in MODES:
                raise ValueError(f"{name} must be one of {sorted(MODES)}, not {value!r}")


class Token(NamedTuple):
    """One Sudachi morpheme, reduced to what the search needs.

    A named tuple, not a frozen dataclass: a question makes one per morpheme on the answer's
    hot path, and a tuple is built several times faster.
    """

    surface: str
    term: str  # normalized form, lower-cased
    reading: str
    pos: tuple[str, ...]
    synonym_groups: tuple[int, ...]
    begin: int
    end: int

    @property
    def is_content(self) -> bool:
        return self.pos[0] not in _DROPPED  # asked of every token of a question, several times


_new_token = tuple.__new__  # Token(...) without the named tuple's own __new__ frame: ten times a question

# What analyse reads of one dictionary word: term, reading, part of speech, synonym groups, whether
# it is a content word, and its sub-words.
_Forms = tuple[str, str, tuple[str, ...], tuple[int, ...], bool, tuple[tuple[str, bool], ...]]


class Tokenizer:
    """A Sudachi dictionary shared by all threads, with one Sudachi tokenizer per thread.

    Sudachi tokenizers are not thread-safe (concurrent use raises ``Already borrowed``);
    the dictionary is, so each thread lazily gets its own tokenizer over the shared one.
    """

    def __init__(self, settings: TokenizerSettings | None = None, dictionary: Dictionary | None = None) -> None:
        self.settings = settings or TokenizerSettings()
        self._dictionary = dictionary or Dictionary(dict=self.settings.dictionary)
        self._local = threading.local()
        self._word_terms: dict[str, tuple[str, ...]] = {}  # see terms_of_word
        self._word_splits: dict[str, tuple[tuple[str, bool], ...]] = {}  # see split_terms_of_word
        self._readings: dict[str, str] = {}  # see reading_of_word
        self._forms: dict[tuple[int, int, str], _Forms] = {}  # see analyse
        self._mode = MODES[self.settings.mode]
        self._sub_mode = MODES[self.settings.sub_mode] if self.settings.sub_mode else None

    def _sudachi(self):  # noqa: ANN202 - sudachipy.Tokenizer has no public type alias
        tokenizer = getattr(self._local, "tokenizer", None)
        if tokenizer is None:
            tokenizer = self._local.tokenizer = self._dictionary.tokenizer(mode=self._mode)
        return tokenizer

    def tokens(self, text: str) -> list[Token]:
        """All morphemes of `text` after NFKC folding, in the primary split mode."""
        folded = fold(text)
        return self.analyse(folded)[0] if folded else []

    def tokens_unfolded(self, text: str) -> list[Token]:
        """Morphemes of `text` as given, so offsets index the original string."""
        return [_token(m) for m in self._sudachi().tokenize(text)] if text else []

    def terms(self, text: str) -> list[str]:
        """The index terms of `text`: content words, plus their sub-words if configured."""
        return [term for term, _ in self.split_terms(text)]

    def may_name_a_place(self, surface: str) -> bool:
        """Whether the dictionary also knows `surface` as a place name (Sudachi reads 「松川」「大竹」
        as a surname in one sentence and a town in another: both entries are there)."""
        return any(m.part_of_speech()[1:3] == ("固有名詞", "地名") for m in self._dictionary.lookup(surface))

    def place_names(self, text: str) -> list[str]:
        """Surfaces Sudachi tags as place names (名詞,固有名詞,地名) in `text` after NFKC folding;
        what `tokens()` would give, without building a Token per morpheme."""
        folded = fold(text)
        if not folded:
            return []
        return [
            m.surface() for m in self._sudachi().tokenize(folded) if m.part_of_speech()[1:3] == ("固有名詞", "地名")
        ]

    def terms_of_word(self, word: str) -> tuple[str, ...]:
        """`terms(word)`, remembered: synonym targets and the template's words recur in every
        question, and tokenising them again would cost more than the question itself."""
        known = self._word_terms.get(word)
        if known is None:
            known = tuple(self.terms(word))
            if len(self._word_terms) < MAX_REMEMBERED_WORDS:
                self._word_terms[word] = known
        return known

    def whole_terms_of_word(self, word: str) -> tuple[str, ...]:
        """The whole-word terms of `word`, without sub-words (「個人データ」→「個人」「データ」), remembered."""
        key = "\0" + word  # shares the memo of terms_of_word under a key no word starts with
        known = self._word_terms.get(key)
        if known is None:
            known = tuple(term for term, sub in self.split_terms(word) if not sub)
            if len(self._word_terms) < MAX_REMEMBERED_WORDS:
                self._word_terms[key] = known
        return known

    def split_terms_of_word(self, word: str) -> tuple[tuple[str, bool], ...]:
        """`split_terms(word)`, remembered (a question word the corpus lacks is split for its parts)."""
        known = self._word_splits.get(word)
        if known is None:
            known = tuple(self.split_terms(word))
            if len(self._word_splits) < MAX_REMEMBERED_WORDS:
                self._word_splits[word] = known
        return known

    def reading_of_word(self, word: str) -> str:
        """`reading(word)`, remembered: the corpus words a typo may stand for are read again and again."""
        known = self._readings.get(word)
        if known is None:
            known = self.reading(word)
            if len(self._readings) < MAX_REMEMBERED_WORDS:
                self._readings[word] = known
        return known

    def split_terms(self, text: str) -> list[tuple[str, bool]]:
        """(term, is_sub_word) pairs: each content word, then its sub-words when it has some."""
        folded = fold(text)
        return self._split_terms(self._sudachi().tokenize(folded)) if folded else []

    def analyse(self, text: str) -> tuple[list[Token], list[tuple[str, bool]]]:
        """`tokens(text)` and `split_terms(text)` from one Sudachi pass (a question's hot path).
        What a dictionary word yields (its forms, part of speech, synonym groups, sub-words) is
        read from Sudachi once and then remembered; only its place is read for every question."""
        folded = fold(text)
        if not folded:
            return [], []
        stop, forms = self.settings.stop_terms, self._forms
        tokens: list[Token] = []
        terms: list[tuple[str, bool]] = []
        for morpheme in self._sudachi().tokenize(folded):
            # Sudachi's words cover the text end to end: a surface is the text between its offsets.
            begin, end = morpheme.begin(), morpheme.end()
            surface = folded[begin:end]
            # A word id with its surface: 「ＩＣＴ」 and 「ict」 are one dictionary word, an unknown
            # word's id is shared by every unknown word of its part of speech.
            key = (morpheme.dictionary_id(), morpheme.word_id(), surface)
            known = forms.get(key) or self._remember_forms(key, morpheme)
            term, reading, pos, groups, content, subs = known
            tokens.append(_new_token(Token, (surface, term, reading, pos, groups, begin, end)))
            if content:
                # 「に係る」: Sudachi normalises 係る to 掛かる, so the stop list is read on the surface too
                if term not in stop and surface not in stop:
                    terms.append((term, False))
                terms.extend(subs)
        return tokens, terms

    def _remember_forms(self, key: tuple[int, int, str], morpheme) -> _Forms:  # noqa: ANN001 - sudachipy.Morpheme
        pos = morpheme.part_of_speech()
        content = pos[0] not in self.settings.dropped_pos
        # one character has no sub-words
        subs = self._sub_terms(morpheme) if content and self._sub_mode is not None and len(key[2]) > 1 else []
        forms = (
            morpheme.normalized_form().lower(),
            morpheme.reading_form(),
            pos,
            tuple(morpheme.synonym_group_ids()),
            content,
            tuple(subs),
        )
        if len(self._forms) < MAX_REMEMBERED_FORMS:
            self._forms[key] = forms
        return forms

    def _split_terms(self, morphemes) -> list[tuple[str, bool]]:  # noqa: ANN001 - sudachipy.MorphemeList
        dropped = self.settings.dropped_pos
        stop = self.settings.stop_terms
        out: list[tuple[str, bool]] = []
        for morpheme in morphemes:
            if morpheme.part_of_speech()[0] in dropped:
                continue
            term = morpheme.normalized_form().lower()
            if term not in stop and morpheme.surface() not in stop:
                out.append((term, False))
            if self._sub_mode is not None:
                out.extend(self._sub_terms(morpheme))
        return out

    def _sub_terms(self, morpheme) -> list[tuple[str, bool]]:  # noqa: ANN001 - sudachipy.Morpheme
        """The sub-words of a compound (none for a word the secondary mode does not split)."""
        parts = morpheme.split(self._sub_mode)
        if len(parts) <= 1:
            return []
        dropped, stop = self.settings.dropped_pos, self.settings.stop_terms
        return [
            (p.normalized_form().lower(), True)
            for p in parts
            if p.part_of_speech()[0] not in dropped and p.normalized_form().lower() not in stop
        ]

    def reading(self, text: str) -> str:
        """Katakana reading of `text` (「岩見沢市」→「イワミザワシ」)."""
        return "".join(m.reading_form() for m in self._sudachi().tokenize(fold(text)))


_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}


def compound_runs(tokens: Sequence[Token], pos: Collection[str]) -> Iterator[tuple[int, int]]:
    """The (start, end) spans of consecutive tokens whose part of speech is in `pos`: the
    compounds a question or a line is made of (「丘珠空港の利用促進」: 丘珠空港, 利用促進)."""
    at = 0
    while at < len(tokens):
        if tokens[at].pos[0] not in pos:
            at += 1
            continue
        start = at
        while at < len(tokens) and tokens[at].pos[0] in pos:
            at += 1
        yield start, at


def to_katakana(text: str) -> str:
    """Hiragana → katakana, the script Sudachi's readings are in (「いわみざわ」→「イワミザワ」)."""
    return text.translate(_KATAKANA)


def fold(text: str) -> str:
    """NFKC, the one normalisation both the index and the questions go through."""
    return unicodedata.normalize("NFKC", text)


def _token(morpheme) -> Token:  # noqa: ANN001 - sudachipy.Morpheme
    return Token(
        morpheme.surface(),
        morpheme.normalized_form().lower(),
        morpheme.reading_form(),
        tuple(morpheme.part_of_speech()),
        tuple(morpheme.synonym_group_ids()),
        morpheme.begin(),
        morpheme.end(),
    )
