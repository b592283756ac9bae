"""What a not-found answer says: which of the question's words the agreement lacks, named back
in 「この協約には「除雪」についての定めは見つかりませんでした。」."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..search.corpus import Corpus
from ..search.tokenizer import fold
from .content import Content

MAX_NAMED = 20  # longer "words" are not named back in a not-found message


def not_found_message(
    words: Sequence[str], asked: str, occurs: Callable[[str], bool] = lambda text: False, kind: str = "協約"
) -> str | None:
    """「この協約には「バス」「路線」についての定めは見つかりませんでした。」 naming at most three of
    `words`, only those the question itself (`asked`, folded) holds and the agreement's text does
    not (`occurs`: a word it holds, 「観光」 of 観光資源, is there, whatever else the question
    lacks); None when there are none. `kind`: the agreement's word for itself (協定 or 協約)."""
    named = [word for word in dict.fromkeys(words) if _nameable(word) and word in asked and not occurs(fold(word))]
    named = named[:3]
    if not named:
        return None
    return f"この{kind}には{''.join(f'「{word}」' for word in named)}についての定めは見つかりませんでした。"


def _nameable(word: str) -> bool:
    """A word to name back: letters, digits and the marks inside words only (no brackets)."""
    return 0 < len(word) <= MAX_NAMED and all(ch.isalnum() or ch in "ー々〆・" for ch in word)


def uncovered(corpus: Corpus, content: Sequence[Content], position: int) -> list[str]:
    """The content words (as written) the unit does not hold, nouns first."""
    missing = [c for c in content if not _held(corpus, c, position)]
    return [c.word for c in sorted(missing, key=lambda c: -c.weight)]


def _held(corpus: Corpus, content: Content, position: int) -> bool:
    at = np.array([position])
    return any(all(corpus.index.holding(term, at)[0] for term in terms) for terms in content.terms)
