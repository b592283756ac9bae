"""The agreement as a reader browses it: the role table (役割一覧) and the full text (協約全文).

Built from the corpus's units, so every row and paragraph carries the id and the citation
that a search answer would give it, and an answer can point into these views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..search.corpus import Corpus
from ..search.tokenizer import fold
from ..search.units import Unit

ANNEX_KINDS = ("row", "role")


@dataclass(frozen=True)
class RoleCellView:
    """One party's role in a row: 「甲（札幌市）の役割」 and its text."""

    unit_id: str
    heading: str  # 甲（札幌市）の役割
    party: str  # 札幌市
    text: str
    citation: str


@dataclass(frozen=True)
class RoleRow:
    """One 取組: its 内容 and each party's role side by side."""

    unit_id: str
    initiative: str
    content: str
    roles: tuple[RoleCellView, ...]
    citation: str

    def folded(self) -> str:
        return fold("\n".join([self.initiative, self.content, *(cell.text for cell in self.roles)])).lower()


@dataclass(frozen=True)
class RoleSection:
    """A table of the annex: 「(3)ア 生活機能の強化」 and its rows."""

    section: str
    rows: tuple[RoleRow, ...]

    @property
    def role_headings(self) -> tuple[str, ...]:
        return tuple(cell.heading for cell in self.rows[0].roles) if self.rows else ()


@dataclass(frozen=True)
class Passage:
    """A unit of the body (前文, 第N条, 附則, 署名欄) as the full text shows it."""

    unit_id: str
    heading: str  # 第1条（目的）
    text: str
    citation: str


@dataclass(frozen=True)
class FullText:
    """An agreement from title to annex."""

    agreement_id: str
    title: str
    date_text: str | None
    passages: tuple[Passage, ...]
    annex_heading: str | None
    sections: tuple[RoleSection, ...]


def role_sections(corpus: Corpus, agreement_id: str, *, named: bool = True) -> tuple[RoleSection, ...]:
    """The annex of one agreement as tables, in the order printed.

    `named` writes 甲/乙 as 「甲（札幌市）」 in cells (for the role table); otherwise the exact text."""
    agreement = corpus.agreement(agreement_id)
    units = [u for u in corpus.units if u.agreement_id == agreement_id and u.kind in ANNEX_KINDS]
    sections: dict[str, list[RoleRow]] = {}
    for row in (u for u in units if u.kind == "row"):
        cells = tuple(
            RoleCellView(
                cell.id,
                f"{agreement.party(cell.party_label).display}の役割",
                cell.party or "",
                _text(corpus, cell, named),
                cell.citation.render(corpus.multi),
            )
            for cell in units
            if cell.kind == "role" and cell.row_id == row.id
        )
        rows = sections.setdefault(row.section or "", [])
        rows.append(
            RoleRow(row.id, row.initiative or "", _text(corpus, row, named), cells, row.citation.render(corpus.multi))
        )
    return tuple(RoleSection(section, tuple(rows)) for section, rows in sections.items())


def filter_sections(sections: Sequence[RoleSection], query: str) -> tuple[RoleSection, ...]:
    """Rows holding every word of `query` (blank-separated, width and case folded).

    A word that names the section (「生活機能」) keeps all its rows."""
    words = fold(query).lower().split()
    if not words:
        return tuple(sections)
    kept = []
    for section in sections:
        heading = fold(section.section).lower()
        rows = tuple(row for row in section.rows if all(w in heading or w in row.folded() for w in words))
        if rows:
            kept.append(replace(section, rows=rows))
    return tuple(kept)


def party_rows(sections: Sequence[RoleSection], party: str | None) -> tuple[RoleSection, ...]:
    """Only `party`'s role column (the other parties' cells dropped); None keeps all."""
    if party is None:
        return tuple(sections)
    return tuple(
        replace(
            section,
            rows=tuple(replace(row, roles=tuple(c for c in row.roles if c.party == party)) for row in section.rows),
        )
        for section in sections
    )


def full_text(corpus: Corpus, agreement_id: str) -> FullText:
    """The agreement as published: every body unit with its heading and citation, then the annex."""
    agreement = corpus.agreement(agreement_id)
    passages = tuple(
        Passage(u.id, u.citation.place, u.text, u.citation.render(corpus.multi))
        for u in corpus.units
        if u.agreement_id == agreement_id and u.kind not in ANNEX_KINDS
    )
    return FullText(
        agreement.id,
        agreement.title,
        agreement.date_text,
        passages,
        agreement.annex.heading if agreement.annex else None,
        role_sections(corpus, agreement_id, named=False),
    )


def _text(corpus: Corpus, unit: Unit, named: bool) -> str:
    return corpus.display_texts[corpus.position(unit.id)] if named else unit.text
