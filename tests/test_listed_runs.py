"""「甲と協力して取り組むものを全部」: a run of the agreement's own wording, asked for whole, lists every
role cell holding it when they are all one party's, in every layout; a run asked without 全部, or
held by both parties' cells, is quoted as before."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.search.tokenizer import fold

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)


def _one_partys_runs(corpus, agreement_id):  # noqa: ANN001, ANN202
    """(run, the units holding it) for the closing words of each role cell, where two or more cells,
    all of one party, hold them."""
    units = [u for u in corpus.units if u.agreement_id == agreement_id]
    runs = dict.fromkeys(fold(u.text).rstrip("。 \n")[-10:] for u in units if u.kind == "role")
    for run in runs:
        holders = [u for u in units if run in fold(u.text)]
        if "\n" in run or len(run) < 8 or len(holders) < 2:
            continue
        if all(u.kind == "role" for u in holders) and len({u.party for u in holders}) == 1:
            yield run, [u.id for u in holders]


@pytest.mark.parametrize("template", ["{run}ものを全部教えて", "「{run}」とある取組の一覧"])
def test_every_cell_holding_a_run_is_listed(loaded, template):  # noqa: F811
    missed, asked = [], 0
    for agreement in loaded.agreements:
        for run, holders in _one_partys_runs(loaded, agreement.id):
            answer = ask(loaded, template.format(run=run), agreement=agreement.id, top_k=5)
            asked += 1
            if answer.status != Status.PARTY_ROLES or len(answer.items) != len(holders):
                missed.append((agreement.id, run, answer.status, len(answer.items), len(holders)))
    assert asked >= 1  # most layouts word each cell apart; the seed and its variants repeat theirs
    assert missed == []


@pytest.mark.parametrize(
    ("question", "count"),
    [("甲と協力して取り組むものを全部", 12), ("圏域の中心となって取り組むものを全部教えて", 8)],
)
def test_one_partys_wording_listed(corpus, question, count):
    answer = ask(corpus, question)
    assert answer.status == Status.PARTY_ROLES and len(answer.items) == count


def test_a_run_asked_without_all_is_quoted(corpus):
    assert ask(corpus, "甲と協力して取り組む").status == Status.ANSWERED


@pytest.mark.parametrize("word", ["中心", "協力", "主体"])
def test_a_partys_roles_narrowed_by_how_it_stands(loaded, word):  # noqa: F811
    """「札幌市が中心となる取組を全部」: the party's cells that say 中心, where some do and some do not;
    all its cells when every one says it (「協力」 in every cell of 乙)."""
    for agreement in loaded.agreements:
        for party in [p for p in loaded.party_names if p.agreement_id == agreement.id]:
            cells = [
                u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "role" and u.party == party.name
            ]
            if not cells:
                continue
            saying = [u for u in cells if word in u.text]
            wanted = len(saying) if saying else len(cells)
            name = min(party.forms, key=len)
            answer = ask(loaded, f"{name}が{word}となる取組を全部", agreement=agreement.id)
            if answer.status == Status.PARTY_ROLES and len(cells) <= 100:
                assert len(answer.items) == wanted, (agreement.id, name, word)


def test_the_seed_partys_leading_roles(corpus):
    answer = ask(corpus, "札幌市が中心となる取組を全部")
    assert answer.status == Status.PARTY_ROLES and len(answer.items) == 8
    assert "のうち「中心」とあるもの" in answer.message
