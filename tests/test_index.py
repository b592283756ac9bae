"""rank-bm25's behaviour on tiny corpora, and our index, checked against it."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from kyoyaku_search.search import index as index_module
from kyoyaku_search.search.index import Bm25Index, Bm25Settings, Postings
from kyoyaku_search.search.units import agreement_units
from kyoyaku_search.views.evaluate import load_cases
from tests.conftest import QUESTIONS
from tests.synthetic import synthetic_agreements


def test_okapi_zeroes_a_term_in_half_of_a_two_document_corpus():
    """Why we do not ship BM25Okapi: idf = log((N-n+0.5)/(n+0.5)) is 0 for n = N/2."""
    okapi = BM25Okapi([["災害", "対策"], ["観光", "施策"]])
    assert okapi.idf["災害"] == 0.0
    assert list(okapi.get_scores(["災害"])) == [0.0, 0.0]


def test_okapi_floors_terms_in_more_than_half_the_documents():
    okapi = BM25Okapi([["連携", "災害"], ["連携", "観光"], ["連携", "福祉"]])
    assert okapi.idf["連携"] == pytest.approx(okapi.epsilon * okapi.average_idf)


def test_plus_keeps_a_positive_idf_but_scores_documents_without_the_term():
    plus = BM25Plus([["災害", "対策"], ["観光", "施策"]])
    assert plus.idf["災害"] > 0
    scores = plus.get_scores(["災害"])
    assert scores[0] > scores[1] > 0  # the delta floor: a positive score is not a match


def test_matches_use_postings_not_scores():
    index = Bm25Index([["災害", "対策"], ["観光", "施策"], ["災害", "観光"]], Bm25Settings(variant="plus"))
    assert index.matches(["災害"]).tolist() == [True, False, True]
    assert index.matches(["天気"]).tolist() == [False, False, False]


def test_weights_scale_each_term():
    index = Bm25Index([["災害", "対策"], ["観光", "施策"], ["福祉"]], Bm25Settings(variant="l"))
    one = index.scores({"災害": 1.0})
    half = index.scores({"災害": 0.5})
    assert np.allclose(half, one / 2)
    assert np.allclose(index.scores({"災害": 1.0, "観光": 1.0}), one + index.scores({"観光": 1.0}))


def test_unknown_terms_score_nothing():
    index = Bm25Index([["災害"], ["観光"]])
    assert index.scores({"天気": 1.0}).tolist() == [0.0, 0.0]


def test_settings_are_validated():
    with pytest.raises(ValueError, match="variant must be one of"):
        Bm25Settings(variant="bm42")


# --- the shipped engine against rank-bm25, the reference -----------------------------------

REFERENCE = {"plus": BM25Plus, "l": BM25L, "okapi": BM25Okapi}


def reference_scores(reference, weights: dict[str, float]) -> np.ndarray:
    """What the index computed with rank-bm25 before: Σ weight × get_scores([term])."""
    total = np.zeros(reference.corpus_size)
    for term, weight in weights.items():
        if weight and term in reference.idf:
            total += weight * np.asarray(reference.get_scores([term]))
    return total


def top_ten(scores: np.ndarray) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:10]


def weighted_queries(tokenizer, documents: list[list[str]]) -> list[dict[str, float]]:
    """The question set's terms as the search weighs them, and random mixes of indexed terms."""
    _, cases = load_cases(QUESTIONS)
    queries = [{term: 0.5 if sub else 1.0 for term, sub in tokenizer.split_terms(case.question)} for case in cases]
    vocabulary = sorted({term for doc in documents for term in doc})
    rng = random.Random(6)
    for _ in range(100):
        terms = rng.sample(vocabulary, rng.randint(1, 6)) + ["協約にない語"]
        queries.append({term: rng.choice((1.0, 0.5, 0.3, 2.0)) for term in terms})
    return queries


@pytest.fixture(scope="module", params=["seed", "generated"])
def documents(request, corpus, tokenizer) -> list[list[str]]:
    if request.param == "seed":
        return [tokenizer.terms(unit.search_text) for unit in corpus.units]
    agreements = synthetic_agreements(1_000)
    return [tokenizer.terms(unit.search_text) for a in agreements for unit in agreement_units(a)]


