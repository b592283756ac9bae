"""What the search understands of a question, as tables."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.question import understand


@pytest.mark.parametrize(
    ("question", "parties"),
    [
        ("岩見沢市の災害対策", ["岩見沢市"]),
        ("岩見沢の災害対策", ["岩見沢市"]),
        ("いわみざわしの災害対策", ["岩見沢市"]),
        ("乙の災害対策", ["岩見沢市"]),
        ("甲と乙", ["札幌市", "岩見沢市"]),
        ("札幌市都心部の再開発", []),  # 札幌市 begins a word the agreement uses: not a party mention
        ("札幌市長は誰", []),
        ("岩見沢士の福祉", ["岩見沢市"]),  # a one-character typo of the party's name
        ("甲府市の観光", []),  # 甲 inside a place name is not the label
    ],
)
def test_parties(corpus, question, parties):
    assert [p.name for p in understand(corpus, question).parties] == parties


@pytest.mark.parametrize(
    ("question", "outsiders"),
    [
        ("小樽市の観光", ["小樽市"]),
        ("江別市と千歳市", ["江別市", "千歳市"]),
        ("丘珠空港の利用", []),
        ("さっぽろ連携中枢都市圏", []),
        ("甲府市の観光", ["甲府市"]),
    ],
)
def test_outsiders(corpus, question, outsiders):
    assert list(understand(corpus, question).outsiders) == outsiders


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("岩見沢市の災害対策での役割は", "role"),
        ("岩見沢市は観光で何をするの", "role"),
        ("ICTインフラ整備とは何をするのか", "content"),  # 「何をする」 without a party asks what the row does
        ("地域医療ではそれぞれ何をするのか", "role"),
        ("費用の分担は", "cost"),
        ("協約をやめるには", "change"),
        ("この協約はいつから施行されるか", "effective"),
        ("協約の目的は何", "purpose"),
        ("定期的な協議について", "consult"),
        ("協約はいつ結ばれたのか", "signer"),
        ("札幌市と岩見沢市が協力して取り組むことは", "together"),
        ("両市が一緒に取り組むことは何ですか", "together"),
        ("災害対策で札幌市と連携している市町村は", "partners"),
        ("連携する取組はどこに定められているか", "general"),
    ],
)
def test_kinds(corpus, question, kind):
    assert understand(corpus, question).kind == kind


@pytest.mark.parametrize(
    ("question", "before", "after"),
    [
        ("岩見沢市の地域医寮での役割", "地域医寮", "地域医療"),
        ("札幌市の観光施作", "観光施作", "観光施策"),
        ("札幌市の地産池消", "地産池消", "地産地消"),
    ],
)
def test_typos_are_read_as_the_agreements_word(corpus, question, before, after):
    corrections = understand(corpus, question).corrections
    assert [(c.before, c.after, c.kind) for c in corrections] == [(before, after, "typo")]


def test_correct_words_are_not_corrected(corpus):
    for question in ("岩見沢市の地域医療での役割", "図書館の開館時間", "観光客を呼び込む", "小樽市の観光"):
        assert not [c for c in understand(corpus, question).corrections if c.kind == "typo"], question


def test_hiragana_is_read_with_the_corpus_words(corpus):
    question = understand(corpus, "いわみざわしのさいがいたいさくでのやくわり")
    assert {c.after for c in question.corrections if c.kind == "reading"} >= {"災害", "対策"}
    assert {"災害", "対策"} <= set(question.topic_terms)


def test_question_words_do_not_count_as_a_match(corpus):
    assert understand(corpus, "岩見沢市の役割を一覧で教えて").topic_terms == ()
