"""Places inside the article an agreement writes its 取組 in (an inline annex: 第3条 (1) ア (ア) a 取組の内容
b 甲の役割 …), named as its rows' citations print them: 「第3条第1号ア」「第3条(1)ア」「第3条第2号ア(イ)」."""

from __future__ import annotations

import re

from ..ingest.dates import kanji_number
from ..search.corpus import Corpus
from .ordinals import ordinal_after
from .places import Reference, in_scope

# 「第3条第1号ア」「第3条(1)ア」「第3条第2号ア(イ)」: a place inside the article the 取組 are written in
# (an inline annex), read as its rows' citations print it (「第3条第1号ア(ア)a」).
_ITEM = re.compile(
    r"\s*(?:第?(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})号|[(](?P<p>[0-9]{1,2})[)])"
    r"(?P<rest>(?:[ア-ン]|[0-9]{1,2}|[(][ア-ンa-z0-9]{1,2}[)]|[a-z]|[ⅰ-ⅻ])*)"
)


def inline_place(
    corpus: Corpus, folded: str, match: re.Match[str], number: int, agreement: str | None
) -> Reference | None:
    """The rows (or the one row, or role cell) cited under the item of article `number` the question
    names after it; None when it names none, or no row is cited so (the 取組 stand in 別表)."""
    item = _ITEM.match(folded, match.end())
    number_of_item = kanji_number(item["n"] or item["p"]) if item is not None else None
    if number_of_item is None:
        return None
    article = f"第{number}条"
    asked = f"{article}第{number_of_item}号{item['rest']}"
    words = folded[match.start() : item.end()]
    units = corpus.units
    role = [i for i in in_scope(corpus, agreement, "role") if units[i].citation.place == asked]
    if role:
        return Reference(tuple(role), asked, "role", matched=words)
    rows = in_scope(corpus, agreement, "row")
    item_label = f"{article}第{number_of_item}号"
    for end in range(len(asked), len(item_label) - 1, -1):  # the longest part of it rows are cited by
        found = tuple(i for i in rows if _cited_under(units[i].citation.place, asked[:end]))
        if found:
            nth = ordinal_after(folded[item.end() :])  # 「第3条(1)アの最後の取組」: one of them
            if nth is not None and 1 <= abs(nth) <= len(found):
                found = (found[nth if nth < 0 else nth - 1],)
            if len(found) == 1:
                return Reference(found, units[found[0]].citation.place, "row", matched=words)
            return Reference(found, asked[len(article) : end], "section", matched=words)
    items = sorted({int(m[1]) for i in rows if (m := re.match(rf"{article}第([0-9]+)号", units[i].citation.place))})
    if not items:
        return None  # the 取組 stand in 別表: 「第3条第1号」 is the article's own item
    note = f"{article}に第{number_of_item}号はありません（第{items[0]}号から第{items[-1]}号まで）。"
    return Reference((), item_label, "row", note, words)


def holds_the_rows(corpus: Corpus, number: int, agreement: str | None) -> bool:
    """Whether an agreement in scope writes its 取組 inline in article `number`."""
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    return any((annex := corpus.agreement(aid).annex) is not None and annex.article == number for aid in ids)


def _cited_under(place: str, part: str) -> bool:
    """Whether a citation is `part` or lies under it: 「第3条第1号」 holds 「第3条第1号ア(ア)a」, not
    「第3条第10号」."""
    return place.startswith(part) and not (part[-1].isdigit() and place[len(part) : len(part) + 1].isdigit())
