"""Ranking units for a query: which units may answer, and how they score."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .conversation import Query
from .corpus import Corpus, PartyName

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
    "signer": ("signature",),
}


def allowed_units(corpus: Corpus, parties: Sequence[PartyName], agreement: str | None = None) -> np.ndarray:
    """Units a query may be answered from: the named parties' agreements, and of their role
    cells only the named parties' — never another party's cell."""
    mask = np.ones(len(corpus.units), dtype=bool)
    if agreement is not None:
        mask &= np.array([u.agreement_id == agreement for u in corpus.units])
    if parties:
        agreements = {p.agreement_id for p in parties}
        labels = {(p.agreement_id, p.label) for p in parties}
        mask &= np.array([
            u.agreement_id in agreements and (u.kind != "role" or (u.agreement_id, u.party_label) in labels)
            for u in corpus.units
        ])
    return mask


def scores(corpus: Corpus, query: Query) -> np.ndarray:
    """BM25 over the query's weighted terms, with the kind of unit the question asks for boosted."""
    result = corpus.index.scores(dict(query.weights))
    preferred = PREFERRED_KINDS.get(query.kind, ()) if query.kind != "general" or not query.parties else ()
    if preferred:
        boost = np.array([corpus.search.kind_boost if u.kind in preferred else 1.0 for u in corpus.units])
        result = result * boost
    return result


def rank(corpus: Corpus, query: Query, allowed: np.ndarray) -> list[tuple[int, float]]:
    """(position, score) of the allowed units that hold a topic term, best first (ties: document order)."""
    matched = corpus.index.matches(query.topic_terms) & allowed
    if not matched.any():
        return []
    result = scores(corpus, query)
    return sorted(((int(i), float(result[i])) for i in np.flatnonzero(matched)), key=lambda pair: (-pair[1], pair[0]))
