"""A Word (.docx) agreement → text lines, through python-docx: each paragraph a line, each
table row one line of tab-separated cells (a merged cell repeated on each row it spans), in
the order they stand in the body. A .docx has no fixed pages or lines: errors name the
paragraph's position in the body (its 「line」)."""

from __future__ import annotations

import io
import zipfile

from ..errors import AgreementFormatError
from .source import Block, SourceDocument

MAX_UNPACKED = 50 * 1024 * 1024  # a zip bomb unpacks to far more than any agreement


def read_docx(data: bytes, path: str) -> SourceDocument:
    import docx  # noqa: PLC0415 - only when a .docx comes

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise AgreementFormatError(path, None, "展開すると大きすぎる .docx です / the .docx unpacks too large")
        document = docx.Document(io.BytesIO(data))
        return _read(document, path)
    except AgreementFormatError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged zip or XML fails in many ways inside python-docx
        raise AgreementFormatError(
            path, None, f".docx を読めません（壊れています） / cannot read the .docx: {type(error).__name__}"
        ) from None


def _read(document, path: str) -> SourceDocument:  # noqa: ANN001 - a python-docx Document
    """Paragraphs and tables in the order they stand in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            blocks.append(Block(Paragraph(element, document).text.strip(), len(blocks) + 1))
        elif element.tag.endswith("}tbl"):
            blocks.append(Block("", len(blocks) + 1))
            for row in Table(element, document).rows:
                cells = [cell.text.replace("\n", "").replace("\t", " ").strip() for cell in row.cells]
                blocks.append(Block("\t".join(cells), len(blocks) + 1))
            blocks.append(Block("", len(blocks) + 1))
    return SourceDocument.of_blocks(path, "docx", blocks)
