"""Ranking units for a query: which units may answer, and how they score."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..chars import KANJI, KATAKANA
from ..search.corpus import Corpus
from ..search.names import PartyName
from .question import KIND_TERMS, Query

# Matched units up to which `rank` boosts and sorts in Python floats rather than numpy arrays.
SMALL_RANKING = 256
# Which unit kinds answer which kind of question; those units get `SearchSettings.kind_boost`.
PREFERRED_KINDS = {
    "role": ("role",),
    "content": ("row",),
    # No kind and no party: the row says what both do, without taking a side.
    "general": ("row",),
    "together": ("row",),
    "partners": ("row",),
    "cost": ("article",),
    "change": ("article",),
    "effective": ("supplementary", "article"),
    "purpose": ("article",),
    "consult": ("article",),
    "signer": ("signature", "date"),  # the date line stands for the signing where no block holds it
    "article": ("article",),
}


def allowed_units(corpus: Corpus, parties: Sequence[PartyName], agreement: str | None = None) -> np.ndarray:
    """Units a query may be answered from: the named parties' agreements, and of their role
    cells only the named parties' — never another party's cell. Read-only (shared)."""
    named = frozenset((p.agreement_id, p.label) for p in parties)
    return corpus.columns.remembered(("allowed", agreement, named), lambda: _allowed(corpus, named, agreement))


def _allowed(corpus: Corpus, parties: frozenset[tuple[str, str]], agreement: str | None) -> np.ndarray:
    columns = corpus.columns
    mask = np.ones(len(corpus.units), dtype=bool)
    if agreement is not None:
        mask &= columns.in_agreements([agreement])
    if parties:
        own_roles = columns.of_parties(parties)
        mask &= columns.in_agreements({a for a, _ in parties}) & (~columns.of_kinds(["role"]) | own_roles)
    return mask


def rank(corpus: Corpus, query: Query, allowed: np.ndarray) -> list[tuple[int, float]]:
    """(position, score) of the allowed units that hold a topic term, best first (ties: document
    order); the units holding the question's verbatim run (`Question.phrase`) come before all others."""
    if corpus.index.size <= SMALL_RANKING and query.question.phrase is None:
        few = _rank_small(corpus, query, allowed)
        if few is not None:
            return few
    mask = corpus.index.matches(query.topic_terms) & allowed
    quoted = _quoted(corpus, query, allowed)
    if quoted is not None:
        mask |= quoted
    matched = mask.nonzero()[0]  # flatnonzero without its Python wrapper: the mask is 1-D
    if not len(matched):
        return []
    # Only the matched units are scored: at 100,000 units a question names one agreement's few.
    scores = corpus.index.scores_at(dict(query.weights), matched)
    if len(matched) <= SMALL_RANKING:
        first = None if quoted is None else quoted[matched].tolist()
        return _ranked_few(corpus, query, scores.tolist(), matched.tolist(), first)
    result = _headed(corpus, query, _boosted(corpus, query, scores, matched), matched)
    if quoted is None:
        order = np.argsort(-result, kind="stable")  # matched is ascending: ties stay in document order
    else:
        order = np.lexsort((np.arange(len(matched)), -result, ~quoted[matched]))
    return list(zip(matched[order].tolist(), result[order].tolist(), strict=False))


def _rank_small(corpus: Corpus, query: Query, allowed: np.ndarray) -> list[tuple[int, float]] | None:
    """`rank` of an index no bigger than SMALL_RANKING (a few agreements) for a question quoting
    nothing, in Python numbers from the start: each numpy call on so few units costs more than
    its work. None when the index keeps a term's documents or scores only as arrays."""
    held = corpus.index.matching(query.topic_terms)
    if held is None:
        return None
    may = allowed.tolist()
    matched = [at for at in held if may[at]]
    if not matched:
        return []
    scores = corpus.index.scores_of(dict(query.weights), matched)
    if scores is None:
        return None
    return _ranked_few(corpus, query, scores, matched, None)


def _ranked_few(
    corpus: Corpus, query: Query, scores: list[float], positions: list[int], first: list[bool] | None
) -> list[tuple[int, float]]:
    """`rank`'s boosts and order for a few units in Python floats, where each numpy call would
    cost more than its arithmetic: the same products in the same order (a unit numpy multiplies
    by 1.0 keeps its score), so the same scores to the bit, ties in document order; `first`: which
    of them hold the question's verbatim run (they come first)."""
    for boosted, boost in _boosts(corpus, query, positions):
        scores = [score * boost if hit else score for score, hit in zip(scores, boosted, strict=True)]
    if first is None:
        order = sorted(range(len(positions)), key=lambda i: -scores[i])
    else:
        order = sorted(range(len(positions)), key=lambda i: (not first[i], -scores[i]))
    return [(positions[i], scores[i]) for i in order]


