"""Safe Markdown and highlights: how agreement text and a user's words reach Streamlit's Markdown.

Text from the agreement or from a user reaches Markdown only through `escape_markdown`, so a
question holding 「<script>」, 「**」 or a link is shown as typed. A highlight marks the words of
the question (and the synonyms the search used for them) and never adds or removes a character:
the page's stylesheet takes the padding off the marked run, so 「災害に備える」 keeps its spacing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..answering.framing import QUESTION_WORDS
from ..answering.question import Question
from ..search.tokenizer import Tokenizer, fold

# ASCII marks that can start Markdown in Streamlit: emphasis, code, links and images, HTML and
# entities, headings and lists, tables, LaTeX ($), emoji and directives (:), autolinks (. :).
# Brackets are escaped, so 「(3)」 needs no escape and a citation stays as printed.
_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>#+-.!|~$:&=")
# A highlighted run of text: bold on Streamlit's orange background (the background alone is
# too faint to find in a long cell).
MARK_OPEN, MARK_CLOSE = ":orange-background[**", "**]"


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: each ASCII mark that could start
    Markdown is backslash-escaped (CommonMark), so no emphasis, link, HTML, LaTeX ($) or
    directive (:) can start; line breaks stay line breaks."""
    escaped = "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIALS else ch for ch in text)
    return escaped.replace("\n", "  \n")


def highlight_terms(question: Question | None) -> tuple[str, ...]:
    """The words a highlight may mark: the topic words the user wrote (typos read as the
    corrected word) and the synonyms the search put in their place — never a word of asking."""
    if question is None:
        return ()
    own = [t for t in question.own_topic_terms if t not in QUESTION_WORDS]
    added = [fold(e.target).lower() for e in question.expansions]
    weighted = {term for term, _ in question.weights}
    # A synonym counts when the search used it (it has a weight); a sub-word of the user's own
    # compound counts as the user's word (「地域医療」 marks 「医療」).
    used = [t for t in weighted if t in added or any(t != o and t in o for o in own)]
    return tuple(dict.fromkeys(t for t in (*own, *used) if t not in QUESTION_WORDS))


def matched_spans(tokenizer: Tokenizer, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(begin, end) of each word of `text` that one of `terms` matched.

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
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


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
    return merge_spans(spans)


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
