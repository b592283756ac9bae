"""A question read once (answering/reading.py): its forms, words, kind and wording facts, as tables."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.parties import read_labels
from kyoyaku_search.answering.question import understand
from kyoyaku_search.answering.reading import read


@pytest.mark.parametrize(
    ("question", "kind", "parties", "kind_phrases"),
    [
        ("岩見沢市の災害対策での役割は", "role", ["岩見沢市"], ("役割",)),
        ("費用の負担割合は", "cost", [], ("費用", "負担割合")),
        ("協約の目的は何ですか", "purpose", [], ("目的",)),
        ("三つの柱って何", "purpose", [], ()),  # 柱 alone: one character, no phrase
        ("この協約はいつから効力があるの", "effective", [], ("いつから", "効力")),
        ("甲と乙はどこの市のこと", "general", ["札幌市", "岩見沢市"], ()),
        ("両市は対等なのか", "role", [], ()),
    ],
)
def test_a_reading_holds_the_kind_whom_it_names_and_the_words_that_ask_for_the_kind(
    corpus, question, kind, parties, kind_phrases
):
    reading = read(corpus, question)
    assert reading.kind == kind
    assert [p.name for p in reading.parties] == parties
    assert reading.kind_phrases == kind_phrases


@pytest.mark.parametrize(
    "question",
    [
        "岩見沢市の災害対策での役割は",
        "甲と乙はどこの市のこと",  # labels masked and read again
        "ＩＣＴを活用した連携　について",  # full-width letters and a blank, folded
        "「災害に備える連携」と書いてあるのはどこ",
    ],
)
def test_the_words_cover_the_text_they_were_read_from_end_to_end(corpus, question):
    """foreign_modifiers and asking_words slice `said` by the words' offsets instead of joining them."""
    reading = read(corpus, question)
    assert "".join(t.surface for t in reading.words) == reading.said
    assert all(reading.said[t.begin : t.end] == t.surface for t in reading.words)


@pytest.mark.parametrize(
    ("question", "both", "both_named"),
    [
        ("観光で両市はどう分担するの", True, True),
        ("両市の人事交流で岩見沢市が担うこと", True, False),  # 両市 only says whose exchange
        ("岩見沢市の災害対策での役割は", False, False),
    ],
)
def test_both_parties_asked_for(corpus, question, both, both_named):
    reading = read(corpus, question)
    assert (reading.asks_for_both, reading.asks_for_both_named) == (both, both_named)


def test_the_question_carries_its_reading(corpus):
    question = understand(corpus, "岩見沢市の災害対策での役割は")
    assert question.reading.text == question.text
    assert question.reading.kind == question.kind


@pytest.mark.parametrize(
    ("folded", "read_as"),
    [
        ("こうとおつは誰", "甲と乙は誰"),
        ("べっぴょうの中身", "別表の中身"),
        ("しちょうさんの名前", "市長さんの名前"),
        ("相手はなにしですか", "相手は何市ですか"),
        ("岩見沢市の災害対策での役割は", "岩見沢市の災害対策での役割は"),  # none of their kana: as it is
    ],
)
def test_words_heard_in_kana_are_written_out(folded, read_as):
    assert read_labels(folded)[0] == read_as
