"""A follow-up that names a party and no topic (how to answer, 「詳しく」「具体的に」, is none), however long, asks about the topic of the turn
before (「岩見沢市の役割をそのまま引用してください」 after a row): that party's cell of the row. Asking
for all of it (「じゃあ岩見沢市の役割を全部見せて」) asks for every role instead. Checked on every
layout, each in its own rows and party names, in wordings of the round's sets and new ones."""

from __future__ import annotations

from collections import Counter

import pytest

from kyoyaku_search.answering.answer import Status, ask

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)

# (first turn about a row, then a turn naming a party and no topic). {row} is the 取組, {name} the party.
_ONE_CELL = [
    ("{row}について何が定められていますか。", "{name}の役割をそのまま引用してください。"),
    ("{row}の話ってこの協約にある？", "それ {name}は なにするの"),
    # new wordings, not in any set
    ("{row}はどう書かれていますか", "{name}がすることを原文どおりに示してほしい"),
    ("{row}について教えて", "それ、{name}の担当はどういう書きぶりになっているか確認したい"),
    # how to answer, in words no unit holds, is no topic (「具体的に」「詳しく」)
    ("{row}について教えて", "{name}の役割を詳しく"),
    ("{row}はどう書かれていますか", "{name}の役割をもっと具体的に"),
]
_EVERY_ROLE = [
    ("{row}について何が定められていますか。", "じゃあ{name}の役割を全部見せて"),
    ("{row}について教えて", "では{name}の役割を一覧にしてください"),
]


def _talk(corpus, questions, agreement):  # noqa: ANN001, ANN202
    history = []
    for question in questions:
        history.append(ask(corpus, question, agreement=agreement, top_k=20, history=tuple(history)))
    return history


def _cases(corpus):  # noqa: ANN001, ANN202
    """(agreement id, row, party label, party name as a municipality) for every row named once."""
    for agreement in corpus.agreements:
        rows = [u for u in corpus.units if u.agreement_id == agreement.id and u.kind == "row"]
        once = Counter(u.initiative for u in rows)
        parties = [p for p in corpus.party_names if p.agreement_id == agreement.id]
        for row, party in zip(rows, parties * len(rows), strict=False):
            if once[row.initiative] == 1 and len(row.initiative or "") >= 2:
                name = min((form for form in party.forms if form[-1] in "市町村"), key=len)
                yield agreement.id, row, party.label, name


@pytest.mark.parametrize(("first", "then"), _ONE_CELL)
def test_party_alone_takes_the_row_before(loaded, first, then):  # noqa: F811
    missed, asked = [], 0
    for agreement, row, label, name in _cases(loaded):
        before, after = _talk(loaded, [first.format(row=row.initiative), then.format(name=name)], agreement)
        if before.context is None or before.context.row_id != row.id:
            continue  # the first turn answered otherwise: not what this test is about
        asked += 1
        got = after.hits[0].unit if after.hits and after.status != Status.PARTY_ROLES else None
        if got is None or (got.row_id, got.party_label) != (row.id, label):
            missed.append((agreement, row.initiative, name, got.id if got else after.status))
    assert asked >= 20
    assert missed == []


@pytest.mark.parametrize(("first", "then"), _EVERY_ROLE)
def test_party_alone_asking_for_all_lists_every_role(loaded, first, then):  # noqa: F811
    missed, asked = [], 0
    for agreement, row, _, name in _cases(loaded):
        before, after = _talk(loaded, [first.format(row=row.initiative), then.format(name=name)], agreement)
        if before.context is None or before.context.row_id != row.id:
            continue
        asked += 1
        if after.status != Status.PARTY_ROLES:
            missed.append((agreement, row.initiative, name, after.status))
    assert asked >= 20
    assert missed == []


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("北広島市もこの協約の当事者？", "では岩見沢市の役割をすべて見せてください"),  # after a municipality not a party
        ("協約の目的は？", "札幌市の役割を全部教えて"),
    ],
)
def test_every_role_after_any_turn(corpus, first, then):
    assert _talk(corpus, [first, then], None)[-1].status == Status.PARTY_ROLES


@pytest.mark.parametrize("then", ["もう一方の市は？", "相手方の役割も教えて", "では相手の市は？", "もう片方は"])
def test_the_other_party_of_the_turn_before(loaded, then):  # noqa: F811
    """「もう一方の市は？」 after one party's cell: another party's cell of the same row, never the
    same party's again (a wrong party first)."""
    missed, asked = [], 0
    alone = {a.id for a in loaded.agreements if len(a.parties) < 2}  # one party of many members: no other
    for agreement, row, label, name in _cases(loaded):
        if agreement in alone:
            continue
        before, after = _talk(loaded, [f"{row.initiative}で{name}は何をするの", then], agreement)
        if not before.hits or (before.hits[0].unit.row_id, before.hits[0].unit.party_label) != (row.id, label):
            continue
        asked += 1
        got = after.hits[0].unit if after.hits else None
        if got is None or got.row_id != row.id or got.party_label in (None, label):
            missed.append((agreement, row.initiative, name, got.id if got else after.status))
    assert asked >= 20
    assert missed == []


def test_a_topic_of_its_own_is_no_pointing_at_the_other_party(corpus):
    """「相手方に通告すれば解約できる？」 asks about giving notice (第6条's kind), whoever was asked before."""
    answer = _talk(corpus, ["福祉で岩見沢市は何をするの", "相手方に通告すれば解約できる？"], None)[-1]
    assert answer.hits[0].unit.kind == "article"


@pytest.mark.parametrize("then", ["それって何条に書いてある？", "それはどう書かれてる？", "その根拠条文は？"])
def test_how_the_row_before_is_said(loaded, then):  # noqa: F811
    """How or where the agreement says what the turn before answered is asked of that row, not of
    the words 書く or 条文 (which found nothing, or another article)."""
    missed, asked = [], 0
    for agreement, row, _, _ in _cases(loaded):
        before, after = _talk(loaded, [f"{row.initiative}について教えて", then], agreement)
        if before.context is None or before.context.row_id != row.id:
            continue
        asked += 1
        if not after.hits or after.hits[0].unit.row_id != row.id:
            missed.append((agreement, row.initiative, after.hits[0].unit.id if after.hits else after.status))
    assert asked >= 20
    assert missed == []
