"""What the web page shows, as pure functions over the library's answers.

Text from the agreement or from a user reaches Streamlit's Markdown only through
`escape_markdown` (`marks`), so a question holding 「<script>」, 「**」 or a link is shown as typed.
The role table and the full text live in `documents`; what is copied or downloaded in `exports`
and `pdf`; the page's stylesheet and scripts in `page`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from ..answering.answer import Answer, Hit, ask
from ..answering.cleaning import MAX_INPUT_CHARS, MAX_QUESTION_CHARS
from ..errors import QuestionError
from ..search.corpus import Corpus
from ..search.tokenizer import Tokenizer
from ..search.units import Unit
from .documents import RoleSection
from .marks import (
    MARK_CLOSE,
    MARK_OPEN,
    escape_markdown,
    highlight_markdown,
    highlight_terms,
    matched_spans,
    merge_spans,
    substring_spans,
)

__all__ = [  # the names app.py and the tests use, with those re-exported from `marks`
    "ALL_AGREEMENTS",
    "MARK_CLOSE",
    "MARK_OPEN",
    "Turn",
    "answer_turn",
    "dom_key",
    "escape_markdown",
    "example_questions",
    "highlight_markdown",
    "highlighted",
    "hit_label",
    "matched_spans",
    "party_choices",
    "read_link",
    "row_units",
    "section_table",
    "share_link",
    "substring_spans",
]

ALL_AGREEMENTS = "すべての協約"


@dataclass(frozen=True)
class Turn:
    """One exchange of the conversation: the question as typed and what came back.

    `answer` is kept whole so a later turn can be asked with the earlier answers as history.
    """

    question: str
    answer: Answer | None
    error: str | None = None  # a QuestionError's message, when the question could not be searched
    party: str | None = None  # the sidebar's party filter when it was asked
    agreement: str | None = None  # the agreement id it searched, None for all


# A question too long to search is shown by its start (the whole of it, to copy, folded away).
PREVIEW_CHARS = 120
TOO_LONG_HINT = (
    "長い文章を貼り付けた場合は、探したい一文（取組の名前や条文の一部）か、"
    "知りたいこと（市町村名と取組）だけを入力してください。"
)


def question_preview(text: str) -> str:
    """The question as its user bubble shows it: whole, or its start when too long to search."""
    if len(text) <= MAX_QUESTION_CHARS:
        return text
    return f"{text[:PREVIEW_CHARS]}…（全{len(text)}文字）"


def too_long(text: str) -> bool:
    return len(text) > MAX_QUESTION_CHARS


def offered_whole(text: str) -> bool:
    """Whether the page offers the whole of a too-long question to copy (not megabytes of it)."""
    return too_long(text) and len(text) <= MAX_INPUT_CHARS


def answer_turn(
    corpus: Corpus, text: str, *, party: str | None = None, agreement: str | None = None, history: Sequence[Turn] = ()
) -> Turn:
    """Ask `text` as the next turn of `history`; an empty or over-long question becomes a turn
    with the library's message."""
    try:
        answer = ask(corpus, text, party=party, agreement=agreement, history=[t.answer for t in history if t.answer])
    except QuestionError as error:
        return Turn(text, None, str(error), party, agreement)
    return Turn(text, answer, None, party, agreement)


def highlighted(corpus: Corpus, text: str, answer: Answer | None) -> str:
    """Safe Markdown of `text` with the question's words (and the synonyms used) marked."""
    if answer is None or answer.question is None:
        return escape_markdown(text)
    return highlight_markdown(text, matched_spans(corpus.tokenizer, text, highlight_terms(answer.question)))


# --- what a person copies or shares ---------------------------------------------------------


def hit_label(corpus: Corpus, hit: Hit) -> str:
    """A card's label: whose passage it is and where — 「乙（岩見沢市）の役割｜(3)ア 生活機能の強化「災害対策」」."""
    unit = hit.unit
    agreement = corpus.agreement(unit.agreement_id)
    title = f"{agreement.title} " if corpus.multi else ""
    if unit.kind == "role" and unit.party_label:
        party = agreement.party(unit.party_label)
        return f"{party.display if party else unit.party_label}の役割｜{title}{unit.section}「{unit.initiative}」"
    if unit.kind == "row":
        what = "取組の内容" if has_content(unit) else "取組"
        return f"{what}（当事者共通）｜{title}{unit.section}「{unit.initiative}」"
    return f"{title}{unit.citation.place}"


def dom_key(text: str) -> str:
    """A widget key (and so a CSS class `st-key-…`) made of `text`: ASCII letters, digits and -."""
    return "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text)


def share_link(base_url: str | None, question: str, *, party: str | None = None, agreement: str | None = None) -> str:
    """A link that asks `question` again on load (`?q=…`, with the party and agreement chosen)."""
    params = {"q": question}
    if party:
        params["party"] = party
    if agreement:
        params["agreement"] = agreement
    query = urlencode(params, quote_via=url_quote)
    if not base_url:
        return f"?{query}"
    return f"{base_url.split('?', 1)[0].rstrip('/')}/?{query}"


