"""The BM25 index over pre-tokenised units (rank-bm25).

Documents are tokenised once by our own `Tokenizer` and handed to rank-bm25 as lists:
its own `tokenizer=` argument would start a multiprocessing pool for every build.
Scores are per query term, so expanded synonyms can weigh less than the user's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

VARIANTS = ("okapi", "l", "plus")


@dataclass(frozen=True)
class Bm25Settings:
    """Which rank-bm25 variant and its parameters (chosen by `make eval` measurements)."""

    # BM25Plus: its idf, log((N+1)/n), never reaches zero, where BM25Okapi's is floored for
    # terms in half the units or more and is exactly 0 for a term in half of a 2-unit corpus.
    # Measured on tests/questions.yaml with benchmarks/eval_grid.py (see README).
    variant: str = "plus"
    k1: float = 1.2
    b: float = 0.5
    epsilon: float = 0.25  # BM25Okapi: idf floor as a fraction of the mean idf
    delta: float = 1.0  # BM25L / BM25Plus: lower bound of a matching term's weight

    def __post_init__(self) -> None:
        if self.variant not in VARIANTS:
            raise ValueError(f"variant must be one of {VARIANTS}, not {self.variant!r}")


class Bm25Index:
    """BM25 scores for weighted query terms over a fixed list of documents."""

    def __init__(self, documents: Sequence[Sequence[str]], settings: Bm25Settings | None = None) -> None:
        self.settings = settings or Bm25Settings()
        corpus = [list(doc) for doc in documents]
        if not corpus:
            raise ValueError("an index needs at least one document")
        self._bm25 = _engine(corpus, self.settings)
        # Which documents hold a term: BM25Plus gives every document a floor for every query
        # term, so a positive score alone does not mean the document matched.
        self._postings: dict[str, np.ndarray] = {}
        for position, doc in enumerate(corpus):
            for term in set(doc):
                self._postings.setdefault(term, []).append(position)  # type: ignore[arg-type]
        self._postings = {term: np.array(docs, dtype=np.int32) for term, docs in self._postings.items()}
        self.size = len(corpus)

    def idf(self, term: str) -> float:
        return float(self._bm25.idf.get(term, 0.0))

    def document_frequency(self, term: str) -> int:
        postings = self._postings.get(term)
        return 0 if postings is None else len(postings)

    def scores(self, weights: Mapping[str, float]) -> np.ndarray:
        """Σ weight × BM25(term) per document, for the terms the index knows."""
        total = np.zeros(self.size)
        for term, weight in weights.items():
            if term in self._postings and weight:
                total += weight * np.asarray(self._bm25.get_scores([term]))
        return total

    def matches(self, terms: Sequence[str]) -> np.ndarray:
        """Boolean mask of documents holding at least one of `terms`."""
        mask = np.zeros(self.size, dtype=bool)
        for term in terms:
            postings = self._postings.get(term)
            if postings is not None:
                mask[postings] = True
        return mask


def _engine(corpus: list[list[str]], settings: Bm25Settings):  # noqa: ANN202 - rank_bm25 has no common base type export
    if settings.variant == "okapi":
        return BM25Okapi(corpus, k1=settings.k1, b=settings.b, epsilon=settings.epsilon)
    if settings.variant == "l":
        return BM25L(corpus, k1=settings.k1, b=settings.b, delta=settings.delta)
    return BM25Plus(corpus, k1=settings.k1, b=settings.b, delta=settings.delta)
