"""The party a question asks about is the one whose cell comes first, even when the other party is
named too: as the owner of a thing (「札幌の施設」), as the partner (「札幌市と一緒に」), inside
「両市の…」, or as the asker's office (「岩見沢市農政課です。…当市の」). Names joined to ask about
both (「札幌市と岩見沢市の役割」「両市の役割」) still show both cells side by side."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import QUOTING, Status, ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

from .conftest import SEED_TEXT

SEED = "sapporo-iwamizawa-2019"
FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
LAYOUTS = (SEED_TEXT, *sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html")))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("札幌の公共施設を岩見沢の市民が使う件で岩見沢市の役割は", "row-2-4/乙"),
        ("岩見沢の農産物を札幌の店で売る話で札幌市は何をする", "row-3b-2/甲"),
        ("両市の職員交流について札幌市が担うのは", "row-3c-2/甲"),
        ("両市の災害対策で岩見沢市は何をするのか", "row-3a-5/乙"),
        ("岩見沢市と協力して災害対策を進める件で、札幌市の担当は", "row-3a-5/甲"),
        ("札幌市と一緒に観光を盛り上げる件で、岩見沢市の役割はどこまでか", "row-1-4/乙"),
        ("札幌市防災課です。災害対策で当市の役割は", "row-3a-5/甲"),
        ("札幌の大学を活かした人材育成で岩見沢市は何をする", "row-2-3/乙"),
        ("岩見沢市企画室の者ですが、職員研修で当市の役割を知りたい", "row-3c-1/乙"),
    ],
)
def test_the_asked_party_comes_first(corpus, question, expected):
    answer = ask(corpus, question)
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id == f"{SEED}/{expected}", answer.text


@pytest.mark.parametrize(
    "question",
    [
        "札幌市と岩見沢市の観光での役割",
        "両市の役割は観光で",
        "観光施策は両市でどう分担するの",
        "観光で両市はどう分担するの",  # 分担 beside a topic asks for the roles, not a word to find
        "観光は両市でどう分担するの",
    ],
)
def test_names_asking_about_both_show_both_cells(corpus, question):
    answer = ask(corpus, question)
    assert answer.status is Status.BOTH_PARTIES, answer.text
    assert {hit.unit.id for hit in answer.hits[:2]} == {f"{SEED}/row-1-4/甲", f"{SEED}/row-1-4/乙"}


TEMPLATES = (
    "{other}と一緒に{topic}を進める件で、{asked}の担当は",
    "両市の{topic}で{asked}が担うことは何ですか",
    "{other}の人も関わる{topic}で{asked}は何をするの",
    "{asked}企画課です。{topic}で当市の役割は",
    "{other}を活かした{topic}、{asked}は何をする？",
    "{asked}は{topic}で{other}に対して何をするの",  # the other party as whom it acts toward
    "{other}との協約で{asked}は{topic}で何をすることになってるの",  # the agreement named by the other party
    "{other}民は{asked}の{topic}を利用できますか",  # who lives where is no filter: whose thing is asked
    "{other}に住んでいるけど、{asked}の{topic}って使える？",
    "{other}が{topic}で困ったとき、{asked}はどうすることになっていますか",  # the other party as the situation
)


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda path: path.name)
def test_the_asked_partys_cell_first_on_every_layout(tokenizer, path):
    """Every 取組 of each layout, each party asked in turn with each other one named in the ten
    shapes above: the first hit is the asked party's cell of that 取組, never another party's —
    also where the agreement holds 「<party>の役割」 itself (a column heading an article cites)."""
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    topics = sorted({u.initiative for u in corpus.units if u.party and u.initiative})
    wrong, missed = [], []
    for topic in topics:
        for asked, other in permutations(corpus.party_names, 2):
            for template in TEMPLATES:
                question = template.format(topic=topic, asked=asked.name, other=other.name)
                answer = ask(corpus, question)
                first = answer.hits[0].unit if answer.hits and answer.status is Status.ANSWERED else None
                if first is not None and first.party_label == other.label:
                    wrong.append(question)
                elif first is None or first.party_label != asked.label or first.initiative != topic:
                    missed.append(question)
    assert topics or not corpus.agreements[0].annexes()  # an agreement of articles only (sendai) has no cells
    assert wrong == []
    assert missed == []


@pytest.mark.parametrize(
    ("path", "question", "expected"),
    [
        # 第3条 cites the column 「三原市の役割分担及び費用分担の欄」: 「三原市の役割」 is still the filter
        ("mihara-fukuyama-2015.txt", "人材の育成での三原市の役割は", "row-0-7/三原市"),
        ("mihara-fukuyama-2015.html", "人材の育成での三原市の役割は", "row-0-7/三原市"),
        ("mihara-fukuyama-2015.txt", "福山市の役割は人材の育成で", "row-0-7/福山市"),
        # a run of a named 取組 (「資源を活用した」) held by another row's text does not pick that row
        ("mihara-fukuyama-2015.txt", "地域資源を活用した地域経済の裾野拡大で福山市は何をする", "row-0-2/福山市"),
        # the preamble holds 「八頭郡智頭町と」: the parties' names are no quotation
        ("chizu-tottori-2010.txt", "八頭郡智頭町と一緒に合同研修の実施を進める件で、鳥取市の担当は", "row-3a-1/甲"),
    ],
)
def test_a_party_named_where_the_agreement_holds_the_same_run(tokenizer, path, question, expected):
    agreement = parse_file(FIXTURES / path).agreement
    answer = ask(build_corpus([agreement], tokenizer), question)
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id == f"{agreement.id}/{expected}", answer.text


# 「両市で…」 says who does the thing; the one party whose own role is asked by name comes first.
BOTH_DO_TEMPLATES = (
    "双方で{topic}を進める件での{asked}の受け持ちは",
    "二つの市でまとめてやる{topic}で、{asked}の役割は",
    "{asked}の、{topic}を双方でまとめてやる件での受け持ちは",  # 「乙の」 far from 受け持ち: both shown, 乙 first
)


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda path: path.name)
def test_both_doing_the_thing_leaves_the_asked_party_first(tokenizer, path):
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    topics = sorted({u.initiative for u in corpus.units if u.party and u.initiative})
    missed = []
    for topic in topics:
        for asked in corpus.party_names:
            for template in BOTH_DO_TEMPLATES:
                question = template.format(topic=topic, asked=asked.name)
                answer = ask(corpus, question)
                first = answer.hits[0].unit if answer.hits and answer.status in QUOTING else None
                if first is None or first.party_label != asked.label or first.initiative != topic:
                    missed.append(question)
    assert topics or not corpus.agreements[0].annexes()  # an agreement of articles only (sendai) has no cells
    assert missed == []


@pytest.mark.parametrize("question", ["両市でどう分担するの、観光で", "観光は双方でそれぞれ何をするの"])
def test_how_both_split_a_thing_still_shows_both(corpus, question):
    assert ask(corpus, question).status is Status.BOTH_PARTIES


# 「村は」「町は」 alone: the one party of that kind, also where the asker lives there and names the
# other party's thing (「大蔵村に住んでて…新庄の病児保育を使いたい。村は何をしてくれる？」).
BY_KIND_TEMPLATES = (
    "{topic}で{kind}は何をするの",
    "{asked}に住んでいます。{other}の{topic}を使いたい。{kind}は何をしてくれる？",
)


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda path: path.name)
def test_a_kind_said_alone_is_the_one_party_of_that_kind(tokenizer, path):
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    topics = sorted({u.initiative for u in corpus.units if u.party and u.initiative})
    kinds = [p.name[-1] for p in corpus.party_names]
    asked_once = [(p, o) for p, o in permutations(corpus.party_names, 2) if kinds.count(p.name[-1]) == 1]
    missed = []
    for topic in topics:
        for asked, other in asked_once:
            if asked.name[-1] not in "市町村":
                continue
            for template in BY_KIND_TEMPLATES:
                question = template.format(topic=topic, kind=asked.name[-1], asked=asked.name, other=other.name)
                answer = ask(corpus, question)
                first = answer.hits[0].unit if answer.hits and answer.status in QUOTING else None
                if first is None or first.party_label != asked.label or first.initiative != topic:
                    missed.append(question)
    assert missed == []


def test_a_kind_both_parties_share_names_neither(corpus):
    """Both parties of the seed are 市: 「市は」 picks none of them, both cells stand."""
    assert ask(corpus, "観光で市は何をする").question.parties == ()
