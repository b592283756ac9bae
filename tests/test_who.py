"""Who the parties are: 甲・乙・丙 asked for (written or read aloud), and 「この協約を結んだ自治体は」
with no municipality named, answer with the unit that names the parties, in every layout."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

from .test_ordinals import FIXTURES, layouts  # noqa: F401 (a fixture)

_READINGS = {"甲": "こう", "乙": "おつ", "丙": "へい"}


def naming_unit(corpus: Corpus, agreement: str) -> str:
    # a copy without a 前文 keeps an empty unit, no place to quote; with no 署名欄 either (福山市・三原市),
    # the first article names the parties
    kinds = {u.kind for u in corpus.units if u.agreement_id == agreement and u.text}
    return f"{agreement}/{next((k for k in ('preamble', 'signature') if k in kinds), 'art-1')}"


@pytest.mark.parametrize(
    "asked",
    [
        "{label}とは誰を指すのか",
        "{label}って何",
        "{label}の定義",
        "{label}の名前",
        "{reading}って どこのこと",
        "{reading}とは",
        "{reading}は だれ",
    ],
)
def test_a_label_asked_for_is_the_unit_naming_the_parties(layouts, asked):  # noqa: F811
    for agreement in layouts.agreements:
        for party in agreement.parties:
            if party.label not in _READINGS:
                continue  # parties named only by their city (三原市・福山市)
            question = asked.format(label=party.label, reading=_READINGS[party.label])
            answer = ask(layouts, question, agreement=agreement.id)
            assert answer.hits and answer.hits[0].unit.id == naming_unit(layouts, agreement.id), question


@pytest.mark.parametrize(
    "question",
    [
        "この協定を締結した市町村はどこ",
        "協約を結んだ自治体はどこですか",
        "どこと連携しているのか",
        "協約の相手方はどこ",
        "この協定に参加している市町村",
    ],
)
def test_the_parties_of_one_agreement(layouts, question):  # noqa: F811
    for agreement in layouts.agreements:
        answer = ask(layouts, question, agreement=agreement.id)
        assert answer.hits[0].unit.id == naming_unit(layouts, agreement.id), question


def test_several_agreements_list_each_ones_partners(layouts):  # noqa: F811
    assert ask(layouts, "協約を結んだ自治体はどこですか").status == Status.PARTNERS


@pytest.mark.parametrize(
    "question",
    [
        "こうして協力するのはなぜ",  # こう is "thus" here, not 甲
        "こうなったのはいつから",
    ],
)
def test_a_reading_that_is_a_word_is_not_a_label(corpus, question):
    answer = ask(corpus, question)
    assert not answer.question.labels


@pytest.mark.parametrize(
    ("name", "question", "unit"),
    [
        ("shinjo-okura-2015.txt", "この協定で形成する定住自立圏の名称は", "art-1"),  # 新庄最上定住自立圏
        ("yamaga-kumamoto-2022.txt", "形成する都市圏の名前は何", "art-1"),  # 熊本連携中枢都市圏
    ],
)
def test_a_name_asked_for_is_the_unit_giving_the_longest_name(tokenizer, name, question, unit):
    """Not the template's 「連携中枢都市圏」 of the preamble, but the area's own name."""
    agreement = parse_file(FIXTURES / name).agreement
    assert ask(build_corpus([agreement], tokenizer), question).hits[0].unit.id == f"{agreement.id}/{unit}"


def test_the_partners_of_a_named_party(corpus):
    assert ask(corpus, "札幌市と協約を結んでいるのは").status == Status.PARTNERS


def test_the_date_of_the_agreement_is_the_signature_block(corpus):
    assert ask(corpus, "協約の日付").hits[0].unit.kind == "signature"
