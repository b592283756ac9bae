"""The properties the seed is held to, on each real layout loaded alone (as an upload is):
every article by number in every numeral form; a run of six or more characters pasted from a
unit brings a unit holding it first (≥ 95 %); no string the agreement holds is "corrected".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

from .test_phrases import REQUIRED, corrected_windows, first_holds, random_phrases
from .test_structure import forms

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
# The HTML twins hold the same text as their .txt: one of each agreement.
LAYOUTS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".txt")
SAMPLES = 150  # phrases per layout (the seed's test takes 400 of one corpus)


@pytest.fixture(scope="module", params=LAYOUTS)
def layout(request, tokenizer) -> Corpus:
    return build_corpus([parse_file(FIXTURES / request.param).agreement], tokenizer)


def test_every_article_by_number_in_every_form(layout):
    agreement = layout.agreements[0]
    missed = []
    for article in agreement.articles:
        for question in forms(article.number):
            answer = ask(layout, question)
            first = answer.hits[0].unit.id if answer.hits else answer.status
            if first == f"{agreement.id}/art-{article.number}" or _the_paragraph(answer, article.number, question):
                continue
            missed.append((question, first))
    assert missed == []


def _the_paragraph(answer, number: int, question: str) -> bool:  # noqa: ANN001 - Answer
    """「第4条第1項」 where 第4条 is a 取組 of its own (第1項 its 内容, 第2項 甲の役割 …): the row cited so."""
    if "項" not in question or not answer.hits:
        return False
    place = answer.hits[0].unit.citation.place
    return answer.hits[0].unit.kind == "row" and place.startswith(f"第{number}条") and place.endswith("第1項")


def test_random_phrases_bring_a_unit_holding_them_first(layout):
    phrases = random_phrases(layout, SAMPLES, seed=3)
    missed = [p for p in phrases if not first_holds(layout, p)]
    assert 1 - len(missed) / len(phrases) >= REQUIRED, missed[:20]


def test_no_string_of_the_agreement_is_corrected(layout):
    assert corrected_windows(layout, 300, seed=5) == []
