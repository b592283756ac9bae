"""Articles asked for by what they provide, not by their heading: the clause that settles what the
agreement leaves open (疑義の解決 / その他 / 協議, 「この協定に定めのない事項」「…に定めるもののほか」)
and the article that sets the agreement's term (「この協定の期間は…までとする」「…その効力を有する」),
on every real layout loaded alone; where no article provides it, none is made up.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from tests.framing_cases import corpora_of

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
LAYOUTS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".txt")

# The residual clause of each layout that has one (the others: none to find).
RESIDUAL = {
    "fukagawa-chippubetsu-2018.txt": "art-7",  # (その他) 「この協定に定めるもののほか」
    "goshogawara-tsuruta.txt": "art-7",
    "iida-oshika-2009.txt": "art-7",  # (疑義の解決)
    "kariya-xx-town-2021.txt": "art-7",
    "mihara-fukuyama-2015.txt": "art-6",  # 「この連携協約に定めるもののほか」
    "sakaiminato-matsue-yonago-2009.txt": "art-8",
    "sendai-yamagata-2016.txt": "art-6",  # 「本協定に定めのない事項」
    "shinjo-okura-2015.txt": "art-7",  # wrapped over PDF lines
    "shiribeshi-15-2021.txt": "art-7",  # (その他) 「この協定に定めるもののほか」
    "tokubetsuku-kyoto.txt": "art-5",
    "tomakomai-abira-2015.txt": "art-7",
    "yuzawa-ugo-2011.txt": "art-8",
}
RESIDUAL_QUESTIONS = (
    "協定に書いていないことが出てきたらどうするの",
    "協約に書いていない細かいことが出てきたらどうやって決めるの",
    "協定に書かれていない細かいことはどう決めることになってる？",
    "疑問が生じたときはどうする",
    "この協約に規定がないことはどうやって決める",
    "協定に定めのない事項の扱いは",
)
# The article setting the term, where one does.
TERM = {
    "kariya-xx-town-2021.txt": "art-4",  # 「この協定の期間は、令和3年4月1日から令和13年3月31日までとする」
    "sendai-yamagata-2016.txt": "art-5",  # 「本協定の有効期間は」
    "tokubetsuku-kyoto.txt": "art-4",
    "yuzawa-ugo-2011.txt": "art-7",  # 「…通告がない限り、その効力を有する」
}
TERM_QUESTIONS = ("この協定はいつまで有効なの", "協定の有効期間は", "期限はあるの")


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of(LAYOUTS, tokenizer)


def _first(corpus, question: str) -> str:  # noqa: ANN001
    answer = ask(corpus, question)
    return (
        answer.hits[0].unit.id.split("/", 1)[1] if answer.hits and answer.status == Status.ANSWERED else answer.status
    )


@pytest.mark.parametrize("question", RESIDUAL_QUESTIONS)
def test_what_the_agreement_leaves_open_is_its_residual_clause(corpora, question):
    got = {name: _first(corpus, question) for name, corpus in corpora.items()}
    assert {name: got[name] for name in RESIDUAL} == RESIDUAL
    # an agreement without the clause: never some other article offered as it
    others = {name: first for name, first in got.items() if name not in RESIDUAL and first == "art-7"}
    assert others == {}


@pytest.mark.parametrize("question", TERM_QUESTIONS)
def test_how_long_it_binds_is_its_term_article(corpora, question):
    assert {name: _first(corpora[name], question) for name in TERM} == TERM


@pytest.mark.parametrize(
    "question",
    [
        "協定に書いていないことが出てきたらどうするの",
        "岩見沢市の疑問点は",  # names a party
        "この協約の有効期間は何年ですか",
        "この協約っていつまで有効なの？期限ある？",
    ],
)
def test_the_seed_provides_neither_and_says_so(corpus, question):
    # the seed has no residual clause and sets no term: refused, never another article quoted
    assert ask(corpus, question).status is Status.NO_MATCH


@pytest.mark.parametrize("question", ["消防のことは協定に書いていないこと？", "救急医療に疑問がある"])
def test_a_topic_beside_the_asking_words_is_no_residual_question(corpora, question):
    assert _first(corpora["iida-oshika-2009.txt"], question) != "art-7"


def _headed(corpus, word: str) -> list[str]:  # noqa: ANN001
    return [u.id.split("/", 1)[1] for u in corpus.units if u.kind == "article" and word in (u.context or "")]


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("協約をやめたいときはどうなる", "廃止"),
        ("協定をやめるには", "廃止"),
        ("協定から抜けたい場合は", "廃止"),  # a party leaving
        ("協定が終わるのはどんなとき", "廃止"),
        ("協定を変えたいときはどうする", "変更"),
        ("協約を変更したいときはどうなる", "変更"),
    ],
)
def test_ending_and_changing_are_told_apart_where_two_articles_hold_them(corpora, question, heading):
    """(協定の変更) and (協定の廃止) as two articles: 「やめたい」 is the one, 「変えたい」 the other."""
    apart = {
        name: corpus
        for name, corpus in corpora.items()
        if (changed := _headed(corpus, "変更")) and (ended := _headed(corpus, "廃止")) and changed != ended
    }
    assert len(apart) >= 6
    got = {name: _first(corpus, question) for name, corpus in apart.items()}
    assert got == {name: _headed(corpus, heading)[0] for name, corpus in apart.items()}


def _cost_article(corpus) -> str | None:  # noqa: ANN001
    """The article headed 費用/経費, else the first saying 「費用…負担」: the cost rule, wherever it stands."""
    articles = [u for u in corpus.units if u.kind == "article"]
    headed = [u for u in articles if "費用" in (u.context or "") or "経費" in (u.context or "")]
    said = [u for u in articles if re.search(r"(?:費用|経費)[^。]{0,40}(?:負担|分担)", re.sub(r"\s+", "", u.text))]
    found = headed or said
    return found[0].id.split("/", 1)[1] if found else None


@pytest.mark.parametrize("question", ["お金の分担はどう決まっている？", "費用はどうなっているの", "経費の負担について定めた条文は"])
def test_the_cost_rule_is_found_on_every_layout(corpora, question):
    """(費用分担) / (事務執行に当たっての費用負担等) / 第4条第2項 of another heading: the cost rule."""
    wanted = {name: article for name, corpus in corpora.items() if (article := _cost_article(corpus))}
    assert len(wanted) >= 15
    assert {name: _first(corpora[name], question) for name in wanted} == wanted


def test_a_topic_with_its_cost_is_the_row(corpora):
    # 救急医療 is a row's: its cells say who bears what, not the cost article
    assert _first(corpora["iida-oshika-2009.txt"], "救急医療の費用は誰が負担するの").startswith("row-1a-1")


MEETING = {
    "hiroshima-iwakuni-2016.txt": "art-5",  # (連絡会議) 「毎年度会議を開催する」
    "tamano-okayama-2016.txt": "art-5",
    "yamaga-kumamoto-2022.txt": "art-5",
    "mihara-fukuyama-2015.txt": "art-4",  # 「1年に1回以上、連絡会議を開く」
}


@pytest.mark.parametrize("question", ["会議はどれくらいの頻度で開かれるの", "連絡会議はいつ開くの"])
def test_the_meeting_article_is_found(corpora, question):
    assert {name: _first(corpora[name], question) for name in MEETING} == MEETING


def test_a_row_of_a_council_is_no_meeting_article(corpora):
    # 稲美町・姫路市: the 協議会 is the row's (事務局として協議会の運営に当たる), not 第5条 (協議)
    assert _first(corpora["inami-himeji-2015.txt"], "協議会はいつ開くの").startswith("row-1-1")


def test_when_it_takes_effect_asked_as_its_coming_into_force(corpora):
    # 第6条 says when it ceases (「その効力を失う」): 附則 says when it starts
    assert _first(corpora["inabe-toin-2010.txt"], "効力の発生について定めたところは") == "supplementary"
