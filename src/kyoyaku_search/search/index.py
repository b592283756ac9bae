"""The BM25 index over pre-tokenised units: rank-bm25's formulas over postings arrays.

rank-bm25 (the design card's engine) stays the reference: `tests/test_index.py` checks that
these scores equal its `get_scores` bit for bit, for every variant. It is
not the engine because it visits every document for every query term (≈190 ms at 100,000
units) and can only be saved as a serialised Python object; `benchmarks/bench.py` measures both, and
rank-bm25-rs and bm25s beside them.

Each term's documents, term frequencies and scores are stored once as flat NumPy arrays (CSR
by term), so a query touches only the postings of its terms (and, for few candidate units,
only those units) and the index can be saved as plain `.npy` arrays. Scores are per query term,
so expanded synonyms can weigh less than the user's own words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

VARIANTS = ("okapi", "l", "plus")
# scores_at looks positions up in postings only when they are under 1/8 of the documents.
_SPARSE_FACTOR = 8
# Floats kept as dense per-term score rows (what every document scores for the term): a small
# corpus scores all its units with one multiply-add per term; a large one keeps only a few rows.
DENSE_FLOATS = 1 << 20
# Documents kept as Python sets, to tell whether a few units hold a term: in all, and per term (a
# term most units hold is looked up in its postings instead).
SET_INTS, SET_TERM_INTS = 1 << 18, 1 << 12


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


@dataclass(frozen=True)
class Postings:
    """The index as plain arrays (what the cache saves): CSR by term id.

    Term `t` occurs in documents `documents[offsets[t]:offsets[t+1]]` (ascending) with the
    frequencies `frequencies[...]` at the same places. `vocabulary` is in first-occurrence
    order, the order rank-bm25 computes idf in.
    """

    vocabulary: tuple[str, ...]
    offsets: np.ndarray  # int64, len(vocabulary) + 1
    documents: np.ndarray  # int32
    frequencies: np.ndarray  # int32
    lengths: np.ndarray  # int64, tokens per document (rank-bm25's doc_len)

    @classmethod
    def from_documents(cls, documents: Sequence[Sequence[str]]) -> Postings:
        term_ids: dict[str, int] = {}  # interns each term string once
        doc_column: list[int] = []
        term_column: list[int] = []
        count_column: list[int] = []
        lengths = np.zeros(len(documents), dtype=np.int64)
        for position, doc in enumerate(documents):
            lengths[position] = len(doc)
            counts: dict[int, int] = {}
            for term in doc:
                term_id = term_ids.setdefault(term, len(term_ids))
                counts[term_id] = counts.get(term_id, 0) + 1
            doc_column.extend([position] * len(counts))
            term_column.extend(counts)
            count_column.extend(counts.values())
        terms = np.array(term_column, dtype=np.int64)
        order = np.argsort(terms, kind="stable")  # by term, documents stay ascending
        offsets = np.zeros(len(term_ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=len(term_ids)), out=offsets[1:])
        return cls(
            vocabulary=tuple(term_ids),
            offsets=offsets,
            documents=np.array(doc_column, dtype=np.int32)[order],
            frequencies=np.array(count_column, dtype=np.int32)[order],
            lengths=lengths,
        )

    def check(self) -> None:
        """Raise ValueError unless the arrays describe a well-formed index (a cache read back)."""
        terms, size = len(self.vocabulary), len(self.lengths)
        ok = (
            size > 0
            and self.offsets.shape == (terms + 1,)
            and self.offsets[0] == 0
            and self.documents.shape == self.frequencies.shape == (int(self.offsets[-1]),)
            and bool(np.all(np.diff(self.offsets) > 0))
            and (not len(self.documents) or (self.documents.min() >= 0 and self.documents.max() < size))
            and bool(np.all(self.frequencies > 0))
            and bool(np.all(self.lengths >= 0))
            and len(set(self.vocabulary)) == terms
        )
        if not ok:
            raise ValueError("malformed postings")


class Bm25Index:
    """BM25 scores for weighted query terms over a fixed list of documents."""

    def __init__(self, documents: Sequence[Sequence[str]], settings: Bm25Settings | None = None) -> None:
        if not documents:
            raise ValueError("an index needs at least one document")
        self._load(Postings.from_documents(documents), settings or Bm25Settings())

    @classmethod
    def from_postings(cls, postings: Postings, settings: Bm25Settings | None = None) -> Bm25Index:
        index = cls.__new__(cls)
        index._load(postings, settings or Bm25Settings())
        return index

    def _load(self, postings: Postings, settings: Bm25Settings) -> None:
        self.settings = settings
        self.postings = postings
        self.size = len(postings.lengths)
        self._term_ids = {term: term_id for term_id, term in enumerate(postings.vocabulary)}
        counts = np.diff(postings.offsets)
        self._idf = _idf(counts.tolist(), self.size, settings)
        # Each posting's score, and what a document without the term scores (BM25Plus: idf × delta).
        self._score = _term_scores(postings, np.repeat(self._idf, counts), settings)
        self._floor = self._idf * (settings.delta if settings.variant == "plus" else 0.0)
        # The same as Python numbers: a question looks up a few terms, one numpy scalar at a time is slower.
        self._bounds: list[int] = postings.offsets.tolist()
        # Each term's number of documents, looked up whole: a question asks it of some twenty words.
        self._frequencies: dict[str, int] = dict(zip(postings.vocabulary, counts.tolist(), strict=True))
        self._floors: list[float] = self._floor.tolist()
        self._rows: dict[int, np.ndarray] = {}  # term id → dense row, at most DENSE_FLOATS floats in all
        self._row_lists: dict[int, list[float]] = {}  # the same rows as Python floats, for a small index
        self._sets: dict[int, frozenset[int]] = {}  # term id → its documents, at most SET_INTS in all
        self._set_room = SET_INTS

    def idf(self, term: str) -> float:
        term_id = self._term_ids.get(term)
        return 0.0 if term_id is None else float(self._idf[term_id])

    def document_frequency(self, term: str) -> int:
        return self._frequencies.get(term, 0)

    def scores(self, weights: Mapping[str, float]) -> np.ndarray:
        """Σ weight × BM25(term) per document, for the terms the index knows."""
        return self._sum(weights, None)

    def scores_at(self, weights: Mapping[str, float], positions: np.ndarray) -> np.ndarray:
        """`scores(weights)[positions]` (ascending positions), touching only those documents.

        A question that names a party is answered from one agreement's units: looking them up
        in each term's postings beats scoring every unit.
        """
        if len(positions) * _SPARSE_FACTOR > self.size:
            return self._sum(weights, None)[positions]
        return self._sum(weights, positions)

    def _sum(self, weights: Mapping[str, float], positions: np.ndarray | None) -> np.ndarray:
        """Adds weight × score term by term, in `weights` order, from zero: the operations of
        Σ weight × rank-bm25 get_scores([term]), so every score is rank-bm25's to the last bit
        and exact ties stay ties (ranked in document order)."""
        size = self.size if positions is None else len(positions)
        total = np.zeros(size)
        bounds, documents = self._bounds, self.postings.documents
        for term, weight in weights.items():
            term_id = self._term_ids.get(term)
            if term_id is None or not weight:
                continue
            row = self._row(term_id)
            if row is not None:  # the floor and the postings' scores in one row: the same sums
                total += weight * (row if positions is None else row[positions])
                continue
            start, end = bounds[term_id], bounds[term_id + 1]
            if positions is None:
                held, at = documents[start:end], slice(start, end)
            else:
                found = np.searchsorted(documents[start:end], positions)
                held = found < end - start
                held[held] = documents[start + found[held]] == positions[held]
                at = start + found[held]
            # total + weight × score, element by element: the floor for documents without the
            # term (one pass over all), the posting's own score for those with it.
            before = total[held]
            total += weight * self._floors[term_id]
            total[held] = before + weight * self._score[at]
        return total

    def _row(self, term_id: int) -> np.ndarray | None:
        """The term's score in every document (its floor where it is absent); None once the
        rows kept would pass DENSE_FLOATS."""
        row = self._rows.get(term_id)
        if row is None and (len(self._rows) + 1) * self.size <= DENSE_FLOATS:
            start, end = self._bounds[term_id], self._bounds[term_id + 1]
            row = np.full(self.size, self._floor[term_id])
            row[self.postings.documents[start:end]] = self._score[start:end]
            self._rows[term_id] = row
        return row

    def matching(self, terms: Sequence[str]) -> list[int] | None:
        """`matches(terms).nonzero()[0]` as ascending Python ints, from the terms' sets of documents;
        None when a term's documents are not kept as a set (see `_documents`)."""
        held: set[int] = set()
        for term in terms:
            term_id = self._term_ids.get(term)
            if term_id is not None:
                documents = self._documents(term_id)
                if documents is None:
                    return None
                held |= documents
        return sorted(held)

    def scores_of(self, weights: Mapping[str, float], positions: Sequence[int]) -> list[float] | None:
        """`scores_at(weights, positions)` as Python floats, for a small index whose dense rows
        are all kept: the same multiply-adds in the same order, so the same scores to the bit;
        None when a row is not kept (then use `scores_at`)."""
        total = [0.0] * len(positions)
        for term, weight in weights.items():
            term_id = self._term_ids.get(term)
            if term_id is None or not weight:
                continue
            row = self._row_lists.get(term_id)
            if row is None:
                dense = self._row(term_id)
                if dense is None:
                    return None
                row = self._row_lists[term_id] = dense.tolist()
            total = [before + weight * row[at] for before, at in zip(total, positions, strict=True)]
        return total

    def holding(self, term: str, positions: np.ndarray) -> np.ndarray:
        """For each of `positions`, whether that document contains `term`."""
        term_id = self._term_ids.get(term)
        if term_id is None:
            return np.zeros(len(positions), dtype=bool)
        documents = self.postings.documents[self.postings.offsets[term_id] : self.postings.offsets[term_id + 1]]
        found = np.searchsorted(documents, positions)
        inside = found < len(documents)
        inside[inside] = documents[found[inside]] == positions[inside]
        return inside

    def holds(self, term: str, positions: Sequence[int]) -> list[bool]:
        """`holding` for a few positions given as Python ints (a question's best units)."""
        term_id = self._term_ids.get(term)
        if term_id is None:
            return [False] * len(positions)
        documents = self._documents(term_id)
        if documents is None:
            return self.holding(term, np.asarray(positions, dtype=np.int64)).tolist()
        return [position in documents for position in positions]

    def _documents(self, term_id: int) -> frozenset[int] | None:
        """The term's documents as a set, remembered while SET_INTS allows."""
        documents = self._sets.get(term_id)
        start, end = self._bounds[term_id], self._bounds[term_id + 1]
        if documents is None and end - start <= min(SET_TERM_INTS, self._set_room):
            documents = self._sets[term_id] = frozenset(self.postings.documents[start:end].tolist())
            self._set_room -= end - start
        return documents

    def matches(self, terms: Sequence[str]) -> np.ndarray:
        """Boolean mask of documents holding at least one of `terms`."""
        mask = np.zeros(self.size, dtype=bool)
        bounds, documents = self._bounds, self.postings.documents
        held = [documents[bounds[i] : bounds[i + 1]] for term in terms if (i := self._term_ids.get(term)) is not None]
        if held:  # one assignment for all the terms: each numpy call costs more than a question's postings
            mask[held[0] if len(held) == 1 else np.concatenate(held)] = True
        return mask


