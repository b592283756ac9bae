"""Follow-ups and comparisons as people write them (issue 10, round 7): 「その市」 is the party the turn
before named, a label alone after 「甲とは」 asks who that one is, 「そのうち…」 narrows the answer
before, 「…の役割はどう書かれている」 asks only for a party's cell of the row before, 「…の方は
どうなっている」 keeps the party, and 「両市でどう分担する」 shows both cells side by side."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask

SEED = "sapporo-iwamizawa-2019/"


def _talk(corpus, questions):  # noqa: ANN001, ANN202
    history = []
    for question in questions:
        history.append(ask(corpus, question, history=tuple(history)))
    return history


@pytest.mark.parametrize(
    ("questions", "units"),
    [
        (["甲ってどこの市？", "その市は観光で何をするの？"], ("row-1-4/甲",)),
        (["乙はどこの市", "その市は災害のとき何をするの"], ("row-3a-5/乙",)),
        (["甲とはどこの市のこと？", "じゃあ乙は？"], ("preamble",)),
        (["乙って誰", "では甲は"], ("preamble",)),
        (["岩見沢市の役割を全部教えて。", "そのうち医療に関するものだけ示してほしい。"], ("row-2-1/乙", "row-3a-1/乙")),
        (["札幌市の役割を一覧で", "その中で観光に関するものは"], ("row-1-4/甲",)),
        (["福祉の分野で両市は何を連携するの？", "そのうち岩見沢市の役割はどう書かれている？"], ("row-3a-2/乙",)),
        (["災害対策では何をするの", "そのうち札幌市の役割はどう書いてある"], ("row-3a-5/甲",)),
        (["職員研修の合同実施で札幌市の役割は？", "職員交流の方はどうなっている？"], ("row-3c-2/甲",)),
    ],
)
def test_follow_ups_as_people_write_them(corpus, questions, units):
    last = _talk(corpus, questions)[-1]
    assert last.hits and last.status != Status.NO_MATCH
    assert last.hits[0].unit.id.removeprefix(SEED) in units


@pytest.mark.parametrize(
    ("question", "row"),
    [("企業誘致は両市でどう分担するの", "row-1-2"), ("災害対策は両市でどう分担しているのか", "row-3a-5")],
)
def test_both_parties_asked_to_share_show_both_cells(corpus, question, row):
    answer = ask(corpus, question)
    assert answer.status == Status.BOTH_PARTIES
    assert {h.unit.id.removeprefix(SEED) for h in answer.hits[:2]} == {f"{row}/甲", f"{row}/乙"}


def test_the_cost_share_is_still_the_cost_article(corpus):
    assert ask(corpus, "費用分担はどうなっている").hits[0].unit.id == SEED + "art-4"
