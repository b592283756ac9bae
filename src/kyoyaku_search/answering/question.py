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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..search.corpus import Corpus, initiative_key
from ..search.lexicon import Expansion
from ..search.names import PartyName
from ..search.phrases import SHORT_PHRASE, PhraseMatch, quotation_like
from ..search.spelling import Correction
from ..search.tokenizer import Token, compound_runs, fold
from .asking import asking_words
from .backdrop import backdrop_terms, introduction_terms, is_claim
from .cleaning import MAX_INPUT_CHARS, MAX_QUESTION_CHARS, clean_question
from .confidence import Content, content_words, relate
from .foreign import foreign_modifiers
from .framing import ASKS_ALL, SAYING_WORDS, SOFT_FRAMING_WORDS
from .kinds import (
    HEADS,
    KIND_TERMS,
    PROCEDURE_KINDS,
    QuestionKind,
    annex_framing,
    asks_for_both,
    in_kind_phrase,
    kind_word,
    question_kind,
)
from .ordinals import another_of
from .parties import (
    LABEL_CHARS,
    MASK,
    find_parties,
    labelled,
    only_names_parties,
    outsiders,
    read_labels,
    short_kana,
)
from .terms import (
    acted_upon,
    after_a_name,
    expansion_weights,
    manner_words,
    misread,
    read_as_asking,
    term_weights,
    topic_terms,
)
from .typos import correct_typos

__all__ = ["MAX_INPUT_CHARS", "MAX_QUESTION_CHARS", "Context", "Query", "Question", "clean_question", "understand"]


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
    foreign: tuple[str, ...] = ()  # what the topic belongs to, when no unit has it (foreign.foreign_modifiers)

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
    found: bool = True  # False when the agreement had nothing on its topic


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
    topic_found: bool = True  # False when the topic is inherited from a turn that found nothing

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


