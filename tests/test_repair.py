"""PDF-artefact repairs, as short exact tables (general rules, not the seed's strings)."""

from __future__ import annotations

import pytest

from kyoyaku_search.ingest.repair import (
    is_complete,
    is_rule_line,
    join_continuation,
    join_spaced_letters,
    remove_stray_spaces,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I C T インフラ整備", "ICTインフラ整備"),
        ("M I C E誘致", "MICE誘致"),
        ("観光 Ｄ Ｍ Ｏ の設立", "観光ＤＭＯの設立"),
        ("第1条 この連携協約は", "第1条 この連携協約は"),  # one letter is not letter-spacing
        ("ICT インフラ", "ICT インフラ"),  # a whole word before a space is left alone
        ("(1) 圏域全体", "(1) 圏域全体"),
    ],
)
def test_spaced_letters(text, expected):
    assert join_spaced_letters(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲と協力して取 り組む。", "甲と協力して取り組む。"),
        ("連携 、協力", "連携、協力"),
        ("第252条の2 第1項", "第252条の2 第1項"),  # a space after a digit is not between two Japanese characters
        ("ICT インフラ", "ICT インフラ"),
    ],
)
def test_stray_spaces(text, expected):
    assert remove_stray_spaces(text)[0] == expected


@pytest.mark.parametrize(
    ("head", "tail", "joined", "kind"),
    [
        (
            "…オープンデータプラットフォーム",
            "トフォームの共同利用等を行う。",
            "…オープンデータプラットフォームの共同利用等を行う。",
            "page-break-overlap",
        ),
        (
            "…強化に関する連携につい",
            "て、乙と協力して取り組む。",
            "…強化に関する連携について、乙と協力して取り組む。",
            "page-break-join",
        ),
        ("災害に備える連携", "連携、消防の連携", "災害に備える連携、消防の連携", "page-break-overlap"),
        (
            "職員研修等の",
            "の合同実施",
            "職員研修等のの合同実施",
            "page-break-join",
        ),  # one repeated character may be real text
    ],
)
def test_join_continuation(head, tail, joined, kind):
    text, changes = join_continuation(head, tail)
    assert text == joined
    assert [c.kind for c in changes] == [kind]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("--\t--\t------\t------", True),
        ("--|--", True),
        ("| --- | --- |", True),
        ("ー", False),
        ("取組\t内容", False),
        ("", False),
    ],
)
def test_rule_lines(line, rule):
    assert is_rule_line(line) is rule


@pytest.mark.parametrize(
    ("cell", "complete"),
    [("…について、甲と協力して取り組む。", True), ("…連携につい", False), ("―", True), ("同左", True), ("", True)],
)
def test_complete_cells(cell, complete):
    assert is_complete(cell) is complete
