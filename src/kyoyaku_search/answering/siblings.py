"""Neighbouring topics: the same head word with another modifier (「高齢者の就労」 and a row on
「障害者の就労」, 「子育て支援センター」 and one on 「生活支援センター」).

The unit shares the head and most of the question's words, so coverage quotes it; but the word
that says which one the question asks about is one the agreement lacks, and where the unit says
the head it says it of another thing. Those are two topics, not one asked in other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..chars import KANJI_NOMA, KATAKANA
from ..search.tokenizer import Token
from .records import record

# What a modifier before a head is written in: kanji and katakana (「障害者」「生活」「バス」)
_WORD = f"[{KANJI_NOMA}{KATAKANA}]"


@record
class Modified:
    """A head word of the question and what it says of it (「就労」 of 「高齢者の就労」)."""

    modifier: str
    head: str


def modified_heads(words: Sequence[Token], runs: Sequence[tuple[int, int]]) -> tuple[Modified, ...]:
    """Each run of nouns's last noun with the nouns before it (「子育て支援センター」: 子育て支援 →
    センター), and a noun said of the noun after 「の」 (「高齢者の就労支援」: 高齢者 → 就労)."""
    found = [
        Modified("".join(t.surface for t in words[start : end - 1]), words[end - 1].surface) for start, end in runs
    ]
    for before, of, after in zip(words, words[1:], words[2:], strict=False):
        if of.surface == "の" and before.pos[0] == "名詞" and after.pos[0] == "名詞":
            found.append(Modified(before.surface, after.surface))
    return tuple(m for m in found if len(m.modifier) > 1 and len(m.head) > 1)


def said_of_another(text: str, asked: Sequence[Modified], lacking: Callable[[str], bool]) -> bool:
    """Whether the unit's `text` says a head the question modifies with a word the agreement lacks
    (`lacking`) only of other things of the same kind: every time it has the head, another word
    stands before it, joined or across 「の」, that ends as the question's does (「障害者の就労」 for
    「高齢者の就労」, 「生活支援センター」 for 「子育て支援センター」)."""
    for pair in asked:
        if not lacking(pair.modifier):
            continue
        before = [m.group(1) for m in re.finditer(f"({_WORD}*)(?:の)?{re.escape(pair.head)}", text)]
        if before and all(_sibling(word, pair.modifier) for word in before):
            return True
    return False


def _sibling(word: str, modifier: str) -> bool:
    """Another thing of the modifier's kind: the same last character (者 of 高齢者 and 障害者), not the
    same first (「丘球」 for 丘珠: a slip, or the same thing written otherwise), and neither inside
    the other (「合同」 of a question's 「しの合同」: the same thing, said with a word more)."""
    return (
        bool(word)
        and word[-1] == modifier[-1]
        and word[0] != modifier[0]
        and word not in modifier
        and modifier not in word
    )
