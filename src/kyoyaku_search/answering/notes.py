"""What an answer says about how the question was read: words corrected or read as others, and
words the quote answers only through a domain synonym."""

from __future__ import annotations

from collections.abc import Sequence

from ..search.tokenizer import fold
from .question import Question
from .result import Hit


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
    if not any(expansion.layer == "domain" for expansion in question.expansions):
        return []  # most questions: no quote to fold
    quoted = fold("\n".join(f"{h.unit.context}\n{h.unit.text}" for h in hits))
    asked = question.reading.folded_text
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
