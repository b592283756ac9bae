"""Words typed in hiragana. A place name Sudachi finds inside a longer word (「こうとうきょういくきかん」
read as こう・とうきょう・いく) is a piece of that word, not a municipality the question names; a name
in kana standing after a particle, or a kana municipality with its 市・町, still is one. A first kana
that may be a particle (は of はんろかくだい) is read with the word when that explains more kana."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

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


@pytest.fixture(scope="module")
def hiroshima(tokenizer):
    path = Path(__file__).parent / "fixtures" / "agreements" / "hiroshima-iwakuni-2016.txt"
    return build_corpus([parse_file(path).agreement], tokenizer)


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # a first は that begins the word (販路), not a particle: the cut explaining the most kana wins
        ("観光の はんろかくだいでの役割は", ["販路", "拡大"]),
        # a particle before the word is still no part of it
        ("、、、はかんこうで何をする", ["観光"]),
    ],
)
def test_a_first_kana_that_may_be_a_particle_is_read_with_the_word(hiroshima, text, read_as):
    assert [c.after for c in hiroshima.spelling.read(text, hiroshima.occurs)] == read_as


def test_the_whole_kana_title_after_a_party_finds_its_cell(hiroshima):
    answer = ask(hiroshima, "広島市の けんいきないの じばさんひんの はんろかくだいでの役割は")
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id.endswith("/row-1-1/甲")
