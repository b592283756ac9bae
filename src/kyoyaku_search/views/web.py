"""What the web page shows, as pure functions over the library's answers.

Text from the agreement or from a user reaches Streamlit's Markdown only through
`escape_markdown`, so a question holding 「<script>」, 「**」 or a link is shown as typed.
The role table and the full text live in `documents`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from ..answering.answer import Answer, Hit, ask
from ..answering.question import QUESTION_WORDS
from ..errors import QuestionError
from ..search.corpus import Corpus
from ..search.tokenizer import Tokenizer, fold
from ..search.units import Unit
from .documents import RoleSection

ALL_AGREEMENTS = "すべての協約"
# ASCII marks that can start Markdown in Streamlit: emphasis, code, links and images, HTML and
# entities, headings and lists, tables, LaTeX ($), emoji and directives (:), autolinks (. :).
# Brackets are escaped, so 「(3)」 needs no escape and a citation stays as printed.
_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>#+-.!|~$:&=")
# A highlighted run of text: bold on Streamlit's orange background (the background alone is
# too faint to find in a long cell).
MARK_OPEN, MARK_CLOSE = ":orange-background[**", "**]"


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


# --- safe Markdown --------------------------------------------------------------------------


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: each ASCII mark that could start
    Markdown is backslash-escaped (CommonMark), so no emphasis, link, HTML, LaTeX ($) or
    directive (:) can start; line breaks stay line breaks."""
    escaped = "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIALS else ch for ch in text)
    return escaped.replace("\n", "  \n")


def matched_spans(tokenizer: Tokenizer, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(begin, end) of each word of `text` that a search term matched.

    A word matches when its normalized form is a term (「ぼうさい」 finds 「防災」); inside a
    compound the search also matched on its sub-words, so a term written in it counts too."""
    wanted = {term for term in terms if term not in QUESTION_WORDS}
    spans: list[tuple[int, int]] = []
    for token in tokenizer.tokens_unfolded(text):
        if not token.is_content:
            continue
        if token.term in wanted:
            spans.append((token.begin, token.end))
            continue
        for term in wanted:
            start = token.surface.find(term) if len(term) > 1 else -1
            if start != -1:
                spans.append((token.begin + start, token.begin + start + len(term)))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


def highlight_markdown(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` as safe Markdown with each span marked."""
    out: list[str] = []
    position = 0
    for begin, end in spans:
        out.append(escape_markdown(text[position:begin]))
        out.append(f"{MARK_OPEN}{escape_markdown(text[begin:end])}{MARK_CLOSE}")
        position = end
    out.append(escape_markdown(text[position:]))
    return "".join(out)


def substring_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each word of a filter box occurs in `text` (width and case folded)."""
    folded = fold(text).lower()
    if len(folded) != len(text):  # folding changed the length: offsets would not line up
        return []
    spans = []
    for word in {fold(w).lower() for w in words if w}:
        start = folded.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + 1)
    return _merge(spans)


def highlighted(corpus: Corpus, text: str, answer: Answer | None) -> str:
    """Safe Markdown of `text` with the words the question matched marked."""
    if answer is None or answer.question is None:
        return escape_markdown(text)
    return highlight_markdown(text, matched_spans(corpus.tokenizer, text, answer.question.terms))


# --- what a person copies or shares ---------------------------------------------------------


def copy_block(hit: Hit) -> str:
    """The quote and 「出典: …」, ready to paste into a memo."""
    return f"「{hit.display_text}」\n出典: {hit.citation}"


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


def section_table(
    section: RoleSection, *, focus: str | None = None, words: Sequence[str] = ()
) -> tuple[list[str], list[list[str]]]:
    """Headings and Markdown cells of one annex table: the unit `focus` (a row or a role
    cell an answer opened) marked whole, and the filter box's `words` marked where they occur."""
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
                else highlight_markdown(text, substring_spans(text, words))
                for i, text in enumerate(texts)
            ]
        )
    return headings, rows


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


# --- the conversation as Markdown -----------------------------------------------------------


def conversation_markdown(turns: Sequence[Turn], corpus: Corpus, saved_at: datetime) -> str:
    """The whole conversation as a Markdown document; every quoted or typed text escaped."""
    titles = "、".join(a.title for a in corpus.agreements)
    out = [
        "# 連携協約検索 会話の記録",
        "",
        f"- 保存日時: {saved_at:%Y-%m-%d %H:%M}",
        f"- 協約: {escape_markdown(titles)}",
        "- 回答はすべて協約本文からの引用です。",
    ]
    for number, turn in enumerate(turns, start=1):
        out += ["", f"## 質問 {number}", "", _blockquote(turn.question)]
        filters = [f for f in (turn.party, turn.agreement) if f]
        if filters:
            out += ["", f"（絞り込み: {escape_markdown('・'.join(filters))}）"]
        out += ["", *_answer_markdown(turn)]
    return "\n".join(out) + "\n"


def _answer_markdown(turn: Turn) -> list[str]:
    if turn.answer is None:
        return [escape_markdown(turn.error or "")]
    answer = turn.answer
    notes = [f"（{escape_markdown(note)}）" for note in answer.notes]
    lines = [*notes, *([""] if notes else [])]
    if answer.message:
        lines.append(escape_markdown(answer.message))
    lines += [f"- {escape_markdown(item.name)}（出典: {escape_markdown(item.citation)}）" for item in answer.items]
    if answer.quotes:
        lines += ["**回答**", ""]
    for quote in answer.quotes:
        heading = f"**{escape_markdown(quote.heading)}**" if quote.heading else ""
        lines += [*([heading, ""] if heading else []), _blockquote(f"「{quote.hit.display_text}」")]
        lines += [f"> 出典: {escape_markdown(quote.citation)}", ""]
    quoted = {quote.hit.unit.id for quote in answer.quotes}
    hits = [hit for hit in answer.hits if hit.unit.id not in quoted]
    if hits:
        lines += ["", "**ほかの該当箇所**", ""]
        for hit in hits:
            lines += [
                f"- 出典: {escape_markdown(hit.citation)}",
                "",
                _blockquote(f"「{hit.display_text}」", indent="  "),
                "",
            ]
    return lines


def _blockquote(text: str, indent: str = "") -> str:
    """Each line quoted and ended with a hard break, so a multi-line quote keeps its lines."""
    return "\n".join(f"{indent}> {escape_markdown(line)}  " for line in text.split("\n"))
