"""How a party goes about a 取組 (「札幌市がどのように取り組むとされているか」「乙はどう関わるの」) is
its role, as 「何をするの」 is; and 「自分たちの役割」 of an asker who says which party they work for
is that party's. Each party's cell of each row, on every layout, in wordings of no question set."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.answering.kinds import QuestionKind, question_kind

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)

_WORDINGS = [
    "{row}について、{name}がどのように取り組むとされているか知りたい",
    "{row}に{name}はどう関わるの？",
    "{name}の企画課として、{row}での自分たちの役割を確認したい",
]


def _said(row) -> str:  # noqa: ANN001
    """The row's content up to its first comma or 等 (「災害に備える連携」): the thing, not its name."""
    return re.split(r"[、，,。等]", row.text, maxsplit=1)[0]


@pytest.mark.parametrize("wording", _WORDINGS)
def test_each_partys_cell(loaded, wording):  # noqa: F811
    missed, asked = [], 0
    for agreement in loaded.agreements:
        rows = [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        once = Counter(u.initiative for u in rows)
        # a 内容 spanning rows (a 分野's 基本方針 over each of its 取組) says no one row
        alone = Counter(_said(u) for u in rows)
        parties = [p for p in loaded.party_names if p.agreement_id == agreement.id]
        for row, party in zip(rows, parties * len(rows), strict=False):
            said = _said(row)
            if once[row.initiative] != 1 or alone[said] != 1 or len(said) < 4 or not loaded.row_roles(row.id):
                continue
            name = min((f for f in party.forms if f[-1] in "市町村"), key=len, default=party.name)
            asked += 1
            answer = ask(loaded, wording.format(row=said, name=name), agreement=agreement.id)
            got = answer.hits[0].unit if answer.hits else None
            if got is None or (got.row_id, got.party_label) != (row.id, party.label):
                missed.append((agreement.id, row.initiative, name, got.id if got else answer.status))
    assert asked >= 10
    assert missed == []


@pytest.mark.parametrize(
    ("text", "parties", "kind"),
    [
        ("災害時の相互応援について、協約上〓がどのように取り組むとされているか", 1, QuestionKind.ROLE),
        ("〓は観光にどう関わるの", 1, QuestionKind.ROLE),
        ("〓はどういうふうに取り組むの", 1, QuestionKind.ROLE),
        ("観光にはどのように取り組むの", 0, QuestionKind.CONTENT),  # no party: what is done
        # 「何をする」 typed in kana is the same question
        ("〓は観光PRでなにをするの", 1, QuestionKind.ROLE),
        ("〓は救急医療でなにするの？", 1, QuestionKind.ROLE),
        ("救急医療ではなにをするの", 0, QuestionKind.CONTENT),
        # and without を (「何してくれるの」)
        ("商店街でお店やってます。まちのにぎわいづくり、〓は何してくれるの", 1, QuestionKind.ROLE),
    ],
)
def test_how_it_goes_about_it_is_what_it_does(text, parties, kind):
    assert question_kind(text, parties) == kind