def understand(corpus: Corpus, text: str) -> Question:
    cleaned = clean_question(text)
    # A run the agreement holds verbatim is text: no typo is corrected in it, and a party name or
    # 甲/乙 inside it is part of the quotation, not a filter.
    heard_text, heard = read_labels(fold(cleaned))
    folded, corrections = correct_typos(corpus, heard_text)
    initiatives = named_initiatives(corpus, folded)
    phrase = _quotation(corpus, heard_text, initiatives)
    quoted = range(phrase.start, phrase.end) if phrase else range(0)
    masked, parties, slips = find_parties(corpus, folded, quoted)
    corrections = [*corrections, *slips]
    tokens, split = corpus.tokenizer.analyse(masked)
    # 「甲」「乙」, and 「甲乙」 as Sudachi keeps it, one word (most questions have no label character)
    labels = () if _LABEL_SET.isdisjoint(masked) else _labels(tokens, quoted)
    parties += tuple(p for p in labelled(corpus, labels) if p not in parties)
    strangers = outsiders(corpus, tokens, party_named=bool(parties))
    # Neither a label nor a municipality that is not a party is a topic to search for.
    masked_tokens = tokens
    if labels or strangers:
        for name in (*labels, *strangers):
            masked = masked.replace(name, MASK * len(name))
        masked_tokens, split = corpus.tokenizer.analyse(masked)
    readings = corpus.spelling.read(masked, corpus.occurs)
    weights = term_weights(split, corpus.search)
    # Nouns that can be adverbs (「今日」) or counters (「何年」「何通」) are not topics.
    weak = {t.term for t in tokens if t.pos[:2] == ("名詞", "普通名詞") and t.pos[2] in ("副詞可能", "助数詞可能")}
    weak |= {t.term for t in tokens if t.pos[1] == "数詞" or t.pos[2] == "助数詞"}  # 「二つの市」
    weak |= read_as_asking(masked_tokens, readings)
    weak |= misread(masked, masked_tokens, readings, corpus.index.document_frequency)
    weak |= after_a_name(masked, masked_tokens, MASK, corpus.index.document_frequency)
    weak |= manner_words(masked_tokens, corpus.index.document_frequency)
    # 「むすんだ ひは いつ」: two kana Sudachi takes for a place name are a misreading, not a topic
    weak |= {t.term for t in tokens if t.pos[1] == "固有名詞" and short_kana(t.surface)}
    topics = tuple(t for t in topic_terms(split, corpus.index.document_frequency) if t not in weak)
    backdrop = backdrop_terms(corpus.tokenizer, masked)
    # The backdrop is no topic when the rest has one (「…として書かれている」: the rest only frames).
    # 「議会資料用に、…取組の一覧がほしい」: asking for every 取組 is a question of its own too
    # A rest whose words no unit holds (「…を引用したい。該当箇所はどこか。」) asks about the backdrop.
    run = heard_text[phrase.start : phrase.end] if phrase else ""
    kind = question_kind(_unheld(folded, tokens, initiatives, run), len({p.name for p in parties}))
    proper = any(
        t not in backdrop and t not in SOFT_FRAMING_WORDS and _own_topic(corpus, kind, folded, t) for t in topics
    )
    if not (proper or (backdrop and ASKS_ALL.search(masked))):
        backdrop = introduction_terms(corpus.tokenizer, masked)  # who asks is never the topic
    if backdrop:
        weights.update((t, min(w, corpus.search.question_word_weight)) for t, w in weights.items() if t in backdrop)
        topics = tuple(t for t in topics if t not in backdrop)
    framing = _framing(topics, tokens)
    if kind in PROCEDURE_KINDS:
        framing |= frozenset(t for t in topics if t in HEADS | _MATTERS)
        framing |= _manner(tokens, corpus.index.document_frequency) & set(topics)
        framing |= frozenset(m[1] for m in _THE_AGREEMENT_ITSELF.finditer(folded)) & set(topics)
    # 「記事で「費用は札幌市が全額負担する」と書いたが正しいか」: the article of the procedure or the
    # purpose is what the claim is checked against; what the claim adds (全額, 観光だけ) is what to check
    if kind in (*PROCEDURE_KINDS, "purpose") and is_claim(masked):
        framing |= frozenset(t for t in topics if not kind_word(kind)(t) and t not in KIND_TERMS[kind])
    framing |= annex_framing(kind, tuple(t for t in topics if t not in framing))
    if kind == QuestionKind.ROLE and asks_for_both(folded):
        # 「観光で両市はどう分担するの」: how the parties split a thing is each one's role in it,
        # which the role cells say without the word 分担
        sharing = frozenset(t for t in topics if t in _SHARING)
        if set(topics) - sharing - framing:
            framing |= sharing
    if framing:
        topics = tuple(t for t in topics if t not in framing)
        weights.update((t, min(weights[t], corpus.search.question_word_weight)) for t in framing if t in weights)
    if kind == QuestionKind.ROLE and parties and asks_for_both(folded, named=True):
        # 「両市は対等なのか、それとも札幌市が主導するのか」: every party of those agreements, side by side
        agreements = {p.agreement_id for p in parties}
        parties = tuple(p for p in corpus.party_names if p.agreement_id in agreements)
    elif kind == QuestionKind.ROLE and not parties and asks_for_both(folded) and not corpus.multi:
        parties = corpus.party_names  # 「企業誘致は両市でどう分担するの」: the one agreement's parties
    expansions = corpus.lexicon.expansions(fold(masked), masked_tokens)
    expansions += corpus.lexicon.kana_expansions(masked_tokens, corpus.tokenizer.reading)
    if framing:  # a framing word's synonyms frame too (根拠 → 地方自治法)
        expansions = [e for e in expansions if not set(corpus.tokenizer.terms_of_word(e.source)) <= framing]
    expansions += [Expansion(r.before, r.after, "reading") for r in readings]
    expansions += [Expansion(kind, word, "kind") for word in KIND_TERMS.get(kind, ())]
    added = expansion_weights(corpus, expansions, weights)
    content = relate(
        corpus.tokenizer,
        content_words(
            corpus.tokenizer, masked_tokens, topics, expansions, kind_word(kind), in_kind_phrase(kind, folded)
        ),
        corpus.stems,
        corpus.index.document_frequency,
    )
    # 「…について札幌市の責務は」「協約の中身を」: words of asking no unit holds, after a topic it does
    asking = asking_words(
        masked_tokens,
        content,
        corpus.index.document_frequency,
        corpus.occurs,
        lambda word: [t for t, sub in corpus.tokenizer.split_terms_of_word(word) if sub],
    )
    if asking:
        asking_terms = {t.term for t in masked_tokens if t.surface in asking}
        content = tuple(c for c in content if c.word not in asking)
        topics = tuple(t for t in topics if t not in asking_terms)
        weights.update((t, min(weights[t], corpus.search.question_word_weight)) for t in asking_terms if t in weights)
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
        corrections=tuple(heard + corrections + readings),
        initiatives=initiatives,
        phrase=phrase,
        content=content,
        foreign=foreign_modifiers(
            masked_tokens,
            content,
            corpus.index.document_frequency,
            _whole_word(corpus, masked_tokens, content),
            corpus.occurs,
        )
        + _another_thing(corpus, masked, content),
    )


_LABEL_SET = frozenset(LABEL_CHARS)


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


def _own_topic(corpus: Corpus, kind: QuestionKind, folded: str, term: str) -> bool:
    """Whether a word of the question proper can be its topic: one the corpus holds, whole or in
    part, or a word for the kind asked (改正・経費負担); not only words no unit holds."""
    df = corpus.index.document_frequency
    return bool(
        df(term)
        or any(df(part) for part, _ in corpus.tokenizer.split_terms_of_word(term))
        or kind_word(kind)(term)
        or in_kind_phrase(kind, folded)(term)
    )


