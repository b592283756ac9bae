"""A place that is not a party makes the answer 「…は当事者ではありません」 only when it is asked
about. When the question names a party and says the place only as where someone comes from or
where something stands (「東京から戻る人」「東区にある飛行場」), the question is about the party."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask


@pytest.mark.parametrize(
    "question",
    [
        "東京から故郷に戻って働きたい人の仕事探しの窓口で、札幌市は何をする？",
        "東区にある小さい飛行場の話で、岩見沢市は何をするの？",
        "大阪出身の学生が働く場所を探すとき、岩見沢市の役割は",
        "江別市から通う人のために札幌市は何をする",
    ],
)
def test_a_place_said_as_scenery_beside_a_party_is_no_stranger(corpus, question):
    assert ask(corpus, question).status != Status.NOT_PARTY


@pytest.mark.parametrize(
    "question",
    [
        "小樽市の役割は",
        "札幌市と小樽市の役割は",
        "札幌から小樽市への観光で小樽市の役割",  # 小樽市 is asked, though said once as a goal
        "江別市から来た人の福祉で、江別市と札幌市の役割",  # said as scenery and then asked about
        "東京から来る観光客について東京の役割",
        "旭川市は災害対策で何をするの",
    ],
)
def test_a_place_asked_about_is_still_not_a_party(corpus, question):
    assert ask(corpus, question).status == Status.NOT_PARTY


def test_without_a_party_named_a_place_is_still_a_stranger(corpus):
    assert ask(corpus, "東京から来る人への支援はある？").status == Status.NOT_PARTY
