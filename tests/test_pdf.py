"""An agreement printed to PDF (bordered annex tables crossing pages, printed by headless
chromium) loads through `--source` with every role cell exactly the source text; a scan, a
file that only claims to be a PDF, a damaged one and one with too many pages are refused with
a message, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.parser import parse_bytes, parse_file
from kyoyaku_search.search.corpus import build_corpus
from kyoyaku_search.views.cli import main

from .conftest import SEED_TEXT
from .printed import agreement_html, print_pdf

SEED = parse_file(SEED_TEXT).agreement
QUESTION = "岩見沢市の災害対策での役割は"
CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


@pytest.fixture(scope="session")
def printed_pdf(chromium, tmp_path_factory) -> Path:
    return print_pdf(agreement_html(SEED), tmp_path_factory.mktemp("printed") / "sapporo-iwamizawa-printed.pdf")


def _cells(agreement):  # noqa: ANN202
    return [(r.initiative, r.content, *((c.party, c.text) for c in r.roles)) for r in agreement.annex.rows()]


def test_printed_agreement_loads_with_every_cell_equal_to_the_source(printed_pdf):
    parsed = parse_file(printed_pdf)
    agreement = parsed.agreement
    assert agreement.source_format == "pdf" and max(agreement.source_pages) >= 4  # the annex crosses pages
    assert _cells(agreement) == _cells(SEED)
    assert [(a.number, a.heading, a.text) for a in agreement.articles] == [
        (a.number, a.heading, a.text) for a in SEED.articles
    ]
    assert (agreement.title, agreement.date, agreement.supplementary.text) == (
        SEED.title,
        SEED.date,
        SEED.supplementary.text,
    )
    assert [(p.label, p.name) for p in agreement.parties] == [(p.label, p.name) for p in SEED.parties]
    kinds = {repair.kind for repair in parsed.repairs}
    assert {"page-break-join", "repeated-header", "cjk-compatibility"} <= kinds


def test_no_compatibility_glyph_survives(printed_pdf):
    parsed = parse_file(printed_pdf)
    text = "\n".join(line.text for line in parsed.lines)
    assert not [ch for ch in text if "\u2e80" <= ch <= "\u2fdf"]
    folded = next(r for r in parsed.repairs if r.kind == "cjk-compatibility" and "\u2f04" in r.before)  # ⼄
    assert "乙" in folded.after and folded.page is not None


def test_units_know_their_pages(printed_pdf, tokenizer):
    from kyoyaku_search.search.units import agreement_units

    units = {u.id.split("/", 1)[1]: u for u in agreement_units(parse_file(printed_pdf).agreement)}
    assert units["preamble"].pages == (1,)
    assert units["row-3a-5/乙"].pages and units["row-3a-5/乙"].pages[0] >= 3


def test_a_quote_from_a_pdf_cites_its_page_not_a_line_of_extracted_text(printed_pdf, tokenizer):
    agreement = parse_file(printed_pdf).agreement
    answer = ask(build_corpus([agreement], tokenizer), QUESTION)
    hit = answer.hits[0]
    (page,) = hit.unit.pages  # the 災害対策 row stands on one page of the printed annex
    assert hit.source == f"sapporo-iwamizawa-printed.pdf {page}ページ"
    assert f"原文: sapporo-iwamizawa-printed.pdf {page}ページ" in answer.text and "行" not in hit.source


def test_source_accepts_a_pdf(printed_pdf):
    out = io.StringIO()
    assert main(["--source", str(printed_pdf), "ask", QUESTION, "--json"], stdout=out) == 0
    hit = json.loads(out.getvalue())["hits"][0]
    assert (hit["id"], hit["citation"]) == ("sapporo-iwamizawa-printed/row-3a-5/乙", CITATION)
    assert hit["text"] == SEED.annex.sections[2].subsections[0].rows[4].role("乙").text


def test_parse_report_lists_what_reading_the_pdf_changed(printed_pdf):
    out = io.StringIO()
    assert main(["parse", str(printed_pdf), "--report"], stdout=out) == 0
    report = out.getvalue()
    assert "page-break-join" in report and ".pdf:p" in report


def test_a_fault_in_a_printed_agreement_names_its_page(chromium, tmp_path):
    page = agreement_html(SEED).replace("第3条\u3000", "第7条\u3000")
    with pytest.raises(AgreementFormatError) as caught:
        parse_file(print_pdf(page, tmp_path / "broken.pdf"))
    assert (caught.value.page, caught.value.line) == (1, None) and "第3条があるべき所に" in caught.value.message
    assert caught.value.japanese().startswith("broken.pdf の 1 ページ目: 第3条があるべき所に第7条")


def _image_pdf(pages: int = 1) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    images = [Image.new("RGB", (200, 280), "white") for _ in range(pages)]
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def test_a_scan_without_text_is_refused_saying_so():
    with pytest.raises(AgreementFormatError) as caught:
        parse_bytes(_image_pdf(), "scan.pdf")
    assert "文字の情報がありません" in caught.value.message and "OCR" in caught.value.message
    assert caught.value.page == 1 and str(caught.value).startswith("scan.pdf:p1: ")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xe6\x9c\xac\xe6\x96\x87 not a pdf", "PDF ではありません"),  # a text renamed .pdf
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF を読めません"),  # cut short
        (_image_pdf(61), "ページが多すぎます"),  # more pages than an agreement has
    ],
    ids=["renamed", "truncated", "too-many-pages"],
)
def test_a_broken_or_hostile_pdf_is_refused(data, message):
    with pytest.raises(AgreementFormatError) as caught:
        parse_bytes(data, "x.pdf")
    assert message in caught.value.message
