"""The role table (役割一覧) and the full text (協約全文) of the seed agreement."""

from __future__ import annotations

import pytest

from kyoyaku_search.views.documents import filter_sections, full_text, party_rows, role_sections, understand_filter
from kyoyaku_search.views.web import MARK_CLOSE, MARK_OPEN, section_table
from tests.conftest import SEED_ID

SECTIONS = [
    "(1) 圏域全体の経済成長のけん引",
    "(2) 高次の都市機能の集積・強化",
    "(3)ア 生活機能の強化",
    "(3)イ 結びつきやネットワークの強化",
    "(3)ウ 圏域マネジメント能力の強化",
]


def test_role_sections_follow_the_annex(corpus):
    sections = role_sections(corpus, SEED_ID)
    assert [s.section for s in sections] == SECTIONS
    assert [len(s.rows) for s in sections] == [4, 4, 5, 4, 3]
    assert sections[0].role_headings == ("甲（札幌市）の役割", "乙（岩見沢市）の役割")


def test_a_role_row_shows_both_parties_side_by_side(corpus):
    row = next(r for s in role_sections(corpus, SEED_ID) for r in s.rows if r.initiative == "災害対策")
    assert row.content == "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等を行う。"
    assert [c.party for c in row.roles] == ["札幌市", "岩見沢市"]
    assert row.roles[1].text.endswith("、甲と協力して取り組む。")  # the exact text: 甲 as the agreement writes it
    assert row.roles[1].citation == "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


@pytest.mark.parametrize(
    ("query", "initiatives"),
    [
        ("", None),  # no filter: everything
        ("災害", ["災害対策"]),
        ("生活機能", ["地域医療", "福祉", "土地利用", "地域振興", "災害対策"]),  # the section's name
        ("ｉｃｔ", ["ICTインフラ整備"]),  # width and case folded
        ("医療　提供", ["高度な医療サービスの提供"]),  # every word (full-width blank separates too)
        ("除雪", []),
    ],
)
def test_filter_sections(corpus, query, initiatives):
    sections = filter_sections(role_sections(corpus, SEED_ID), query)
    found = [r.initiative for s in sections for r in s.rows]
    if initiatives is None:
        assert len(found) == 20
    else:
        assert found == initiatives


def test_party_rows_keeps_one_column(corpus):
    sections = party_rows(role_sections(corpus, SEED_ID), "岩見沢市")
    assert {cell.party for s in sections for r in s.rows for cell in r.roles} == {"岩見沢市"}
    assert sections[0].role_headings == ("乙（岩見沢市）の役割",)
    assert party_rows(role_sections(corpus, SEED_ID), None) == role_sections(corpus, SEED_ID)


def test_full_text_in_document_order_with_exact_text(corpus, seed):
    document = full_text(corpus, SEED_ID)
    assert document.title == "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約"
    assert [p.heading for p in document.passages] == [
        "前文",
        "第1条（目的）",
        "第2条（基本方針）",
        "第3条（連携する取組等）",
        "第4条（費用分担）",
        "第5条（定期的な協議）",
        "第6条（変更等）",
        "附則",
        "署名欄",
    ]
    assert document.passages[4].text == seed.agreement.articles[3].text
    assert document.annex_heading == "別表（第3条関係）"
    row = document.sections[2].rows[4]
    assert (
        row.roles[1].text
        == "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲と協力して取り組む。"
    )


def test_section_table_marks_the_opened_cell_and_the_filter_words(corpus):
    section = role_sections(corpus, SEED_ID)[2]
    row = section.rows[4]
    headings, rows = section_table(section, focus=row.roles[1].unit_id)
    assert headings == ["取組", "内容", "甲（札幌市）の役割", "乙（岩見沢市）の役割"]
    focused = rows[4]
    assert focused[0] == f"{MARK_OPEN}災害対策{MARK_CLOSE}"
    assert focused[3].startswith(MARK_OPEN) and not focused[2].startswith(MARK_OPEN)
    assert not any(MARK_OPEN in cell for other in rows[:4] for cell in other)
    _, filtered = section_table(section, words=["連携"])
    assert filtered[4][1].startswith(f"災害に備える{MARK_OPEN}連携{MARK_CLOSE}")


@pytest.mark.parametrize(
    ("query", "initiatives", "party"),
    [
        ("防災", ["災害対策"], None),  # a synonym the chat understands, not a substring of the annex
        ("いわみざわしのふくし", ["福祉"], "岩見沢市"),  # hiragana read as the party and the word
        ("地域医寮", ["地域医療"], None),  # a typo read as the word
        ("医療　提供", ["高度な医療サービスの提供"], None),  # every word the user wrote must match
        ("除雪", [], None),
    ],
)
def test_the_filter_reads_words_as_the_chat_does(corpus, query, initiatives, party):
    found = understand_filter(corpus, SEED_ID, query)
    sections = filter_sections(role_sections(corpus, SEED_ID), query, found.rows)
    assert [r.initiative for s in sections for r in s.rows] == initiatives
    assert found.party == party


def test_the_filter_says_so_when_it_names_a_municipality_that_is_not_a_party(corpus):
    found = understand_filter(corpus, SEED_ID, "小樽市の観光")
    assert found.rows == frozenset() and found.message.startswith("小樽市はこの協約の当事者ではありません")
