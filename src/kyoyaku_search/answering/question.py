"""Understanding a question: which party it names, who it names that is not a party, what
kind of answer it wants, and the topic terms left to search with.

Three types, one per moment of a turn:
- `Question`: what the user wrote, as the search understands it on its own;
- `Query`: the search the turn runs, the question completed by what a follow-up inherits
  (`followup.resolve`);
- `Context`: what an answered turn settled, for the next turn to inherit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import QuestionError
from ..search.corpus import Corpus, SearchSettings, initiative_key
from ..search.lexicon import Expansion, expansion_terms
from ..search.names import PartyName
from ..search.phrases import PhraseMatch
from ..search.related import two_kanji_candidate
from ..search.spelling import Correction
from ..search.tokenizer import Token, fold
from .confidence import Content, content_words, foreign_modifiers, relate
from .framing import QUESTION_WORDS, SAYING_WORDS, SOFT_FRAMING_WORDS
from .kinds import KIND_TERMS, QuestionKind, asks_for_both, kind_word, question_kind
from .parties import LABEL_CHARS, MASK, find_parties, labelled, outsiders

# The end of a clause that frames the question: 「…として」, 「…ので、」, 「…ため、」, 「…のですが、」.
_BACKDROP = re.compile(r"として|ので(?=[、,])|ため(?:に)?(?=[、,])|[のん]ですが")
MAX_QUESTION_CHARS = 500
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]+")
_TWO_KANJI_RUN = re.compile(r"(?<![\u4e00-\u9fff\u3005])[\u4e00-\u9fff]{2}(?![\u4e00-\u9fff\u3005])")
# Input longer than this is refused before a single character is looked at (cleaning 100 KB
# char by char costs tens of milliseconds, 10 MB seconds). Cleaning only drops control and
# format characters, and no question a person types carries thousands of them.
MAX_INPUT_CHARS = 10 * MAX_QUESTION_CHARS


@dataclass(frozen=True)
class Question:
    """A question as the search understands it."""

    text: str  # cleaned, as the user wrote it
    parties: tuple[PartyName, ...]  # parties named (by name, reading or 甲/乙)
    labels: tuple[str, ...]  # 甲/乙 written as such
    outsiders: tuple[str, ...]  # municipalities named that are not parties
    kind: QuestionKind
    weights: tuple[tuple[str, float], ...]  # search terms and how much each counts
    topic_terms: tuple[str, ...]  # whole words that are not words of asking: a unit must hold one
    own_topic_terms: tuple[str, ...] = ()  # those the user wrote (not added by a synonym layer)
    expansions: tuple[Expansion, ...] = ()  # synonyms added to the search, and why
    corrections: tuple[Correction, ...] = ()  # typos corrected and hiragana read, to tell the user
    initiatives: tuple[str, ...] = ()  # 取組 named in full (as `initiative_key`), longest match only
    phrase: PhraseMatch | None = None  # the longest run (≥ 6 characters) some unit holds verbatim
    # Per content word the user wrote, the index terms that cover it (itself, its synonyms):
    # how much of the question a unit answers (answering/confidence.py).
    content: tuple[Content, ...] = ()
    foreign: tuple[str, ...] = ()  # what the topic belongs to, when no unit has it (confidence.foreign_modifiers)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for term, _ in self.weights)


@dataclass(frozen=True)
class Context:
    """What one answered turn settled, for the next turn to inherit."""

    parties: tuple[PartyName, ...] = ()
    row_id: str | None = None  # the annex row the answer quoted
    initiative: str | None = None
    weights: tuple[tuple[str, float], ...] = ()  # the topic it searched for
    kind: QuestionKind = QuestionKind.GENERAL
    initiatives: tuple[str, ...] = ()  # 取組 it named in full


@dataclass(frozen=True)
class Query:
    """The search one turn runs: its own question completed by what it inherits."""

    question: Question
    parties: tuple[PartyName, ...]
    weights: tuple[tuple[str, float], ...]
    topic_terms: tuple[str, ...]
    kind: QuestionKind
    row_id: str | None = None  # set when the topic is inherited as the previous turn's row
    inherited: str = ""  # 「岩見沢市の質問を引き継いで…」, empty when nothing was inherited
    initiatives: tuple[str, ...] = ()  # 取組 named in full, whose units rank higher

    @classmethod
    def own(cls, question: Question) -> Query:
        """The query of `question` alone, inheriting nothing."""
        return cls(
            question,
            question.parties,
            question.weights,
            question.topic_terms,
            question.kind,
            initiatives=question.initiatives,
        )


def clean_question(text: object) -> str:
    """Strip what cannot be part of a question; refuse empty and over-long ones (Japanese message)."""
    if not isinstance(text, str):
        raise QuestionError("質問は文字列で入力してください。")
    if len(text) > MAX_INPUT_CHARS:
        raise _too_long(len(text))
    # Most questions have nothing to clean: isprintable() is false for every category below.
    cleaned = (text if text.isprintable() else "".join(_clean_char(ch) for ch in text)).strip()
    if not cleaned:
        raise QuestionError("質問が空です。知りたいことを入力してください（例: 岩見沢市の災害対策での役割は）。")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise _too_long(len(cleaned))
    return cleaned


def _too_long(length: int) -> QuestionError:
    return QuestionError(f"質問が長すぎます（{length}文字）。{MAX_QUESTION_CHARS}文字以内で入力してください。")


def _clean_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cs":  # a lone surrogate cannot be encoded for the tokenizer
        return ""
    if category in ("Cc", "Zl", "Zp"):
        return " "
    if category in ("Cf", "Co", "Cn"):
        return ""
    return ch


def understand(corpus: Corpus, text: str) -> Question:
    cleaned = clean_question(text)
    # A run the agreement holds verbatim is text: no typo is corrected in it, and a party name or
    # 甲/乙 inside it is part of the quotation, not a filter.
    phrase = corpus.phrases.longest(fold(cleaned))
    quoted = range(phrase.start, phrase.end) if phrase else range(0)
    folded, corrections = _correct_typos(corpus, fold(cleaned))
    masked, parties = find_parties(corpus, folded, quoted)
    tokens, split = corpus.tokenizer.analyse(masked)
    labels = tuple(
        dict.fromkeys(
            t.surface
            for t in tokens
            if t.surface in LABEL_CHARS and len(t.surface) == 1 and t.pos[0] == "名詞" and t.begin not in quoted
        )
    )
    parties += tuple(p for p in labelled(corpus, labels) if p not in parties)
    strangers = outsiders(corpus, tokens)
    # Neither a label nor a municipality that is not a party is a topic to search for.
    masked_tokens = tokens
    if labels or strangers:
        for name in (*labels, *strangers):
            masked = masked.replace(name, MASK * len(name))
        masked_tokens, split = corpus.tokenizer.analyse(masked)
    readings = corpus.spelling.read(masked, corpus.occurs)
    weights = _weights(split, corpus.search)
    # Nouns that can be adverbs (「今日」) or counters (「何年」「何通」) are not topics.
    weak = {t.term for t in tokens if t.pos[:2] == ("名詞", "普通名詞") and t.pos[2] in ("副詞可能", "助数詞可能")}
    weak |= {t.term for t in tokens if t.pos[1] == "数詞" or t.pos[2] == "助数詞"}  # 「二つの市」
    topics = tuple(t for t in _topic_terms(split, corpus.index.document_frequency) if t not in weak)
    backdrop = _backdrop(corpus, masked) if _BACKDROP.search(masked) else frozenset()
    if backdrop and any(t not in backdrop for t in topics):  # its words weigh as words of asking
        weights.update((t, min(w, corpus.search.question_word_weight)) for t, w in weights.items() if t in backdrop)
    framing = _framing(topics, tokens)
    if framing:
        topics = tuple(t for t in topics if t not in framing)
        weights.update((t, min(weights[t], corpus.search.question_word_weight)) for t in framing if t in weights)
    kind = question_kind(folded + "\n" + "".join(t.term for t in tokens), len({p.name for p in parties}))
    if kind == QuestionKind.ROLE and asks_for_both(folded) and parties:
        # 「両市は対等なのか、それとも札幌市が主導するのか」: every party of those agreements, side by side
        agreements = {p.agreement_id for p in parties}
        parties = tuple(p for p in corpus.party_names if p.agreement_id in agreements)
    expansions = corpus.lexicon.expansions(fold(masked), masked_tokens)
    if framing:  # a framing word's synonyms frame too (根拠 → 地方自治法)
        expansions = [e for e in expansions if not set(corpus.tokenizer.terms_of_word(e.source)) <= framing]
    expansions += [Expansion(r.before, r.after, "reading") for r in readings]
    expansions += [Expansion(kind, word, "kind") for word in KIND_TERMS.get(kind, ())]
    added = _expansion_weights(corpus, expansions, weights)
    content = relate(
        corpus.tokenizer,
        content_words(corpus.tokenizer, masked_tokens, topics, expansions, kind_word(kind), backdrop),
        corpus.stems,
        corpus.index.document_frequency,
    )
    return Question(
        text=cleaned,
        parties=parties,
        labels=labels,
        outsiders=strangers,
        kind=kind,
        weights=tuple({**weights, **added}.items()),
        topic_terms=tuple(dict.fromkeys((*topics, *added))),
        own_topic_terms=topics,
        expansions=tuple(expansions),
        corrections=tuple(corrections + readings),
        initiatives=named_initiatives(corpus, folded),
        phrase=phrase,
        content=content,
        foreign=foreign_modifiers(
            masked_tokens,
            content,
            corpus.index.document_frequency,
            _whole_word(corpus, masked_tokens, content),
            corpus.occurs,
        ),
    )


# A term in more units than this, or on more distinct lines, is taken as a word of its own.
_WHOLE_UNITS = 200
_WHOLE_LINES = 12
_COMPOUND = frozenset({"名詞"})


def _whole_word(corpus: Corpus, asked: Sequence[Token], content: Sequence[Content]) -> Callable[[str], bool]:
    """Whether a term stands as a noun of its own in some unit, not only inside a longer compound
    (人口 in 「圏域人口」「人口減少」 only: the population of something else), unless the question
    holds the compound's other nouns too, itself or through a synonym (「情報を共有」 is 「情報共有」,
    「販路を広げる」 「販路拡大」): tokenises the few units holding the term, only when asked."""
    question = {t.term for t in asked} | {term for c in content for terms in c.terms for term in terms}

    def whole(term: str) -> bool:
        lines = corpus.memo.get(("lines holding", term), lambda: _lines_holding(corpus, term))
        if lines is None or not lines or len(lines) > _WHOLE_LINES:
            return True
        return any(_stands_alone(corpus, line, term, question) for line in lines)

    return whole


def _lines_holding(corpus: Corpus, term: str) -> tuple[str, ...] | None:
    """The distinct folded lines of the units holding `term` that contain it; None when no unit or
    more than _WHOLE_UNITS hold it. Role cells repeat their row, rows their section: each distinct
    line once."""
    positions = np.flatnonzero(corpus.index.matches([term]))
    if not len(positions) or len(positions) > _WHOLE_UNITS:
        return None
    texts = (fold(corpus.units[p].search_text) for p in positions)
    return tuple(dict.fromkeys(line for text in texts for line in text.splitlines() if term in line))


def _stands_alone(corpus: Corpus, text: str, term: str, question: set[str]) -> bool:
    """Whether `term` is in `text` as a compound of its own, or in one with another noun the
    question has too (itself or one of its parts: 「自立支援法」's 支援)."""
    tokens = corpus.memo.get(("tokens", text), lambda: tuple(corpus.tokenizer.tokens(text)))
    at = 0
    while at < len(tokens):
        if tokens[at].pos[0] not in _COMPOUND:
            at += 1
            continue
        start = at
        while at < len(tokens) and tokens[at].pos[0] in _COMPOUND:
            at += 1
        parts = [{w for w, _ in corpus.tokenizer.split_terms_of_word(t.surface)} | {t.term} for t in tokens[start:at]]
        inside = [i for i, words in enumerate(parts) if term in words]
        if not inside:
            continue
        if at - start == 1 and tokens[start].term == term:  # the whole compound
            return True
        last = tokens[at - 1]  # 「丘珠空港」 is a 空港: a name ending in the word is one of it
        if last.pos[1] == "固有名詞" and last.term.endswith(term):
            return True
        if any(other - {term} & question for other in parts):
            return True
    return False


def _backdrop(corpus: Corpus, masked: str) -> frozenset[str]:
    """Terms of a clause that says under what heading or why the question is asked (「人口減少対策
    として移住促進が…」「議会で質問する予定なので、」「取材で確認したいのですが、」): not its topic."""
    terms: set[str] = set()
    for match in _BACKDROP.finditer(masked):
        start = max(masked.rfind(mark, 0, match.start()) for mark in "、。,!?！？") + 1
        terms.update(term for term, _ in corpus.tokenizer.analyse(masked[start : match.start()])[1])
    return frozenset(terms)


def _framing(topics: tuple[str, ...], tokens: list[Token]) -> frozenset[str]:
    """The soft framing words among `topics` when a noun or verb besides them is the topic (「法的な
    根拠」 asks about 根拠: 法的 is neither; 「移り住む人を増やす」 about 移り住む)."""
    nouns = {t.term for t in tokens if t.pos[0] in ("名詞", "動詞")}
    if not any(t not in SOFT_FRAMING_WORDS and t in nouns for t in topics):
        # 「役割分担の根拠条文」: the words for where it is said frame any other word (役割分担)
        if any(t not in SAYING_WORDS and t in nouns for t in topics):
            return frozenset(t for t in topics if t in SAYING_WORDS)
        return frozenset()
    return frozenset(t for t in topics if t in SOFT_FRAMING_WORDS)


def named_initiatives(corpus: Corpus, folded: str) -> tuple[str, ...]:
    """The 取組 whose whole name the question contains; a name inside a longer named one does not
    count (「高等教育機関の集積を活かした人材の育成」 names that row, not 「人材の育成」)."""
    known = corpus.initiatives
    if not known:
        return ()
    text = initiative_key(folded)
    lengths = corpus.initiative_lengths
    spans = [
        (start, start + length)
        for start in range(len(text) - 1)
        for length in lengths.get(text[start : start + 2], ())
        if start + length <= len(text) and text[start : start + length] in known
    ]
    kept = [(s, e) for s, e in spans if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)]
    return tuple(dict.fromkeys(text[s:e] for s, e in kept))


