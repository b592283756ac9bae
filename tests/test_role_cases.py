"""Role questions on every layout, generated from its own cells (tests/role_cases.py): the cell's
party named by its name, its name without 県/郡, its short name, its kana reading, its label, as the
asker's own town (「…の職員です。うちの町」) or by its standing in the 圏域 (中心市, 周辺の町), and the
取組 by its title — the party's cell comes first, never refused, never another party's. The whole
grid, with everyday topics and every template, is measured by benchmarks/role_gate.py.
"""

from __future__ import annotations

import pytest

from kyoyaku_search import ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus
from kyoyaku_search.search.names import standings

from .framing_cases import FIXTURES, LAYOUT_FILES, SEED
from .role_cases import TEMPLATES, cases, judge

LAYOUTS = [name for name in LAYOUT_FILES if name.endswith(".txt")]


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_cell_by_every_name_of_its_party_comes_first(tokenizer, name):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    wrong = []
    for case in cases(name, corpus):
        # one asking template per cell and form (benchmarks/role_gate.py runs all of them); the
        # masked 「xx町」 of an aggregator has no short name anyone would write
        if case.topic != "title" or TEMPLATES[0] not in _template(case.question) or "xx" in case.question:
            continue
        verdict = judge(case, ask(corpus, case.question))
        if verdict.kind != "right":
            wrong.append((case.question, case.cell, verdict.kind, verdict.got))
    assert wrong == []


def _template(question: str) -> str:
    return TEMPLATES[0] if question.endswith("での役割は") else question


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 「中心市宣言（…）を行った甲とそれに賛同した乙」
        ("goshogawara-tsuruta.txt", {"甲": "中心市", "乙": "周辺の町"}),
        # 「…を行った甲と、近隣町の乙」
        ("inabe-toin-2010.txt", {"甲": "中心市", "乙": "周辺の町"}),
        ("iida-oshika-2009.txt", {"甲": "中心市", "乙": "周辺の村"}),
        # 「…を連名で行った甲及び乙と当該中心市宣言に賛同した丙」: two 中心市
        ("sakaiminato-matsue-yonago-2009.txt", {"甲": "中心市", "乙": "中心市", "丙": "周辺の市"}),
        # a 連携中枢都市圏 says no one declared anything: no standing is read
        ("inami-himeji-2015.txt", {}),
        ("hiroshima-iwakuni-2016.txt", {}),
    ],
)
def test_the_standing_the_agreement_defines(name, expected):
    found = standings(parse_file(FIXTURES / name).agreement)
    assert {
        label: words[0] if words[0] == "中心市" else f"周辺の{words[-1][-1]}" for label, words in found.items()
    } == (expected)


# (fixture, question, the cell first)
CASES = [
    ("iida-oshika-2009.txt", "中心市の役割は救急医療で何", "row-1a-1/甲"),
    ("iida-oshika-2009.txt", "周辺の村は救急医療で何をするの", "row-1a-1/乙"),
    ("chizu-tottori-2010.txt", "連携市町村は自治体病院の連携で何をする", "row-1a-1/乙"),
    ("sakaiminato-matsue-yonago-2009.txt", "周辺市町村の職員の相互派遣での役割", "row-3a-1/丙"),
    # a label ending a run the agreement holds (丙's cell: 「…相互派遣について甲及び乙と協議する」) is asked about
    ("sakaiminato-matsue-yonago-2009.txt", "相互派遣について甲は何をする", "row-3a-1/甲"),
]


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[c[1] for c in CASES])
def test_a_party_by_its_standing_or_by_a_label_ending_a_quoted_run(tokenizer, name, question, expected):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    answer = ask(corpus, question)
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


@pytest.mark.parametrize("question", ["中心市街地の活性化で甲は何をする", "中心市宣言とは"])
def test_a_longer_word_holding_the_standing_names_no_party(tokenizer, question):
    corpus = build_corpus([parse_file(FIXTURES / "iida-oshika-2009.txt").agreement], tokenizer)
    from kyoyaku_search.answering.question import understand

    assert {p.label for p in understand(corpus, question).parties} <= {"甲"}


def test_the_seed_has_no_standing():
    assert standings(parse_file(SEED).agreement) == {}