# 「協議で決めることとされている事項」: the matters a procedure decides are what its articles say.
_MATTERS = frozenset({"事項", "項目", "事柄", "もの"})
# How parties split a thing between them (「両市でどう分担する」): asking for their roles in it.
_SHARING = frozenset({"分担", "分ける", "分け合う", "手分け", "役割分担"})
# 「協約の中身を変えたい」: the agreement's contents, wording or provisions are the agreement itself.
_THE_AGREEMENT_ITSELF = re.compile(r"(?:協約|協定|約束|取り?決め)(?:書)?の(中身|内容|条文|文言|規定|条項)")


def _manner(tokens: list[Token], frequency: Callable[[str], int]) -> frozenset[str]:
    """How a procedure would be done, in words the agreement does not use (「勝手に」「一方的に」
    「平等に」): what the asker wants checked against the procedure's article, not a topic."""
    found = set()
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        adverb = token.pos[0] == "副詞"
        adjectival = token.pos[2] == "形状詞可能" and following is not None and following.surface == "に"
        if (adverb or adjectival) and not frequency(token.term):
            found.add(token.term)
    return frozenset(found)


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
        if any(term in name for name in corpus.initiatives):  # 「戦略的な観光施策」: a 取組 is about it
            return True
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
    for start, at in compound_runs(tokens, _COMPOUND):
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


def _framing(topics: tuple[str, ...], tokens: list[Token]) -> frozenset[str]:
    """The soft framing words among `topics` when a noun or verb besides them is the topic (「法的な
    根拠」 asks about 根拠: 法的 is neither; 「移り住む人を増やす」 about 移り住む)."""
    nouns = {t.term for t in tokens if t.pos[0] in ("名詞", "動詞")}
    if not any(t not in SOFT_FRAMING_WORDS and t in nouns for t in topics):
        # 「役割分担の根拠条文」: the words for where it is said frame any other word (役割分担)
        if any(t not in SAYING_WORDS and t in nouns for t in topics):
            return frozenset(t for t in topics if t in SAYING_WORDS)
        return frozenset()
    return frozenset(t for t in topics if t in SOFT_FRAMING_WORDS) - acted_upon(tokens)


def _quotation(corpus: Corpus, heard_text: str, initiatives: tuple[str, ...]) -> PhraseMatch | None:
    """The longest run of the question the agreement holds verbatim, unless it says little more
    than a 取組 the question names (「る人材の育成」「資源を活用した」 of 「地域資源を活用した…」, held
    by another row's text) or the parties and their role (「三原市の役割」): those say which row
    and whose cell, they quote nothing."""
    phrase = corpus.phrases.longest(heard_text)
    if phrase is None:
        return None
    run = heard_text[phrase.start : phrase.end]
    named = _named_spans(heard_text, initiatives)
    rest = "".join(ch for at, ch in enumerate(run, phrase.start) if not any(s <= at < e for s, e in named))
    if (rest != run and not quotation_like(rest)) or only_names_parties(corpus, run):
        return None
    return phrase


def _another_thing(corpus: Corpus, masked: str, content: Sequence[Content]) -> tuple[str, ...]:
    """The thing 「二つ目の空港」 counts, where no unit counts it so: another one than the agreement's."""
    return tuple(
        c.word
        for at, order in another_of(masked)
        for c in content
        if masked.startswith(c.word, at) and not corpus.occurs(fold(order + c.word))
    )


def _named_spans(text: str, initiatives: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where `text` names each of `initiatives` (compared as `initiative_key`)."""
    return [m.span() for name in initiatives for m in re.finditer("[ ・]?".join(map(re.escape, name)), text)]


def _unheld(folded: str, tokens: Sequence[Token], initiatives: tuple[str, ...], run: str) -> str:
    """The question and its words' normalized forms for reading its kind, without a 取組 it names or
    a long run it quotes: 「自治体病院の連携の取組内容」 asks about that row, not who the partners are,
    though the row's name holds 自治体 and 連携."""
    spans = _named_spans(folded, initiatives)
    # a short run is common wording as often as a quotation (「協力して取り組む」 says 共に)
    if len(run) >= SHORT_PHRASE and (at := folded.find(run)) >= 0:
        spans.append((at, at + len(run)))
    if not spans:
        return folded + "\n" + "".join(t.term for t in tokens)
    chars = list(folded)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    terms = (MASK if any(s <= t.begin and t.end <= e for s, e in spans) else t.term for t in tokens)
    return "".join(chars) + "\n" + "".join(terms)


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


# 「共に」 only after a party or 両市: 「根拠とともに知りたい」 is "along with", not "together".
