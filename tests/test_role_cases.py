"""Role questions on every layout, generated from its own cells (tests/role_cases.py): the cell's
party named by its name, its name without 県/郡, its short name, its kana reading, its label, as the
asker's own town (「…の職員です。うちの町」) or by its standing in the 圏域 (中心市, 周辺の町), and the
取組 by its title — the party's cell comes first, never refused, never another party's. The whole
grid, with everyday topics and every template, is measured by benchmarks/role_gate.py.
"""

from __future__ import annotations

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.kinds import QuestionKind
from kyoyaku_search.answering.question import understand
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus
from kyoyaku_search.search.names import standings

from .framing_cases import FIXTURES, SEED
from .role_cases import TEMPLATES, cases, judge

LAYOUTS = sorted(path.name for path in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_cell_by_every_name_of_its_party_comes_first(tokenizer, name):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    wrong = []
    for case in cases(name, corpus):
        # one asking template per cell and form (benchmarks/role_gate.py runs all of them); the
        # masked 「xx町」 of an aggregator has no short name anyone would write
        if case.topic != "title" or TEMPLATES[0] not in _template(case.question) or "xx" in case.question:
            continue
        verdict = judge(case, ask(corpus, case.question))
        if verdict.kind != "right":
            wrong.append((case.question, case.cell, verdict.kind, verdict.got))
    assert wrong == []


def _template(question: str) -> str:
    return TEMPLATES[0] if question.endswith("での役割は") else question


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 「中心市宣言（…）を行った甲とそれに賛同した乙」
        ("goshogawara-tsuruta.txt", {"甲": "中心市", "乙": "周辺の町"}),
        # 「…を行った甲と、近隣町の乙」
        ("inabe-toin-2010.txt", {"甲": "中心市", "乙": "周辺の町"}),
        ("iida-oshika-2009.txt", {"甲": "中心市", "乙": "周辺の村"}),
        # 「…を連名で行った甲及び乙と当該中心市宣言に賛同した丙」: two 中心市
        ("sakaiminato-matsue-yonago-2009.txt", {"甲": "中心市", "乙": "中心市", "丙": "周辺の市"}),
        # a 連携中枢都市圏 says no one declared anything: no standing is read
        ("inami-himeji-2015.txt", {}),
        ("hiroshima-iwakuni-2016.txt", {}),
    ],
)
def test_the_standing_the_agreement_defines(name, expected):
    found = standings(parse_file(FIXTURES / name).agreement)
    assert {
        label: words[0] if words[0] == "中心市" else f"周辺の{words[-1][-1]}" for label, words in found.items()
    } == (expected)


# (fixture, question, the cell first)
CASES = [
    ("iida-oshika-2009.txt", "中心市の役割は救急医療で何", "row-1a-1/甲"),
    ("iida-oshika-2009.txt", "周辺の村は救急医療で何をするの", "row-1a-1/乙"),
    ("chizu-tottori-2010.txt", "連携市町村は自治体病院の連携で何をする", "row-1a-1/乙"),
    ("sakaiminato-matsue-yonago-2009.txt", "周辺市町村の職員の相互派遣での役割", "row-3a-1/丙"),
    # a label ending a run the agreement holds (丙's cell: 「…相互派遣について甲及び乙と協議する」) is asked about
    ("sakaiminato-matsue-yonago-2009.txt", "相互派遣について甲は何をする", "row-3a-1/甲"),
    # a kind's word inside a compound the annex uses (相談支援) is a thing the 取組 does, not 協議
    ("yuzawa-ugo-2011.txt", "羽後町が相談支援でやることを教えて", "row-0b-1/乙"),
    # 協議 as what the one party named does, its role asked by name: the cell, not the 協議 article
    ("shinjo-okura-2015.txt", "バス会社と協議するのは新庄市側の役割ですか。内容を教えてください", "row-x2.0-1/甲"),
    # the 取組 typed in kana: with 「について」 after it, with the asking after it, and a loanword of
    # two kana (バス) in it
    ("fukagawa-chippubetsu-2018.txt", "こそだてについて深川市は何をする", "row-0-2/甲"),
    ("fukagawa-chippubetsu-2018.txt", "甲がこそだてでやることを教えて", "row-0-2/甲"),
    ("iida-oshika-2009.txt", "甲はろせんばすの いじで何をするの？", "row-2a-1/甲"),
    # what a party pays for one 取組, where its own cell says so (「…経費の一部を負担する」): the cell, not
    # the article on costs, which holds the kind's words only
    ("goshogawara-tsuruta.txt", "鶴多町ってバスの経費を負担してるの？", "row-x2.0-1/乙"),
    ("inabe-toin-2010.txt", "東因町は北勢線を残すためにお金を出してるの？", "row-x2.0-1/乙"),
    ("fukagawa-chippubetsu-2018.txt", "ちっぷべつちょうは きゅうきゅういりょうの おかねを だすの？", "row-0-1/乙"),
    # a four-kanji word shortened as people say it: 健診 for 健康診査
    ("iida-oshika-2009.txt", "大鹿村は妊婦健診について何をしてくれる？", "row-1a-2/乙"),
    ("kariya-xx-town-2021.txt", "妊婦健診を刈谷の病院でも受けられるように調整してくれるのはかりやし？", "row-0a-2/甲"),
    # 「深川の人」 live in 深川: whose facility they would use is asked (the other party's)
    ("fukagawa-chippubetsu-2018.txt", "秩父別町の子育て支援施設って深川の人も使えますか", "row-0-2/乙"),
    # no 取組 named: the article on costs
    ("goshogawara-tsuruta.txt", "鶴田町はお金を出すの？", "art-4"),
]


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[c[1] for c in CASES])
def test_a_party_by_its_standing_a_label_or_its_role_by_name_and_topics_in_kana(tokenizer, name, question, expected):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    answer = ask(corpus, question)
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


