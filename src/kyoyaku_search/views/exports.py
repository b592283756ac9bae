"""What a person takes away: the copied quote, the conversation as Markdown, the role table as
CSV and Excel. PDF is in `pdf`.

Every quote is the unit's exact text between 「」; who 甲/乙 are, where the passage stands in
the published source and the Western year of an era date follow it on lines of their own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..answering.answer import Answer, Hit, Status
from ..ingest.dates import both_calendars
from ..search.corpus import Corpus
from ..search.units import Unit, annexes_heading, source_place
from .documents import RoleSection

# Markdown marks that start markup in a Markdown file (not Streamlit's own : and $): escaped
# so that the file, read as text, shows no backslash before ordinary Japanese punctuation.
_FILE_SPECIALS = frozenset("\\`*_[]<>|~&")
_LINE_START_SPECIALS = frozenset("#+-=>")


def copy_text(hit: Hit, corpus: Corpus) -> str:
    """What the copy action puts on the clipboard: 「quote」, 出典 naming the agreement, and who
    甲/乙 are when the quote says them. The quote is `hit.unit.text`, character for character."""
    unit = hit.unit
    lines = [f"「{unit.text}」", f"出典: {unit.citation.render(True)}"]
    if hit.names_labels:
        lines.append(hit.parties)
    return "\n".join(lines)


def beside_quote(hit: Hit) -> list[str]:
    """Lines shown beside a quote, never inside it: the source place, 甲/乙, era dates."""
    return beside_text(hit.unit.text, hit.source, hit.parties if hit.names_labels else "")


def beside_unit(corpus: Corpus, unit: Unit) -> list[str]:
    """`beside_quote` for a unit shown without a search (the full text), 甲/乙 left to the page's head."""
    return beside_text(unit.text, source_place(corpus.agreement(unit.agreement_id), unit.lines))


def beside_text(text: str, source: str, parties: str = "") -> list[str]:
    lines = [f"原文: {source}"] if source else []
    if parties:
        lines.append(parties)
    return lines + [f"日付: {date}" for date in both_calendars(text)]


def own_hits(answer: Answer) -> bool:
    """Whether `answer.hits` are the answer itself (a list of a party's cells, of the rows both
    work on together, of a section's rows), not other places that also matched."""
    return answer.status in (Status.PARTY_ROLES, Status.TOGETHER, Status.PARTNERS, Status.SECTION)


def hits_heading(answer: Answer) -> str:
    """What the hits after the answer are: its own list, other matches, or (nothing found) only related."""
    if answer.status == Status.NO_MATCH:
        return "関連（言葉が近い箇所で、質問への答えではありません）"
    return "該当する箇所（別表の順）" if own_hits(answer) else "ほかの該当箇所"


# --- the conversation as a Markdown file ---------------------------------------------------------


def escape_file_markdown(text: str) -> str:
    """Text a Markdown file shows literally, with as few backslashes as CommonMark needs."""
    escaped = "".join(f"\\{ch}" if ch in _FILE_SPECIALS else ch for ch in text)
    lines = [f"\\{line}" if line[:1] in _LINE_START_SPECIALS else line for line in escaped.split("\n")]
    return "  \n".join(lines)


def conversation_markdown(turns: Sequence, corpus: Corpus, saved_at: datetime) -> str:
    """The whole conversation as a Markdown document; every quoted or typed text escaped."""
    titles = "、".join(a.title for a in corpus.agreements)
    out = [
        "# 連携協約検索 会話の記録",
        "",
        f"- 保存日時: {saved_at:%Y-%m-%d %H:%M}",
        f"- 協約: {escape_file_markdown(titles)}",
        "- 「」の中は協約本文そのままの引用です（甲・乙などの呼び方も原文のまま）。",
    ]
    for number, turn in enumerate(turns, start=1):
        out += ["", f"## 質問 {number}", "", _blockquote(turn.question)]
        filters = [f for f in (turn.party, turn.agreement) if f]
        if filters:
            out += ["", f"（絞り込み: {escape_file_markdown('・'.join(filters))}）"]
        out += ["", *_answer_markdown(turn, corpus)]
    return "\n".join(out) + "\n"


