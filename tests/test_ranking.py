"""Ranking: a few matched units are boosted and ordered in Python floats, many in numpy arrays;
both give the same units in the same order with the same scores, to the bit."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering import ranking
from kyoyaku_search.answering.question import Query, understand
from kyoyaku_search.answering.ranking import allowed_units, rank
from kyoyaku_search.views.evaluate import load_cases

QUESTIONS = [case.question for case in load_cases(Path(__file__).parent / "questions.yaml")[1] if not case.history]


def _ranked(corpus, question: str) -> list[tuple[int, float]]:
    query = Query.own(understand(corpus, question))
    return rank(corpus, query, allowed_units(corpus, query.parties))


@pytest.mark.parametrize(
    "question",
    [
        "岩見沢市の災害対策での役割は",  # a party named, a 取組 named in full, the kind boosted
        "費用の負担はどうなっているか",  # an article's heading naming what is asked
        "連携協約を変更する場合の手続は",  # a verbatim run of the agreement first, and a heading
        "圏域内の医療機関の連携に関する取組について",  # no kind: many units matched
    ],
)
def test_few_units_rank_as_many_do(corpus, monkeypatch, question):
    few = _ranked(corpus, question)
    monkeypatch.setattr(ranking, "SMALL_RANKING", 0)  # every ranking through the numpy arrays
    assert few and _ranked(corpus, question) == few


def test_every_question_of_the_set_ranks_the_same_either_way(corpus, monkeypatch):
    few = {question: _ranked(corpus, question) for question in QUESTIONS}
    monkeypatch.setattr(ranking, "SMALL_RANKING", 0)
    assert {question: _ranked(corpus, question) for question in QUESTIONS} == few
