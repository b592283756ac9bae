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
    def labelled(self) -> bool:
        """False for a party the text names directly, with no 甲/乙: its label is its name."""
        return self.label != self.name

    @property
    def display(self) -> str:
        """「乙（岩見沢市）」, the form used in citations and answers; 「福山市」 without a label."""
        return f"{self.label}（{self.name}）" if self.labelled else self.name


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
    """One party's role (甲の役割 / 乙の役割 / 福山市の役割分担…) in one annex row."""

    party: str  # the party label, 甲 or 乙 (the name itself for a party without one)
    text: str
    lines: Lines = ()


@dataclass(frozen=True)
class AnnexRow:
    """One row of 別表: 取組, 内容 (empty when the table has no such column), one role cell per party."""

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
    """(1), (2), (3) …; holds rows directly or through sub-sections. Number 0: the rows of an
    annex with no numbered sections."""

    number: int
    title: str
    rows: tuple[AnnexRow, ...] = ()
    subsections: tuple[AnnexSubsection, ...] = ()
    lines: Lines = ()
    label: str = ""  # the number as printed when it is not 「(N)」: 「2」 of 「2 高次の都市機能…」


@dataclass(frozen=True)
class AnnexTable:
    """A run of rows under one heading, as a reader of the annex sees it."""

    key: str  # "1", "3a": stable, ASCII, used in unit ids
    label: str  # "(1)", "(3)ア"; empty for an annex without sections
    title: str  # the innermost heading: 「生活機能の強化」
    rows: tuple[AnnexRow, ...]
    number: int = 0  # the section's number (第N号 when the table is written inline in an article)
    letter: str | None = None  # the sub-section's letter, ア


@dataclass(frozen=True)
class Annex:
    """別表 with its heading as printed (「別表（第3条関係）」, 「別表第2(第3条関係)」).

    `number` is N of 別表第N when there are several. `article` is set instead when the
    agreement writes its 取組 and roles inline in an article (第3条 (1) a (a) 取組内容 (b) 役割分担
    i 甲の役割): the same rows, cited in the article's terms (「第3条第1号a(b)ii」).
    """

    heading: str
    sections: tuple[AnnexSection, ...]
    lines: Lines = ()
    number: int | None = None
    article: int | None = None
    # Inline only: the first row's marker, the 内容 marker, then each party's role marker, as
    # printed (「a」「(a)」「(b)i」「(b)ii」); citations number the other rows from the first.
    markers: tuple[str, ...] = ()
    title: str = ""  # a line under the heading naming the annex's area (「…に係る政策分野」)
    columns: tuple[str, ...] = ()  # its tables' header as printed: 取組, 内容, 甲の役割, 乙の役割

    def tables(self) -> Iterator[AnnexTable]:
        for section in self.sections:
            label = section.label or (f"({section.number})" if section.number else "")
            if section.rows:
                yield AnnexTable(str(section.number), label, section.title, section.rows, section.number)
            for index, sub in enumerate(section.subsections):
                key = f"{section.number}{chr(ord('a') + index)}"
                yield AnnexTable(key, f"{label}{sub.letter}", sub.title, sub.rows, section.number, sub.letter)

    def rows(self) -> Iterator[AnnexRow]:
        for table in self.tables():
            yield from table.rows


@dataclass(frozen=True)
class SourceLocation:
    """Pages (PDF) and lines of the published file where a unit stands."""

    pages: tuple[int, ...]
    lines: Lines

    def render(self) -> str:
        """「3ページ」, 「3–4ページ」 for a PDF, else 「12行」, 「12–14行」."""
        numbers, unit = (self.pages, "ページ") if self.pages else (self.lines, "行")
        if not numbers:
            return ""
        return f"{numbers[0]}{unit}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}{unit}"


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
    more_annexes: tuple[Annex, ...] = ()  # 別表第2, 別表第3 … after the first
    date_lines: Lines = ()  # where `date_text` stands when no signature block holds it
    source_format: str | None = None  # "text", "html", "pdf", "docx"
    source_url: str | None = None  # where it was published, when the file says so
    # Per line of the text the parser read (1-based, index 0 = line 1): the PDF page it stood
    # on, and the line of the published file it came from (HTML); empty when they are the same.
    source_pages: tuple[int, ...] = ()
    source_lines: tuple[int, ...] = ()

    def party(self, label: str) -> Party | None:
        return next((party for party in self.parties if party.label == label), None)

    def annexes(self) -> tuple[Annex, ...]:
        """Every annex, the first (`annex`) first."""
        return ((self.annex,) if self.annex else ()) + self.more_annexes

    def location(self, lines: Lines) -> SourceLocation:
        """Where lines of the parsed text stand in the published source (pages, lines)."""
        pages = tuple(sorted({self.source_pages[n - 1] for n in lines if 0 < n <= len(self.source_pages)}))
        if self.source_lines:
            lines = tuple(self.source_lines[n - 1] for n in lines if 0 < n <= len(self.source_lines))
        return SourceLocation(pages, tuple(sorted(set(lines))))

    @property
    def kind(self) -> str:
        """The document's word for itself, 協定 or 協約: the last of the two its title says (a Japanese
        title ends with what the document is: 「…連携協約に基づく協定」), else its preamble
        (「次のとおり協定を締結する」); 協約 when neither says."""
        for text in (self.title, self.preamble.text):
            said = max((text.rfind(word), word) for word in ("協約", "協定"))
            if said[0] >= 0:
                return said[1]
        return "協約"

    @property
    def party_key(self) -> str:
        """「甲＝札幌市　乙＝岩見沢市」: who the labels are, shown beside a quote and never inside it."""
        return "\u3000".join(f"{party.label}＝{party.name}" for party in self.parties if party.labelled)

    def party_names(self) -> str:
        """「札幌市と岩見沢市」 — for messages that list who the parties are."""
        return "と".join(party.name for party in self.parties)