def _answer_markdown(turn, corpus: Corpus) -> list[str]:  # noqa: ANN001 - a web.Turn
    if turn.answer is None:
        return [escape_file_markdown(turn.error or "")]
    answer = turn.answer
    notes = [f"（{escape_file_markdown(note)}）" for note in answer.notes]
    lines = [*notes, *([""] if notes else [])]
    if answer.message:
        lines.append(escape_file_markdown(answer.message))
    lines += [f"- {escape_file_markdown(i.name)}（出典: {escape_file_markdown(i.citation)}）" for i in answer.items]
    if answer.quotes:
        lines += ["**回答**", ""]
    for quote in answer.quotes:
        heading = f"**{escape_file_markdown(quote.heading)}**" if quote.heading else ""
        lines += [*([heading, ""] if heading else []), *_quoted(quote.hit), ""]
    quoted = {quote.hit.unit.id for quote in answer.quotes}
    hits = [hit for hit in answer.hits if hit.unit.id not in quoted]
    if hits:
        lines += ["", f"**{hits_heading(answer)}**", ""]
        for hit in hits:
            lines += [*_quoted(hit, indent="  ", bullet=True), ""]
    return lines


def _quoted(hit: Hit, indent: str = "", bullet: bool = False) -> list[str]:
    first = f"{indent[:-2]}- " if bullet and indent else ""
    lines = [f"{first}出典: {escape_file_markdown(hit.citation)}"] if bullet else []
    lines.append(_blockquote(f"「{hit.unit.text}」", indent=indent if bullet else ""))
    if not bullet:
        lines.append(f"> 出典: {escape_file_markdown(hit.citation)}  ")
    lines += [f"{indent if bullet else '> '}{escape_file_markdown(line)}  " for line in beside_quote(hit)]
    return lines


def _blockquote(text: str, indent: str = "") -> str:
    """Each line quoted and ended with a hard break, so a multi-line quote keeps its lines."""
    return "\n".join(f"{indent}> {escape_file_markdown(line)}  " for line in text.split("\n"))


# --- the role table as rows of plain text ------------------------------------------------------


@dataclass(frozen=True)
class RoleTable:
    """The role table as a spreadsheet sees it: one row per 取組, each cell the exact text."""

    title: str
    agreement: str  # the agreement's title, which each 出典 starts with
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def role_table(corpus: Corpus, agreement_id: str, sections: Sequence[RoleSection]) -> RoleTable:
    """区分, 取組, 内容, each party's role, 出典 and the row's place in the published source."""
    agreement = corpus.agreement(agreement_id)
    parties = next((s.role_headings for s in sections if s.rows), ())
    headings = ("区分", "取組", "内容", *parties, "出典", "原文")
    rows = []
    for section in sections:
        for row in section.rows:
            roles = {cell.heading: cell.text for cell in row.roles}
            citation = f"{agreement.title} {row.citation}" if not corpus.multi else row.citation
            place = source_place(agreement, row.lines)
            cells = (roles.get(heading, "") for heading in parties)
            rows.append((section.section, row.initiative, row.content, *cells, citation, place))
    title = f"{agreement.title} {annexes_heading(agreement) or ''}"
    return RoleTable(title, agreement.title, headings, tuple(rows))


def role_csv(table: RoleTable) -> bytes:
    """UTF-8 with a byte order mark, so Excel opens the Japanese text as it is."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headings)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8-sig")


def role_xlsx(table: RoleTable) -> bytes:
    """An Excel workbook (openpyxl): a title line, the header frozen, long cells wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "役割一覧"
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(table.headings))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
    widths = {"区分": 22, "取組": 18, "出典": 40, "原文": 26}
    for index, heading in enumerate(table.headings, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = widths.get(heading, 45)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
