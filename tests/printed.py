"""An agreement printed to PDF the way a city prints one: its text as HTML with bordered annex
tables (a header row repeated on each page, rows free to break across pages), printed by
headless Debian chromium. Shared by the PDF tests, the browser upload test and the bench."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from kyoyaku_search.model import Agreement

from .browser import CHROMIUM, CHROMIUM_ARGS

_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Serif CJK JP", "Noto Sans CJK JP", serif; font-size: FONTpt; line-height: 1.6; }
p { margin: 0 0 0.6em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em 0; }
th, td { border: 1px solid #000; padding: PADpx; vertical-align: top; text-align: left; }
"""


def agreement_html(agreement: Agreement, font_pt: float = 12, padding_px: int = 8) -> str:
    """The agreement as one HTML page, in the template's order, every text as parsed."""
    e = html.escape
    parts = [f"<p>{e(agreement.title)}</p>"]
    if agreement.date_text:
        parts.append(f"<p>{e(agreement.date_text)}</p>")
    if agreement.preamble.text:
        parts.append(f"<p>{e(agreement.preamble.text)}</p>")
    for article in agreement.articles:
        if article.heading:
            parts.append(f"<p>（{e(article.heading)}）</p>")
        first, *rest = article.text.split("\n")
        parts.append(f"<p>{e(article.label)}\u3000{e(first)}</p>")
        parts += [f"<p>{e(line)}</p>" for line in rest]
    if agreement.supplementary:
        parts += ["<p>附\u3000則</p>", *(f"<p>{e(line)}</p>" for line in agreement.supplementary.text.split("\n"))]
    if agreement.signature:
        parts += [f"<p>{e(line)}</p>" for line in agreement.signature.text.split("\n")]
    for annex in agreement.annexes():
        parts.append(f"<p>{e(annex.heading)}</p>")
        head = "".join(f"<th>{e(c)}</th>" for c in annex.columns)
        for section in annex.sections:
            if section.number:
                parts.append(f"<p>({section.number}) {e(section.title)}</p>")
            groups = [("", "", section.rows)] + [(s.letter, s.title, s.rows) for s in section.subsections]
            for letter, title, rows in groups:
                if not rows:
                    continue
                if letter:
                    parts.append(f"<p>{e(letter)}\u3000{e(title)}</p>")
                body = "".join(
                    "<tr>"
                    + "".join(f"<td>{e(c)}</td>" for c in (row.initiative, row.content, *(r.text for r in row.roles)))
                    + "</tr>"
                    for row in rows
                )
                parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    style = _STYLE.replace("FONT", str(font_pt)).replace("PAD", str(padding_px))
    return f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>{style}</style></head><body>{"".join(parts)}</body></html>'


def print_pdf(page: str, pdf: Path, timeout: float = 120) -> Path:
    """Print the HTML `page` to `pdf` with headless chromium, without header and footer."""
    source = pdf.with_suffix(".html")
    source.write_text(page, encoding="utf-8")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            *CHROMIUM_ARGS,
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return pdf


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (the first the catalog) with its cross-reference table,
    written by hand: the small and the hostile PDFs the reader tests need."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
