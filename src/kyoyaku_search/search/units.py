"""Searchable units of an agreement and their citations.

A unit is what an answer quotes: the preamble, each article, 附則, the signature block,
each annex row (取組 + 内容) and each role cell (one per party per row). `text` is always the
exact (repaired) source text; `context` is what else the search may match on — a role
cell's row and section, so 「岩見沢市の災害対策」 reaches the cell that only says 「…について」.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Agreement, AnnexRow, AnnexTable, Lines

KINDS = ("preamble", "article", "supplementary", "signature", "row", "role")


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

    @property
    def search_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text


def source_place(agreement: Agreement, lines: Lines) -> str:
    """Where a unit stands in the published source: 「sapporo-iwamizawa-2019.txt 97〜99行」."""
    where = ""
    if lines:
        first, last = min(lines), max(lines)
        where = f"{first}行" if first == last else f"{first}〜{last}行"
    return " ".join(part for part in (agreement.source or "", where) if part)


def agreement_units(agreement: Agreement) -> list[Unit]:
    """Every unit of `agreement`, in document order."""
    return list(_units(agreement))


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
    if agreement.annex:
        for table in agreement.annex.tables():
            for number, row in enumerate(table.rows, start=1):
                yield from _row_units(agreement, table, number, row, cite)


def _row_units(agreement: Agreement, table: AnnexTable, number: int, row: AnnexRow, cite) -> Iterator[Unit]:  # noqa: ANN001
    aid = agreement.id
    assert agreement.annex is not None
    section = f"{table.label} {table.title}"
    place = f"{agreement.annex.heading}{section}「{row.initiative}」"
    row_id = f"{aid}/row-{table.key}-{number}"
    context = f"{table.title}\n{row.initiative}"
    yield Unit(
        row_id,
        "row",
        aid,
        row.content,
        cite(place),
        context=context,
        section=section,
        initiative=row.initiative,
        row_id=row_id,
        lines=row.lines,
    )
    for cell in row.roles:
        party = agreement.party(cell.party)
        assert party is not None  # the parser checks every role column names a party
        yield Unit(
            f"{row_id}/{cell.party}",
            "role",
            aid,
            cell.text,
            cite(f"{place}{party.display}の役割"),
            context=f"{context}\n{row.content}\n役割",
            section=section,
            initiative=row.initiative,
            party_label=party.label,
            party=party.name,
            row_id=row_id,
            lines=cell.lines,
        )
