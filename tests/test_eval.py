"""The question set is the quality bar: the suite fails if hit@1 drops below 0.9."""

from __future__ import annotations

from kyoyaku_search.evaluate import evaluate, format_report, load_cases

MIN_HIT_AT_1 = 0.9
MIN_QUESTIONS = 60


def test_question_set_hit_rates(corpus):
    agreement_id, cases = load_cases()
    assert len(cases) >= MIN_QUESTIONS
    report = evaluate(corpus, agreement_id, cases)
    assert report.hit_at(1) >= MIN_HIT_AT_1, format_report(report)


def test_every_expected_unit_exists(corpus):
    agreement_id, cases = load_cases()
    ids = {unit.id for unit in corpus.units}
    for case in cases:
        for expected in case.expected:
            assert expected.startswith("@") or f"{agreement_id}/{expected}" in ids, case
