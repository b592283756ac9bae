"""What an agreement means by a word it defines (「市民病院とは何か」), and what a definition is not.

Agreements define their terms in the template's two forms: an item of a definitions article
(「(3)「市民病院」とは、xx市立xx市民病院をいう。」, 語句の定義) and a parenthesis where a term is
first used (「…中心市宣言(以下「中心市宣言」という。)」). A question asking what such a term is
asks for its definition, not for a row that uses the term. The other way round, the words that
explain a term (「…の期間をいう」 of 「年度」) say nothing of their own: 「この協定の期間は」 is not
answered by the definition of 年度.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..search.corpus import Corpus
from ..search.tokenizer import fold
from .content import Content
from .question import Question
from .structure import Reference

# Asking what a word is: 「…とは」「…って何」「…っていうのは」「…の意味」「…は何を指すか」.
_ASKS_WHAT = re.compile(
    r"とは|って(?:何|なに|どういう|どんな|いう)|の(?:意味|定義)|は(?:何|なに|どこ|誰)を(?:指|意味)|が(?:指す|意味する)"
)
# The word before it: a run without spaces, punctuation or brackets.
_WORD_BEFORE = re.compile(r"[^\s、。,.?!「」『』()\[\]]+$")
# One item of a definitions article, 「X」とは…をいう。, or the parenthesis 以下「X」という.
_DEFINITION = re.compile(r"「(?P<term>[^「」]+)」とは(?P<body>[^。]*?)(?:をいう|を指す|とする)")


def defined_term(corpus: Corpus, question: Question, agreement: str | None = None) -> Reference | None:
    """The units that define the word a question asks the meaning of, when the agreement defines
    it (「市民病院とは何か」 → 第1条, 「中心市宣言って何」 → the article that first uses it)."""
    folded = question.reading.folded_text
    for asked in _ASKS_WHAT.finditer(folded):
        before = _WORD_BEFORE.search(folded[: asked.start()].rstrip("」』"))
        if before is None:
            continue
        word = before.group(0)
        for start in range(len(word)):  # the longest defined ending: 「この協定でいう市民病院」
            forms = (f"「{word[start:]}」とは", f"以下「{word[start:]}」という")
            positions = tuple(sorted({i for form in forms for i in _holding(corpus, form)}))
            if agreement is not None:
                positions = tuple(i for i in positions if corpus.units[i].agreement_id == agreement)
            if positions:
                place = corpus.units[positions[0]].citation.place
                note = f"「{word[start:]}」の意味は{place}が定めています。"
                return Reference(positions, place, corpus.units[positions[0]].kind, note, word[start:])
    return None


def _holding(corpus: Corpus, form: str) -> list[int]:
    """Positions of the units holding `form` verbatim, from the phrase index (no scan of the units)."""
    return corpus.phrases.positions_holding(form)


def only_explains(text: str, content: Sequence[Content], asked: str) -> bool:
    """Whether a unit holds the question's content words only inside the bodies of definitions of
    other terms (「年度」とは、…の期間をいう): then it says nothing about them. False for a unit
    that defines nothing, and when the question names a term the unit defines."""
    if "」とは" not in text:  # most units define nothing: no folding, no pattern
        return False
    folded = fold(text)
    definitions = list(_DEFINITION.finditer(folded))
    if not definitions:
        return False
    if any(match["term"] in asked for match in definitions):
        return False
    outside = folded
    for match in reversed(definitions):
        outside = outside[: match.start("body")] + "\n" + outside[match.end("body") :]
    words = [fold(c.word) for c in content if c.weight >= 1.0]
    return bool(words) and any(word in folded for word in words) and not any(word in outside for word in words)
