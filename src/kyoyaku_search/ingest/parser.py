"""Parse the raw text of a 連携協約 of the national template into an `Agreement`.

The template: cover (title, date, parties), the agreement's own title, a preamble that
defines 甲/乙 by 「（以下「甲」という。）」, articles 「（見出し）」 + 「第N条 …」, 附則, a
closing statement with the signature block, and 別表 (see `annex`). PDF-extraction artefacts
are repaired on the way and every repair is recorded.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Agreement, Annex, Article, Party, Preamble, Supplementary
from .annex import looks_like_table_row, parse_annexes
from .dates import kanji_number
from .document import SourceDocument, document_from_bytes, read_document
from .front import (
    dated_front,
    defined_parties,
    drop_rule_lines,
    find_title,
    first_body_index,
    join_wrapped,
    named_parties,
    preamble_index,
    starts_annex,
)
from .items import has_inline_roles, marker_kind, parse_inline
from .reflow import reorder_articles
from .repair import SENTENCE_END, repair_sentence
from .signature import first_date, parse_signature
from .source_lines import ParseContext, Repair, SourceLine
from .template import (
    ANNEX,
    ARTICLE,
    CLOSING,
    HEADING,
    NUMBERED,
    PARAGRAPH_NUMBER,
    PART,
    PARTY_DEF,
    SIGNER,
    SUPPLEMENTARY,
    is_date_line,
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
    return ParsedSource(agreement, parsed.repairs, parsed.lines)


def parse_text(text: str, path: str | Path, agreement_id: str) -> ParsedSource:
    """Parse text already decoded (tables as tab-separated rows)."""
    return _Parser(text, path, agreement_id).parse()


def _id_of(name: str) -> str:
    """An agreement id from a file name: its stem, with what a URL or a YAML key cannot hold dropped."""
    stem = re.sub(r"[^0-9A-Za-z_.\-\u3040-\u30ff\u3400-\u9fff]+", "-", Path(name).stem).strip("-.")
    return stem[:80] or "upload"


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
        front = dated_front(self.lines[:anchor])
        cover_date = first_date(front, self.ctx)
        date_line = next((line for line in front if first_date([line], self.ctx)), None)
        if start is not None:
            preamble, body_start = self._preamble(start)
        else:
            preamble, body_start = SourceLine((), ""), anchor
        articles, annexes, supplementary, signature_start = self._articles(body_start, parties)
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

    def _preamble(self, start: int) -> tuple[SourceLine, int]:
        """The preamble may run over several lines, up to the first heading or article."""
        end = start + 1
        while end < len(self.lines) and not starts_body(self.lines[end].text.strip()):
            end += 1
        parts = [ln for ln in self.lines[start:end] if ln.text.strip()]
        repaired = [self._repair_line(ln, ln.text.strip()) for ln in parts]
        numbers = tuple(n for ln in parts for n in ln.numbers)
        return SourceLine(numbers, "\n".join(repaired)), end

    def _repaired_text(self, line: SourceLine) -> SourceLine:
        """An item's text line (not its marker line) with PDF artefacts repaired, as now stored."""
        if marker_kind(line.text):
            return line
        index = self.lines.index(line)
        self._repair_line(line, line.text.strip())
        return self.lines[index]

    def _repair_line(self, line: SourceLine, sentence: str) -> str:
        """Repair one sentence of body text in place; return the repaired sentence."""
        repaired, changes = repair_sentence(sentence)
        if changes:
            self.ctx.record(line.numbers, changes)
            index = self.lines.index(line)
            self.lines[index] = SourceLine(line.numbers, line.text.replace(sentence, repaired, 1))
        return repaired

    # --- articles and 附則 ----------------------------------------------------------------

    def _articles(
        self, start: int, parties: tuple[Party, ...]
    ) -> tuple[tuple[Article, ...], list[Annex], Supplementary | None, int]:
        """The articles, any 取組 written inline in one of them (as annexes), 附則, and where
        the signature block starts."""
        articles: list[dict] = []
        inline: list[Annex] = []
        heading: SourceLine | None = None
        index, after_blank = start, True
        while index < len(self.lines):
            line = self.lines[index]
            text = line.text.strip()
            index += 1
            if not text:
                after_blank = True
                continue
            if SUPPLEMENTARY.match(text) or self._starts_annex(index - 1) or CLOSING.search(text):
                index -= 1
                break
            if heading is not None and not ARTICLE.match(text):
                raise self.ctx.error(
                    heading.first,
                    f"見出し{heading.text.strip()}の後に条がありません / a heading not followed by an article",
                )
            if PART.match(text):
                continue  # 「第一編 総則」: groups the articles, numbered straight through
            if HEADING.match(text):
                heading = line
            elif match := ARTICLE.match(text):
                number = kanji_number(match["number"])
                expected = len(articles) + 1
                if number != expected:
                    raise self.ctx.error(
                        line.first, f"第{expected}条があるべき所に{text[:8]}があります / expected article {expected}"
                    )
                body = self._repair_line(line, match["text"]) if match["text"] else ""
                name = HEADING.match(heading.text.strip())["heading"] if heading else None
                articles.append(
                    {
                        "number": number,
                        "heading": name,
                        "parts": [body],
                        "lines": [*(heading.numbers if heading else ()), *line.numbers],
                    }
                )
                heading = None
                end = self._article_end(index)
                if has_inline_roles(self.lines[index:end], parties):
                    block = [each for each in self.lines[index:end] if each.text.strip()]
                    first_item = next((i for i, each in enumerate(block) if marker_kind(each.text)), len(block))
                    for lead in block[:first_item]:
                        articles[-1]["parts"].append(self._paragraph(lead, lead.text.strip()))
                        articles[-1]["lines"].extend(lead.numbers)
                    items = [self._repaired_text(each) for each in block[first_item:]]
                    inline.append(parse_inline(number, items, parties, self.ctx))
                    index = end
            elif articles:
                self._check_paragraph(articles[-1], line, text, after_blank)
                articles[-1]["parts"].append(self._paragraph(line, text))
                articles[-1]["lines"].extend(line.numbers)
            else:
                raise self.ctx.error(line.first, f"条の外に文があります / text outside any article: {text[:30]}")
            after_blank = False
        if heading is not None:
            raise self.ctx.error(heading.first, "見出しの後に条がありません / a heading not followed by an article")
        if not articles:
            raise self.ctx.error(
                self.lines[min(start, len(self.lines) - 1)].first, "条（第1条 …）が一つもありません / no articles"
            )
        frozen = tuple(
            Article(a["number"], a["heading"], "\n".join(p for p in a["parts"] if p), tuple(a["lines"]))
            for a in articles
        )
        supplementary, index = self._supplementary(index)
        return frozen, inline, supplementary, index

    def _starts_annex(self, index: int) -> bool:
        return starts_annex(self.lines, index)

    def _article_end(self, index: int) -> int:
        """Where the article whose body starts at `index` ends: the next article, heading of
        one, 附則, 別表 or closing statement."""
        for end in range(index, len(self.lines)):
            text = self.lines[end].text.strip()
            if (
                ARTICLE.match(text)
                or PART.match(text)
                or SUPPLEMENTARY.match(text)
                or self._starts_annex(end)
                or CLOSING.search(text)
            ):
                return end
            if HEADING.match(text):
                after = next((each.text.strip() for each in self.lines[end + 1 :] if each.text.strip()), "")
                if ARTICLE.match(after):
                    return end
        return len(self.lines)

    def _check_paragraph(self, article: dict, line: SourceLine, text: str, after_blank: bool) -> None:
        """A new block (after a blank line) once the article's sentence has ended must be a
        numbered paragraph or item; anything else is a lost heading or 附則 that would
        otherwise be quoted as this article. A line with no blank before it continues a
        sentence wrapped by the PDF extractor."""
        if after_blank and article["parts"][-1].endswith(SENTENCE_END) and not NUMBERED.match(text):
            raise self.ctx.error(
                line.first,
                f"第{article['number']}条の後に、"
                f"条・項・見出しのどれでもない行があります（見出しや「附則」が崩れていませんか）: {text[:20]}"
                " / a line that is no article, paragraph or heading",
            )

    def _paragraph(self, line: SourceLine, text: str) -> str:
        """A later paragraph (「2 …」): repair the sentence, keep its number as printed."""
        number = PARAGRAPH_NUMBER.match(text)
        prefix = number.group(0) if number else ""
        return prefix + self._repair_line(line, text[len(prefix) :])

    def _supplementary(self, index: int) -> tuple[Supplementary | None, int]:
        if index >= len(self.lines) or not SUPPLEMENTARY.match(self.lines[index].text.strip()):
            return None, index
        heading = self.lines[index]
        parts: list[SourceLine] = []
        index += 1
        while index < len(self.lines):
            text = self.lines[index].text.strip()
            if CLOSING.search(text) or ANNEX.match(text) or SIGNER.match(text) or is_date_line(text):
                break
            if text:
                parts.append(self.lines[index])
            index += 1
        if not parts:
            raise self.ctx.error(heading.first, "附則に本文がありません / 附則 has no text")
        texts = [self._paragraph(line, line.text.strip()) for line in parts]
        numbers = heading.numbers + tuple(n for line in parts for n in line.numbers)
        return Supplementary("\n".join(texts), numbers), index

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
