"""Structural questions on agreements other than the seed, each loaded alone (as an upload is):
the place the question names comes first, whatever the layout writes its 取組 in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"


@pytest.fixture(scope="module")
def alone(tokenizer):
    """Each fixture's corpus, built on first use."""
    built: dict[str, Corpus] = {}

    def corpus(name: str) -> Corpus:
        if name not in built:
            built[name] = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
        return built[name]

    return corpus


# (fixture, question, status, the unit that must come first)
CASES = [
    # the order, then where it stands: 「…最後に書かれているもの」 counts 取組, not the document's end (附則)
    ("chizu-tottori-2010.txt", "取組の一番最後に書かれているものは何ですか", Status.ANSWERED, "row-3a-1"),
    ("chizu-tottori-2010.txt", "取組の最初に載っているものは", Status.ANSWERED, "row-1a-1"),
    ("chizu-tottori-2010.txt", "条文の最後に書かれているものは", Status.ANSWERED, "art-6"),
    # a section's title quoted before the word for a section (「「…」の区分」)
    (
        "hiroshima-iwakuni-2016.txt",
        "別表の「高次の都市機能の集積・強化」の区分にはどんな取組が入っている？",
        Status.SECTION,
        "row-2-1",
    ),
]


@pytest.mark.parametrize(("name", "question", "status", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_place_comes_first(alone, name, question, status, expected):
    corpus = alone(name)
    answer = ask(corpus, question)
    assert answer.status is status, answer.text
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


def test_when_is_not_read_as_a_date_in_kana(alone):
    # 「いつから」 is no spelling of the date's 5日 (いつか)
    answer = ask(alone("inami-himeji-2015.txt"), "いつから効力を生ずる")
    assert not any("5日" in note for note in answer.notes)
