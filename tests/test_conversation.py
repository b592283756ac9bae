"""Follow-up questions inherit what the previous turn settled, and say so."""

from __future__ import annotations

import io
import json

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.views.cli import main

from .conftest import SEED_ID

ANNEX = "別表（第3条関係）"


def converse(corpus, *questions):
    history = []
    for question in questions:
        history.append(ask(corpus, question, history=tuple(history)))
    return history


@pytest.mark.parametrize(
    ("turns", "last_id", "note"),
    [
        (
            ["岩見沢市の災害対策での役割は", "では札幌市は？"],
            "row-3a-5/甲",
            "前の質問の「災害対策」を引き継いで、札幌市の役割を示します。",
        ),
        (["岩見沢市の災害対策での役割は", "観光は？"], "row-1-4/乙", "岩見沢市の質問を引き継いで回答します。"),
        (
            ["災害対策の内容は", "岩見沢市の役割は？"],
            "row-3a-5/乙",
            "前の質問の「災害対策」を引き継いで、岩見沢市の役割を示します。",
        ),
        (
            ["乙の地域医療での役割", "甲は?"],
            "row-3a-1/甲",
            "前の質問の「地域医療」を引き継いで、札幌市の役割を示します。",
        ),
        (["小樽市の観光は", "岩見沢市は？"], "row-1-4/乙", "前の質問の話題（観光）を引き継いで回答します。"),
        (
            ["岩見沢市の福祉での役割は", "土地利用はどうですか", "じゃあ札幌市は"],
            "row-3a-3/甲",
            "前の質問の「土地利用」を引き継いで、札幌市の役割を示します。",
        ),
    ],
)
def test_follow_ups(corpus, turns, last_id, note):
    last = converse(corpus, *turns)[-1]
    assert last.hits[0].unit.id == f"{SEED_ID}/{last_id}"
    assert last.text.startswith(note + "\n「")
    assert last.inherited == note


@pytest.mark.parametrize(
    ("turns", "last_id"),
    [
        (["岩見沢市は観光で何をするのか", "札幌市のほうはどう？"], "row-1-4/甲"),  # ほう: the side, not a topic
        (["職員交流について定めた条文は", "その件で札幌市の役割は何か"], "row-3c-2/甲"),  # その件: the row before
        (["地域医療の内容を教えて", "同じ取組で岩見沢市がすることは"], "row-3a-1/乙"),
        (["乙の土地利用での役割", "それについて甲は何をするのか"], "row-3a-3/甲"),
        (["地域振興の内容", "そこでの札幌市の役割は"], "row-3a-4/甲"),
    ],
)
def test_a_follow_up_that_points_back(corpus, turns, last_id):
    last = converse(corpus, *turns)[-1]
    assert last.hits[0].unit.id == f"{SEED_ID}/{last_id}"
    assert last.inherited


@pytest.mark.parametrize(
    ("turns", "last_id"),
    [
        (["丘珠空港の話は協約にある？", "岩見沢市の関わり方は？"], "row-2-2/乙"),  # 関わり方: how, not what about
        (["空港の取組はある？", "札幌市の関わり方は？"], "row-2-2/甲"),
        (["災害対策の取組はある？", "札幌市の関与は？"], "row-3a-5/甲"),
        (["観光の連携について", "岩見沢の立場は？"], "row-1-4/乙"),
        (["職員研修の取組はある？", "札幌市のかかわりは？"], "row-3c-1/甲"),
        (["経済戦略の取組の内容は", "乙の関わりは"], "row-1-1/乙"),
        (["医療の連携はある？", "岩見沢市はどう関わるの？"], "row-3a-1/乙"),  # the row quoted first
    ],
)
def test_how_a_party_stands_in_the_topic_before(corpus, turns, last_id):
    last = converse(corpus, *turns)[-1]
    assert last.hits[0].unit.id == f"{SEED_ID}/{last_id}"
    assert last.inherited


@pytest.mark.parametrize(
    ("turns", "last_id", "note"),
    [
        (
            ["費用はどうやって分けるの？", "そこで言う「前条の取組」って何条のこと？"],
            "art-3",
            "前の回答の第4条（費用分担）でいう「前条」は第3条（連携する取組等）です。",
        ),
        (["費用負担について", "前条ってどこ"], "art-3", ""),
        (["基本方針は何条？", "そこにある「次条」って何条？"], "art-3", ""),
        (["第2条を見せて", "「前条の目的」の前条は何条？"], "art-1", ""),
        (["第3条を見せて", "次条は何を定めてる？"], "art-4", ""),
        (["第5条は", "同条の協議って何の協議？"], "art-5", ""),
        (["第6条は", "前条は何について？"], "art-5", ""),
        (["第6条は", "同条の議決って誰の議決？"], "art-6", ""),
        (["基本方針は", "じゃあ次条は"], "art-3", ""),  # 同条 the agreement does not write: the same one
    ],
)
def test_relative_articles_read_in_the_article_quoted_before(corpus, turns, last_id, note):
    """前条・次条・同条 as the agreement writes them mean an article relative to the one quoted."""
    last = converse(corpus, *turns)[-1]
    assert last.hits[0].unit.id == f"{SEED_ID}/{last_id}"
    assert note in last.notes if note else last.notes


