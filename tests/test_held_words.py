"""Words inside a 取組 the question names, or a long run it quotes, do not decide what kind of
answer it asks for: 「自治体病院の連携の取組内容」 asks about that row, not who the partners are,
though the row's name holds 自治体 and 連携."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

from .conftest import SEED_TEXT

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
LAYOUTS = (SEED_TEXT, *sorted(p for p in FIXTURES.iterdir() if p.suffix == ".txt"))


@pytest.mark.parametrize(
    ("path", "question", "expected"),
    [
        ("chizu-tottori-2010.txt", "自治体病院の連携の取組内容を知りたい", "row-1a-1"),
        ("chizu-tottori-2010.txt", "自治体病院の連携って何をするの", "row-1a-1"),
    ],
)
def test_a_named_rows_words_do_not_make_it_a_question_of_who(tokenizer, path, question, expected):
    agreement = parse_file(FIXTURES / path).agreement
    answer = ask(build_corpus([agreement], tokenizer), question)
    assert answer.status is Status.ANSWERED, answer.text
    assert (
        answer.hits[0].unit.row_id == f"{agreement.id}/{expected}"
        or answer.hits[0].unit.id == f"{agreement.id}/{expected}"
    )


@pytest.mark.parametrize("template", ["{t}の取組内容を知りたい", "{t}について教えて", "{t}の中身は"])
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda path: path.name)
def test_every_row_asked_by_its_name_is_answered_with_it(tokenizer, path, template):
    """Each layout's 取組, asked about by name: that row comes first, whatever words its name holds."""
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    names = sorted({u.initiative for u in corpus.units if u.kind == "row" and u.initiative})
    missed = []
    for name in names:
        answer = ask(corpus, template.format(t=name))
        first = answer.hits[0].unit if answer.hits else None
        if answer.status is not Status.ANSWERED or first is None or first.initiative != name:
            missed.append((name, answer.status, first and first.id))
    assert names or not corpus.agreements[0].annexes()  # articles only: no row to ask for by name
    assert missed == []