@dataclass(frozen=True)
class Link:
    """What a link's `?q=…&party=…&agreement=…` asks for, and a note for each part the data lacks."""

    question: str | None
    party: str | None
    agreement: str | None
    notes: tuple[str, ...] = ()


def read_link(corpus: Corpus, params: Mapping[str, str]) -> Link:
    """The link's question, party and agreement; an agreement id or a party the loaded data
    does not have is dropped with a note saying so (the page shows it), never silently."""
    notes = []
    agreement = params.get("agreement") or None
    if agreement and agreement not in {a.id for a in corpus.agreements}:
        notes.append(f"リンクの agreement={agreement} に当たる協約はありません。読み込んだすべての協約から探します。")
        agreement = None
    party = params.get("party") or None
    parties = party_choices(corpus, agreement)[1:]
    if party and party not in parties:
        notes.append(
            f"リンクの party={party} はこの協約の当事者ではありません（当事者: {'・'.join(parties)}）。"
            "当事者で絞り込まずに答えます。"
        )
        party = None
    return Link(params.get("q") or None, party, agreement, tuple(notes))


def section_table(
    section: RoleSection,
    *,
    focus: str | None = None,
    words: Sequence[str] = (),
    tokenizer: Tokenizer | None = None,
    terms: Sequence[str] = (),
) -> tuple[list[str], list[list[str]]]:
    """Headings and Markdown cells of one annex table: the unit `focus` (a row or a role
    cell an answer opened) marked whole, the filter box's `words` marked where they occur, and
    with a `tokenizer`, the words the filter was understood as (`terms`: synonyms, readings)."""
    headings = [escape_markdown(h) for h in ("取組", "内容", *section.role_headings)]
    rows = []
    for row in section.rows:
        ids = [row.unit_id, row.unit_id, *(cell.unit_id for cell in row.roles)]
        texts = [row.initiative, row.content, *(cell.text for cell in row.roles)]
        focused = focus in ids
        rows.append(
            [
                highlight_markdown(text, [(0, len(text))])
                if focused and (i == 0 or ids[i] == focus)
                else highlight_markdown(text, _filter_spans(text, words, tokenizer, terms))
                for i, text in enumerate(texts)
            ]
        )
    return headings, rows


def _filter_spans(
    text: str, words: Sequence[str], tokenizer: Tokenizer | None, terms: Sequence[str]
) -> list[tuple[int, int]]:
    spans = substring_spans(text, words)
    if tokenizer is not None and terms:
        spans = merge_spans([*spans, *matched_spans(tokenizer, text, terms)])
    return spans


def has_content(unit: Unit) -> bool:
    """Does this row unit hold a 内容? A table of 取組 / 甲の役割 / 乙の役割 has none: its row
    unit's text is then the 取組 itself, never to be shown under 内容."""
    return unit.kind == "row" and unit.text != unit.initiative


def row_fields(corpus: Corpus, unit: Unit) -> tuple[tuple[str, Unit], ...]:
    """A row card's fields, headed: 内容 (when its table has that column), then each party's role."""
    fields = []
    for member in row_units(corpus, unit):
        if member.kind == "row":
            if has_content(member):
                fields.append(("内容", member))
            continue
        party = corpus.agreement(member.agreement_id).party(member.party_label or "")
        fields.append((f"{party.display if party else member.party_label}の役割", member))
    return tuple(fields)


def row_units(corpus: Corpus, unit: Unit) -> tuple[Unit, ...]:
    """For a row or a role cell: the row (取組・内容) and every party's role cell, in order."""
    if unit.row_id is None:
        return ()
    row = corpus.unit(unit.row_id)
    return (row, *(corpus.units[i] for i in corpus.row_roles(unit.row_id)))


# --- choices --------------------------------------------------------------------------------


def party_choices(corpus: Corpus, agreement: str | None = None) -> tuple[str, ...]:
    """「両方」 (or 「すべて」 for more than two) and then each party's name, from the data."""
    names = tuple(
        dict.fromkeys(p.name for a in corpus.agreements if agreement is None or a.id == agreement for p in a.parties)
    )
    return ("両方" if len(names) == 2 else "すべて",) + names


def example_questions(corpus: Corpus, agreement: str | None = None) -> tuple[str, ...]:
    """Questions a first-time visitor can click, made from the agreement's own parties and annex."""
    chosen = next((a for a in corpus.agreements if a.id == agreement), corpus.agreements[0])
    examples: list[str] = []
    initiatives = [row.initiative for row in chosen.annex.rows()] if chosen.annex else []
    named = [i for i in initiatives if len(i) >= 3 and not i.startswith("その他")]
    if named and len(chosen.parties) > 1:
        examples.append(f"{chosen.parties[1].name}の{min(named, key=len)}での役割は")
    if chosen.parties:
        examples.append(f"{chosen.parties[0].name}の役割は")
    examples += ["費用の分担は", "協約を変更するには", "いつから施行されますか"]
    return tuple(examples)
