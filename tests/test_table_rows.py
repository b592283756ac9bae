"""A table row as printed (ingest/table.py): which unfinished cell a line after a page break
continues, which cells a copy left to the row above (rowspan), and the row's line reprinted
with its repaired words. Tables: 取組 | 内容 | 甲の役割 | 乙の役割."""

from __future__ import annotations

import pytest

from kyoyaku_search.ingest.source_lines import SourceLine
from kyoyaku_search.ingest.table import RowBuilder, continuation_columns, reprint, spanned_cells


def _row(*cells: str) -> RowBuilder:
    return RowBuilder(list(cells), [[10] for _ in cells], [10], 0)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # one fragment per unfinished cell, in order, wherever it stands
        (["", "", "実施する。", "支援する。"], [(2, "実施する。"), (3, "支援する。")]),
        (["実施する。", "支援する。"], [(2, "実施する。"), (3, "支援する。")]),
        # placed by column when the counts differ: a fragment under a finished cell is ambiguous
        (["", "行う。", "", ""], None),
        (["", "", "", "支援する。"], [(3, "支援する。")]),
        # leading empty cells beyond the width are an extraction artefact
        (["", "", "", "", "支援する。"], [(3, "支援する。")]),
    ],
)
def test_a_continuation_goes_on_the_unfinished_cells(cells, expected):
    row = _row("防災", "連携して行う。", "計画を", "訓練を")
    assert continuation_columns(row, cells, 4) == expected


ABOVE = (["防災", "連携して行う。", "計画を作る。", "訓練に出る。"], [[10], [10], [10], [10]])


@pytest.mark.parametrize(
    ("cells", "above", "expected"),
    [
        # the 取組 left to the row above: taken from it, with its lines
        (["備蓄を進める。", "倉庫を貸す。", "物資を送る。"], ABOVE, [("防災", [10])]),
        (["備蓄を進める。", "倉庫を貸す。", "物資を送る。"], None, None),  # no row above in this table
        (["備蓄", "倉庫を貸す。", "物資を送る。"], ABOVE, None),  # a name under 内容: a lost tab, not a rowspan
        (["倉庫を貸す。", "物資を送る。"], ABOVE, None),  # 内容 missing too: only name columns span
    ],
)
def test_a_row_copied_without_its_spanned_cells(cells, above, expected):
    assert spanned_cells(cells, 4, 1, above) == expected  # sentences from 内容 (column 1) on


def test_a_reprinted_row_keeps_its_blanks_and_takes_its_continuation():
    line = SourceLine((10,), " 防災 \t行う 。\t計画を")
    assert reprint(line, ["防災", "行う。", "計画を作る。"], [10, 12]) == SourceLine(
        (10, 12), " 防災 \t行う。\t計画を作る。"
    )
    assert reprint(line, ["防災", "行う 。", "計画を"], [10]) is line
