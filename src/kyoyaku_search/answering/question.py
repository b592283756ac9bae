"""Understanding a question: from its reading (answering/reading.py: whom it names, what kind of
answer it wants), the topic terms left to search with, how much each weighs, and its content words.

Three types, one per moment of a turn:
- `Question`: what the user wrote, as the search understands it on its own;
- `Query`: the search the turn runs, the question completed by what a follow-up inherits
  (`followup.resolve`);
- `Context`: what an answered turn settled, for the next turn to inherit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import field

from ..search.corpus import Corpus
from ..search.lexicon import Expansion
from ..search.names import PartyName
from ..search.phrases import PhraseMatch
from ..search.spelling import Correction
from ..search.tokenizer import Token, fold
from .asking import asking_words
from .backdrop import is_claim
from .cleaning import MAX_INPUT_CHARS, MAX_QUESTION_CHARS, clean_question
from .content import Content, content_words, relate
from .foreign import foreign_modifiers
from .framing import FRAMING_WORDS, QUESTION_WORDS, SAYING_WORDS, SOFT_FRAMING_WORDS
from .kinds import HEADS, KIND_TERMS, KIND_WORDS, PROCEDURE_KINDS, QuestionKind, annex_framing, kind_expansions
from .ordinals import another_of
from .parties import MASK
from .reading import Reading, read
from .reading import named_initiatives as named_initiatives  # said here too, where tests find it
from .records import record
from .strangers import short_kana
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
from .topics import question_backdrop
from .whole import whole_word

__all__ = ["MAX_INPUT_CHARS", "MAX_QUESTION_CHARS", "Context", "Query", "Question", "clean_question", "understand"]


@record
class Question:
    """A question as the search understands it."""

    text: str  # cleaned, as the user wrote it
    parties: tuple[PartyName, ...]  # parties named (by name, reading or 甲/乙)
    labels: tuple[str, ...]  # 甲/乙 written as such
    outsiders: tuple[str, ...]  # municipalities named that are not parties
    kind: QuestionKind
    weights: tuple[tuple[str, float], ...]  # search terms and how much each counts
    topic_terms: tuple[str, ...]  # whole words that are not words of asking: a unit must hold one
    # The text read once (its forms, words, kind and wording facts), for the stages after this one.
    reading: Reading = field(compare=False, repr=False)
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


@record
class Context:
    """What one answered turn settled, for the next turn to inherit."""

    parties: tuple[PartyName, ...] = ()
    row_id: str | None = None  # the annex row the answer quoted
    initiative: str | None = None
    weights: tuple[tuple[str, float], ...] = ()  # the topic it searched for
    kind: QuestionKind = QuestionKind.GENERAL
    initiatives: tuple[str, ...] = ()  # 取組 it named in full
    found: bool = True  # False when the agreement had nothing on its topic


@record
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
    reading = read(corpus, text)
    folded, masked, tokens, masked_tokens = reading.folded, reading.masked, reading.tokens, reading.words
    kind, parties, readings = reading.kind, reading.parties, reading.readings
    weights = term_weights(reading.split, corpus.search)
    weak, relational = _weak_by_pos(tokens)
    weights.update((t, min(weights[t], corpus.search.question_word_weight)) for t in relational if t in weights)
    weak |= read_as_asking(masked_tokens, readings)
    weak |= misread(masked, masked_tokens, readings, corpus.index.document_frequency)
    weak |= after_a_name(masked, masked_tokens, MASK, corpus.index.document_frequency)
    weak |= manner_words(masked_tokens, corpus.index.document_frequency)
    weak |= _names_cut_from_kana(tokens)
    topics = tuple(t for t in topic_terms(reading.split, corpus.index.document_frequency) if t not in weak)
    lexical = corpus.lexicon.expansions(reading.said, masked_tokens)
    backdrop = question_backdrop(corpus, reading, topics, lexical)
    if backdrop:
        weights.update((t, min(w, corpus.search.question_word_weight)) for t, w in weights.items() if t in backdrop)
        topics = tuple(t for t in topics if t not in backdrop)
    framing = _framing(topics, tokens)
    # 「岩見沢市の役割を具体的に」「一方的に変えられる？」: how to answer or how a thing would be done,
    # in words no unit holds, never what about
    framing |= _manner(tokens, corpus.index.document_frequency) & set(topics)
    if kind in PROCEDURE_KINDS:
        framing |= frozenset(t for t in topics if t in HEADS | _MATTERS)
        framing |= frozenset(m[1] for m in _THE_AGREEMENT_ITSELF.finditer(folded)) & set(topics)
    # 「記事で「費用は札幌市が全額負担する」と書いたが正しいか」: the article of the procedure or the
    # purpose is what the claim is checked against; what the claim adds (全額, 観光だけ) is what to check
    if kind in (*PROCEDURE_KINDS, "purpose") and is_claim(masked):
        framing |= frozenset(t for t in topics if not KIND_WORDS[kind](t) and t not in KIND_TERMS[kind])
    framing |= annex_framing(kind, tuple(t for t in topics if t not in framing))
    if kind == QuestionKind.ROLE and reading.asks_for_both:
        # 「観光で両市はどう分担するの」: how the parties split a thing is each one's role in it,
        # which the role cells say without the word 分担
        sharing = frozenset(t for t in topics if t in _SHARING)
        if set(topics) - sharing - framing:
            framing |= sharing
    if framing:
        topics = tuple(t for t in topics if t not in framing)
        weights.update((t, min(weights[t], corpus.search.question_word_weight)) for t in framing if t in weights)
    if kind == QuestionKind.ROLE and parties and reading.asks_for_both_named:
        # 「両市は対等なのか、それとも札幌市が主導するのか」: every party of those agreements, side by side
        agreements = {p.agreement_id for p in parties}
        parties = tuple(p for p in corpus.party_names if p.agreement_id in agreements)
    elif kind == QuestionKind.ROLE and not parties and reading.asks_for_both and not corpus.multi:
        parties = corpus.party_names  # 「企業誘致は両市でどう分担するの」: the one agreement's parties
    expansions = list(lexical)
    expansions += corpus.lexicon.kana_expansions(masked_tokens, corpus.tokenizer.reading)
    # a framing word's synonyms frame too (根拠 → 地方自治法), and a word of asking's ask too (担当 → 受持)
    asking_only = framing | QUESTION_WORDS if framing else QUESTION_WORDS  # most: no copy of the 182 words
    expansions = [e for e in expansions if not set(corpus.tokenizer.terms_of_word(e.source)) <= asking_only]
    expansions += [Expansion(r.before, r.after, "reading") for r in readings]
    expansions += kind_expansions(
        kind, lambda: {*topics, *(e.target for e in expansions)}, lambda: set(weights) - set(topics)
    )
    added = expansion_weights(corpus, expansions, weights)
    content = relate(
        corpus.tokenizer,
        content_words(corpus.tokenizer, reading, topics, expansions),
        corpus.stems,
        corpus.index.document_frequency,
    )
    # 「…について札幌市の責務は」「協約の中身を」: words of asking no unit holds, after a topic it does
    asking = asking_words(
        reading,
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
        text=reading.text,
        parties=parties,
        labels=reading.labels,
        outsiders=reading.outsiders,
        kind=kind,
        weights=tuple({**weights, **added}.items()),
        topic_terms=tuple(dict.fromkeys((*topics, *added))),
        own_topic_terms=topics,
        expansions=tuple(expansions),
        corrections=(*reading.corrections, *readings),
        initiatives=reading.initiatives,
        phrase=reading.phrase,
        content=content,
        foreign=foreign_modifiers(
            reading,
            content,
            corpus.index.document_frequency,
            whole_word(corpus, masked_tokens, content),
            corpus.occurs,
        )
        + _another_thing(corpus, masked, content),
        reading=reading,
    )


def _weak_by_pos(tokens: Sequence[Token]) -> tuple[set[str], set[str]]:
    """The terms that are no topic by their part of speech, read in one pass over the words (all of
    them, and of those the suffixes of relation)."""
    weak: set[str] = set()
    relational: set[str] = set()
    for t in tokens:
        pos = t.pos
        # 「協約上」「条文上」「両市間」: a suffix of relation says in what respect, never what about
        if pos[0] == "接尾辞" and pos[2] == "副詞可能":
            relational.add(t.term)
        if (
            # Nouns that can be adverbs (「今日」) or counters (「何年」「何通」) are not topics, nor
            # numbers and counters (「二つの市」)
            (pos[0] == "名詞" and pos[1] == "普通名詞" and pos[2] in ("副詞可能", "助数詞可能"))
            or pos[1] == "数詞"
            or pos[2] == "助数詞"
            # 「むすんだ ひは いつ」: two kana Sudachi takes for a place name are a misreading, not a topic
            or (pos[1] == "固有名詞" and short_kana(t.surface))
        ):
            weak.add(t.term)
    weak |= relational
    return weak, relational


_HIRAGANA_WORD = re.compile(r"[ぁ-ゖー]+")


def _names_cut_from_kana(tokens: Sequence[Token]) -> set[str]:
    """「りょうほうで」 cut into a person's name りょう and ほう: a name Sudachi cuts from a longer
    hiragana word is a misreading, not a topic (「まもる」 alone between spaces is a word of its own)."""
    return {
        t.term
        for t, after in zip(tokens, tokens[1:], strict=False)
        if t.pos[2] == "人名"
        and t.pos[1] == "固有名詞"
        and _HIRAGANA_WORD.fullmatch(t.surface)
        and after.begin == t.end
        and after.pos[0] == "名詞"
        and _HIRAGANA_WORD.fullmatch(after.surface)
    }


# 「協議で決めることとされている事項」: the matters a procedure decides are what its articles say.
_MATTERS = frozenset({"事項", "項目", "事柄", "もの"})
# How parties split a thing between them (「両市でどう分担する」): asking for their roles in it.
_SHARING = frozenset({"分担", "分ける", "分け合う", "手分け", "役割分担"})
# 「協約の中身を変えたい」: the agreement's contents, wording or provisions are the agreement itself.
_THE_AGREEMENT_ITSELF = re.compile(r"(?:協約|協定|約束|取り?決め)(?:書)?の(中身|内容|条文|文言|規定|条項)")


_ASKING = QUESTION_WORDS | FRAMING_WORDS
_MANNER_HEADS = frozenset({"副詞", "形容詞"})  # the parts of speech _manner reads, besides 形状詞可能 ones


def _manner(tokens: list[Token], frequency: Callable[[str], int]) -> frozenset[str]:
    """How a procedure would be done, in words the agreement does not use (「勝手に」「一方的に」
    「平等に」): what the asker wants checked against the procedure's article, not a topic."""
    found = set()
    after = [*tokens[1:], None, None]
    for token, following, then in zip(tokens, after, after[1:], strict=False):
        if token.pos[0] not in _MANNER_HEADS and token.pos[2] != "形状詞可能":
            continue  # neither an adverb, an adjective nor adjectival: most words
        adverb = token.pos[0] == "副詞"
        adjectival = token.pos[2] == "形状詞可能" and following is not None and following.surface == "に"
        adjective = token.pos[0] == "形容詞"  # _how_asked wants one of these: most words are neither
        if (adverb or adjectival) and not frequency(token.term):
            found.add(token.term)
        elif (adjective or adjectival) and _how_asked(token, following, then if adjectival else following):
            found.add(token.term)  # however often the agreement says 具体的, 「役割を具体的に」 asks how
    return frozenset(found)


