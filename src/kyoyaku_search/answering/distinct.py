"""A role question's 取組 told by margin: the one annex row that holds its words (`distinct_row`).

A resident names one party and says the 取組 in everyday words (「夜中に家族が具合悪くなったとき、
うちの市は救急の体制をどうする」): some of the words are none of the agreement's (家族・具合), and
coverage alone refuses. When one row, taken as one topic (its 取組, 内容 and every party's cell),
holds a good part of the question, clearly more of it than any other row, and a word of its own
that no other row holds, the question can be about no other 取組 of the agreement, and that row's
cell of the asked party answers it. Not when a word no unit holds names another thing (a proper
noun, a loanword, a person by work, a place or fee by its name: 「新千歳空港」「コミュニティバス」
「看護師」「火葬場」) or says which kind of the row's thing it is (選挙 of 選挙管理), nor when the
row's own words are only words any topic has (確保・医療・地域).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..chars import KATAKANA
from ..search.corpus import Corpus
from ..search.tokenizer import Token
from .confidence import Asked, another_thing
from .content import PERSON_ENDINGS, Content
from .generic import GENERIC_TERMS

# The weighted share of the question the one row must hold: less than coverage's half, as the
# margin over every other row vouches for the rest (chosen on the layout sets, `make eval`).
DISTINCT_COVERAGE = 0.4
# How much more of the question the row holds than any other row does.
MARGIN = 0.2
# Names of a thing by their last character: a place or building, a fee, an office, a worker, a
# measure — a word no unit holds that ends so says the question is about another thing.
_NAMED_ENDINGS = frozenset("場館所園駅港線車税料金費店院校局署道路橋室棟庫塔険士師員間期限額数量率価値")


def distinct_row(corpus: Corpus, asked: Asked, tokens: Sequence[Token], position: int) -> bool:
    """Whether the unit at `position` stands in the annex row that holds a one-party role question's
    words by a clear margin over every other row of its agreement (see the module)."""
    best = corpus.units[position]
    if not asked.role or asked.compared or best.row_id is None or not asked.content:
        return False
    if any(_names_a_thing(word, tokens) for word in asked.foreign):
        return False
    if any(_absent_kind(corpus, word) or _absent_head(corpus, word) for word in asked.content):
        return False
    if another_thing(corpus, asked, position):  # 「高齢者の就労」 of a row on 障害者の就労
        return False
    rows = [_rows_holding(corpus, best.agreement_id, word) for word in asked.content]
    shares = _shares(asked.content, rows)
    share = shares.get(best.row_id, 0.0)
    others = max((s for row, s in shares.items() if row != best.row_id), default=0.0)
    # the row's own: a noun no other row holds, through a word of its own, and not in a sense no
    # unit has (施設 of 子育て支援施設, where the row's is 公共施設)
    alone = [
        word
        for word, held in zip(asked.content, rows, strict=True)
        if held == {best.row_id} and word.word not in asked.foreign
    ]
    return (
        share >= DISTINCT_COVERAGE
        and share - others >= MARGIN
        and any(_own(corpus, word, best.row_id) for word in alone)
    )


def _shares(content: Sequence[Content], rows: Sequence[set[str]]) -> dict[str, float]:
    """Each row's weighted share of the question's words (`rows`: the rows holding each word)."""
    total = sum(word.weight for word in content)
    shares: dict[str, float] = {}
    for word, held in zip(content, rows, strict=True):
        for row in held:
            shares[row] = shares.get(row, 0.0) + word.weight / total
    return shares


def _rows_holding(corpus: Corpus, agreement_id: str, word: Content) -> set[str]:
    """The annex rows of the agreement some unit of which (the row or a cell) covers the word."""
    mask = np.zeros(len(corpus.units), dtype=bool)
    for terms in word.terms:
        every = corpus.index.matches(terms[:1])
        for term in terms[1:]:
            every &= corpus.index.matches([term])
        mask |= every
    mask &= corpus.columns.in_agreements([agreement_id])
    return {row for p in mask.nonzero()[0].tolist() if (row := corpus.units[p].row_id) is not None}


def _own(corpus: Corpus, word: Content, row_id: str) -> bool:
    """A noun of the topic that the row covers through a word of its own, not one any topic has."""
    if word.weight < 1.0 or word.asks_kind or word.word in GENERIC_TERMS:
        return False  # 地域 held as 区域 is still a word of any topic
    row = corpus.positions.get(row_id)
    positions = [*([] if row is None else [row]), *corpus.row_roles(row_id)]
    for terms in word.terms:
        if set(terms) <= GENERIC_TERMS:
            continue
        holds = [corpus.index.holds(term, positions) for term in terms]
        if any(all(h[i] for h in holds) for i in range(len(positions))):
            return True
    return False


def _absent_kind(corpus: Corpus, word: Content) -> bool:
    """A word before another in a run of nouns that no unit holds (選挙 of 選挙管理, 給食 of 給食センター):
    it says which kind of thing, and a row holding the rest is about another kind."""
    if not word.compound or word.compound.endswith(word.word):
        return False
    df = corpus.index.document_frequency
    return not any(all(df(term) for term in terms) for terms in word.terms)


def _absent_head(corpus: Corpus, word: Content) -> bool:
    """The last noun of a run that no unit holds and that is no striving (収集 of 保育士収集, where 確保
    of 保育士確保 only says what is done): it names a service of its own, which the row does not hold."""
    if not word.compound or word.compound == word.word or not word.compound.endswith(word.word) or word.acts_on:
        return False
    df = corpus.index.document_frequency
    return not any(all(df(term) for term in terms) for terms in word.terms)


def _names_a_thing(word: str, tokens: Sequence[Token]) -> bool:
    """A proper noun, a loanword (コミュニティバス・オリンピック: the name of a thing, where an everyday
    paraphrase is a common word), a noun named by its kind (see `_NAMED_ENDINGS`), or a person."""
    proper = any(t.pos[1] == "固有名詞" for t in tokens if t.surface in word)
    loanword = not KATAKANA.isdisjoint(word)
    return proper or loanword or word[-1] in _NAMED_ENDINGS or word[-1] in PERSON_ENDINGS
