"""The structured agreement: what the parser produces and `data/*.yaml` stores.

Every unit keeps `lines`, the 1-based line numbers of the raw source it came from, so a
quote can always be traced back to the published text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

Lines = tuple[int, ...]


@dataclass(frozen=True)
class Party:
    """One party: its label in the text (甲/乙/…) and who it is."""

    label: str
    name: str
    address: str | None = None
    mayor_title: str | None = None
    mayor_name: str | None = None
    lines: Lines = ()

    @property
    def display(self) -> str:
        """「乙（岩見沢市）」, the form used in citations and answers."""
        return f"{self.label}（{self.name}）"


@dataclass(frozen=True)
class Preamble:
    """前文: the sentence that names the parties and defines 甲/乙."""

    text: str
    lines: Lines = ()


@dataclass(frozen=True)
class Article:
    """第N条: its heading (目的, 基本方針, …) and its text without the 「第N条 」 prefix."""

    number: int
    heading: str | None
    text: str
    lines: Lines = ()

    @property
    def label(self) -> str:
        return f"第{self.number}条"


@dataclass(frozen=True)
class Supplementary:
    """附則."""

    text: str
    lines: Lines = ()


@dataclass(frozen=True)
class Signature:
    """The closing statement, date, and each party's address, name and mayor."""

    text: str
    lines: Lines = ()


@dataclass(frozen=True)
class RoleCell:
    """One party's role (甲の役割 / 乙の役割) in one annex row."""

    party: str  # the party label, 甲 or 乙
    text: str
    lines: Lines = ()


@dataclass(frozen=True)
class AnnexRow:
    """One row of 別表: 取組, 内容, and one role cell per party."""

    initiative: str
    content: str
    roles: tuple[RoleCell, ...]
    lines: Lines = ()

    def role(self, label: str) -> RoleCell | None:
        return next((cell for cell in self.roles if cell.party == label), None)


@dataclass(frozen=True)
class AnnexSubsection:
    """ア/イ/ウ … inside a numbered section."""

    letter: str
    title: str
    rows: tuple[AnnexRow, ...]
    lines: Lines = ()


@dataclass(frozen=True)
class AnnexSection:
    """(1), (2), (3) …; holds rows directly or through sub-sections."""

    number: int
    title: str
    rows: tuple[AnnexRow, ...] = ()
    subsections: tuple[AnnexSubsection, ...] = ()
    lines: Lines = ()


@dataclass(frozen=True)
class AnnexTable:
    """A run of rows under one heading, as a reader of the annex sees it."""

    key: str  # "1", "3a": stable, ASCII, used in unit ids
    label: str  # "(1)", "(3)ア"
    title: str  # the innermost heading: 「生活機能の強化」
    rows: tuple[AnnexRow, ...]


@dataclass(frozen=True)
class Annex:
    """別表 with its heading as printed (「別表（第3条関係）」)."""

    heading: str
    sections: tuple[AnnexSection, ...]
    lines: Lines = ()

    def tables(self) -> Iterator[AnnexTable]:
        for section in self.sections:
            if section.rows:
                yield AnnexTable(str(section.number), f"({section.number})", section.title, section.rows)
            for index, sub in enumerate(section.subsections):
                key = f"{section.number}{chr(ord('a') + index)}"
                yield AnnexTable(key, f"({section.number}){sub.letter}", sub.title, sub.rows)

    def rows(self) -> Iterator[AnnexRow]:
        for table in self.tables():
            yield from table.rows


@dataclass(frozen=True)
class Agreement:
    """A whole 連携協約 as structured data."""

    id: str
    title: str
    date: str | None  # ISO 8601, from the Japanese era date
    date_text: str | None  # as printed: 「平成31年（2019年）3月29日」
    parties: tuple[Party, ...]
    preamble: Preamble
    articles: tuple[Article, ...]
    supplementary: Supplementary | None
    signature: Signature | None
    annex: Annex | None
    source: str | None = None  # file name of the raw text
    source_sha256: str | None = None

    def party(self, label: str) -> Party | None:
        return next((party for party in self.parties if party.label == label), None)

    @property
    def party_key(self) -> str:
        """「甲＝札幌市　乙＝岩見沢市」: who the labels are, shown beside a quote and never inside it."""
        return "\u3000".join(f"{party.label}＝{party.name}" for party in self.parties)

    def party_names(self) -> str:
        """「札幌市と岩見沢市」 — for messages that list who the parties are."""
        return "と".join(party.name for party in self.parties)
