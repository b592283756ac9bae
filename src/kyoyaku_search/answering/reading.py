"""Reading a question once (`read`): its text in each form the stages need, its words, whom it
names, what kind of answer it asks for, and the wording facts several stages test.

Every stage used to fold, search and walk the question's text again for what it needed (the
kind's words, 「両市」, 「一覧」, 「協力して」, the runs of nouns). A `Reading` holds each of these
once: the forms and words as fields, the facts the fewer questions need as properties worked
out on first use and kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..search.corpus import Corpus
from ..search.names import PartyName
from ..search.phrases import PhraseMatch
from ..search.spelling import Correction
from ..search.tokenizer import Token, compound_runs, fold
from .backdrop import backdrop_terms
from .cleaning import clean_question
from .framing import ASKS_ALL
from .kinds import BOTH, KIND_PATTERNS, KIND_WORDS, TOGETHER, QuestionKind, both_only_modify, question_kind
from .parties import LABEL_CHARS, MASK, find_parties, labelled, outsiders, read_labels
from .typos import correct_typos

_LABEL_SET = frozenset(LABEL_CHARS)
_NOUN = frozenset({"名詞"})


@dataclass(frozen=True)
class Reading:
    """A question as read, before anything is weighed: the forms of its text, its words, whom
    it names and the kind of answer it asks for."""

    text: str  # cleaned, as the user wrote it
    folded: str  # NFKC, 甲/乙 and other words heard in kana written out, typos corrected
    masked: str  # `folded` with the parties, 甲/乙 and municipalities that are no party masked
    tokens: tuple[Token, ...]  # Sudachi's words of `folded` with the parties masked
    words: tuple[Token, ...]  # the words of `masked` (the same as `tokens` when it names no label or outsider)
    said: str  # the text `words` were read from (`masked`, NFKC-folded): their surfaces, end to end
    split: tuple[tuple[str, bool], ...]  # the index terms of `words`, and whether each is a sub-word
    phrase: PhraseMatch | None  # the longest run (≥ 6 characters) some unit holds verbatim
    parties: tuple[PartyName, ...]  # parties named (by name, reading or 甲/乙)
    labels: tuple[str, ...]  # 甲/乙 written as such
    outsiders: tuple[str, ...]  # municipalities named that are not parties
    corrections: tuple[Correction, ...]  # words heard in kana, typos and slipped names, read as the corpus's
    readings: tuple[Correction, ...]  # hiragana runs read as the corpus's words (spelling.read)
    kind: QuestionKind
    backdrop: frozenset[str]  # terms only the question's backdrop holds (answering/backdrop.py)
    kind_phrases: tuple[str, ...]  # the words of `folded` (two characters or more) that ask for the kind
    noun_runs: tuple[tuple[int, int], ...]  # (start, end) of each run of two or more nouns in `words`

    @cached_property
    def folded_text(self) -> str:
        """The text as the user wrote it, NFKC-folded (no reading or correction)."""
        return fold(self.text)

    def asks_kind(self, word: str) -> bool:
        """Whether a word asks for the kind of answer, whole (kinds.kind_word: 「効力」「費用負担」) or
        inside the words that ask for it."""
        return KIND_WORDS[self.kind](word) or any(word in phrase for phrase in self.kind_phrases)

    @cached_property
    def asks_for_both(self) -> bool:
        """「両市」「双方」「甲と乙」: the question is about every party, whichever it also names."""
        return BOTH.search(self.folded) is not None

    @cached_property
    def asks_for_both_named(self) -> bool:
        """`asks_for_both`, unless a party is named and every such word only modifies a thing (「両市の人事交流」)."""
        return self.asks_for_both and not both_only_modify(self.folded)

    @cached_property
    def asks_all(self) -> bool:
        """「全部」「一覧」「すべて」: the whole list is asked for (in the text as written)."""
        return ASKS_ALL.search(self.text) is not None

    @cached_property
    def together(self) -> bool:
        """「協力」「一緒」「両市が共に」: what the parties do together (in the text as written)."""
        return TOGETHER.search(self.text) is not None


def read(corpus: Corpus, text: str) -> Reading:
    """Read `text` once. Raises QuestionError for an empty or over-long question."""
    cleaned = clean_question(text)
    # A run the agreement holds verbatim is text: no typo is corrected in it, and a party name or
    # 甲/乙 inside it is part of the quotation, not a filter.
    heard_text, heard = read_labels(fold(cleaned))
    phrase = corpus.phrases.longest(heard_text)
    quoted = range(phrase.start, phrase.end) if phrase else range(0)
    folded, typos = correct_typos(corpus, heard_text)
    masked, parties, slips = find_parties(corpus, folded, quoted)
    tokens, split = corpus.tokenizer.analyse(masked)
    # 「甲」「乙」, and 「甲乙」 as Sudachi keeps it, one word (most questions have no label character)
    labels = () if _LABEL_SET.isdisjoint(masked) else _labels(tokens, quoted)
    parties += tuple(p for p in labelled(corpus, labels) if p not in parties)
    strangers = outsiders(corpus, tokens)
    # Neither a label nor a municipality that is not a party is a topic to search for.
    words = tokens
    if labels or strangers:
        for name in (*labels, *strangers):
            masked = masked.replace(name, MASK * len(name))
        words, split = corpus.tokenizer.analyse(masked)
    kind = question_kind(folded + "\n" + "".join(t.term for t in tokens), len({p.name for p in parties}))
    return Reading(
        text=cleaned,
        folded=folded,
        masked=masked,
        tokens=tuple(tokens),
        words=tuple(words),
        said=fold(masked),
        split=tuple(split),
        phrase=phrase,
        parties=parties,
        labels=labels,
        outsiders=strangers,
        corrections=(*heard, *typos, *slips),
        readings=tuple(corpus.spelling.read(masked, corpus.occurs)),
        kind=kind,
        backdrop=backdrop_terms(corpus.tokenizer, masked),
        kind_phrases=_kind_phrases(kind, folded),
        noun_runs=tuple((start, end) for start, end in compound_runs(words, _NOUN) if end - start > 1),
    )


def _kind_phrases(kind: QuestionKind, folded: str) -> tuple[str, ...]:
    """The words of `folded`, two characters or more, that ask for `kind` (「話をする」「おかね」「分担割合」)."""
    pattern = KIND_PATTERNS.get(kind)
    return tuple(m.group(0) for m in pattern.finditer(folded) if len(m.group(0)) > 1) if pattern else ()


def _labels(tokens: Sequence[Token], quoted: range) -> tuple[str, ...]:
    """The labels (甲, 乙) the question's nouns are made of, outside a verbatim run."""
    return tuple(
        dict.fromkeys(
            ch
            for t in tokens
            if t.pos[0] == "名詞" and all(ch in LABEL_CHARS for ch in t.surface) and t.begin not in quoted
            for ch in t.surface
        )
    )