def _correct_typos(corpus: Corpus, folded: str) -> tuple[str, list[Correction]]:
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
    return _two_kanji_typos(corpus, text, corrections)


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
        if run not in names and not all(ch in singles for ch in run):
            continue  # Sudachi reads it as a word of its own
        text = text.replace(run, candidate, 1)
        corrections = [*corrections, Correction(run, candidate, "typo")]
    return text, corrections


def _expansion_weights(corpus: Corpus, expansions: list[Expansion], own: dict[str, float]) -> dict[str, float]:
    """Terms the synonym layers add, each lighter than the user's own words; a term the
    question already has keeps its own weight."""
    search = corpus.search
    layer_weight = {
        "domain": search.domain_weight,
        "sudachi": search.sudachi_weight,
        "kind": search.kind_term_weight,
        "reading": 1.0,
    }
    added: dict[str, float] = {}
    for term, layer in expansion_terms(corpus.tokenizer, expansions).items():
        weight = layer_weight[layer]
        if own.get(term, 0.0) >= weight or term in QUESTION_WORDS or corpus.index.document_frequency(term) == 0:
            continue
        added[term] = weight
    return added


def _topic_terms(split: list[tuple[str, bool]], document_frequency) -> tuple[str, ...]:  # noqa: ANN001
    """Whole words that are not words of asking. A compound the agreement never uses
    (「締結日」) stands for its parts when the agreement uses every one of them (「締結」「日」):
    「消費税率」 does not become 「消費」, because 「税」 is not there."""
    topics: list[str] = []
    index = 0
    while index < len(split):
        term, _ = split[index]
        parts = []
        index += 1
        while index < len(split) and split[index][1]:
            parts.append(split[index][0])
            index += 1
        if term in QUESTION_WORDS:
            continue
        if document_frequency(term) == 0 and parts and all(document_frequency(p) for p in parts):
            topics.extend(p for p in parts if p not in QUESTION_WORDS)
        else:
            topics.append(term)
    return tuple(dict.fromkeys(topics))


def _weights(split: list[tuple[str, bool]], settings: SearchSettings) -> dict[str, float]:
    """A term's weight by its role in the question, summed over repeats."""
    weights: dict[str, float] = {}
    for term, sub in split:
        weight = settings.question_word_weight if term in QUESTION_WORDS else settings.sub_word_weight if sub else 1.0
        weights[term] = weights.get(term, 0.0) + weight
    return weights


# 「共に」 only after a party or 両市: 「根拠とともに知りたい」 is "along with", not "together".
