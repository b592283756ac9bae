"""Cleaning what the user typed into a question: control and format characters dropped, empty
and over-long input refused with a message in Japanese."""

from __future__ import annotations

import unicodedata

from ..errors import QuestionError

MAX_QUESTION_CHARS = 500
# Input longer than this is refused before a single character is looked at (cleaning 100 KB
# char by char costs tens of milliseconds, 10 MB seconds). Cleaning only drops control and
# format characters, and no question a person types carries thousands of them.
MAX_INPUT_CHARS = 10 * MAX_QUESTION_CHARS


def clean_question(text: object) -> str:
    """Strip what cannot be part of a question; refuse empty and over-long ones (Japanese message)."""
    if not isinstance(text, str):
        raise QuestionError("質問は文字列で入力してください。")
    if len(text) > MAX_INPUT_CHARS:
        raise _too_long(len(text))
    # Most questions have nothing to clean: isprintable() is false for every category below.
    cleaned = (text if text.isprintable() else "".join(_clean_char(ch) for ch in text)).strip()
    if not cleaned:
        raise QuestionError("質問が空です。知りたいこと（当事者の市町村名と取組など）を入力してください。")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise _too_long(len(cleaned))
    return cleaned


def _too_long(length: int) -> QuestionError:
    return QuestionError(f"質問が長すぎます（{length}文字）。{MAX_QUESTION_CHARS}文字以内で入力してください。")


def _clean_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cs":  # a lone surrogate cannot be encoded for the tokenizer
        return ""
    if category in ("Cc", "Zl", "Zp"):
        return " "
    if category in ("Cf", "Co", "Cn"):
        return ""
    return ch
