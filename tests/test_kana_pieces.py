"""A place name Sudachi finds inside a longer word typed in hiragana (「こうとうきょういくきかん」 read
as こう・とうきょう・いく) is a piece of that word, not a municipality the question names; a name in
kana standing after a particle, or a kana municipality with its 市・町, still is one."""

from __future__ import annotations

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status

CASES = [
    # 高等教育機関の集積を活かした人材の育成, typed in kana after a party
    ("さっぽろがこうとうきょういくきかんの しゅうせきを いかしたじんざいの いくせいでやることを教えて", "row-2-3/甲"),
    ("岩見沢市はこうとうきょういくきかんの しゅうせきを いかしたじんざいの いくせいで何をするの？", "row-2-3/乙"),
    # a name after a particle or alone, a kana municipality: named
    ("岩見沢市のとうきょうでの観光PRの役割は", Status.NOT_PARTY),
    ("とうきょうの役割は", Status.NOT_PARTY),
    ("えべつしの役割は", Status.NOT_PARTY),
]


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_a_place_inside_kana_is_no_municipality(corpus, question, expected):
    answer = ask(corpus, question)
    if isinstance(expected, Status):
        assert answer.status is expected, answer.text
        return
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id.endswith("/" + expected), answer.text
