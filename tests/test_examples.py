"""A message that suggests rewording gives an example from the loaded agreement, never a fixed
one: on every layout the example names one of its parties and one of its 取組, and asking the
example quotes exactly that party's cell of that 取組."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.examples import example_question
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

from .conftest import SEED_TEXT

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
PATHS = [SEED_TEXT, *sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))]


@pytest.fixture(scope="module", params=PATHS, ids=lambda p: p.name)
def layout(request):
    return build_corpus([parse_file(request.param).agreement])


def test_the_example_is_a_question_the_agreement_answers_with_that_cell(layout):
    example = example_question(layout)
    if not any(u.party for u in layout.units):
        assert example is None  # articles only (sendai, tokubetsuku): no cell to make an example of
        return
    assert example is not None
    answer = ask(layout, example)
    assert answer.status == Status.ANSWERED, (example, answer.message)
    first = answer.hits[0].unit
    assert example == f"{first.party}の{first.initiative}での役割は"


def test_a_party_asked_for_gets_an_example_of_its_own(layout):
    for party in {u.party for u in layout.units if u.party}:
        example = example_question(layout, party)
        assert example is not None and example.startswith(f"{party}の"), (party, example)


def test_not_found_suggests_the_loaded_agreements_example(layout):
    answer = ask(layout, "？？？")
    assert answer.status == Status.NO_MATCH
    example = example_question(layout)
    assert f"（例: {example}）" in answer.message if example else "（例:" not in answer.message


def test_the_list_of_a_partys_roles_suggests_one_of_them(layout):
    parties = sorted({u.party for u in layout.units if u.party})
    if not parties:
        return  # articles only: no party has cells to list
    party = parties[0]
    answer = ask(layout, f"{party}の役割を教えて")
    if answer.status == Status.PARTY_ROLES and "上から順に" in answer.message:
        assert f"（例: {example_question(layout, party)}）" in answer.message


def test_no_message_names_the_seeds_example_on_another_agreement():
    other = build_corpus([parse_file(FIXTURES / "mihara-fukuyama-2015.html").agreement])
    for question in ("？？？", "福山市の役割を教えて"):
        assert "岩見沢" not in ask(other, question).message
