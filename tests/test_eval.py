"""The question sets are the quality bar: hit@1 ≥ 0.95 on the set, ≥ 0.9 on the held-out set,
and never the other party's cell first."""

from __future__ import annotations

import pytest

from kyoyaku_search.views.evaluate import evaluate, format_report, load_cases
from tests.conftest import BLIND, HOLDOUT, QUESTIONS, TUNING


@pytest.mark.parametrize(
    ("path", "min_hit_at_1", "min_questions"),
    [(QUESTIONS, 0.95, 120), (HOLDOUT, 0.9, 30), (TUNING, 0.85, 45), *((path, 0.9, 200) for path in BLIND)],
)
def test_question_set_hit_rates(corpus, path, min_hit_at_1, min_questions):
    agreement_id, cases = load_cases(path)
    assert len(cases) >= min_questions
    report = evaluate(corpus, agreement_id, cases)
    assert report.hit_at(1) >= min_hit_at_1, format_report(report)
    assert report.wrong_party() == 0, format_report(report)


@pytest.mark.parametrize("path", [QUESTIONS, HOLDOUT, TUNING, *BLIND])
def test_every_expected_unit_exists(corpus, path):
    agreement_id, cases = load_cases(path)
    ids = {unit.id for unit in corpus.units}
    for case in cases:
        for expected in case.expected:
            assert expected.startswith("@") or f"{agreement_id}/{expected}" in ids, case


def test_wrong_party_is_counted(corpus):
    """The metric itself must be able to fail: expecting 乙's cell where 甲's comes first."""
    agreement_id, _ = load_cases(QUESTIONS)
    from kyoyaku_search.views.evaluate import Case

    report = evaluate(corpus, agreement_id, [Case("札幌市の災害対策での役割は", ("row-3a-5/乙",), "probe")])
    assert report.wrong_party() == 1



def test_related_units_are_not_hits(corpus):
    """A refusal that shows the right unit among 関連 is still a miss, counted apart as offered."""
    import dataclasses

    from kyoyaku_search import Status, ask
    from kyoyaku_search.views.evaluate import Case

    agreement_id, _ = load_cases(QUESTIONS)

    def refuse(*args, **kwargs):
        return dataclasses.replace(ask(*args, **kwargs), status=Status.NO_MATCH)

    case = Case("岩見沢市の災害対策での役割は", ("row-3a-5/乙",), "probe")
    assert evaluate(corpus, agreement_id, [case]).hit_at(1) == 1
    refused = evaluate(corpus, agreement_id, [case], ask_fn=refuse)
    assert (refused.hit_at(3), refused.offered()) == (0, 1)


def test_a_set_names_its_own_agreement(tmp_path):
    """A set written for another layout is scored against that agreement, not the seed."""
    from pathlib import Path

    from kyoyaku_search.search.loading import load_corpus
    from kyoyaku_search.views.evaluate import set_source

    fixture = Path(__file__).parent / "fixtures" / "agreements" / "inami-himeji-2015.txt"
    questions = tmp_path / "q.yaml"
    questions.write_text(
        f"agreement: inami-himeji-2015\nsource: {fixture}\ncases:\n"
        "- {q: 第4条には何が書いてある, expect: art-4, category: article}\n"
        "- {q: 稲美町の役割を全部, expect: '@party_roles', category: list}\n",
        encoding="utf-8",
    )
    assert set_source(questions) == fixture.resolve()
    agreement_id, cases = load_cases(questions)
    report = evaluate(load_corpus([set_source(questions)], cache=False), agreement_id, cases)
    assert report.hit_at(1) == 1, format_report(report)
    assert set_source(Path(__file__).parent / "questions.yaml") is None
