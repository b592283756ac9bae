"""The agreement as a reader browses it: the role table (役割一覧) and the full text (協約全文).

Built from the corpus's units, so every row and paragraph carries the id and the citation
that a search answer would give it, and an answer can point into these views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..answering.answer import not_a_party_message
from ..answering.question import understand
from ..answering.ranking import allowed_units
from ..errors import QuestionError
from ..search.corpus import Corpus
from ..search.tokenizer import fold
from ..search.units import annexes_heading
from .marks import highlight_terms

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
    lines: tuple[int, ...] = ()  # the row's lines in the published source

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


def role_sections(corpus: Corpus, agreement_id: str) -> tuple[RoleSection, ...]:
    """The annex of one agreement as tables, in the order printed, every cell the exact text."""
    agreement = corpus.agreement(agreement_id)
    units = [u for u in corpus.units if u.agreement_id == agreement_id and u.kind in ANNEX_KINDS]
    sections: dict[str, list[RoleRow]] = {}
    for row in (u for u in units if u.kind == "row"):
        cells = tuple(
            RoleCellView(
                cell.id,
                f"{agreement.party(cell.party_label).display}の役割",
                cell.party or "",
                cell.text,
                cell.citation.render(corpus.multi),
            )
            for cell in units
            if cell.kind == "role" and cell.row_id == row.id
        )
        rows = sections.setdefault(row.section or "", [])
        rows.append(
            RoleRow(row.id, row.initiative or "", row.text, cells, row.citation.render(corpus.multi), row.lines)
        )
    return tuple(RoleSection(section, tuple(rows)) for section, rows in sections.items())


@dataclass(frozen=True)
class RoleFilter:
    """What the role table's filter box found, read as the chat reads a question."""

    rows: frozenset[str]  # ids of the rows the search found (a row, or one of its role cells)
    terms: tuple[str, ...] = ()  # the words to mark: the question's own and the synonyms used
    message: str = ""  # why nothing can be found (a municipality that is not a party, …)
    party: str | None = None  # the one party the words name (「岩見沢市の観光」): only its column is shown


def understand_filter(corpus: Corpus, agreement_id: str, text: str) -> RoleFilter:
    """Search the annex of one agreement as the chat would: 「防災」 finds 災害対策 through the
    synonym lists, 「いわみざわしのふくし」 is read, a named party keeps only its cells."""
    if not text.strip():
        return RoleFilter(frozenset())
    try:
        question = understand(corpus, text)
    except QuestionError as error:
        return RoleFilter(frozenset(), message=str(error))
    if question.outsiders:
        return RoleFilter(frozenset(), message=not_a_party_message(corpus, question.outsiders))
    mask = allowed_units(corpus, question.parties, agreement_id) & corpus.columns.of_kinds(ANNEX_KINDS)
    # Every word the user wrote must match, as the box's plain words do; a word the agreement
    # never uses (「防災」) is searched through the words the synonym lists put in its place.
    own = [t for t in question.own_topic_terms if corpus.index.document_frequency(t)]
    for term in own:
        mask &= corpus.index.matches([term])
    if not own:
        mask &= corpus.index.matches(question.topic_terms)
    found = frozenset(corpus.units[i].row_id or "" for i in np.flatnonzero(mask).tolist())
    named = {p.name for p in question.parties}
    return RoleFilter(found, highlight_terms(question), party=next(iter(named)) if len(named) == 1 else None)


def filter_sections(
    sections: Sequence[RoleSection], query: str, found: frozenset[str] = frozenset()
) -> tuple[RoleSection, ...]:
    """Rows holding every word of `query` (blank-separated, width and case folded), and the
    rows in `found` (what `understand_filter` found for the same words).

    A word that names the section (「生活機能」) keeps all its rows."""
    words = fold(query).lower().split()
    if not words:
        return tuple(sections)
    kept = []
    for section in sections:
        heading = fold(section.section).lower()
        rows = tuple(
            row for row in section.rows if row.unit_id in found or all(w in heading or w in row.folded() for w in words)
        )
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
        annexes_heading(agreement),
        role_sections(corpus, agreement_id),
    )
