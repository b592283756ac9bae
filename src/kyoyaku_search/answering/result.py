"""What an answer is made of: its shape (`Status`), the units it quotes (`Hit`, `Quote`), the
items it lists (`ListItem`) and the `Answer` itself, whose fields every view renders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..ingest.dates import both_calendars
from ..search.corpus import Corpus
from ..search.names import PartyName
from ..search.units import Unit
from .question import Context, Query, Question
from .records import record

NO_MATCH = "該当する条文・別表の項目は見つかりませんでした。言葉を変えて質問してみてください。"


class Status(StrEnum):
    """What shape an answer has."""

    ANSWERED = "answered"  # one quote
    BOTH_PARTIES = "both_parties"  # one row's role cells, one quote per party
    PARTY_ROLES = "party_roles"  # a party's role cells, listed
    TOGETHER = "together"  # the 取組 the parties do together, listed
    PARTNERS = "partners"  # a municipality's partners, listed
    SECTION = "section"  # the rows the question names (an annex section 別表(3)ア; 「その他」とつく取組), listed
    NO_MATCH = "no_match"  # nothing in the agreement answers it
    NOT_PARTY = "not_party"  # it names a municipality that is not a party


# Statuses whose first hit is the answer (the others list items or say there is none).
QUOTING = (Status.ANSWERED, Status.BOTH_PARTIES)


@record
class Hit:
    """A ranked unit. Its quote is `unit.text`, the exact source text; who 甲/乙 are is
    `parties`, shown beside the quote and never written into it."""

    unit: Unit
    score: float
    citation: str
    parties: str = ""  # 「甲＝札幌市　乙＝岩見沢市」
    source: str = ""  # where it stands in the published source: 「sapporo-iwamizawa-2019.txt 97〜99行」
    labels: tuple[str, ...] = ()  # the agreement's party labels (甲, 乙), which `parties` explains

    @property
    def text(self) -> str:
        """The exact source text."""
        return self.unit.text

    @property
    def names_labels(self) -> bool:
        """Whether the quote says 甲/乙 (or another label), so the reader needs `parties`."""
        return any(label in self.unit.text for label in self.labels)

    def to_json(self) -> dict:
        unit = self.unit
        return {
            "id": unit.id,
            "kind": unit.kind,
            "article": unit.article,
            "section": unit.section,
            "initiative": unit.initiative,
            "party": unit.party,
            "text": unit.text,
            "citation": self.citation,
            "score": round(float(self.score), 6),
        }


@record
class Quote:
    """One quoted passage of an answer: the hit it quotes, and whose role it is when the answer
    quotes several parties side by side (「札幌市（甲）」)."""

    hit: Hit
    heading: str = ""

    @property
    def text(self) -> str:
        """The exact source text."""
        return self.hit.unit.text

    @property
    def citation(self) -> str:
        return self.hit.citation

    @property
    def dates(self) -> list[str]:
        """The quote's 和暦 dates with the Western year: 「平成31年（2019年）4月1日」."""
        return both_calendars(self.hit.unit.text)

    def lines(self) -> list[str]:
        """The quote as plain text lines: 「…」, 出典, and beside them where it stands in the
        published source, who 甲/乙 are and the dates."""
        head = f"{self.heading}: " if self.heading else ""
        out = [f"{head}「{self.text}」", f"出典: {self.citation}"]
        if self.hit.source:
            out.append(f"原文: {self.hit.source}")
        if self.hit.names_labels:
            out.append(self.hit.parties)
        out += [f"日付: {date}" for date in self.dates]
        return out


@dataclass(frozen=True)
class ListItem:
    """One line of a list answer: what it names, and where the agreement says so."""

    name: str
    citation: str


@record
class Answer:
    """The answer to one question, in parts: views render these fields, never parse `text`."""

    query: str
    status: Status
    message: str = ""  # the plain statement (no match, not a party, the head of a list); not agreement text
    quotes: tuple[Quote, ...] = ()
    items: tuple[ListItem, ...] = ()
    hits: tuple[Hit, ...] = ()  # ranked units, the quoted ones first
    notes: tuple[str, ...] = ()  # what was inherited from the turn before, or read instead of what was typed
    question: Question | None = None
    context: Context | None = None  # what this turn settled, for a follow-up to inherit
    inherited: str = ""  # the note on what it took from the turn before, empty when nothing

    @classmethod
    def no_match(cls, question: Question, context: Context | None = None) -> Answer:
        return cls(question.text, Status.NO_MATCH, NO_MATCH, question=question, context=context)

    @property
    def citation(self) -> str | None:
        """The citation of the (first) quote, when the answer quotes."""
        return self.quotes[0].citation if self.quotes else None

    @property
    def text(self) -> str:
        """The whole answer as plain text: notes, then the message, quotes and list items."""
        lines = [*self.notes]
        if self.message:
            lines.append(self.message)
        for quote in self.quotes:
            lines += quote.lines()
        lines += [f"・{item.name}（出典: {item.citation}）" for item in self.items]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"query": self.query, "answer": self.text, "hits": [hit.to_json() for hit in self.hits]}


def context_of(query: Query, unit: Unit | None) -> Context:
    row = unit.row_id if unit is not None else None
    initiative = unit.initiative if unit is not None else None
    return Context(query.parties, row, initiative, query.weights, query.kind, query.initiatives)


def hit_at(corpus: Corpus, position: int, score: float) -> Hit:
    cited = corpus.cited(position)
    return Hit(corpus.units[position], score, cited.citation, cited.parties, cited.source, cited.labels)


def named(parties: Sequence[PartyName]) -> str:
    """「岩見沢市（乙）」; a party the agreement names without a label is not repeated (「三原市」)."""
    return "・".join(dict.fromkeys(p.name if p.label == p.name else f"{p.name}（{p.label}）" for p in parties))


def quoting(query: Query, hits: tuple[Hit, ...], status: Status, quotes: tuple[Quote, ...], context: Context) -> Answer:
    return Answer(query.question.text, status, quotes=quotes, hits=hits, question=query.question, context=context)
