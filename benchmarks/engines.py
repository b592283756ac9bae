"""The BM25 engines the bench compares, behind one small interface (bench only, never shipped).

Each takes tokenised documents and answers a question's weighted terms with the top 10.
rank-bm25 is the reference and the naive approach; rank-bm25-rs and bm25s are the maintained
alternatives considered; "kyoyaku" is the shipped `Bm25Index`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from kyoyaku_search.search.index import Bm25Index, Bm25Settings

SETTINGS = Bm25Settings()
Query = Mapping[str, float]


def top_ten(scores: np.ndarray) -> np.ndarray:
    if len(scores) <= 10:
        return np.argsort(-scores, kind="stable")
    best = np.argpartition(-scores, 9)[:10]
    return best[np.argsort(-scores[best], kind="stable")]


class Engine:
    name = ""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        raise NotImplementedError

    def scores(self, query: Query) -> np.ndarray:
        """Σ weight × BM25(term): what the search needs (per-term weights)."""
        raise NotImplementedError

    def search(self, query: Query) -> np.ndarray:
        return top_ten(self.scores(query))


class Kyoyaku(Engine):
    name = "kyoyaku (shipped)"

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.index = Bm25Index(documents, SETTINGS)

    def scores(self, query: Query) -> np.ndarray:
        return self.index.scores(query)


class RankBm25(Engine):
    """rank-bm25 as the index used it before: get_scores([term]) per term, weighted."""

    name = "rank-bm25 get_scores"
    module = "rank_bm25"

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        module = __import__(self.module)
        self.bm25 = module.BM25Plus([list(d) for d in documents], k1=SETTINGS.k1, b=SETTINGS.b, delta=SETTINGS.delta)

    def scores(self, query: Query) -> np.ndarray:
        total = np.zeros(self.bm25.corpus_size)
        for term, weight in query.items():
            if weight and term in self.bm25.idf:
                total += weight * np.asarray(self.bm25.get_scores([term]))
        return total


class RankBm25Rs(RankBm25):
    name = "rank-bm25-rs"
    module = "rank_bm25_rs"


class Bm25s(Engine):
    """bm25s (BM25+, float64): per-term get_scores, weighted like the others."""

    name = "bm25s"

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        import bm25s

        self.bm25 = bm25s.BM25(
            method="bm25+", idf_method="bm25+", k1=SETTINGS.k1, b=SETTINGS.b, delta=SETTINGS.delta, dtype="float64"
        )
        self.bm25.index([list(d) for d in documents], show_progress=False)
        self.vocabulary = self.bm25.vocab_dict

    def scores(self, query: Query) -> np.ndarray:
        total = np.zeros(self.bm25.scores["num_docs"])
        for term, weight in query.items():
            if weight and term in self.vocabulary:
                total += weight * self.bm25.get_scores([term])
        return total


ENGINES: dict[str, Callable[[Sequence[Sequence[str]]], Engine]] = {
    engine.name: engine for engine in (Kyoyaku, RankBm25, RankBm25Rs, Bm25s)
}
