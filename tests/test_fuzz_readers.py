"""Fuzz the readers with damaged files (hypothesis): a 例規集 page, a PDF and a Word file with
bytes flipped, cut or inserted, and bytes of any kind under each name. Each is read or refused
with an AgreementFormatError naming the file — never another exception, which the CLI would
show as a traceback and the upload as a crash."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kyoyaku_search.errors import AgreementFormatError
from kyoyaku_search.ingest.parser import parse_bytes

from .printed import pdf_of
from .test_layouts import FIXTURES

EXAMPLES = 150


def _tiny_pdf() -> bytes:
    """A one-page PDF with a line of text in a standard font, written by hand."""
    content = b"BT /F1 12 Tf 72 712 Td (Agreement 1) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_of(objects)


def _word_file() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("○甲市及び乙町における連携協約")
    document.add_table(rows=2, cols=3).rows[0].cells[0].text = "取組"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


ORIGINALS = {
    "page.html": (FIXTURES / "yamaga-kumamoto-2022.html").read_bytes(),
    "printed.pdf": _tiny_pdf(),
    "agreement.docx": _word_file(),
    "agreement.txt": (FIXTURES / "inami-himeji-2015.txt").read_bytes(),
}


@st.composite
def damaged(draw) -> tuple[str, bytes]:  # noqa: ANN001
    name = draw(st.sampled_from(sorted(ORIGINALS)))
    data = bytearray(ORIGINALS[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        how = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if how == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif how == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            del data[at:]
    return name, bytes(data)


def _read_or_refuse(name: str, data: bytes) -> None:
    try:
        parse_bytes(data, name)
    except AgreementFormatError as error:
        assert error.path == name and error.message


@settings(max_examples=EXAMPLES)
@given(damaged())
def test_a_damaged_file_is_read_or_refused_with_its_name(case):
    _read_or_refuse(*case)


@settings(max_examples=EXAMPLES)
@given(st.sampled_from(sorted(ORIGINALS)), st.binary(max_size=2048))
def test_any_bytes_under_any_name_are_read_or_refused(name, data):
    _read_or_refuse(name, data)
