"""Role questions on the layouts added last (刈谷市・xx町, 仙台市・山形市, 特別区長会・京都府市長会・町村会),
a party named by its full name, a short name, in kana or by its label: the party's own cell, or
— where the agreement gives the parties no cells of their own — the article that says what they
do together, never another party's cell or the signature block; a municipality that is no party
and a thing the agreement does not hold are refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus
from tests.framing_cases import corpora_of

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"

# (fixture, question, the unit that must come first — or the status when nothing may be quoted)
CASES = [
    # 刈谷市 (甲) × xx町 (乙): 別表 分野 / 取組 / 甲の役割 / 乙の役割
    ("kariya-xx-town-2021.txt", "刈谷市は妊婦健康診査の広域化で何をするか", "row-0a-2/甲"),
    ("kariya-xx-town-2021.txt", "刈谷は病児保育の相互利用で何をする", "row-0b-1/甲"),  # short name
    ("kariya-xx-town-2021.txt", "かりやしは こみゅにてぃばすで なにするの", "row-0c-1/甲"),  # kana
    ("kariya-xx-town-2021.txt", "甲の役割は病児保育", "row-0b-1/甲"),  # label
    ("kariya-xx-town-2021.txt", "xx町は職員の合同研修で何をするか", "row-0d-1/乙"),
    ("kariya-xx-town-2021.txt", "xx町の救急医療での役割は", "row-0a-1/乙"),  # 分野 word, not the 取組's name
    ("kariya-xx-town-2021.txt", "知立市は病児保育で何をするか", Status.NOT_PARTY),
    ("kariya-xx-town-2021.txt", "刈谷市の図書館の相互利用での役割は", Status.NO_MATCH),
    ("kariya-xx-town-2021.txt", "ごみ処理について", Status.NO_MATCH),
    # 仙台市 × 山形市: no cells; 第2条 lists the 分野 both work on
    ("sendai-yamagata-2016.txt", "仙台市は防災で何をするか", "art-2"),
    ("sendai-yamagata-2016.txt", "せんだいしは かんこうで なにするの", "art-2"),
    ("sendai-yamagata-2016.txt", "山形は交通ネットワークで何をするの", "art-2"),
    ("sendai-yamagata-2016.txt", "福島市の役割は", Status.NOT_PARTY),
    ("sendai-yamagata-2016.txt", "山形市の医療での役割は", Status.NO_MATCH),
    # 特別区長会 × 京都府市長会・町村会 (two bodies as one party): no cells; 第2条 lists what they do
    ("tokubetsuku-kyoto.txt", "特別区長会は住民同士の交流で何をするか", "art-2"),
    ("tokubetsuku-kyoto.txt", "京都府町村会は住民同士の交流で何をするか", "art-2"),  # one member of the pair
    # 市長 inside the party's name asks no signer: no cell to give, and not the signature block
    ("tokubetsuku-kyoto.txt", "京都府市長会の役割は", Status.NO_MATCH),
    ("tokubetsuku-kyoto.txt", "大阪府町村会の役割は", Status.NOT_PARTY),
    ("tokubetsuku-kyoto.txt", "特別区長会は下水道料金で何をするか", Status.NO_MATCH),
]


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of([name for name, _, _ in CASES], tokenizer)


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_asked_party_or_the_refusal(corpora, name, question, expected):
    corpus = corpora[name]
    answer = ask(corpus, question)
    if isinstance(expected, Status):
        assert answer.status is expected, (answer.status, answer.text)
        return
    assert answer.status in (Status.ANSWERED, Status.PARTY_ROLES), answer.text
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


@pytest.mark.parametrize("question", ["札幌市長は誰", "岩見沢市長の名前は"])
def test_a_head_of_a_party_still_asks_who_signed(corpus, question):
    # 長 right after the party's name: the head of the municipality, as the signature block gives it
    assert ask(corpus, question).hits[0].unit.kind == "signature"


@pytest.mark.parametrize("name", ["sendai-yamagata-2016.txt", "tokubetsuku-kyoto.txt"])
@pytest.mark.parametrize("question", ["この協定に含まれる事業をすべて教えて", "最後の取組", "両者の連携事業は何件ある"])
def test_an_agreement_of_articles_only_makes_up_no_list(corpora, name, question):
    """No 別表 and no cells: a list of 取組 is refused, never made of other units. (Known gap, for the
    list answers: quoting the article whose numbered items are the fields, 第2条, would serve better.)"""
    answer = ask(corpora.get(name) or build_corpus([parse_file(FIXTURES / name).agreement]), question)
    assert answer.status is Status.NO_MATCH and not answer.items, answer.text
