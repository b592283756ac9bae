"""Which of the question's words are its backdrop (`question_backdrop`): the sentences and clauses
that say who asks and why (answering/backdrop.py finds them in the text) are backdrop only when
the rest of the question has a topic of its own; else the rest only frames them and they are the
topic, except a sentence saying who asks, which never is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..search.corpus import Corpus
from ..search.lexicon import Expansion
from ..search.phrases import quotation_like
from ..search.tokenizer import Token
from .backdrop import backdrop_terms_before, introduction_terms, request_ends
from .framing import ASKS_ALL, SOFT_FRAMING_WORDS
from .reading import Reading


def question_backdrop(
    corpus: Corpus, reading: Reading, topics: Sequence[str], expansions: Sequence[Expansion]
) -> frozenset[str]:
    """The terms of the question's backdrop, given its topic terms and its words' synonyms.

    The backdrop is no topic when the rest has one (「…として書かれている」: the rest only frames);
    「議会資料用に、…取組の一覧がほしい」: asking for every 取組 is a question of its own too. A rest
    whose words no unit holds (「…を引用したい。該当箇所はどこか。」) asks about the backdrop."""
    backdrop, masked = reading.backdrop, reading.masked
    # who asks (「研究者です。」「わしは岩見沢の農家だが、」), read in the folded text, where a party's name
    # is not masked into marks that end a clause
    introduction = introduction_terms(corpus.tokenizer, reading.folded)
    if not backdrop and not introduction:
        return backdrop  # most questions
    # 「うちは…農家。売り先ひろげる支援って…」: a word the corpus has through a synonym (売り先 → 販路) is
    # a topic of the question's own as much as one it has as written
    said_otherwise = _held_through(corpus, reading.words, expansions)
    if backdrop and not _proper(corpus, reading, topics, backdrop, said_otherwise):
        # 「議会の質問準備をしています。…札幌市はどういう立場か。根拠となる欄を示してください。」: a last
        # sentence that only asks for the answer; the question is the sentence before it
        earlier = (backdrop_terms_before(corpus.tokenizer, masked, end) for end in request_ends(masked))
        backdrop = next((b for b in earlier if _proper(corpus, reading, topics, b, said_otherwise)), backdrop)
    if _proper(corpus, reading, topics, backdrop, said_otherwise):
        return backdrop | introduction  # who asks is backdrop beside any topic
    if backdrop and ASKS_ALL.search(masked):
        return backdrop
    return introduction  # who asks is never the topic


def _proper(
    corpus: Corpus,
    reading: Reading,
    topics: Sequence[str],
    backdrop: frozenset[str],
    said_otherwise: frozenset[str] = frozenset(),
) -> bool:
    """Whether the question has a topic of its own besides its backdrop: a word the corpus holds
    (`own_topic`), or one it holds through a synonym (`said_otherwise`)."""
    return any(
        t not in backdrop and t not in SOFT_FRAMING_WORDS and (t in said_otherwise or own_topic(corpus, reading, t))
        for t in topics
    ) or _names_heading(corpus, reading, backdrop)


def _names_heading(corpus: Corpus, reading: Reading, backdrop: frozenset[str]) -> bool:
    """「連携分野について、庁内調整に先立ち、…」: an article's heading named word for word is a topic,
    even one made only of words that elsewhere frame a question (連携・分野) — named outside the
    backdrop: 「…市の職員の合同研修を使いたい。町は何をしてくれる？」 names a 取組 article's heading in
    the clause that is the topic."""
    text = reading.folded_text  # the cheap look first: most questions name no heading
    named = [heading for heading, folded in corpus.folded_headings if folded in text and quotation_like(heading)]
    return any(not set(corpus.tokenizer.terms(heading)) <= backdrop for heading in named)


def _held_through(corpus: Corpus, tokens: Sequence[Token], expansions: Sequence[Expansion]) -> frozenset[str]:
    """The terms of the question's words that a synonym the corpus holds stands for; not one beside
    a noun no unit holds (「下水道料金」's 料金 → 費用: the fee of a thing the agreement lacks)."""
    df, terms_of = corpus.index.document_frequency, corpus.tokenizer.whole_terms_of_word
    sources = {e.source for e in expansions if (terms := terms_of(e.target)) and all(map(df, terms))}
    return frozenset(
        t.term
        for i, t in enumerate(tokens)
        if t.surface in sources and not any(_unheld_noun(df, n) for n in _beside(tokens, i))
    )


def _beside(tokens: Sequence[Token], index: int) -> list[Token]:
    """The nouns right before and after the word at `index`, in the same compound."""
    token = tokens[index]
    near = [tokens[i] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
    return [t for t in near if t.pos[0] == "名詞" and (t.end == token.begin or t.begin == token.end)]


def _unheld_noun(df: Callable[[str], int], token: Token) -> bool:
    return not df(token.term)


def own_topic(corpus: Corpus, reading: Reading, term: str) -> bool:
    """Whether a word of the question proper can be its topic: one the corpus holds, whole or in
    part, or a word for the kind asked (改正・経費負担); not only words no unit holds."""
    df = corpus.index.document_frequency
    return bool(
        df(term) or any(df(part) for part, _ in corpus.tokenizer.split_terms_of_word(term)) or reading.asks_kind(term)
    )
