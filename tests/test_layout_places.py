"""Places asked for on layouts other than the seed, each loaded alone: a row counted under the
annex's own name for its first column (連携項目, 具体的事項) or in 「取組の一覧」, the annexes counted
where there are several (別表第1–第3, each named in the note), and the signing date from the date
line where the signature block prints none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"

# (fixture, question, the unit that must come first)
CASES = [
    # 別表(第7条関係) headed 連携項目 / 内容 / 甲の役割 / 乙の役割
    ("xx-town-xx-city-2020.txt", "別表の一番初めの連携項目は？", "row-0-1"),
    ("xx-town-xx-city-2020.txt", "別表の最後に載っている連携項目を教えて", "row-0-4"),
    ("xx-town-xx-city-2020.txt", "2番目の連携項目は", "row-0-2"),
    # the first column headed 具体的事項
    ("inabe-toin-2010.txt", "最初の具体的事項は", "row-0-1"),
    # counted in the list of them
    ("sakaiminato-matsue-yonago-2009.txt", "取組の一覧のいちばん最後は？", "row-3a-1"),
    # three annexes: the article that sets them up (第3条 (1)–(3) → 別表第1–第3)
    ("yuzawa-ugo-2011.txt", "別表はいくつあって、それぞれ何の分野ですか", "art-3"),
    ("yamaga-kumamoto-2022.txt", "別表は全部で何個ある？", "art-3"),
    ("tomakomai-abira-2015.txt", "別表はいくつある", "art-3"),
    # the signature block prints no date; the date line under the title does
    ("yamaga-kumamoto-2022.txt", "この協約はいつ締結された？", "date"),
    ("yamaga-kumamoto-2022.txt", "締結日はいつ", "date"),
    ("mihara-fukuyama-2015.txt", "この協約はいつ締結された？", "date"),
    # a signature block that prints the date stays first
    ("sakaiminato-matsue-yonago-2009.txt", "この協定はいつ締結されたの", "signature"),
]


@pytest.fixture(scope="module")
def corpora(tokenizer):
    names = sorted({name for name, _, _ in CASES})
    return {name: build_corpus([parse_file(FIXTURES / name).agreement], tokenizer) for name in names}


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_place_comes_first(corpora, name, question, expected):
    corpus = corpora[name]
    answer = ask(corpus, question)
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


def test_the_note_names_each_annex(corpora):
    answer = ask(corpora["yamaga-kumamoto-2022.txt"], "別表はいくつあって、それぞれ何の分野ですか")
    assert answer.notes[0].startswith("この協約の別表は3つです（別表第1(第3条関係) 圏域全体の経済成長のけん引に係る政策分野、")


def test_one_annex_is_not_counted_as_several(corpus):
    # the seed has one 別表: 「いくつある」 is left to the list of its 取組
    assert ask(corpus, "別表はいくつある？").status is Status.TOGETHER
