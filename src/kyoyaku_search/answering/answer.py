"""Answer a question from the corpus: rank units, quote the best verbatim, cite it.

Nothing here writes agreement content: an answer is a quotation with its citation, a list of
quoted 取組 names with citations, or a plain statement that nothing matched or that a named
municipality is not a party. An `Answer` keeps these parts as fields, so every view (CLI,
web page, exports) renders the same answer without parsing text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from ..ingest.dates import both_calendars
from ..search.corpus import Corpus
from ..search.names import PartyName
from ..search.tokenizer import fold
from ..search.units import Unit, source_place
from .confidence import Asked, confident, covered_first, not_found_message, uncovered
from .effective import effective_units
from .followup import settle
from .framing import ASKS_ALL
from .lists import partners, together_rows
from .question import Context, Query, Question, QuestionKind, understand
from .ranking import allowed_units, rank
from .structure import Reference, find_reference, inside_quotation

DEFAULT_TOP_K = 5
MAX_TOP_K = 50
RELATED = 3  # units offered as 関連 when the agreement has no answer
MAX_LISTED = 100  # a list asked for in full (「全部」) is given in full up to this many items

NO_MATCH = (
    "該当する条文・別表の項目は見つかりませんでした。"
    "言葉を変えて質問してみてください（例: 岩見沢市の災害対策での役割は）。"
)


class Status(StrEnum):
    """What shape an answer has."""

    ANSWERED = "answered"  # one quote
    BOTH_PARTIES = "both_parties"  # one row's role cells, one quote per party
    PARTY_ROLES = "party_roles"  # a party's role cells, listed
    TOGETHER = "together"  # the 取組 the parties do together, listed
    PARTNERS = "partners"  # a municipality's partners, listed
    SECTION = "section"  # the rows of an annex section the question names (別表(3)ア), listed
    NO_MATCH = "no_match"  # nothing in the agreement answers it
    NOT_PARTY = "not_party"  # it names a municipality that is not a party


# Statuses whose first hit is the answer (the others list items or say there is none).
QUOTING = (Status.ANSWERED, Status.BOTH_PARTIES)


@dataclass(frozen=True)
class Hit:
    """A ranked unit. Its quote is `unit.text`, the exact source text; who 甲/乙 are is
    `parties`, shown beside the quote and never written into it."""

    unit: Unit
    score: float
    citation: str
    parties: str = ""  # 「甲＝札幌市　乙＝岩見沢市」
    source: str = ""  # where it stands in the published source: 「sapporo-iwamizawa-2019.txt 97〜99行」

    @property
    def text(self) -> str:
        """The exact source text."""
        return self.unit.text

    @property
    def names_labels(self) -> bool:
        """Whether the quote says 甲/乙 (or another label), so the reader needs `parties`."""
        return any(label in self.unit.text for label in _labels(self.parties))

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def ask(
    corpus: Corpus,
    text: str,
    *,
    top_k: int = DEFAULT_TOP_K,
    party: str | None = None,
    agreement: str | None = None,
    history: Sequence[Answer] = (),
) -> Answer:
    """Answer one question. Raises QuestionError for an empty or over-long question.

    `party` (a municipality name) narrows role cells to that party when the question names none;
    `agreement` (an agreement id) searches that agreement only; `history` is the conversation so
    far (earlier Answers, oldest first), from which a follow-up inherits party or topic.
    """
    if not 1 <= top_k <= MAX_TOP_K:
        raise ValueError(f"top_k must be between 1 and {MAX_TOP_K}")
    question = understand(corpus, text)
    reference = find_reference(corpus, question.text, agreement)
    phrase = question.phrase
    if reference and phrase and inside_quotation(reference, fold(question.text)[phrase.start : phrase.end]):
        reference = None
    if reference is not None and all(name in reference.matched for name in question.outsiders):
        question = replace(question, outsiders=())  # 「三条」 is 第3条 here, not the city of 三条
    if question.outsiders:
        context = Context(weights=question.weights, kind=question.kind, initiatives=question.initiatives)
        message = not_a_party_message(corpus, question.outsiders)
        return Answer(question.text, Status.NOT_PARTY, message, question=question, context=context)
    previous = next((turn.context for turn in reversed(history) if turn.context is not None), None)
    query = settle(corpus, question, previous, agreement) if reference is None else Query.own(question)
    if not query.parties and party:
        query = replace(query, parties=tuple(p for p in corpus.party_names if p.name == party))
    allowed = allowed_units(corpus, query.parties, agreement)
    if reference is not None:
        answer = _referenced(corpus, query, allowed, reference, top_k)
    else:
        answer = _answer(corpus, query, allowed, top_k)
    if answer.status == Status.NO_MATCH:
        return answer
    notes = [
        query.inherited,
        reference.note if reference else "",
        *reading_notes(question),
        *synonym_notes(question, answer.hits[:1]),
    ]
    return replace(answer, inherited=query.inherited, notes=tuple(note for note in notes if note))


def reading_notes(question: Question) -> list[str]:
    """「地域医寮」を「地域医療」と読み替えて検索しました。 — one line per corrected or read word."""
    notes = [
        f"「{c.before}」を「{c.after}」と読み替えて検索しました。" for c in question.corrections if c.kind == "typo"
    ]
    read: dict[str, list[str]] = {}
    for correction in question.corrections:
        if correction.kind == "reading":
            read.setdefault(correction.before, []).append(correction.after)
    notes += [f"「{run}」を「{'」「'.join(words)}」と読んで検索しました。" for run, words in read.items()]
    return notes


def synonym_notes(question: Question, hits: Sequence[Hit]) -> list[str]:
    """Say so when the quote answers a word the user wrote only through a domain synonym."""
    quoted = fold("\n".join(f"{h.unit.context}\n{h.unit.text}" for h in hits))
    asked = fold(question.text)
    used: dict[str, list[str]] = {}
    for expansion in question.expansions:
        target = fold(expansion.target)
        if (
            expansion.layer == "domain"
            and fold(expansion.source) not in quoted
            and target in quoted
            and target not in asked
        ):
            used.setdefault(expansion.source, []).append(expansion.target)
    return [f"「{source}」を「{'」「'.join(targets)}」として検索しました。" for source, targets in used.items()]


def _answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    question = query.question
    if query.kind == QuestionKind.TOGETHER:
        return _together(corpus, query, allowed, top_k)
    if query.kind == QuestionKind.PARTNERS:
        return _partners(corpus, query, top_k)
    if query.row_id is not None:
        return _row_roles(corpus, query, allowed, query.row_id, top_k)
    if query.parties and not query.topic_terms and query.kind in (QuestionKind.ROLE, QuestionKind.GENERAL):
        return _party_roles(corpus, query, allowed, top_k)
    effective = effective_units(corpus, allowed, question.text) if query.kind == QuestionKind.EFFECTIVE else None
    if effective is not None:
        return _effective(corpus, query, *effective, top_k)
    ranked = rank(corpus, query, allowed)
    if not ranked:
        context = Context(query.parties, weights=query.weights, kind=query.kind, initiatives=query.initiatives)
        message = not_found_message([c.word for c in question.content], fold(question.text))
        if message is None or query.inherited:
            return Answer.no_match(question, context)
        return Answer(question.text, Status.NO_MATCH, message, question=question, context=context)
    asked = Asked(question.content, question.phrase, bool(query.inherited or query.initiatives))
    ranked = covered_first(corpus, asked, ranked)
    if not confident(corpus, asked, ranked[0][0]):
        return _not_found(corpus, query, ranked, top_k)
    best = corpus.units[ranked[0][0]]
    # A named party's share of a 取組 — its role, or its cost where a table gives each party's
    # 役割分担及び費用分担 — is that party's cell of the row, not the row's 内容.
    if best.row_id is not None and (
        query.kind == QuestionKind.ROLE or (query.kind == QuestionKind.COST and query.parties)
    ):
        return _row_roles(corpus, query, allowed, best.row_id, top_k, ranked)
    hits = tuple(_hit(corpus, i, score) for i, score in ranked[:top_k])
    return _quoting(query, hits, Status.ANSWERED, (Quote(hits[0]),), _context(query, best))


def _not_found(corpus: Corpus, query: Query, ranked: Sequence[tuple[int, float]], top_k: int) -> Answer:
    """「この協約には…についての定めは見つかりませんでした」, with the closest units only as 関連."""
    question = query.question
    missing = uncovered(corpus, question.content, ranked[0][0]) or [c.word for c in question.content]
    related = tuple(_hit(corpus, i, score) for i, score in ranked[: min(top_k, RELATED)])
    said = not_found_message(missing, fold(question.text)) or NO_MATCH
    message = said + "下に示すのは言葉が近い箇所で、質問への答えではありません（関連）。"
    context = Context(query.parties, weights=query.weights, kind=query.kind, initiatives=query.initiatives)
    return Answer(question.text, Status.NO_MATCH, message, hits=related, question=question, context=context)


def _referenced(corpus: Corpus, query: Query, allowed: np.ndarray, reference: Reference, top_k: int) -> Answer:
    """A place the question names: the article, 前文, 附則 or 署名欄 quoted; an annex section's rows
    listed (a party named: that party's role cells of those rows)."""
    positions = [i for i in reference.positions if allowed[i]]
    if reference.kind != "section":
        if not positions:
            return Answer.no_match(query.question)
        hits = tuple(_hit(corpus, i, 0.0) for i in positions[:top_k])
        return _quoting(query, hits, Status.ANSWERED, (Quote(hits[0]),), _context(query, None))
    if query.parties:
        positions = [c for i in positions for c in corpus.row_roles(corpus.units[i].id) if allowed[c]]
    if not positions:
        return Answer.no_match(query.question)
    hits = tuple(_hit(corpus, i, 0.0) for i in positions)  # all listed as items; top_k of them as hits
    annex = corpus.agreement(hits[0].unit.agreement_id).annex
    heading = annex.heading if annex is not None else "別表"
    whose = f"の{_named(query.parties)}の役割" if query.parties else "の取組"
    message = f"{heading}{reference.label}{whose}は{len(hits)}項目あります。"
    items = tuple(ListItem(h.unit.initiative or "", h.citation) for h in hits)
    context = _context(query, None)
    return Answer(query.question.text, Status.SECTION, message, (), items, hits[:top_k], (), query.question, context)


def _quoting(
    query: Query, hits: tuple[Hit, ...], status: Status, quotes: tuple[Quote, ...], context: Context
) -> Answer:
    return Answer(query.question.text, status, quotes=quotes, hits=hits, question=query.question, context=context)


def _effective(corpus: Corpus, query: Query, positions: list[int], note: str, top_k: int) -> Answer:
    """附則 or the article that says when the agreement takes effect; or, when none does, the
    agreement's date, saying so."""
    hits = tuple(_hit(corpus, i, 0.0) for i in positions[:top_k])
    context = _context(query, hits[0].unit if hits else None)
    if not hits:
        return Answer(query.question.text, Status.NO_MATCH, note, question=query.question, context=context)
    quotes = (Quote(hits[0]),)
    return Answer(
        query.question.text, Status.ANSWERED, note, quotes, hits=hits, question=query.question, context=context
    )


def _row_roles(
    corpus: Corpus,
    query: Query,
    allowed: np.ndarray,
    row_id: str,
    top_k: int,
    ranked: Sequence[tuple[int, float]] = (),
) -> Answer:
    """The allowed role cells of one row first: one party's, or both side by side."""
    scores = dict(ranked)
    cells = [i for i in corpus.row_roles(row_id) if allowed[i]]
    if not cells or len(cells) > top_k:
        # No cell this question may quote, or fewer hits asked for than there are parties:
        # quote the row, which takes no side, rather than one party's cell picked by score.
        row = corpus.position(row_id)
        if not allowed[row]:
            return Answer.no_match(query.question)
        cells = [row]
    rest = [i for i, _ in ranked if i not in cells]
    hits = tuple(_hit(corpus, i, scores.get(i, 0.0)) for i in [*cells, *rest][:top_k])
    context = _context(query, corpus.units[cells[0]])
    if len(cells) > 1:
        quotes = tuple(Quote(h, f"{h.unit.party}（{h.unit.party_label}）") for h in hits[: len(cells)])
        return _quoting(query, hits, Status.BOTH_PARTIES, quotes, context)
    return _quoting(query, hits, Status.ANSWERED, (Quote(hits[0]),), context)


def _together(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """Rows where every party's role says it works with the other: listed, or ranked by topic."""
    rows, ranked = together_rows(corpus, query, allowed)
    if not rows:
        return Answer.no_match(query.question)
    hits = tuple(_hit(corpus, i, score) for i, score in rows)
    if ranked:  # 「…が協力して取り組む災害対策は」: the best of those rows, quoted
        return _quoting(query, hits[:top_k], Status.ANSWERED, (Quote(hits[0]),), _context(query, hits[0].unit))
    names = "と".join(
        dict.fromkeys(f"{p.label}（{p.name}）" for a in _agreements(corpus, [i for i, _ in rows]) for p in a.parties)
    )
    message = f"{names}が互いに「協力して取り組む」と定めた取組は、別表に{len(hits)}項目あります。"
    items = tuple(ListItem(h.unit.initiative or "", h.citation) for h in hits)
    context = Context(query.parties, kind=QuestionKind.TOGETHER)
    return Answer(query.question.text, Status.TOGETHER, message, (), items, hits[:top_k], (), query.question, context)


def _partners(corpus: Corpus, query: Query, top_k: int) -> Answer:
    """「災害対策で札幌市と連携している市町村は」: each partner, with the row or preamble that says so."""
    listed = partners(corpus, query)
    if not listed:
        return Answer.no_match(query.question)
    items = tuple(ListItem(item.name, corpus.units[item.position].citation.render(True)) for item in listed)
    who = _named(query.parties) or "読み込まれている協約の当事者"
    on_row = any(corpus.units[item.position].kind == "row" for item in listed)
    on_topic = "（質問の取組が別表にある協約）" if on_row else ""
    message = f"{who}と連携協約を結んでいる市町村{on_topic}は{len(listed)}件です。"
    positions = list(dict.fromkeys(item.position for item in listed))
    hits = tuple(_hit(corpus, i, 0.0) for i in positions[:top_k])
    context = Context(query.parties, kind=QuestionKind.PARTNERS)
    return Answer(query.question.text, Status.PARTNERS, message, (), items, hits, (), query.question, context)


def _agreements(corpus: Corpus, positions: Sequence[int]) -> list:
    return [corpus.agreement(aid) for aid in dict.fromkeys(corpus.units[i].agreement_id for i in positions)]


def _party_roles(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """「岩見沢市の役割は」: no topic, so list the party's role cells in the annex's order."""
    positions = np.flatnonzero(allowed & corpus.columns.of_kinds(["role"])).tolist()
    if not positions:
        return Answer.no_match(query.question)
    # 「全部」「すべて」: the whole list, when it is one a person can read (not 甲 of 1,500 agreements)
    everything = ASKS_ALL.search(query.question.text) is not None and len(positions) <= MAX_LISTED
    hits = tuple(_hit(corpus, int(i), 0.0) for i in positions[:top_k])
    head = f"{_named(query.parties)}の役割は別表に{len(positions)}項目あります。"
    if everything:  # every item listed; the hits (cards to open) stay within top_k
        message = head + "すべて示します。"
        every = (corpus.units[int(i)] for i in positions)
        items = tuple(ListItem(u.initiative or "", u.citation.render(corpus.multi)) for u in every)
    else:
        message = head + (
            f"上から順に{len(hits)}項目を示します。"
            "取組を添えて質問すると、その役割を引用します（例: 岩見沢市の災害対策での役割は）。"
        )
        items = ()
    context = Context(query.parties, kind=QuestionKind.ROLE)
    return Answer(query.question.text, Status.PARTY_ROLES, message, (), items, hits, (), query.question, context)


def _context(query: Query, unit: Unit | None) -> Context:
    row = unit.row_id if unit is not None else None
    initiative = unit.initiative if unit is not None else None
    return Context(query.parties, row, initiative, query.weights, query.kind, query.initiatives)


def _hit(corpus: Corpus, position: int, score: float) -> Hit:
    unit = corpus.units[position]
    agreement = corpus.agreement(unit.agreement_id)
    source = source_place(agreement, unit.lines)
    return Hit(unit, score, unit.citation.render(corpus.multi), agreement.party_key, source)


def _labels(party_key: str) -> list[str]:
    return [pair.split("＝", 1)[0] for pair in party_key.split("\u3000") if "＝" in pair]


def _named(parties: Sequence[PartyName]) -> str:
    return "・".join(dict.fromkeys(f"{p.name}（{p.label}）" for p in parties))


def not_a_party_message(corpus: Corpus, outsiders: Sequence[str]) -> str:
    names = "・".join(outsiders)
    if corpus.multi:
        return f"{names}は、読み込まれているどの協約の当事者でもありません。"
    agreement = corpus.agreements[0]
    return f"{names}はこの協約の当事者ではありません。当事者は{agreement.party_names()}です。"


def find_unit(corpus: Corpus, unit_id: str) -> Unit | None:
    """A unit by its full id, or by the id without the agreement prefix when that is unambiguous."""
    unit = corpus.unit(unit_id)
    if unit is not None:
        return unit
    matches = [u for u in corpus.units if u.id.split("/", 1)[1] == unit_id]
    return matches[0] if len(matches) == 1 else None
