"""A close neighbour of a 取組 — the same head word with another modifier the agreement lacks — is
another topic: 「高齢者の就労支援」 asked of a row on 障害者の就労支援 is refused, in a role question
too; the row's own topic, a slip of its modifier and the modifier with a word more are answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.answering.siblings import Modified, modified_heads, said_of_another
from kyoyaku_search.search.tokenizer import compound_runs
from tests.framing_cases import corpora_of

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
SEED = Path(__file__).parent.parent / "data" / "sapporo-iwamizawa-2019.txt"

# (agreement, question, the unit that must come first — or NO_MATCH)
CASES = [
    # the row is on 障害者の就労支援 and 障害者就業・生活支援センター
    ("iida-oshika-2009", "高齢者の就労支援について何か取り組むの？", Status.NO_MATCH),
    ("iida-oshika-2009", "高齢者の就労支援で飯田市は何をするの？", Status.NO_MATCH),  # a role question
    ("iida-oshika-2009", "高齢者の就労について大鹿村の役割は？", Status.NO_MATCH),
    # a verbatim run of the row (「センターの運営を支援」) after a modifier that makes it another centre's
    ("iida-oshika-2009", "子育て支援センターの運営を支援する取組はある？", Status.NO_MATCH),
    # the row's own modifier: answered
    ("iida-oshika-2009", "障害者の就労支援で飯田市は何をするの？", "row-1b-1/甲"),
    # a slip of the row's modifier (丘球 for 丘珠) is the same thing mistyped
    ("sapporo-iwamizawa-2019", "丘球空港の利用促進で札幌の役目は？", "row-2-2/甲"),
    # the row's modifier with a word more (しの of a party's kana name cut short) is the same thing
    ("inabe-toin-2010", "いなべしの合同研修での役割は", "row-x3.0-1/甲"),
]


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of([name for name, _, _ in CASES], tokenizer)


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_neighbouring_topic(corpora, name, question, expected):
    answer = ask(corpora[name], question)
    if isinstance(expected, Status):
        assert answer.status is expected, (answer.status, answer.text)
    else:
        assert answer.status is not Status.NO_MATCH, answer.text
        assert answer.hits[0].unit.id.split("/", 1)[1] == expected, answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("高齢者の就労支援", [Modified("就労", "支援"), Modified("高齢者", "就労")]),
        ("子育て支援センターの運営", [Modified("子育て支援", "センター"), Modified("センター", "運営")]),
        ("観光について", []),  # one noun: nothing said of another
    ],
)
def test_modified_heads(tokenizer, question, expected):
    words = tokenizer.tokens(question)
    runs = [(start, end) for start, end in compound_runs(words, {"名詞"}) if end - start > 1]
    assert list(modified_heads(words, runs)) == expected


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        ("圏域の障害者の就労を支援する。", Modified("高齢者", "就労"), True),  # 障害者 beside 高齢者
        ("障害者の就労と、就労の場の確保を支援する。", Modified("高齢者", "就労"), False),  # 就労 alone too
        ("丘珠空港の利用を促進する。", Modified("丘球", "空港"), False),  # a slip: the same first character
        ("合同研修を実施する。", Modified("しの合同", "研修"), False),  # the modifier with a word more
        ("地域公共交通の利便性を高める。", Modified("コミュニティ", "交通"), False),  # not of the same kind
    ],
)
def test_said_of_another(text, pair, expected):
    assert said_of_another(text, [pair], lambda modifier: True) is expected