def _boosts(corpus: Corpus, query: Query, positions: list[int]) -> list[tuple[list[bool], float]]:
    """Which of the units at `positions` each boost applies to, in the order `_boosted` and
    `_headed` apply them: the kind, a 取組 named in full, a heading naming what is asked. Read from
    per-unit lists made once per corpus (a few units, looked up one by one)."""
    boosts = []
    preferred = PREFERRED_KINDS.get(query.kind, ()) if query.kind != "general" or not query.parties else ()
    if preferred:
        kinds = corpus.memo.get(("kind flags", preferred), lambda: corpus.columns.of_kinds(preferred).tolist())
        boosts.append(([kinds[at] for at in positions], corpus.search.kind_boost))
    if query.initiatives and corpus.search.topic_boost != 1.0:
        wanted = {corpus.initiatives[key] for key in query.initiatives}
        codes = corpus.memo.get(("initiative codes",), lambda: corpus.initiative_codes.tolist())
        boosts.append(([codes[at] in wanted for at in positions], corpus.search.topic_boost))
    named = _named_headings(corpus, query)
    if named:
        headed = {at for positions_of in named for at in positions_of.tolist()}
        boosts.append(([at in headed for at in positions], corpus.search.topic_boost))
    return boosts


def _named_headings(corpus: Corpus, query: Query) -> list[np.ndarray]:
    """The units under each heading that names what is asked, once per term it holds."""
    headings = corpus.headings_text
    terms = [term for term in {*KIND_TERMS.get(query.kind, ()), *query.topic_terms} if term in headings]
    return [at for heading, at in corpus.headings.items() for term in terms if term in heading]


def _quoted(corpus: Corpus, query: Query, allowed: np.ndarray) -> np.ndarray | None:
    """Mask of the allowed units holding the question's verbatim run; None when there are none."""
    phrase = query.question.phrase
    if phrase is None:
        return None
    quoted = np.zeros(len(corpus.units), dtype=bool)
    quoted[phrase.positions] = True
    quoted &= allowed
    return quoted if quoted.any() else None


def _headed(corpus: Corpus, query: Query, result: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """An article whose heading names what is asked (（目的） for 「何のための協約」, （費用分担） for
    「費用の定め」) before an article that only mentions it (第2条 「前条の目的を達成するため」)."""
    # a heading once per term it holds: marking its articles twice marks them all the same
    named = _named_headings(corpus, query)
    if not named:
        return result
    headed = np.zeros(len(corpus.units), dtype=bool)
    for at in named:
        headed[at] = True
    return result * np.where(headed[positions], corpus.search.topic_boost, 1.0)


def _boosted(corpus: Corpus, query: Query, result: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """`result` (the scores of the units at `positions`) × the kind boost × the boost of a 取組 the
    question names in full."""
    preferred = PREFERRED_KINDS.get(query.kind, ()) if query.kind != "general" or not query.parties else ()
    if preferred:
        result = result * np.where(corpus.columns.of_kinds(preferred, positions), corpus.search.kind_boost, 1.0)
    if query.initiatives and corpus.search.topic_boost != 1.0:
        codes = corpus.initiative_codes[positions]
        hit = np.zeros(len(codes), dtype=bool)
        for key in query.initiatives:
            hit |= codes == corpus.initiatives[key]
        result = result * np.where(hit, corpus.search.topic_boost, 1.0)
    return result


# Scores this close (a share of the best) are a tie that BM25's length normalisation decided.
TIE = 0.01


def written_alone_first(
    corpus: Corpus, runs: Sequence[str], ranked: list[tuple[int, float]], quoted: Sequence[int] = ()
) -> list[tuple[int, float]]:
    """Of the best two units when they tie, the one that writes the question's noun run as a word of
    its own first (「救急医療」 alone, not inside 「三次救急医療」, a narrower thing) — but never
    before the unit holding the question's verbatim run (`quoted`, the positions that hold it):
    pasted text is answered by the unit that says it."""
    if len(ranked) < 2 or not runs:
        return ranked
    (first, best), (second, score) = ranked[0], ranked[1]
    if best <= 0 or best - score > TIE * best or (first in quoted and second not in quoted):
        return ranked
    if _alone(corpus.units[second].text, runs) and not _alone(corpus.units[first].text, runs):
        return [ranked[1], ranked[0], *ranked[2:]]
    return ranked


def _alone(text: str, runs: Sequence[str]) -> bool:
    """Whether `text` holds one of `runs` not joined to a kanji or katakana before it."""
    for run in runs:
        start = text.find(run)
        while start != -1:
            if start == 0 or not _joins(text[start - 1]):
                return True
            start = text.find(run, start + 1)
    return False


def _joins(ch: str) -> bool:
    return ch in KANJI or ch in KATAKANA
