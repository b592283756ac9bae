"""How the parties split their roles, asked of no one party and no 取組 (「役割分担はどう決まっている」
「役割の分け方は」): the article that says it — its heading names 役割 (「連携する取組の内容及び役割」), else
the one setting up the 別表 (「連携する具体的事項」)."""

from __future__ import annotations

import re

from ..search.corpus import Corpus
from .places import Reference, in_scope
from .provisions import ASKING_WORDS, annex_article
from .question import Question

# 「役割分担はどう決まっている」「役割の分け方は」: how the roles are split, asked of no one party and no
# 取組 — the article that says it (its heading names 役割), else the one setting up the 別表.
_ROLE_SPLIT = re.compile(r"役割(?:分担|の分(?:担|け方|かれ方)|を(?:どう)?分(?:担|け))")
_SETTLING = frozenset({"決まる", "決める", "定める", "定まる"})


def role_split(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The article that splits the roles, in each agreement in scope, for a question asking only
    that; None for any other question."""
    if _ROLE_SPLIT.search(question.reading.folded_text) is None or len({p.name for p in question.parties}) == 1:
        return None
    if not all(t in ASKING_WORDS or t in _SETTLING for t in question.own_topic_terms):
        return None  # 「救急医療の役割分担は」: that 取組's cells
    positions = []
    for aid in [agreement] if agreement is not None else [a.id for a in corpus.agreements]:
        headed = [i for i in in_scope(corpus, aid, "article") if "役割" in (corpus.units[i].context or "")]
        found = headed[:1] or list((annex_article(corpus, ["役割分担"], aid) or Reference((), "", "")).positions)
        positions += found[:1]
    if not positions:
        return None
    return Reference(tuple(positions), corpus.units[positions[0]].citation.place, "article")
