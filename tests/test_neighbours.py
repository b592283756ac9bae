"""A neighbouring municipality is no party, however it is written; a party written with its
prefecture or 郡 is still the party (tests/neighbour_cases.py holds the neighbours per layout).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus
from tests.framing_cases import corpora_of

from .neighbour_cases import name_cases

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"

# (fixture, question, the unit that must come first — or the status)
CASES = [
    # a party with its prefecture or 郡: not 「北海道はこの協約の当事者ではありません」
    ("fukagawa-chippubetsu-2018.txt", "北海道深川市は救急医療体制の確保で何をするの？", "row-0-1/甲"),
    ("fukagawa-chippubetsu-2018.txt", "雨竜郡秩父別町は救急医療体制の確保で何をするの？", "row-0-1/乙"),
    ("fukagawa-chippubetsu-2018.txt", "北海道雨竜郡秩父別町の役割は何ですか", Status.PARTY_ROLES),
    ("goshogawara-tsuruta.txt", "北津軽郡鶴田町もこの協約に入ってる？", Status.NO_MATCH),
    # a neighbour Sudachi reads as a surname (滝川・松川) or a proper noun (三笠), or one a typo
    # away from a party (滝川 / 深川): a town all the same
    ("fukagawa-chippubetsu-2018.txt", "滝川は救急医療体制の確保で何をするの？", Status.NOT_PARTY),
    ("fukagawa-chippubetsu-2018.txt", "救急医療体制の確保で滝川がやることを教えて", Status.NOT_PARTY),
    ("iida-oshika-2009.txt", "松川は救急医療体制の確保で何をするの？", Status.NOT_PARTY),
    ("iida-oshika-2009.txt", "救急医療体制の確保について高森は何を担当する？", Status.NOT_PARTY),
    ("shinjo-okura-2015.txt", "舟形もこの協約に入ってる？", Status.NOT_PARTY),
    # a neighbour whose name holds a party's (東広島市 ⊃ 広島市) or ends in a kana word (つがる市)
    ("hiroshima-iwakuni-2016.txt", "東広島市の役割は何ですか", Status.NOT_PARTY),
    ("hiroshima-iwakuni-2016.txt", "東広島市は圏域内の地場産品の販路拡大で何をするの？", Status.NOT_PARTY),
    ("hiroshima-iwakuni-2016.txt", "広島市は圏域内の地場産品の販路拡大で何をするの？", "row-1-1/甲"),
    ("goshogawara-tsuruta.txt", "つがる市の役割は何ですか", Status.NOT_PARTY),
    # a municipality the agreement names among the 圏域's, asked about as a party
    ("mihara-fukuyama-2015.txt", "尾道市は公共交通で何をするの？", Status.NOT_PARTY),
    ("tamano-okayama-2016.txt", "総社市の役割は何ですか", Status.NOT_PARTY),
    # … and merely named, with the agreement's own words: not an outsider
    ("chizu-tottori-2010.txt", "岩美町の病院との研修について", "row-1a-1"),
    # a neighbour with its 郡
    ("sapporo-iwamizawa-2019.txt", "空知郡南幌町の役割は何ですか", Status.NOT_PARTY),
    # a neighbour in kana after the topic's particle, however Sudachi cuts it (あさひ・かわし, ひろ・さ・きし)
    ("fukagawa-chippubetsu-2018.txt", "救急医療体制の確保であさひかわしがやることを教えて", Status.NOT_PARTY),
    ("goshogawara-tsuruta.txt", "救急医療体制の確保についてひろさきしは何を担当する？", Status.NOT_PARTY),
    ("iida-oshika-2009.txt", "たかもりまちの役割は何ですか", Status.NOT_PARTY),  # たか・もり・まち: nouns
    ("inabe-toin-2010.txt", "医療についてよっかいちしは何を担当する？", Status.NOT_PARTY),  # cut through てよっ
    ("sakaiminato-matsue-yonago-2009.txt", "ひえづそんの役割は何ですか", Status.NOT_PARTY),  # 村 read そん
    ("sapporo-iwamizawa-2019.txt", "なんぽろちょうもこの協約に入ってる？", Status.NOT_PARTY),  # なん: a pronoun
    (
        "kariya-xx-town-2021.txt",
        "休日夜間の救急医療体制の確保についてひがしうらちょうは何を担当する？",
        Status.NOT_PARTY,
    ),
    # a bare name Sudachi reads as a common noun (倉敷) or a given name (豊明), asked what it does
    ("tamano-okayama-2016.txt", "倉敷の役割は何ですか", Status.NOT_PARTY),
    ("kariya-xx-town-2021.txt", "休日夜間の救急医療体制の確保で豊明がやることを教えて", Status.NOT_PARTY),
    # the prefecture or a 郡 asked about as a party is: none, even where the agreement names it in a
    # party's address (山口県岩国市, 八頭郡智頭町) or it begins as a party's name does (鳥取県, 多可郡)
    ("hiroshima-iwakuni-2016.txt", "山口県の役割は何ですか", Status.NOT_PARTY),
    ("chizu-tottori-2010.txt", "八頭郡の役割は何ですか", Status.NOT_PARTY),
    ("chizu-tottori-2010.txt", "鳥取県の役割は何ですか", Status.NOT_PARTY),
    ("taka-kasai-kato-2015.txt", "多可郡もこの協約に入ってる？", Status.NOT_PARTY),
    ("chizu-tottori-2010.txt", "鳥取県鳥取市の役割は何ですか", Status.PARTY_ROLES),  # the party, with its prefecture
    # … while kana that are one word, one's own town or a party's name are none
    ("sapporo-iwamizawa-2019.txt", "いわみざわしのふくしのやくわり", "row-3a-2/乙"),
]


@pytest.mark.parametrize(
    "question",
    [
        "わたしのまちは何をするの",  # one's own town
        "おおきなまちの病院はどうなるの",
        "ふくしのやくわりは",  # one word: 福祉
        "おつ って なにしの ことかね",  # which city
        "温泉はどうなってるの？",  # a place name too, but asked as a thing, not what it does
        "おすすめの温泉は何をするの",  # a thing of something
    ],
)
def test_words_that_name_no_town_are_no_outsider(corpus, question):
    assert ask(corpus, question).status is not Status.NOT_PARTY


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of([*(name for name, _, _ in CASES), "sapporo-iwamizawa-2019.txt"], tokenizer)


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_neighbour_or_party(corpora, name, question, expected):
    answer = ask(corpora[name], question)
    if isinstance(expected, Status):
        assert answer.status is expected, (answer.status, answer.text)
    else:
        assert answer.hits and answer.hits[0].unit.id.split("/", 1)[1] == expected, answer.text


LAYOUTS = ["fukagawa-chippubetsu-2018", "hiroshima-iwakuni-2016", "iida-oshika-2009", "tamano-okayama-2016"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_neighbour_in_full_and_every_party_form(tokenizer, layout):
    """Generated: each neighbour written in full or with its 郡, and the prefecture or a 郡 alone,
    get the not-party message; each party, with its prefecture or 郡 too, never does."""
    corpus = build_corpus([parse_file(FIXTURES / f"{layout}.txt").agreement], tokenizer)
    wrong = [
        case.question
        for case in name_cases(layout, "連携")
        if case.form in ("full", "gun", "region", "party", "prefecture")
        and not (case.outsider and corpus.occurs(case.name))
        and (ask(corpus, case.question).status is Status.NOT_PARTY) != case.outsider
    ]
    assert wrong == []
