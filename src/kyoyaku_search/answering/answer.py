"""Answer a question from the corpus: rank units, quote the best verbatim, cite it.

Nothing here writes agreement content: an answer is a quotation with its citation, a list of
quoted 取組 names with citations, or a plain statement that nothing matched or that a named
municipality is not a party.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..search.corpus import Corpus
from ..search.names import PartyName
from ..search.tokenizer import fold
from ..search.units import Unit
from .effective import effective_units
from .followup import resolve
from .lists import partners, together_rows
from .question import Context, Query, Question, understand
from .ranking import allowed_units, rank

DEFAULT_TOP_K = 5
MAX_TOP_K = 50

NO_MATCH = "該当する条文・別表の項目は見つかりませんでした。言葉を変えて質問してみてください（例: 岩見沢市の災害対策での役割は）。"


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float
    citation: str
    display_text: str  # the quote with 甲/乙 named; `unit.text` stays the exact source

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
class Answer:
    query: str
    answer: str
    hits: tuple[Hit, ...]
    # "answered", "both_parties", "party_roles", "together", "partners", "no_match", "not_party"
    status: str
    question: Question | None = None
    context: Context | None = None  # what this turn settled, for a follow-up to inherit
    inherited: str = ""  # what it took from the turn before (also said in `answer`)
    notes: tuple[str, ...] = ()  # what was inherited or read instead; `answer` begins with them

    def to_json(self) -> dict:
        return {"query": self.query, "answer": self.answer, "hits": [hit.to_json() for hit in self.hits]}


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
    if question.outsiders:
        context = Context(weights=question.weights, kind=question.kind, initiatives=question.initiatives)
        return Answer(
            question.text, not_a_party_message(corpus, question.outsiders), (), "not_party", question, context
        )
    previous = next((turn.context for turn in reversed(history) if turn.context is not None), None)
    query = resolve(question, previous)
    if not query.parties and party:
        query = replace(query, parties=tuple(p for p in corpus.party_names if p.name == party))
    allowed = allowed_units(corpus, query.parties, agreement)
    answer = _answer(corpus, query, allowed, top_k)
    if answer.status == "no_match":
        return answer
    notes = [query.inherited, *reading_notes(question), *synonym_notes(question, answer.hits[:1])]
    notes = [note for note in notes if note]
    if not notes:
        return answer
    return replace(
        answer, answer="\n".join([*notes, answer.answer]), inherited=query.inherited, notes=(*notes, *answer.notes)
    )


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
    if query.kind == "together":
        return _together(corpus, query, allowed, top_k)
    if query.kind == "partners":
        return _partners(corpus, query, top_k)
    if query.row_id is not None:
        return _row_roles(corpus, query, allowed, query.row_id, top_k)
    if query.parties and not query.topic_terms and query.kind in ("role", "general"):
        return _party_roles(corpus, query, allowed, top_k)
    if query.kind == "effective" and (effective := effective_units(corpus, allowed)) is not None:
        return _effective(corpus, query, *effective, top_k)
    ranked = rank(corpus, query, allowed)
    if not ranked:
        return Answer(
            question.text,
            NO_MATCH,
            (),
            "no_match",
            question,
            Context(query.parties, weights=query.weights, kind=query.kind, initiatives=query.initiatives),
        )
    best = corpus.units[ranked[0][0]]
    if query.kind == "role" and best.row_id is not None:
        return _row_roles(corpus, query, allowed, best.row_id, top_k, ranked)
    hits = tuple(_hit(corpus, i, score) for i, score in ranked[:top_k])
    return Answer(question.text, quote(hits[0]), hits, "answered", question, _context(query, best))


def _effective(corpus: Corpus, query: Query, positions: list[int], note: str, top_k: int) -> Answer:
    """附則 or the article that says when the agreement takes effect; or, when none does, the
    agreement's date, saying so."""
    hits = tuple(_hit(corpus, i, 0.0) for i in positions[:top_k])
    context = _context(query, hits[0].unit if hits else None)
    if not hits:
        return Answer(query.question.text, note, (), "no_match", query.question, context, notes=(note,))
    text = "\n".join(part for part in (note, quote(hits[0])) if part)
    return Answer(query.question.text, text, hits, "answered", query.question, context, notes=(note,) if note else ())


