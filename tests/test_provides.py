"""Articles asked for by what they provide, not by their heading: the clause that settles what the
agreement leaves open (疑義の解決 / その他 / 協議, 「この協定に定めのない事項」「…に定めるもののほか」)
and the article that sets the agreement's term (「この協定の期間は…までとする」「…その効力を有する」),
on every real layout loaded alone; where no article provides it, none is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

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
    return {name: build_corpus([parse_file(FIXTURES / name).agreement], tokenizer) for name in LAYOUTS}


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
