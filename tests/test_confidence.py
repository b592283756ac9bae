"""Honest confidence: a unit that shares a word or two with the question is not its answer.

Off-topic questions below were written for issue 10 by its engineer (not blind); each shares
at least one word with some unit (共同, 広域, 人口, 整備, 情報 …)."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.confidence import MIN_COVERAGE, coverage
from kyoyaku_search.answering.question import understand


@pytest.mark.parametrize(
    "question",
    [
        "共同で運営するバスの路線は",
        "広域での水道事業の統合",
        "人口ビジョンの目標人口は何人",
        "学校給食の共同調理",
        "ごみ処理施設を共同で建てるのか",
        "圏域の交通網の整備計画",
        "個人情報の取扱いはどう定められている",
        "協約の有効期間は何年",
        "岩見沢市の下水道の役割",
    ],
)
def test_off_topic_gets_no_quote(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == Status.NO_MATCH
    assert not answer.quotes
    assert answer.message.startswith("この協約には「")
    assert "についての定めは見つかりませんでした" in answer.message


def test_related_units_are_offered_as_related_only(corpus):
    answer = ask(corpus, "共同で運営するバスの路線は")
    assert answer.hits  # the closest units, to look at
    assert "関連" in answer.message and "質問への答えではありません" in answer.message
    assert "「バス」" in answer.message  # what the agreement does not speak of


def test_a_municipality_that_is_not_a_party_keeps_its_message(corpus):
    answer = ask(corpus, "小樽市の水道事業の役割")
    assert answer.status == Status.NOT_PARTY
    assert answer.message == "小樽市はこの協約の当事者ではありません。当事者は札幌市と岩見沢市です。"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("協約のコストは誰が持つ", "art-4"),  # 誰 would lift the signature; 費用 covers コスト
        ("観光施策は誰が中心になって進めるのか", "row-1-4/甲"),
        ("岩見沢市は災害が起きたら何をしてくれるの", "row-3a-5/乙"),  # verbs weigh less than nouns
        ("岩見沢市のIT基盤の役割", "row-3b-1/乙"),
    ],
)
def test_covering_units_answer(corpus, question, expected):
    answer = ask(corpus, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.endswith("/" + expected)


def test_coverage_counts_synonyms_and_needs_every_word_of_one(corpus):
    question = understand(corpus, "経費の負担")
    art4 = corpus.position("sapporo-iwamizawa-2019/art-4")
    assert coverage(corpus, question.content, art4) == 1.0  # 経費 → 費用, 負担 → 費用
    # 個人情報's group holds 「個人データ」: a unit with only データ or only 個人 does not cover it
    personal = understand(corpus, "個人情報")
    assert all(coverage(corpus, personal.content, i) < MIN_COVERAGE for i in range(len(corpus.units)))
