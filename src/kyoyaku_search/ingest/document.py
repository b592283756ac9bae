"""Any agreement file → one `SourceDocument`: text lines the parser reads (tables as
tab-separated rows), where each line stood in the published file, and what reading changed.

`read_document` picks the reader by what the bytes are (a PDF starts with %PDF, a .docx is a
zip, HTML has markup) and by the file's suffix, and refuses a file that claims one format and
holds another.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..chars import KANA, KANJI, KANJI_EXT_A
from ..errors import AgreementFormatError
from .docx import read_docx
from .flat import split_flattened
from .html import read_html
from .pdf import read_pdf
from .reader import decode_source
from .source import SourceDocument

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)
AGREEMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES + DOCX_SUFFIXES
FORMATS = ("text", "html", "pdf", "docx")
MAX_BYTES = 10 * 1024 * 1024  # an agreement is tens of KB as text, a few MB as a PDF

_URL = re.compile(r"https?://[^\s<>\"']+")
# What a URL or a YAML key cannot hold, in an id made from a file name.
_NOT_IN_ID = re.compile(f"[^0-9A-Za-z_.\\-{KANA}{KANJI_EXT_A}{KANJI}]+")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b", re.I | re.S)


def id_stem(name: str) -> str:
    """A file name's stem with each run of what a URL or a YAML key cannot hold made one 「-」."""
    return _NOT_IN_ID.sub("-", Path(name).stem).strip("-.")


def read_document(path: str | Path) -> SourceDocument:
    """Read an agreement file of any supported format; errors name the file and line or page."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(path, size)
        data = path.read_bytes()
    except OSError as error:
        raise AgreementFormatError(path, None, f"ファイルを読めません / cannot read file: {error.strerror}") from None
    return document_from_bytes(data, str(path))


def document_from_bytes(data: bytes, name: str) -> SourceDocument:
    """The same as `read_document` for bytes already in memory (an upload); `name` is its file name."""
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    kind = detect_format(data, name)
    if kind == "pdf":
        return read_pdf(data, name)
    if kind == "docx":
        return read_docx(data, name)
    if kind == "html":
        return read_html(data, name)
    return read_text(data, name)


def detect_format(data: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if suffix in PDF_SUFFIXES:
        raise AgreementFormatError(name, None, "PDF ではありません（%PDF で始まりません） / not a PDF file")
    if data.startswith(b"PK\x03\x04") and suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in DOCX_SUFFIXES:
        raise AgreementFormatError(name, None, "Word（.docx）のファイルではありません / not a .docx file")
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _HTML_START.match(data[:2048])):
        return "html"
    return "text"


def read_text(data: bytes, name: str) -> SourceDocument:
    """A plain text in any encoding `reader` knows. A leading block of `# ` lines (a fixture's
    provenance) is kept as blank lines, so line numbers stay those of the file, and may give
    the URL the text was published at. A text flattened onto one line is split back into the
    template's lines, each keeping the number of the line it came from."""
    source = decode_source(data, name)
    lines = source.text.split("\n")
    url = None
    for index, line in enumerate(lines):
        if not line.startswith("# ") and line != "#":
            break
        if url is None and (match := _URL.search(line)):
            url = match.group(0)
        lines[index] = ""
    text, numbers, repairs = split_flattened("\n".join(lines))
    if not repairs:
        return SourceDocument(name, text, "text", url)
    return SourceDocument(name, text, "text", url, source_lines=numbers, repairs=repairs)


def _too_large(path: str | Path, size: int) -> AgreementFormatError:
    return AgreementFormatError(
        path,
        None,
        f"ファイルが大きすぎます（{size / 1024 / 1024:.1f} MB、上限 {MAX_BYTES // 1024 // 1024} MB）"
        " / the file is too large",
    )
