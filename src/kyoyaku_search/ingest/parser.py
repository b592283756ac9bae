"""Parse the raw text of a 連携協約 of the national template into an `Agreement`.

The template: cover (title, date, parties), the agreement's own title, a preamble that
defines 甲/乙 by 「（以下「甲」という。）」, articles 「（見出し）」 + 「第N条 …」, 附則, a
closing statement with the signature block, and 別表 (see `annex`). PDF-extraction artefacts
are repaired on the way and every repair is recorded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Agreement, Annex, Party, Preamble
from .annex import parse_annexes
from .articles import BodyReader
from .document import SourceDocument, document_from_bytes, id_stem, read_document
from .front import (
    dated_front,
    defined_parties,
    drop_rule_lines,
    find_title,
    first_body_index,
    join_wrapped,
    named_parties,
    preamble_index,
)
from .reflow import reorder_articles
from .signature import first_date, parse_signature
from .source_lines import ParseContext, Repair, SourceLine
from .table import looks_like_table_row
from .template import (
    ANNEX,
    PARTY_DEF,
    starts_body,
)


@dataclass(frozen=True)
class ParsedSource:
    """The agreement, every repair made, and the repaired text (each line with its raw lines)."""

    agreement: Agreement
    repairs: tuple[Repair, ...]
    lines: tuple[SourceLine, ...]

    @property
    def repaired_text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def parse_file(path: str | Path, agreement_id: str | None = None) -> ParsedSource:
    """Read and parse one agreement file (text, HTML, PDF, .docx); errors name the file and
    line, or page."""
    return parse_document(read_document(path), agreement_id or Path(path).stem)


def parse_bytes(data: bytes, name: str, agreement_id: str | None = None) -> ParsedSource:
    """`parse_file` for a file held in memory (an upload); `name` is its file name."""
    return parse_document(document_from_bytes(data, name), agreement_id or _id_of(name))


def parse_document(document: SourceDocument, agreement_id: str) -> ParsedSource:
    parser = _Parser(document.text, document.path, agreement_id)
    parser.ctx = ParseContext(document.path, list(document.repairs), document.pages, document.source_lines)
    parsed = parser.parse()
    agreement = replace(
        parsed.agreement,
        source_format=document.format,
        source_url=document.url,
        source_pages=document.pages,
        source_lines=document.source_lines,
    )
    # the parser's repairs name lines of the text it read: listed at the lines of the file
    made = len(document.repairs)
    repairs = parsed.repairs[:made] + tuple(_in_file(r, document.source_lines) for r in parsed.repairs[made:])
    return ParsedSource(agreement, repairs, parsed.lines)


def _in_file(repair: Repair, source_lines: tuple[int, ...]) -> Repair:
    if not source_lines:
        return repair
    lines = tuple(source_lines[n - 1] if 0 < n <= len(source_lines) else n for n in repair.lines)
    return replace(repair, lines=tuple(dict.fromkeys(lines)))


def parse_text(text: str, path: str | Path, agreement_id: str) -> ParsedSource:
    """Parse text already decoded (tables as tab-separated rows)."""
    return _Parser(text, path, agreement_id).parse()


def _id_of(name: str) -> str:
    """An agreement id from a file name: its stem, with what a URL or a YAML key cannot hold dropped."""
    return id_stem(name)[:80] or "upload"


class _Parser:
    def __init__(self, text: str, path: str | Path, agreement_id: str) -> None:
        self.ctx = ParseContext(path)
        self.agreement_id = agreement_id
        self.source_name = Path(path).name
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.lines = [SourceLine((number,), line) for number, line in enumerate(text.split("\n"), start=1)]

    def parse(self) -> ParsedSource:
        self.lines = drop_rule_lines(self.lines, self.ctx)
        start = preamble_index(self.lines, self.ctx)
        defined = start is not None and bool(PARTY_DEF.search(self.lines[start].text))
        anchor = start if start is not None else first_body_index(self.lines)
        title_index, title = find_title(self.lines, anchor, self.ctx)
        self.lines = reorder_articles(self.lines, anchor, self.ctx)
        join_wrapped(self.lines, anchor, self.ctx)  # a preamble naming its parties may be wrapped
        if defined:
            parties = defined_parties(self.lines[start], self.ctx)
        else:
            where = self.lines[start] if start is not None else self.lines[title_index]
            parties = named_parties(self.lines, where, title or "", self.ctx)
        if title is None:
            title = self._untitled(parties)
        body = BodyReader(self.lines, self.ctx)  # repairs its sentences in self.lines, in place
        front = dated_front(self.lines[:anchor])
        cover_date = first_date(front, self.ctx)
        date_line = next((line for line in front if first_date([line], self.ctx)), None)
        if start is not None:
            preamble, body_start = self._preamble(start, body)
        else:
            preamble, body_start = SourceLine((), ""), anchor
        articles, annexes, supplementary, signature_start = body.read(body_start, parties)
        annex_start = next(
            (i for i in range(signature_start, len(self.lines)) if ANNEX.match(self.lines[i].text.strip())),
            len(self.lines),
        )
        self._check_no_table_before(annex_start)
        signature, parties, signature_date = parse_signature(self.lines[signature_start:annex_start], parties, self.ctx)
        if annex_start < len(self.lines):
            parsed, annex_lines = parse_annexes(self.lines[annex_start:], parties, self.ctx)
            for annex in parsed:
                self._check_annex_parties(annex, parties)
            annexes.extend(parsed)
            self.lines[annex_start:] = annex_lines
        date = signature_date or cover_date
        agreement = Agreement(
            id=self.agreement_id,
            title=title,
            date=date[0] if date else None,
            date_text=date[1] if date else None,
            parties=parties,
            preamble=Preamble(preamble.text, preamble.numbers),
            articles=articles,
            supplementary=supplementary,
            signature=signature,
            annex=annexes[0] if annexes else None,
            source=self.source_name,
            source_sha256=self.sha256,
            more_annexes=tuple(annexes[1:]),
            date_lines=date_line.numbers if date_line is not None and not signature_date else (),
            source_format="text",
        )
        return ParsedSource(agreement, tuple(self.ctx.repairs), tuple(self.lines))

    def _untitled(self, parties: tuple[Party, ...]) -> str:
        """A copy that printed no title is known by its parties, as a cover line names them
        (「深川市・秩父別町」); listed as a repair, so the upload says the name is not printed."""
        name = "・".join(party.name for party in parties)
        self.ctx.repairs.append(Repair(parties[0].lines[:1], "untitled", "", name))
        return name

    # --- preamble -----------------------------------------------------------------------

    def _preamble(self, start: int, body: BodyReader) -> tuple[SourceLine, int]:
        """The preamble may run over several lines, up to the first heading or article."""
        end = start + 1
        while end < len(self.lines) and not starts_body(self.lines[end].text.strip()):
            end += 1
        parts = [ln for ln in self.lines[start:end] if ln.text.strip()]
        repaired = [body.repair_line(ln, ln.text.strip()) for ln in parts]
        numbers = tuple(n for ln in parts for n in ln.numbers)
        return SourceLine(numbers, "\n".join(repaired)), end

    # --- checks across stages ------------------------------------------------------------

    def _check_no_table_before(self, annex_start: int) -> None:
        """A table row before 別表 means its heading was lost: the rows would be read as the signature."""
        row = next((line for line in self.lines[:annex_start] if looks_like_table_row(line.text)), None)
        if row is not None:
            raise self.ctx.error(
                row.first, "別表の外に表の行があります（「別表」の見出しが抜けていませんか） / a table row outside 別表"
            )

    def _check_annex_parties(self, annex: Annex, parties: tuple[Party, ...]) -> None:
        expected = [p.label for p in parties]
        for row in annex.rows():
            labels = [cell.party for cell in row.roles]
            if sorted(labels) != sorted(expected):
                missing = [label for label in expected if label not in labels]
                raise self.ctx.error(
                    row.lines[0],
                    f"別表の行に{''.join(missing) or '同じ当事者'}の役割の列がありません"
                    f" / the annex lacks a role column for {','.join(missing)}",
                )
