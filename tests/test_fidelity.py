"""Fidelity: an answer quoted in an official document must be the agreement's own words.

Every unit's text stands verbatim in the repaired source, every row and role cell of the source
is a unit of the corpus and in its index, and the repaired source differs from the published text
only by the repairs `kyoyaku-search parse --report` lists — checked by replaying them.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.ingest.reader import read_source
from kyoyaku_search.ingest.source_lines import SourceLine
from kyoyaku_search.views.cli import main

from .conftest import SEED_TEXT
from .fidelity import check_quotes, check_repairs


def test_every_unit_quotes_the_repaired_source_verbatim(seed, corpus):
    repaired = seed.repaired_text
    for unit in corpus.units:
        for piece in unit.text.split("\n"):
            assert piece and piece in repaired, (unit.id, piece)
    check_quotes(seed)


def test_the_corpus_holds_every_article_row_and_role_cell_of_the_seed(corpus):
    kinds = Counter(unit.kind for unit in corpus.units)
    assert kinds == {"preamble": 1, "article": 6, "supplementary": 1, "signature": 1, "row": 20, "role": 40}
    assert [u.article for u in corpus.units if u.kind == "article"] == [1, 2, 3, 4, 5, 6]
    roles = [(u.row_id, u.party_label) for u in corpus.units if u.kind == "role"]
    rows = [u.id for u in corpus.units if u.kind == "row"]
    assert sorted(roles) == sorted((row, label) for row in rows for label in "甲乙")  # one cell per party per row


def test_every_unit_is_in_the_index_under_its_own_words(corpus):
    assert corpus.index.size == len(corpus.units)
    for position, unit in enumerate(corpus.units):
        assert corpus.index.matches(corpus.tokenizer.terms(unit.text))[position], unit.id


def test_every_row_and_role_cell_is_found_by_naming_its_initiative(corpus):
    for unit in corpus.units:
        if unit.kind not in ("row", "role"):
            continue
        question = f"{unit.party}の{unit.initiative}での役割は" if unit.kind == "role" else f"{unit.initiative}の内容は"
        assert unit.id in [hit.unit.id for hit in ask(corpus, question).hits], question


def test_the_repaired_text_differs_from_the_published_text_only_by_the_listed_repairs(seed):
    check_repairs(read_source(SEED_TEXT).text, seed)
    assert sum(1 for r in seed.repairs if r.kind == "rule-line") == 1 and len(seed.repairs) == 9


@pytest.mark.parametrize(
    ("kind", "lines", "cell"),
    [
        ("rule-line", (112,), None),
        ("page-break-overlap", (97, 98, 99), "内容"),
        ("page-break-overlap", (97, 98, 99), "甲の役割"),
        ("page-break-overlap", (97, 98, 99), "乙の役割"),
        ("spaced-letters", (97,), "取組"),
        ("page-break-join", (109, 110, 111), "甲の役割"),
        ("page-break-join", (109, 110, 111), "乙の役割"),
        ("stray-space", (109, 111), "甲の役割"),
        ("stray-space", (109, 111), "乙の役割"),
    ],
)
def test_each_repair_names_its_raw_lines_and_cell(seed, kind, lines, cell):
    assert sum(1 for r in seed.repairs if (r.kind, r.lines, r.cell) == (kind, lines, cell)) == 1


def test_parse_report_lists_every_repair_exactly():
    out = io.StringIO()
    assert main(["parse", "--report", str(SEED_TEXT)], stdout=out) == 0
    header, *lines = out.getvalue().splitlines()
    assert header == f"{SEED_TEXT}: 9 件の修復 / repairs"
    assert lines == [repair.render(SEED_TEXT) for repair in parse_file(SEED_TEXT).repairs]
    assert (
        f"{SEED_TEXT}:97-99: page-break-overlap: '遠隔会議システムの導入及び活用、オープンデータプラットフォーム\\n"
        "トフォームの共同利用等を行う。' → '遠隔会議システムの導入及び活用、"
        "オープンデータプラットフォームの共同利用等を行う。'  [内容]"
    ) in lines
    assert f"{SEED_TEXT}:109,111: stray-space: 'て取 り組' → 'て取り組'  [甲の役割]" in lines


def _unlisted_word(seed):
    lines = list(seed.lines)
    lines[18] = SourceLine(lines[18].numbers, lines[18].text.replace("連携協約", "連携協定", 1))  # 第1条
    return replace(seed, lines=tuple(lines))


def _tails_swapped(seed):
    lines = list(seed.lines)
    index = next(i for i, line in enumerate(lines) if line.numbers == (97, 99))
    cells = lines[index].text.split("\t")
    cells[2], cells[3] = cells[3], cells[2]
    lines[index] = SourceLine(lines[index].numbers, "\t".join(cells))
    return replace(seed, lines=tuple(lines))


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda seed: replace(seed, repairs=seed.repairs[1:]), id="a-repair-not-listed"),
        pytest.param(lambda seed: replace(seed, repairs=seed.repairs + seed.repairs[-1:]), id="a-repair-listed-twice"),
        pytest.param(_unlisted_word, id="a-word-changed-silently"),
        pytest.param(_tails_swapped, id="two-cells-swapped"),
        pytest.param(lambda seed: replace(seed, lines=seed.lines[:40] + seed.lines[41:]), id="a-line-lost"),
    ],
)
def test_the_replay_catches_a_difference_that_is_not_listed(seed, tamper):
    with pytest.raises(AssertionError):
        check_repairs(read_source(SEED_TEXT).text, tamper(seed))
