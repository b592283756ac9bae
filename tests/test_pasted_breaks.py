"""A run pasted from a PDF whose line break repeats the end of the line before (「オープンデータ
プラットフォーム トフォームの共同利用」) is the agreement's run: the repeat is dropped with the break,
on every row of every layout; a space alone (「職員 交流」) is kept for the phrase reader."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.search.phrases import without_repeated_breaks

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)


@pytest.mark.parametrize(
    ("pasted", "mended"),
    [
        ("オープンデータプラットフォーム トフォームの共同利用", "オープンデータプラットフォームの共同利用"),
        ("職員 交流", "職員 交流"),  # nothing repeated
        ("救急医療の維 の維持", "救急医療の維持"),
        ("abc abc", "abc abc"),  # ASCII words are not a PDF's Japanese line
    ],
)
def test_without_repeated_breaks(pasted, mended):
    assert without_repeated_breaks(pasted) == mended


def test_a_broken_paste_finds_its_row(loaded):  # noqa: F811
    missed, asked = [], 0
    for agreement in loaded.agreements:
        rows = [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        texts = [u.text for u in rows]
        for row in rows:
            run = row.text[:24]
            if len(run) < 16 or sum(run in text for text in texts) != 1:
                continue  # short, or held by another row too: not this row's own run
            at = len(run) // 2
            asked += 1
            answer = ask(loaded, f"{run[:at]} {run[at - 3 :]}", agreement=agreement.id)
            if answer.status == Status.NO_MATCH or not answer.hits or answer.hits[0].unit.row_id != row.row_id:
                missed.append((agreement.id, run, answer.hits[0].unit.id if answer.hits else answer.status))
    assert asked >= 10
    assert missed == []
