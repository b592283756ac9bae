"""Where an agreement prints several tables 別表第1, 別表第2 …, 「別表第1」 names the table, not section
(1) of one annex: 「別表第1の3番目」 and 「別表第1の(1)の3番目」 are its third row, 「別表第3の(2)の2番目」
the second row of section (2) inside 別表第3, and 「別表第2」 lists that table."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
PATHS = sorted(p for p in FIXTURES.iterdir() if p.suffix == ".txt")
# (取組 written as articles of their own are read as one annex per article: no 別表 to number)
NUMBERED = [p for p in PATHS if len([a for a in parse_file(p).agreement.annexes() if a.article is None]) > 1]


def tables(corpus: Corpus) -> dict[int, list[str]]:
    """Each numbered table's row ids, in order (the first annex's rows keep the seed's ids)."""
    agreement = corpus.agreements[0]
    found = {}
    for index, annex in enumerate(agreement.annexes(), start=1):
        prefix = "" if index == 1 else f"x{index}."
        found[annex.number] = [
            f"{agreement.id}/row-{prefix}{table.key}-{n}"
            for table in annex.tables()
            for n in range(1, len(table.rows) + 1)
        ]
    return found


def first(corpus: Corpus, question: str) -> str:
    answer = ask(corpus, question)
    return answer.hits[0].unit.id if answer.hits else f"@{answer.status}"


def test_several_layouts_have_numbered_tables():
    assert len(NUMBERED) >= 5


@pytest.mark.parametrize("path", NUMBERED, ids=lambda path: path.name)
def test_a_row_counted_in_a_numbered_table(tokenizer, path):
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    missed = []
    for number, rows in tables(corpus).items():
        asked = {f"別表第{number}の最後の取組": rows[-1]}
        for place, row in enumerate(rows, start=1):
            asked[f"別表第{number}の{place}番目の取組"] = row
            sections = {u.section for u in corpus.units if u.id in rows}
            if not any(s and s.startswith("(") for s in sections):  # a table of no numbered sections is its own (1)
                asked[f"別表第{number}の(1)の{place}番目"] = row
        for question, wanted in asked.items():
            if (got := first(corpus, question)) != wanted:
                missed.append((question, wanted, got))
    assert missed == []


@pytest.mark.parametrize("path", NUMBERED, ids=lambda path: path.name)
def test_a_numbered_table_lists_its_rows(tokenizer, path):
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    for number, rows in tables(corpus).items():
        answer = ask(corpus, f"別表第{number}の取組を全部")
        assert answer.status == Status.SECTION, (number, answer.text)
        assert [h.unit.id for h in ask(corpus, f"別表第{number}の取組を全部", top_k=50).hits] == rows
        assert answer.message.startswith(f"別表第{number}の取組は{len(rows)}項目")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("別表第3の(2)の2番目", "row-x3.2-2"),
        ("別表第3(1)の最初の取組", "row-x3.1-1"),
        ("別表第2の2番目の乙の役割", "row-x2.0-2/乙"),
    ],
)
def test_a_section_inside_a_numbered_table(tokenizer, question, expected):
    agreement = parse_file(FIXTURES / "yamaga-kumamoto-2022.txt").agreement
    assert first(build_corpus([agreement], tokenizer), question) == f"{agreement.id}/{expected}"


@pytest.mark.parametrize(
    ("question", "said"), [("別表第1の(2)", "別表第1に(2)はありません"), ("別表第3の(4)", "別表第3(4)はありません")]
)
def test_a_section_a_numbered_table_does_not_have_is_said(tokenizer, question, said):
    answer = ask(build_corpus([parse_file(FIXTURES / "yamaga-kumamoto-2022.txt").agreement], tokenizer), question)
    assert answer.status == Status.NO_MATCH and said in answer.text