def _how_asked(token: Token, following: Token | None, then: Token | None) -> bool:
    """An adverbial saying how to answer (「役割を詳しく」「具体的に教えて」): ending the question or
    before a word of asking. 「安く使える」 says what about: 使える is no word of asking."""
    adjective = token.pos[0] == "形容詞" and token.pos[5].startswith("連用形")
    adjectival = token.pos[2] == "形状詞可能" and following is not None and following.surface == "に"
    if not (adjective or adjectival):
        return False
    return then is None or then.pos[0] in ("補助記号", "助詞") or then.term in _ASKING


def _framing(topics: tuple[str, ...], tokens: list[Token]) -> frozenset[str]:
    """The soft framing words among `topics` when a noun or verb besides them is the topic (「法的な
    根拠」 asks about 根拠: 法的 is neither; 「移り住む人を増やす」 about 移り住む)."""
    if not any(t in SOFT_FRAMING_WORDS or t in SAYING_WORDS for t in topics):
        return frozenset()  # most questions: none of the words it could return
    nouns = {t.term for t in tokens if t.pos[0] in ("名詞", "動詞")}
    if not any(t not in SOFT_FRAMING_WORDS and t in nouns for t in topics):
        # 「役割分担の根拠条文」: the words for where it is said frame any other word (役割分担)
        if any(t not in SAYING_WORDS and t in nouns for t in topics):
            return frozenset(t for t in topics if t in SAYING_WORDS)
        return frozenset()
    return frozenset(t for t in topics if t in SOFT_FRAMING_WORDS) - acted_upon(tokens)


def _another_thing(corpus: Corpus, masked: str, content: Sequence[Content]) -> tuple[str, ...]:
    """The thing 「二つ目の空港」 counts, where no unit counts it so: another one than the agreement's."""
    return tuple(
        c.word
        for at, order in another_of(masked)
        for c in content
        if masked.startswith(c.word, at) and not corpus.occurs(fold(order + c.word))
    )


# 「共に」 only after a party or 両市: 「根拠とともに知りたい」 is "along with", not "together".
