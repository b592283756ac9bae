"""Follow-ups of round 9: 「それって…」 points back at the row before like 「それで…」, and a follow-up
that takes only the party of the turn before keeps its own topic, which must then be found on its
own (a role asked before lends no leniency to 「冬の除雪も一緒にやるの？」)."""

from __future__ import annotations

from collections import Counter

import pytest

from kyoyaku_search.answering.answer import Status, ask

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)


def _talk(corpus, questions, agreement=None):  # noqa: ANN001, ANN202
    history = []
    for question in questions:
        history.append(ask(corpus, question, agreement=agreement, history=tuple(history)))
    return history


def test_that_party_at_the_centre_of_the_row_before(loaded):  # noqa: F811
    """「それって<party>が中心になってやるんですか」 after a row's content: that party's cell of it."""
    missed, asked = [], 0
    for agreement in loaded.agreements:
        rows = [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        if not rows:
            continue  # articles only (sendai, tokubetsuku): no row to follow up on
        once = Counter(u.initiative for u in rows)
        party = [p for p in loaded.party_names if p.agreement_id == agreement.id][0]
        name = min((form for form in party.forms if form[-1] in "市町村"), key=len)
        for row in rows:
            if once[row.initiative] != 1 or len(row.initiative) < 2:
                continue
            first, second = _talk(
                loaded,
                [f"{row.initiative}の取組内容を知りたい", f"それって{name}が中心になってやるんですか"],
                agreement.id,
            )
            if first.context is None or first.context.row_id != row.id:
                continue  # the first turn answered otherwise: not what this test is about
            asked += 1
            got = second.hits[0].unit if second.hits else None
            if got is None or (got.row_id, got.party_label) != (row.id, party.label):
                missed.append((agreement.id, row.initiative, got.id if got else second.status))
    assert asked >= 20
    assert missed == []


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("地産地消で岩見沢市の役割を教えて", "冬の除雪も一緒にやるの？"),
        ("観光で札幌市は何をするの", "じゃあ下水道の整備も一緒にやるの？"),
    ],
)
def test_a_topic_of_its_own_after_a_role_is_found_on_its_own(corpus, first, then):
    assert _talk(corpus, [first, then])[-1].status == Status.NO_MATCH


@pytest.mark.parametrize(
    ("first", "then", "unit"),
    [
        ("地産地消で岩見沢市の役割を教えて", "観光は？", "row-1-4/乙"),
        ("岩見沢市の災害対策での役割は", "では札幌市は？", "row-3a-5/甲"),
    ],
)
def test_inherited_party_or_row_still_answers(corpus, first, then, unit):
    assert _talk(corpus, [first, then])[-1].hits[0].unit.id == f"sapporo-iwamizawa-2019/{unit}"


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("両方の市は定期的に話し合いをする？", ("art-5",)),
        ("移住の促進で両方の市の役割を比べて", ("row-3b-3/甲", "row-3b-3/乙")),
    ],
)
def test_both_of_the_cities_are_the_parties(corpus, question, units):
    """「両方の市」 says who, like 「両市」: no topic the agreement could lack."""
    answer = ask(corpus, question)
    assert tuple(h.unit.id.split("/", 1)[1] for h in answer.hits[: len(units)]) == units


def test_both_reads_as_both_cities_in_every_layout(loaded):  # noqa: F811
    differ, asked = [], 0
    for agreement in loaded.agreements:
        for row in [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"][:6]:
            answers = [
                ask(loaded, f"{row.initiative}で{who}の役割を比べて", agreement=agreement.id)
                for who in ("両市", "両方の市")
            ]
            asked += 1
            if len({(a.status, tuple(h.unit.id for h in a.hits[:2])) for a in answers}) != 1:
                differ.append((agreement.id, row.initiative, [a.status for a in answers]))
    assert asked >= 6
    assert differ == []
