"""The party a question asks about is the one whose cell comes first, even when the other party is
named too: as the owner of a thing (「札幌の施設」), as the partner (「札幌市と一緒に」), inside
「両市の…」, or as the asker's office (「岩見沢市農政課です。…当市の」). Names joined to ask about
both (「札幌市と岩見沢市の役割」「両市の役割」) still show both cells side by side."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask

SEED = "sapporo-iwamizawa-2019"


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
)


def test_never_the_other_partys_cell_first(corpus):
    """Every 取組 of the seed, each party asked in turn with the other named in the five shapes above:
    the first hit is never the other party's cell."""
    names = {p.label: p.name for p in corpus.party_names}
    topics = sorted({u.initiative for u in corpus.units if u.party and u.initiative})
    wrong = []
    for topic in topics:
        for asked, other in (("甲", "乙"), ("乙", "甲")):
            for template in TEMPLATES:
                question = template.format(topic=topic, asked=names[asked], other=names[other])
                answer = ask(corpus, question)
                first = answer.hits[0].unit if answer.hits and answer.status is Status.ANSWERED else None
                if first is not None and first.party_label == other:
                    wrong.append(question)
    assert len(topics) >= 15
    assert wrong == []