def _row_roles(
    corpus: Corpus, query: Query, allowed: np.ndarray, row_id: str, top_k: int, ranked: Sequence[tuple[int, float]] = ()
) -> Answer:
    """The allowed role cells of one row first: one party's, or both side by side."""
    scores = dict(ranked)
    cells = [i for i in corpus.row_roles(row_id) if allowed[i]]
    if not cells or len(cells) > top_k:
        # No cell this question may quote, or fewer hits asked for than there are parties:
        # quote the row, which takes no side, rather than one party's cell picked by score.
        row = corpus.position(row_id)
        if not allowed[row]:
            return Answer(query.question.text, NO_MATCH, (), "no_match", query.question)
        cells = [row]
    rest = [i for i, _ in ranked if i not in cells]
    hits = tuple(_hit(corpus, i, scores.get(i, 0.0)) for i in [*cells, *rest][:top_k])
    context = _context(query, corpus.units[cells[0]])
    if len(cells) > 1:
        text = "\n".join(
            f"{h.unit.party}（{h.unit.party_label}）: 「{h.display_text}」\n出典: {h.citation}"
            for h in hits[: len(cells)]
        )
        return Answer(query.question.text, text, hits, "both_parties", query.question, context)
    return Answer(query.question.text, quote(hits[0]), hits, "answered", query.question, context)


def _together(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """Rows where every party's role says it works with the other: listed, or ranked by topic."""
    rows, ranked = together_rows(corpus, query, allowed)
    if not rows:
        return Answer(query.question.text, NO_MATCH, (), "no_match", query.question)
    hits = tuple(_hit(corpus, i, score) for i, score in rows)
    if ranked:  # 「…が協力して取り組む災害対策は」: the best of those rows, quoted
        return Answer(
            query.question.text, quote(hits[0]), hits[:top_k], "answered", query.question, _context(query, hits[0].unit)
        )
    names = "と".join(
        dict.fromkeys(f"{p.label}（{p.name}）" for a in _agreements(corpus, [i for i, _ in rows]) for p in a.parties)
    )
    lines = [f"・{h.unit.initiative}（出典: {h.citation}）" for h in hits]
    message = f"{names}が互いに「協力して取り組む」と定めた取組は、別表に{len(hits)}項目あります。\n" + "\n".join(lines)
    return Answer(
        query.question.text, message, hits[:top_k], "together", query.question, Context(query.parties, kind="together")
    )


def _partners(corpus: Corpus, query: Query, top_k: int) -> Answer:
    """「災害対策で札幌市と連携している市町村は」: each partner, with the row or preamble that says so."""
    listed = partners(corpus, query)
    if not listed:
        return Answer(query.question.text, NO_MATCH, (), "no_match", query.question)
    lines = [f"・{item.name}（出典: {corpus.units[item.position].citation.render(True)}）" for item in listed]
    who = _named(query.parties) or "読み込まれている協約の当事者"
    on_topic = (
        "（質問の取組が別表にある協約）" if any(corpus.units[item.position].kind == "row" for item in listed) else ""
    )
    message = f"{who}と連携協約を結んでいる市町村{on_topic}は{len(listed)}件です。\n" + "\n".join(lines)
    positions = list(dict.fromkeys(item.position for item in listed))
    hits = tuple(_hit(corpus, i, 0.0) for i in positions[:top_k])
    return Answer(
        query.question.text, message, hits, "partners", query.question, Context(query.parties, kind="partners")
    )


def _agreements(corpus: Corpus, positions: Sequence[int]):  # noqa: ANN202
    return [corpus.agreement(aid) for aid in dict.fromkeys(corpus.units[i].agreement_id for i in positions)]


def _party_roles(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """「岩見沢市の役割は」: no topic, so list the party's role cells in the annex's order."""
    positions = np.flatnonzero(allowed & corpus.columns.of_kinds(["role"])).tolist()
    if not positions:
        return Answer(query.question.text, NO_MATCH, (), "no_match", query.question)
    hits = tuple(_hit(corpus, int(i), 0.0) for i in positions[:top_k])
    message = (
        f"{_named(query.parties)}の役割は別表に{len(positions)}項目あります。上から順に{len(hits)}項目を示します。"
        "取組を添えて質問すると、その役割を引用します（例: 岩見沢市の災害対策での役割は）。"
    )
    return Answer(
        query.question.text, message, hits, "party_roles", query.question, Context(query.parties, kind="role")
    )


def _context(query: Query, unit: Unit | None) -> Context:
    row = unit.row_id if unit is not None else None
    return Context(
        query.parties, row, unit.initiative if unit is not None else None, query.weights, query.kind, query.initiatives
    )


def _hit(corpus: Corpus, position: int, score: float) -> Hit:
    unit = corpus.units[position]
    return Hit(unit, score, unit.citation.render(corpus.multi), corpus.display_texts[position])


def _named(parties: Sequence[PartyName]) -> str:
    return "・".join(dict.fromkeys(f"{p.name}（{p.label}）" for p in parties))


def quote(hit: Hit) -> str:
    """「…」 + the citation: the only shape an answer about the agreement takes."""
    return f"「{hit.display_text}」\n出典: {hit.citation}"


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
