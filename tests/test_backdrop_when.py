"""When the asker needs the answer (「議案提出の前に」「予算編成に先立ち、」) is backdrop, like why they ask:
its words are neither the topic nor a reason to say the agreement lacks it."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.answering.backdrop import backdrop_spans

from .test_headings import _headed_articles
from .test_ordinals import layouts  # noqa: F401 (a fixture)

WHEN = ("議案提出の前に", "庁内調整に先立ち、", "説明会にあたって、")


@pytest.mark.parametrize(
    ("question", "backdrop"),
    [
        ("協約の変更手続きについて、議案提出の前に根拠を確認しておきたい", "議案提出の前に"),
        ("予算編成に先立ち、費用分担の規定を確認したい", "予算編成に先立ち"),
        ("委員会での審議にあたって、協議の定めを知りたい", "委員会での審議にあたって"),
    ],
)
def test_when_the_asker_needs_it_is_backdrop(question, backdrop):
    assert backdrop in [question[start:end] for start, end in backdrop_spans(question)]


@pytest.mark.parametrize(
    "question",
    ["協約を変更する前に議会の議決は必要？", "廃止する前に何をしなければならないか"],  # what comes first is the topic
)
def test_before_what_is_asked_is_not_backdrop(question):
    assert backdrop_spans(question) == []


# Where the answer will be used, said in a sentence after the one that asked (「…ですか。卒論で使います。」).
USED_FOR = ("卒論で使います。", "広報誌に載せたいので正確に知りたいです。", "議会資料に載せます。")


@pytest.mark.parametrize(
    "wording",
    [
        *(f"{{heading}}について、{when}根拠を確認しておきたい" for when in WHEN),
        *(f"{{heading}}について定めた条文はどれですか。{use}" for use in USED_FOR),
    ],
)
def test_every_heading_asked_with_when_or_where_it_is_used_finds_its_article(layouts, wording):  # noqa: F811
    misses, asked = [], 0
    for agreement, unit in _headed_articles(layouts):
        answer = ask(layouts, wording.format(heading=unit.context), agreement=agreement.id)
        asked += 1
        if not answer.hits or answer.hits[0].unit.id != unit.id:
            misses.append((agreement.id, unit.context, answer.hits[0].unit.id if answer.hits else answer.status))
    assert asked >= 40
    assert not misses


@pytest.mark.parametrize(
    ("question", "backdrop"),
    [
        ("この協約の根拠になっている法律は何ですか。卒論で使います。", "卒論で使います。"),
        ("岩見沢市の役割は？ 議会資料に載せます。", "議会資料に載せます。"),
    ],
)
def test_where_the_answer_is_used_after_the_question_is_backdrop(question, backdrop):
    assert backdrop in [question[start:end].strip() for start, end in backdrop_spans(question)]


def test_a_statement_after_an_introduction_stays_the_question():
    """Only a sentence after one that asked is where the answer goes: 「…です。…使う費用は…払う。」 is a question."""
    question = "札幌市民です。観光PRで使う費用はどちらが払う。"
    assert (question.index("観光"), len(question)) not in backdrop_spans(question)