@pytest.mark.parametrize(
    ("turns", "message"),
    [
        (["第1条を見せて", "前条は？"], "第1条（目的）はこの協約の最初の条で、「前条」に当たる条はありません。"),
        (["第6条", "次条は"], "第6条（変更等）はこの協約の最後の条で、「次条」に当たる条はありません。"),
    ],
)
def test_a_relative_article_beyond_the_ends_is_said_missing(corpus, turns, message):
    last = converse(corpus, *turns)[-1]
    assert last.status == "no_match" and last.message == message and not last.quotes


def test_how_a_party_stands_in_a_topic_found_nowhere_is_not_found(corpus):
    first, second = converse(corpus, "ごみ処理の連携はある？", "札幌市の立場は？")
    assert first.status == "no_match" and second.status == "no_match" and not second.quotes


def test_a_topic_found_nowhere_is_not_found_for_the_other_party_either(corpus):
    """「岩見沢は」 after a topic the agreement has nothing on: not a quote of whatever ranks first."""
    first, second = converse(corpus, "札幌市の交通についての役割", "岩見沢は")
    assert first.status == "no_match" and second.status == "no_match" and not second.quotes


@pytest.mark.parametrize(
    ("turns", "last_id"),
    [
        (["協約の目的は", "その条文の次は"], "art-2"),
        (["第1条", "次は？"], "art-2"),
        (["岩見沢市の福祉での役割", "次は札幌市の役割を教えて"], "row-3a-2/甲"),  # 次は: the next question
    ],
)
def test_next_after_a_place(corpus, turns, last_id):
    assert converse(corpus, *turns)[-1].hits[0].unit.id == f"{SEED_ID}/{last_id}"


def test_pointing_back_with_nothing_before_inherits_nothing(corpus):
    answer = ask(corpus, "その件で岩見沢市は何をするの")
    assert answer.status == "party_roles" and not answer.inherited


def test_the_same_words_alone_inherit_nothing(corpus):
    answer = ask(corpus, "では札幌市は？")
    assert answer.status == "party_roles" and not answer.inherited


def test_a_complete_question_inherits_nothing(corpus):
    first, second = converse(corpus, "岩見沢市の観光での役割", "費用の分担は")
    assert second.hits[0].citation == "第4条（費用分担）"
    assert not second.inherited and not second.text.startswith("岩見沢市の質問")


def test_no_match_stays_no_match_without_a_note(corpus):
    _, second = converse(corpus, "札幌市の災害対策での役割は", "今日の天気は")
    assert second.status == "no_match" and "引き継" not in second.text


def test_inheriting_never_crosses_to_the_other_party(corpus):
    _, second = converse(corpus, "岩見沢市の災害対策での役割は", "観光は？")
    assert {hit.unit.party for hit in second.hits if hit.unit.kind == "role"} == {"岩見沢市"}


def run_jsonl(text: str, *flags: str) -> list[dict]:
    out = io.StringIO()
    assert main(["ask", "--jsonl", "--top-k", "1", *flags], stdin=io.StringIO(text), stdout=out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_cli_conversation_and_blank_line():
    rows = run_jsonl("岩見沢市の災害対策での役割は\nでは札幌市は？\n\nでは札幌市は？\n", "--conversation")
    assert [r["query"] for r in rows] == ["岩見沢市の災害対策での役割は", "では札幌市は？", "では札幌市は？"]
    assert rows[1]["hits"][0]["id"] == f"{SEED_ID}/row-3a-5/甲"
    assert rows[1]["answer"].startswith("前の質問の「災害対策」を引き継いで")
    assert not rows[2]["answer"].startswith("前の質問")  # the blank line started a new conversation


def test_cli_jsonl_lines_stay_independent_without_conversation():
    rows = run_jsonl("岩見沢市の災害対策での役割は\nでは札幌市は？\n")
    assert not rows[1]["answer"].startswith("前の質問")


def test_cli_conversation_needs_jsonl(capsys):
    assert main(["ask", "観光", "--conversation"]) == 2
    assert "--jsonl" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("turns", "last_id", "names"),
    [
        # the asker said whose city is theirs; 「うちの市」 in the next turn keeps it, with the row
        (["岩見沢に住んでるんだけど、移住のことってかいてある？", "うちの市はなにするの？"], "row-3b-3/乙", "岩見沢市"),
        (["札幌市職員です。災害対策の取組について書いてある？", "本市は何をするの？"], "row-3a-5/甲", "札幌市"),
    ],
)
def test_a_follow_up_without_a_party_keeps_the_party_and_the_row_before(corpus, turns, last_id, names):
    last = converse(corpus, *turns)[-1]
    assert last.hits[0].unit.id == f"{SEED_ID}/{last_id}", last.text
    assert names in last.inherited
