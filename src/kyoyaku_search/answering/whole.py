"""Whether a term stands as a word of its own in the corpus (`whole_word`), or only inside longer
compounds: 人口 in 「圏域人口」「人口減少」 is the population of something else. A question's one
topic the corpus holds only so is not in the agreement (answering/foreign.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from ..search.corpus import Corpus
from ..search.tokenizer import Token, compound_runs, fold
from .content import Content

# A term in more units than this, or on more distinct lines, is taken as a word of its own.
_WHOLE_UNITS = 200
_WHOLE_LINES = 12
_COMPOUND = frozenset({"名詞"})


def whole_word(corpus: Corpus, asked: Sequence[Token], content: Sequence[Content]) -> Callable[[str], bool]:
    """Whether a term stands as a noun of its own in some unit, not only inside a longer compound
    (人口 in 「圏域人口」「人口減少」 only: the population of something else), unless the question
    holds the compound's other nouns too, itself or through a synonym (「情報を共有」 is 「情報共有」,
    「販路を広げる」 「販路拡大」): tokenises the few units holding the term, only when asked."""
    words: list[set[str]] = []  # the question's terms, gathered the first time a line is read

    def whole(term: str) -> bool:
        if corpus.memo.get(("in a 取組 name", term), lambda: any(term in name for name in corpus.initiatives)):
            return True  # 「戦略的な観光施策」: a 取組 is about it
        compounds = corpus.memo.get(("compounds holding", term), lambda: _compounds_holding(corpus, term))
        if compounds is None or compounds.alone:
            return True
        if not words:
            words.append({t.term for t in asked} | {term for c in content for terms in c.terms for term in terms})
        return not compounds.beside.isdisjoint(words[0])

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


class _Compounds(NamedTuple):
    """How a term stands in the compounds of the corpus lines holding it."""

    alone: bool  # a compound of its own somewhere, or the end of a proper noun (「丘珠空港」 is a 空港)
    beside: frozenset[str]  # the other nouns of the compounds it stands in, and their parts


def _compounds_holding(corpus: Corpus, term: str) -> _Compounds | None:
    """How `term` stands in the lines holding it, read once per corpus and term (the question only
    decides which of `beside` it has too); None when no unit or too many hold it: a word of its own."""
    lines = _lines_holding(corpus, term)
    if not lines or len(lines) > _WHOLE_LINES:
        return None
    split = corpus.tokenizer.split_terms_of_word
    alone, beside = False, set()
    for line in lines:
        tokens = corpus.tokenizer.tokens(line)
        for start, at in compound_runs(tokens, _COMPOUND):
            parts = [{w for w, _ in split(t.surface)} | {t.term} for t in tokens[start:at]]
            inside = [i for i, words in enumerate(parts) if term in words]
            if not inside:
                continue
            last = tokens[at - 1]  # 「丘珠空港」 is a 空港: a name ending in the word is one of it
            whole_compound = at - start == 1 and tokens[start].term == term
            # 「遠隔会議システム」: a compound of its own first in a longer one names what that is of (the
            # system of 遠隔会議), where one word last names a property of another thing (圏域人口)
            leading = inside[0] == 0 and tokens[start].term == term and len(parts[0]) > 2
            if whole_compound or leading or (last.pos[1] == "固有名詞" and last.term.endswith(term)):
                alone = True
            beside.update(*(words - {term} for words in parts))  # 「自立支援法」's 支援: a part of another noun
    return _Compounds(alone, frozenset(beside))
