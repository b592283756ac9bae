"""A place the question names that the agreement does not have: 「第7条はこの協約にありません（第1条から
第6条まで）。」, 「30番目の取組はありません（取組は20項目です）。」 — said rather than searched."""

from __future__ import annotations

import unicodedata

from ..ingest.dates import kanji_number
from ..search.corpus import Corpus
from .ordinals import find_ordinal, read_article
from .places import in_scope, nth_words, ordered
from .structure import articles_named
from .wording import this_document

_COUNTED = {"article": ("条文", "条"), "row": ("取組", "項目"), "section": ("分野", "分野")}


def missing_article(corpus: Corpus, text: str, agreement: str | None = None) -> str | None:
    """「第7条はこの協約にありません（第1条から第6条まで）。」 for an article number the loaded
    agreements do not have, 「30番目の取組はありません（別表の取組は20項目）。」 for a place counted
    past the end; None when the question names neither."""
    folded = unicodedata.normalize("NFKC", text)
    ordinal = find_ordinal(folded)
    if ordinal is not None and ordinal.kind in _COUNTED:
        counts = [len(places) for places in ordered(corpus, agreement, ordinal)]
        if counts and all(abs(ordinal.nth) > count for count in counts):
            noun, unit = _COUNTED[ordinal.kind]
            return f"{nth_words(ordinal.nth)}の{noun}はありません（{noun}は{max(counts)}{unit}です）。"
    numbers = [kanji_number(m["n1"] or m["n2"]) for m in articles_named(folded) if m["n1"]]
    if not numbers and (read := read_article(folded)) is not None:  # 「だいじゅうじょう」 as heard
        numbers = [read[0]]
    if not numbers or numbers[0] is None:
        return None
    articles = sorted({corpus.units[i].article for i in in_scope(corpus, agreement, "article")} - {None})
    if not articles:
        return None
    where = this_document(corpus, agreement) if not corpus.multi or agreement else "読み込まれている協約"
    return f"第{numbers[0]}条は{where}にありません（第{articles[0]}条から第{articles[-1]}条まで）。"