@pytest.mark.parametrize("question", ["中心市街地の活性化で甲は何をする", "中心市宣言とは"])
def test_a_longer_word_holding_the_standing_names_no_party(tokenizer, question):
    corpus = build_corpus([parse_file(FIXTURES / "iida-oshika-2009.txt").agreement], tokenizer)
    assert {p.label for p in understand(corpus, question).parties} <= {"甲"}


def test_the_seed_has_no_standing():
    assert standings(parse_file(SEED).agreement) == {}


# (fixture, the question, the party it names): a party's name converted to the wrong kanji
MISCONVERTED = [
    ("goshogawara-tsuruta.txt", "鶴多町の子育て支援での役割は", "乙"),  # read the same: ツルタ
    ("inabe-toin-2010.txt", "稲部市の図書館の相互利用での役割は", "甲"),  # いなべ市 in kanji
    ("taka-kasai-kato-2015.txt", "加藤市は路線バスの運行についてどんな役割ですか", "甲"),  # one of 甲's two cities
    ("inabe-toin-2010.txt", "東因町の図書館の相互利用での役割は", "乙"),  # one kanji off, no place
    ("mihara-fukuyama-2015.txt", "副山市の物産展での役割は", "福山市"),
    ("shinjo-okura-2015.txt", "大倉村は病児保育で何をするの", "乙"),
]


@pytest.mark.parametrize(("name", "question", "label"), MISCONVERTED, ids=[c[1] for c in MISCONVERTED])
def test_a_party_name_converted_to_the_wrong_kanji_names_that_party(tokenizer, name, question, label):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    asked = understand(corpus, question)
    assert [p.label for p in asked.parties] == [label]
    assert any(c.after in {p.name for p in asked.parties} for c in asked.corrections)  # and says so


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("shinjo-okura-2015.txt", "新城市は病児保育で何をするの"),  # 新城 is a place: another city, one kanji off
        ("mihara-fukuyama-2015.txt", "尾道市の役割分担と費用分担はどうなっている？"),
    ],
)
def test_another_municipality_stays_no_party(tokenizer, name, question):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    assert understand(corpus, question).parties == ()


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("妊婦健診の役割", {("健診", "健康診査")}),  # the first of each half of 健康|診査
        ("健診について", {("健診", "健康診査")}),
        ("除雪の役割", set()),  # no four-kanji word of the agreement is 除?雪?
        ("健康診査の役割", set()),  # written whole
    ],
)
def test_a_shortened_word_is_read_as_the_agreements_word(tokenizer, question, read):
    corpus = build_corpus([parse_file(FIXTURES / "iida-oshika-2009.txt").agreement], tokenizer)
    corrections = {(c.before, c.after) for c in understand(corpus, question).corrections}
    assert corrections == read


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("mihara-fukuyama-2015.txt", "この協約で三原市が受け持つ役割を全部一覧で知りたい"),
        ("kariya-xx-town-2021.txt", "乙（xx町）の役割を別表から全部拾って見たい"),
    ],
)
def test_every_role_of_a_party_asked_with_its_doing_or_picking_them_out(tokenizer, name, question):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    assert ask(corpus, question).status is Status.PARTY_ROLES


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("町工場の製品を売り込む商談会って、福山市が開いてくれるんですか？", QuestionKind.GENERAL),  # 商談会 + って
        ("両市はどのくらい会うの", QuestionKind.CONSULT),
        ("福山市と三原市はいつ会って話すの", QuestionKind.CONSULT),
        ("三原市はどのくらい協議するの", QuestionKind.CONSULT),
        # what the one party does, 協議 being its doing
        ("バス会社との話し合いは三原市がやることになってるの？", QuestionKind.ROLE),
    ],
)
def test_kai_of_a_word_is_no_meeting(tokenizer, question, kind):
    corpus = build_corpus([parse_file(FIXTURES / "mihara-fukuyama-2015.txt").agreement], tokenizer)
    assert understand(corpus, question).kind is kind
