"""「「…」の該当箇所」「…に該当する部分」: 該当 says where a thing is said, as 箇所 does, never what
about; the row the question names is quoted, on every layout, in wordings of no question set."""

from __future__ import annotations

from collections import Counter

import pytest

from kyoyaku_search.answering.answer import Status, ask

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)


@pytest.mark.parametrize(
    "wording",
    [
        "「{name}」の該当箇所",
        "{name}に該当する部分はどこ",
        "「{name}」の該当する欄を見たい",
        # 「…は連携の対象になっていますか」: 対象 asks whether it is covered, as 入る does; the row answers
        "{name}は連携の対象になっていますか？",
        "{name}もこの協約の対象に入ってる？",
    ],
)
def test_where_a_row_is_said_or_whether_it_is_covered(loaded, wording):  # noqa: F811
    missed, asked = [], 0
    for agreement in loaded.agreements:
        rows = [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        once = Counter(u.initiative for u in rows)
        for row in rows:
            if once[row.initiative] != 1 or len(row.initiative or "") < 4:
                continue
            asked += 1
            answer = ask(loaded, wording.format(name=row.initiative), agreement=agreement.id)
            if not answer.hits or answer.hits[0].unit.row_id != row.id:
                missed.append((agreement.id, row.initiative, answer.hits[0].unit.id if answer.hits else answer.status))
    assert asked >= 10
    assert missed == []


@pytest.mark.parametrize("thing", ["宝くじの販売", "火葬場の共同利用", "下水道料金の統一"])
def test_what_no_agreement_covers_is_not_found(loaded, thing):  # noqa: F811
    for agreement in loaded.agreements:
        answer = ask(loaded, f"{thing}は連携の対象になっていますか？", agreement=agreement.id)
        assert answer.status == Status.NO_MATCH, (agreement.id, answer.hits[0].unit.id if answer.hits else None)
