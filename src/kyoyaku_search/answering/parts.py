"""Part headings named in a question (「第二編には何が」「第一章の取組は」): the 取組 written as articles of
their own under that part. Parts are kept where each 取組 is an article (its row's section is the 章 it
stands in, its annex's title the 編 above); elsewhere a part groups articles only, and ranking finds them."""

from __future__ import annotations

import re

from ..ingest.dates import kanji_number
from ..ingest.role_articles import is_role_annex
from ..search.corpus import Corpus
from .ordinals import ordinal_after
from .places import NUMBER, Reference, in_scope
from .question import Question

_PART = re.compile(rf"第(?P<number>{NUMBER})(?P<level>[編章節])")


def named_part(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The rows of the 取組 articles under the part the question names; None when it names no part, or
    a part holding no 取組 article."""
    folded = question.reading.folded_text
    match = _PART.search(folded)
    if match is None:
        return None
    asked = (kanji_number(match["number"]), match["level"])
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    positions, title = [], ""
    for aid in ids:
        rows = in_scope(corpus, aid, "row")
        for annex in corpus.agreement(aid).annexes():
            if not is_role_annex(annex):
                continue
            section = annex.sections[0]
            parts = {
                (kanji_number(m["number"]), m["level"]): m for m in _PART.finditer(f"{annex.title} {section.label}")
            }
            if asked in parts:
                title = title or _title_of(f"{annex.title} {section.label} {section.title}", parts[asked])
                positions += [i for i in rows if corpus.units[i].article == annex.article]
    if not positions:
        return None
    nth = ordinal_after(folded[match.end() :])  # 「第二編の最後の取組」「第一章の2番目」: that one
    if nth is not None and 1 <= abs(nth) <= len(positions):
        at = positions[nth - 1 if nth > 0 else nth]
        return Reference((at,), corpus.units[at].citation.place, "row", matched=match.group(0))
    return Reference(tuple(positions), title, "section", matched=match.group(0))


def _title_of(path: str, part: re.Match[str]) -> str:
    """「第一章 医療」 of 「第二編 連携項目 第一章 医療」: the part named and its title, up to the next part."""
    rest = path[part.start() :]
    after = _PART.search(rest, part.end() - part.start())
    return (rest[: after.start()] if after else rest).strip()
