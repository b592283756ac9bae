"""What a person takes away is the agreement's exact text: the copied quote for every unit, the
CLI answer, the Markdown, CSV, Excel and PDF exports (the PDF read back after rendering)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from kyoyaku_search.answering.answer import Hit, ask
from kyoyaku_search.answering.result import hit_at
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.views.documents import role_sections
from kyoyaku_search.views.evaluate import load_cases
from kyoyaku_search.views.exports import copy_text, role_csv, role_table, role_xlsx
from kyoyaku_search.views.web import answer_turn
from tests.conftest import QUESTIONS, SEED_ID, SEED_TEXT

DISASTER = "岩見沢市の災害対策での役割は"


def _hit(corpus, unit) -> Hit:  # noqa: ANN001
    return hit_at(corpus, corpus.position(unit.id), 0.0)


def test_what_is_copied_of_every_unit_is_a_verbatim_substring_of_the_source(corpus):
    """For each unit, the text between 「」 of what the copy action copies is the unit's text and
    stands, character for character, in the (repaired) published source, at the unit's lines."""
    parsed = parse_file(SEED_TEXT)
    lines = {number: line.text for line in parsed.lines for number in line.numbers}
    source = "\n".join(line.text for line in parsed.lines)
    for unit in corpus.units:
        copied = copy_text(_hit(corpus, unit), corpus)
        quote = copied[1 : copied.index("」\n出典: ")]
        assert quote == unit.text, unit.id
        for paragraph in quote.split("\n"):
            assert paragraph in source, (unit.id, paragraph)
            assert any(paragraph in lines[n] or lines[n] in paragraph for n in unit.lines), unit.id
        assert "（札幌市）と" not in quote and "（岩見沢市）と" not in quote


def test_the_cli_answer_contains_the_top_hits_text_verbatim(corpus):
    _, cases = load_cases(QUESTIONS)
    for case in cases:
        answer = ask(corpus, case.question)
        if answer.quotes:
            assert f"「{answer.hits[0].unit.text}」" in answer.text, case.question


def test_role_csv_and_excel_hold_the_exact_cells_and_their_citations(corpus):
    table = role_table(corpus, SEED_ID, role_sections(corpus, SEED_ID))
    rows = list(csv.reader(io.StringIO(role_csv(table).decode("utf-8-sig"))))
    assert rows[0] == ["区分", "取組", "内容", "甲（札幌市）の役割", "乙（岩見沢市）の役割", "出典", "原文"]
    disaster = next(r for r in rows if r[1] == "災害対策")
    assert disaster[4].endswith("、甲と協力して取り組む。")
    assert (
        disaster[5]
        == "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約 別表（第3条関係）(3)ア 生活機能の強化「災害対策」"
    )
    assert disaster[6] == "sapporo-iwamizawa-2019.txt 92行"
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(role_xlsx(table))).active
    values = [[cell.value or "" for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert values == rows  # the workbook holds what the CSV holds, cell for cell


@pytest.fixture(scope="module")
def font() -> None:
    from kyoyaku_search.views.pdf import find_font

    if find_font() is None:
        pytest.skip("日本語フォントがありません（make test は root のとき fonts-noto-cjk を入れます） / no CJK font")


def _pdf_text(data: bytes, png: str | None = None) -> str:
    """The PDF's text as a reader extracts it; the first page saved as PNG in test-artifacts/."""
    import pypdfium2 as pdfium

    from tests.browser import ARTIFACTS

    document = pdfium.PdfDocument(data)
    if png:
        ARTIFACTS.mkdir(exist_ok=True)
        document[0].render(scale=1.5).to_pil().save(ARTIFACTS / png)
    return "\n".join(page.get_textpage().get_text_range() for page in document).replace("\r", "")


def test_the_conversation_pdf_embeds_a_japanese_font_and_keeps_the_citations(corpus, font):
    from kyoyaku_search.views.pdf import conversation_pdf

    turns = [answer_turn(corpus, q) for q in (DISASTER, "災害対策での役割は", "いつから施行されますか")]
    data = conversation_pdf(turns, corpus, datetime(2026, 11, 30, 18, 0))
    assert b"/FontFile" in data  # the font is embedded, not named
    text = _pdf_text(data, "conversation-pdf.png").replace("\n", "")
    assert "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割" in text
    assert "甲と協力して取り組む。」" in text and "甲（札幌市）と" not in text
    assert "甲＝札幌市　乙＝岩見沢市" in text and "平成31年（2019年）4月1日" in text


def test_the_role_table_pdf_holds_every_row(corpus, font):
    from kyoyaku_search.views.pdf import role_table_pdf

    table = role_table(corpus, SEED_ID, role_sections(corpus, SEED_ID))
    text = _pdf_text(role_table_pdf(table), "roles-pdf.png").replace("\n", "")
    for row in table.rows:
        assert row[1].replace("\n", "") in text
    assert "甲（札幌市）の役割" in text and "生活機能の強化「災害対策」" in text
