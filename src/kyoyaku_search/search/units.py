"""Searchable units of an agreement and their citations.

A unit is what an answer quotes: the preamble, each article, 附則, the signature block,
each annex row (取組 + 内容) and each role cell (one per party per row). `text` is always the
exact (repaired) source text; `context` is what else the search may match on — a role
cell's row and section, so 「岩見沢市の災害対策」 reaches the cell that only says 「…について」.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..ingest.items import nth_marker, party_of
from ..ingest.role_articles import is_role_annex
from ..model import Agreement, Annex, AnnexRow, AnnexTable, Lines, Party

KINDS = ("preamble", "article", "supplementary", "signature", "row", "role", "date")
# "date": the date printed under the title, a unit of its own only when no signature block
# holds the date (a 例規集 page has none): what an effective-date question falls back on.


@dataclass(frozen=True)
class Citation:
    """Where a quote stands: the agreement and the place inside it."""

    agreement: str  # the agreement's title
    place: str  # 「第4条（費用分担）」, 「別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割」

    def render(self, with_agreement: bool = False) -> str:
        return f"{self.agreement} {self.place}" if with_agreement else self.place


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str
    agreement_id: str
    text: str
    citation: Citation
    context: str = ""
    article: int | None = None
    section: str | None = None  # 「(3)ア 生活機能の強化」
    initiative: str | None = None
    party_label: str | None = None
    party: str | None = None  # the municipality, for role cells
    row_id: str | None = None  # for rows and role cells: the row's id
    lines: Lines = ()
    pages: tuple[int, ...] = ()  # the PDF pages the unit stands on (empty for other formats)
    # What is searched in place of `text`, when the units of its parts quote the rest: a 取組
    # article's first paragraph, its role paragraphs being the role cells'.
    searched: str | None = None

    @property
    def search_text(self) -> str:
        text = self.text if self.searched is None else self.searched
        return f"{self.context}\n{text}" if self.context else text


def source_place(agreement: Agreement, lines: Lines) -> str:
    """Where a unit stands in the published source: 「sapporo-iwamizawa-2019.txt 97〜99行」; a PDF
    whose pages the reader knows by page, 「協約.pdf 3ページ」 (its text lines are no line of the
    PDF); an HTML page or a text split back into lines by the lines of the published file."""
    location = agreement.location(lines)
    pages = tuple(page for page in location.pages if page > 0)
    numbers, unit = (pages, "ページ") if pages else (location.lines, "行")
    where = ""
    if numbers:
        first, last = min(numbers), max(numbers)
        where = f"{first}{unit}" if first == last else f"{first}〜{last}{unit}"
    return " ".join(part for part in (agreement.source or "", where) if part)


def agreement_units(agreement: Agreement) -> list[Unit]:
    """Every unit of `agreement`, in document order."""
    units = list(_units(agreement))
    if not agreement.source_pages:
        return units
    return [replace(unit, pages=agreement.location(unit.lines).pages) for unit in units]


def _units(agreement: Agreement) -> Iterator[Unit]:
    aid, title = agreement.id, agreement.title

    def cite(place: str) -> Citation:
        return Citation(title, place)

    yield Unit(
        f"{aid}/preamble",
        "preamble",
        aid,
        agreement.preamble.text,
        cite("前文"),
        context=title,
        lines=agreement.preamble.lines,
    )
    rows = _article_rows(agreement)
    for article in agreement.articles:
        place = f"{article.label}（{article.heading}）" if article.heading else article.label
        yield Unit(
            f"{aid}/art-{article.number}",
            "article",
            aid,
            article.text,
            cite(place),
            context=article.heading or "",
            article=article.number,
            lines=article.lines,
            initiative=rows[article.number][1].initiative if article.number in rows else None,
            row_id=rows[article.number][0] if article.number in rows else None,
            searched=rows[article.number][1].content if article.number in rows else None,
        )
    if agreement.supplementary:
        yield Unit(
            f"{aid}/supplementary",
            "supplementary",
            aid,
            agreement.supplementary.text,
            cite("附則"),
            context="附則",
            lines=agreement.supplementary.lines,
        )
    if agreement.signature:
        yield Unit(
            f"{aid}/signature",
            "signature",
            aid,
            agreement.signature.text,
            cite("署名欄"),
            context="署名",
            lines=agreement.signature.lines,
        )
    if agreement.date_text and agreement.date_lines:
        yield Unit(
            f"{aid}/date",
            "date",
            aid,
            agreement.date_text,
            cite("日付"),
            context="締結 日付",
            lines=agreement.date_lines,
        )
    annexes = agreement.annexes()
    for index, annex in enumerate(annexes, start=1):
        prefix = "" if index == 1 else f"x{index}."  # the first annex keeps the seed's ids
        heading = _annex_heading(annex, len(annexes))
        for table in annex.tables():
            for number, row in enumerate(table.rows, start=1):
                yield from _row_units(agreement, annex, heading, prefix, table, number, row, cite)


def _article_rows(agreement: Agreement) -> dict[int, tuple[str, AnnexRow]]:
    """Per 取組 article: the id of the row read from it, and the row. Its first paragraph and role
    paragraphs are units of their own, so the article is searched by its first paragraph only and
    is that 取組 (a role question about it is answered by the role paragraph)."""
    rows = {}
    for index, annex in enumerate(agreement.annexes(), start=1):
        if is_role_annex(annex) and annex.article is not None:
            table = next(annex.tables())
            prefix = "" if index == 1 else f"x{index}."  # as `_units` numbers them
            rows[annex.article] = (f"{agreement.id}/row-{prefix}{table.key}-1", table.rows[0])
    return rows


def _repeat(table: AnnexTable, number: int) -> str:
    """「の2行目」 for the second 内容 row of a 取組 spanning several (rowspan), so each cites apart."""
    row = table.rows[number - 1]
    same = [i for i, other in enumerate(table.rows, start=1) if other.initiative == row.initiative]
    return f"の{same.index(number) + 1}行目" if len(same) > 1 else ""


def annexes_heading(agreement: Agreement) -> str | None:
    """How a page or export names where the agreement's 取組 stand: its first annex's heading
    (「別表（第3条関係）」, 「第3条」 for 取組 inline in it), 「第7条〜第11条」 for 取組 written as articles."""
    annexes = agreement.annexes()
    if not annexes:
        return None
    if len(annexes) > 1 and all(is_role_annex(annex) for annex in annexes):
        return f"{annexes[0].heading}〜{annexes[-1].heading}"
    return annexes[0].heading


def _annex_heading(annex: Annex, count: int) -> str:
    """How citations name an annex: as printed when it is the only one (「別表（第3条関係）」),
    「別表第2 」 among several."""
    if count > 1 and annex.number is not None:
        return f"別表第{annex.number}"
    return annex.heading


def _role_name(annex: Annex, position: int, party: Party) -> str:
    """「乙（岩見沢市）の役割」, the column as printed with its party named
    (「福山市の役割分担及び費用分担」), an inline role's marker (「(b)ii」), or the paragraph of a
    取組 article with the party named (「第2項 甲（xx町）の役割」)."""
    if is_role_annex(annex) and len(annex.markers) > 2 + position:
        return f"{annex.markers[2 + position]} {party.display}の役割".lstrip()
    if annex.article is not None and len(annex.markers) > 2 + position:
        return annex.markers[2 + position]
    for column in annex.columns:
        who = column.split("の役割", 1)[0] if "の役割" in column else None
        if who and party_of(who, (party,)):
            return column.replace(who, party.display, 1) if party.labelled else column
    return f"{party.display}の役割"


def _row_units(
    agreement: Agreement,
    annex: Annex,
    heading: str,
    prefix: str,
    table: AnnexTable,
    number: int,
    row: AnnexRow,
    cite: Callable[[str], Citation],
) -> Iterator[Unit]:
    aid = agreement.id
    section = " ".join(part for part in (table.label, table.title) if part)
    if is_role_annex(annex):
        # a 取組 article: 第8条（小児救急医療体制の確保）第1項, …第2項 甲（xx町）の役割
        place = f"第{annex.article}条（{row.initiative}）"
        row_place, role_place = f"{place}{annex.markers[1]}", place
    elif annex.article is not None and len(annex.markers) >= 2:
        # inline in 第3条: 第3条第1号a(a) 取組内容, 第3条第1号a(b)ii 乙の役割
        place = f"第{annex.article}条第{table.number}号{table.letter or ''}{nth_marker(annex.markers[0], number - 1)}"
        row_place, role_place = f"{place}{annex.markers[1]}", place
    else:
        gap = " " if section and heading.startswith("別表第") and heading[-1].isdigit() else ""
        place = f"{heading}{gap}{section}「{row.initiative}」{_repeat(table, number)}"
        row_place, role_place = place, place
    row_id = f"{aid}/row-{prefix}{table.key}-{number}"
    context = f"{table.title}\n{row.initiative}"
    article = annex.article if is_role_annex(annex) else None  # the 取組 article its paragraphs stand in
    yield Unit(
        row_id,
        "row",
        aid,
        row.content or row.initiative,
        cite(row_place),
        context=context,
        article=article,
        section=section,
        initiative=row.initiative,
        row_id=row_id,
        lines=row.lines,
    )
    for position, cell in enumerate(row.roles):
        party = agreement.party(cell.party)
        assert party is not None  # the parser checks every role column names a party
        own = _role_name(annex, position, party)
        yield Unit(
            f"{row_id}/{cell.party}",
            "role",
            aid,
            cell.text,
            cite(f"{role_place}{own}"),
            context=f"{context}\n{row.content}\n役割",
            article=article,
            section=section,
            initiative=row.initiative,
            party_label=party.label,
            party=party.name,
            row_id=row_id,
            lines=cell.lines,
        )
