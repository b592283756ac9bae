"""Reading agreements as published, timed: parse time per format, and upload → first answer for
a 5-page PDF (target ≤ 3 s), in the library and in the real browser. Printed, never asserted.

    .venv/bin/python benchmarks/ingest.py [--runs N] [--no-browser]

Formats: the seed as text; a 例規集 page (HTML); the seed printed to PDF by headless chromium
(5 pages, the annex crossing them); the seed as a Word file. Upload → first answer: the bytes
parsed in the bounded child process the page uses, the session corpus built, the question
answered; in the browser, from handing the file to the uploader to the cited cell on the page.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kyoyaku_search import ask, load_corpus  # noqa: E402
from kyoyaku_search.ingest.parser import parse_bytes, parse_file  # noqa: E402
from kyoyaku_search.model import Agreement  # noqa: E402
from kyoyaku_search.views.upload import read_upload, with_uploads  # noqa: E402

SEED = ROOT / "data" / "sapporo-iwamizawa-2019.txt"
PAGE = ROOT / "tests" / "fixtures" / "agreements" / "yamaga-kumamoto-2022.html"
QUESTION = "岩見沢市の災害対策での役割は"
CITATION = "(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"


def median_s(run: Callable[[], object], runs: int) -> float:
    run()  # warm: imports, the first use of a reader
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def word_file(agreement: Agreement) -> bytes:
    import docx

    document = docx.Document()
    for line in (agreement.title, agreement.date_text or "", agreement.preamble.text):
        document.add_paragraph(line)
    for article in agreement.articles:
        document.add_paragraph(f"（{article.heading}）")
        document.add_paragraph(f"{article.label}\u3000{article.text}")
    document.add_paragraph("附\u3000則")
    document.add_paragraph(agreement.supplementary.text)
    document.add_paragraph(agreement.annex.heading)
    for section in agreement.annex.sections:
        document.add_paragraph(f"({section.number}) {section.title}")
        for letter, title, rows in [("", "", section.rows)] + [
            (s.letter, s.title, s.rows) for s in section.subsections
        ]:
            if not rows:
                continue
            if letter:
                document.add_paragraph(f"{letter}\u3000{title}")
            table = document.add_table(rows=len(rows) + 1, cols=4)
            for cell, text in zip(table.rows[0].cells, agreement.annex.columns, strict=True):
                cell.text = text
            for row, cells in zip(table.rows[1:], rows, strict=True):
                texts = (cells.initiative, cells.content, *(c.text for c in cells.roles))
                for cell, text in zip(row.cells, texts, strict=True):
                    cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def browser_upload(pdf: Path, runs: int) -> list[float]:
    from tests.browser import ask_in_chat, chromium_page, streamlit_server

    times = []
    with streamlit_server() as server, chromium_page() as page:
        for _ in range(runs):
            page.goto(server.url)
            page.locator("[data-testid='stChatInput'] textarea").wait_for(state="visible")
            start = time.perf_counter()
            page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(pdf))
            page.get_by_text("条 6・別表の行 20・役割の欄 40").wait_for()
            ask_in_chat(page, QUESTION)
            page.locator("[data-testid='stChatMessage']").nth(1).get_by_text(CITATION).first.wait_for()
            times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    from tests.printed import agreement_html, print_pdf

    seed = parse_file(SEED).agreement
    with tempfile.TemporaryDirectory() as tmp:
        pdf = print_pdf(agreement_html(seed), Path(tmp) / "sapporo-printed.pdf")
        import pdfplumber

        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
        sources = {
            "text (seed)": (SEED.read_bytes(), "seed.txt"),
            "html (例規集 page)": (PAGE.read_bytes(), "page.html"),
            f"pdf ({pages} pages)": (pdf.read_bytes(), "printed.pdf"),
            "docx (seed)": (word_file(seed), "seed.docx"),
        }
        print("parse time per format (in process, median)")
        for label, (data, name) in sources.items():
            seconds = median_s(lambda data=data, name=name: parse_bytes(data, name), args.runs)
            print(f"  {label:<20} {len(data) / 1024:>7.0f} KB  {seconds * 1000:>8.1f} ms")
        base = load_corpus(None)
        data = pdf.read_bytes()

        def upload_and_ask() -> object:
            agreement, _ = read_upload(data, "printed.pdf", {a.id for a in base.agreements})
            return ask(with_uploads(base, [agreement]), QUESTION, agreement=agreement.id)

        seconds = median_s(upload_and_ask, args.runs)
        print(f"\nupload → first answer, {pages}-page PDF (target ≤ 3 s)")
        print(f"  library: child-process parse + session index + ask   {seconds:.2f} s (median of {args.runs})")
        if not args.no_browser:
            times = browser_upload(pdf, 3)
            print(
                f"  browser: file to the uploader → cited cell on the page   {statistics.median(times):.2f} s"
                f" (median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