def _idf(document_counts: list[int], size: int, settings: Bm25Settings) -> np.ndarray:
    """rank-bm25's idf per term, with its exact float operations and summation order."""
    if settings.variant == "plus":
        values = [math.log((size + 1) / n) for n in document_counts]
    elif settings.variant == "l":
        values = [math.log(size + 1) - math.log(n + 0.5) for n in document_counts]
    else:
        values = [math.log(size - n + 0.5) - math.log(n + 0.5) for n in document_counts]
        average = 0
        for value in values:
            average += value
        floor = settings.epsilon * (average / len(values))
        values = [floor if value < 0 else value for value in values]
    return np.array(values, dtype=np.float64)


def _term_scores(postings: Postings, idf: np.ndarray, settings: Bm25Settings) -> np.ndarray:
    """Each posting's score, written as rank-bm25's get_scores writes it (same operation order)."""
    k1, b = settings.k1, settings.b
    frequency = postings.frequencies.astype(np.int64)
    length = postings.lengths[postings.documents]
    average = int(postings.lengths.sum()) / len(postings.lengths)
    if settings.variant == "plus":
        return idf * (settings.delta + (frequency * (k1 + 1)) / (k1 * (1 - b + b * length / average) + frequency))
    if settings.variant == "l":
        ctd = frequency / (1 - b + b * length / average)
        return idf * frequency * (k1 + 1) * (ctd + settings.delta) / (k1 + ctd + settings.delta)
    return idf * (frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / average)))
