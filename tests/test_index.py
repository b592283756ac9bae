"""rank-bm25's behaviour on tiny corpora, and our index over it."""

from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25Okapi, BM25Plus

from kyoyaku_search.index import Bm25Index, Bm25Settings


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
