"""A role question that names one party and says its 取組 in everyday words: when one annex row holds
a good part of the question and no other row holds any of its words, that row's cell of the asked
party answers it (answering/distinct.py). A word no unit holds that names another thing — a
loanword, a kind before the row's word, a person by work, a place by its name — or a row sharing
only words any topic has leaves the question refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from tests.framing_cases import corpora_of

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"

# (fixture, question, the unit that must come first — or the status when nothing may be quoted)
CASES = [
    # the row's words and everyday ones no unit holds (仕事・悩み・家族・具合・夜中・方面): refused by
    # coverage alone
    ("yuzawa-ugo-2011.txt", "障害のある人の仕事の悩みについて、羽後町の役目は？", "row-0b-1/乙"),
    ("yuzawa-ugo-2011.txt", "障害のある家族の仕事の相談で、湯沢市の役割は？", "row-0b-1/甲"),
    ("minamisoma-iitate-2009.txt", "夜中に具合が悪くなったときの救急で、南相馬市の役目は？", "row-1-1/甲"),
    ("hiroshima-iwakuni-2016.txt", "岩国の空港や駅を広島方面の交通とつなげる話で、岩国市の役目を教えて", "row-2-2/乙"),
    # another row shares a word (町内), the one row holds more by a clear margin
    ("tomakomai-abira-2015.txt", "町内の足と苫小牧方面の交通をつなぐ件で、安平町は何をするの？", "row-x2.0-1/乙"),
    # a word the one row holds in a sense no unit has (施設 of 子育て支援施設, the row's is 公共施設)
    ("sapporo-iwamizawa-2019.txt", "子育て支援施設について札幌市は何を担当するの？", Status.NO_MATCH),
    # a loanword no unit holds: another thing than the row's (路線バス)
    ("yuzawa-ugo-2011.txt", "コミュニティバスの運行について湯沢市は何を担当するの？", Status.NO_MATCH),
    # a kind before the row's word (選挙 of 選挙管理, 給食 of 給食センター)
    ("yamaga-kumamoto-2022.txt", "選挙管理について熊本市は何を担当するの？", Status.NO_MATCH),
    ("xx-town-xx-city-2020.txt", "給食センターの件、xx町の受け持ちは？", Status.NO_MATCH),
    # only a word any topic has in the one row (地域, held as 区域)
    ("fukagawa-chippubetsu-2018.txt", "地域資源について深川市は何を担当するの？", Status.NO_MATCH),
    # a person by work, a place by its name
    ("minamisoma-iitate-2009.txt", "看護師の確保で南相馬市の役割は？", Status.NO_MATCH),
    ("minamisoma-iitate-2009.txt", "火葬場の運営で飯舘村は何をする？", Status.NO_MATCH),
]


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of([name for name, _, _ in CASES], tokenizer)


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_one_row_sharing_the_words_or_the_refusal(corpora, name, question, expected):
    corpus = corpora[name]
    answer = ask(corpus, question)
    if isinstance(expected, Status):
        assert answer.status is expected, (answer.status, answer.text)
        return
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text