@pytest.mark.parametrize("variant", ["plus", "l", "okapi"])
def test_scores_are_rank_bm25s_to_the_last_bit(documents, tokenizer, variant):
    settings = Bm25Settings(variant=variant)
    extra = {"epsilon": settings.epsilon} if variant == "okapi" else {"delta": settings.delta}
    reference = REFERENCE[variant](documents, k1=settings.k1, b=settings.b, **extra)
    index = Bm25Index(documents, settings)
    for term, idf in reference.idf.items():
        assert index.idf(term) == idf
    for weights in weighted_queries(tokenizer, documents):
        expected = reference_scores(reference, weights)
        got = index.scores(weights)
        assert np.max(np.abs(got - expected)) <= 1e-9, weights  # what the issue asks
        assert top_ten(got) == top_ten(expected), weights
        assert np.array_equal(got, expected), weights  # and more: no near-tie can flip


def test_postings_hold_each_term_once_per_document_in_order():
    postings = Postings.from_documents([["災害", "対策", "災害"], [], ["観光", "災害"]])
    assert postings.vocabulary == ("災害", "対策", "観光")
    assert postings.offsets.tolist() == [0, 2, 3, 4]
    assert postings.documents.tolist() == [0, 2, 0, 2]
    assert postings.frequencies.tolist() == [2, 1, 1, 1]
    assert postings.lengths.tolist() == [3, 0, 2]
    postings.check()


def test_document_frequency_counts_documents_not_occurrences():
    index = Bm25Index([["災害", "災害"], ["災害"], ["観光"]])
    assert [index.document_frequency(t) for t in ("災害", "観光", "天気")] == [2, 1, 0]


@pytest.mark.parametrize("share", [0.01, 0.1, 0.5, 1.0])  # few positions: postings lookups; many: dense
def test_scores_at_positions_equal_the_dense_scores(documents, tokenizer, share):
    index = Bm25Index(documents)
    rng = np.random.default_rng(7)
    positions = np.flatnonzero(rng.random(len(documents)) < share)
    for weights in weighted_queries(tokenizer, documents)[:40]:
        assert np.array_equal(index.scores_at(weights, positions), index.scores(weights)[positions])


# --- what the index remembers for speed changes no score -----------------------------------


def test_scores_without_dense_rows_are_the_same_to_the_bit(documents, tokenizer, monkeypatch):
    """Dense rows are kept only within DENSE_FLOATS; past it, postings give the same sums."""
    queries = weighted_queries(tokenizer, documents)[:60]
    positions = np.arange(0, len(documents), 3)
    with_rows = Bm25Index(documents)
    monkeypatch.setattr(index_module, "DENSE_FLOATS", 0)
    without = Bm25Index(documents)
    for weights in queries:
        assert np.array_equal(with_rows.scores(weights), without.scores(weights)), weights
        assert np.array_equal(with_rows.scores_at(weights, positions), without.scores_at(weights, positions))
    assert not without._rows  # noqa: SLF001 - the bound held


def test_holds_agrees_with_holding_with_and_without_term_sets(documents, monkeypatch):
    index = Bm25Index(documents)
    monkeypatch.setattr(index_module, "SET_INTS", 0)
    postings_only = Bm25Index(documents)
    positions = [0, 1, len(documents) // 2, len(documents) - 1]
    for term in [*index.postings.vocabulary[:200], "協約にない語"]:
        expected = index.holding(term, np.array(positions)).tolist()
        assert index.holds(term, positions) == expected == postings_only.holds(term, positions), term
    assert not postings_only._sets  # noqa: SLF001


@pytest.mark.parametrize("share", [0.05, 0.5, 1.0])
def test_python_scores_and_matches_are_the_arrays_to_the_bit(documents, tokenizer, share):
    """`scores_of` and `matching` (a small index's ranking in Python numbers) give what
    `scores_at` and `matches` give, or None when the index keeps no row or set to give it from."""
    index = Bm25Index(documents)
    rng = np.random.default_rng(11)
    positions = np.flatnonzero(rng.random(len(documents)) < share)
    for weights in weighted_queries(tokenizer, documents)[:40]:
        got = index.scores_of(weights, positions.tolist())
        if got is not None:
            assert got == index.scores_at(weights, positions).tolist(), weights
        held = index.matching(list(weights))
        if held is not None:
            assert held == index.matches(list(weights)).nonzero()[0].tolist(), weights


def test_python_scores_give_way_without_rows_or_sets(documents, tokenizer, monkeypatch):
    monkeypatch.setattr(index_module, "DENSE_FLOATS", 0)
    monkeypatch.setattr(index_module, "SET_INTS", 0)
    index = Bm25Index(documents)
    weights = weighted_queries(tokenizer, documents)[0]
    assert index.scores_of(weights, [0, 1]) is None
    assert index.matching(list(weights)) is None
