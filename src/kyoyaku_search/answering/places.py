"""What a structural reference points at, and the places counted in each agreement's own order."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..search.corpus import Corpus
from .ordinals import Ordinal

NUMBER = r"[0-9]{1,3}|[〇一二三四五六七八九十]{1,3}"  # an article's or a section's number as written


@dataclass(frozen=True)
class Reference:
    """What a question points at: unit positions (document order) and how to say it."""

    positions: tuple[int, ...]
    label: str  # 「第5条」「(3)イ」 (of 別表), 「前文」
    kind: str  # "article", "section", "row" (one row of a section), or a unit kind ("preamble", …)
    note: str = ""  # e.g. a paragraph that does not exist
    matched: str = ""  # the words of the question that name it (「三条」, which Sudachi also knows as a city)


def in_scope(corpus: Corpus, agreement: str | None, kind: str) -> list[int]:
    """Positions of the units of `kind` (in `agreement` when given), from the unit columns."""
    mask = corpus.columns.of_kinds([kind])
    if agreement is not None:
        mask &= corpus.columns.in_agreements([agreement])
    found = np.flatnonzero(mask).tolist()
    # a copy without a 前文 (福山市・三原市) keeps its unit, empty: no place to quote
    return [i for i in found if corpus.units[i].text] if kind == "preamble" else found


def ordered(corpus: Corpus, agreement: str | None, ordinal: Ordinal) -> list[list[tuple[int, ...]]]:
    """Per agreement in scope, the places `ordinal` counts, each as its unit positions, in order."""
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    by_agreement = []
    for aid in ids:
        if ordinal.kind == "article":
            places = [(i,) for i in in_scope(corpus, aid, "article")]
        elif ordinal.kind in ("row", "section"):
            rows = [(i, corpus.units[i]) for i in in_scope(corpus, aid, "row")]
            if ordinal.kind == "row":
                places = [(i,) for i, _ in rows]
            else:  # one table of the annex each: its section, or its key where it has no heading
                groups: dict[str, list[int]] = {}
                for i, unit in rows:
                    groups.setdefault(unit.section or unit.id.rsplit("/", 1)[1].split("-")[1], []).append(i)
                places = [tuple(group) for group in groups.values()]
        else:
            places = [(i,) for i in _ends(corpus, aid, ordinal.kind == "opening")]
        by_agreement.append(places)
    return by_agreement


def _ends(corpus: Corpus, agreement: str, opening: bool) -> list[int]:
    """The agreement's opening (前文, else its first article) or its closing (署名欄, else 附則,
    else its last article): the annex is attached to it, not its end."""
    kinds = ("preamble", "article") if opening else ("signature", "supplementary", "article")
    for kind in kinds:
        positions = in_scope(corpus, agreement, kind)
        if positions:
            return [positions[0] if opening else positions[-1]]
    return []


def nth_words(nth: int) -> str:
    return f"{nth}番目" if nth > 0 else "最後" if nth == -1 else f"最後から{-nth}番目"


def naming_the_parties(corpus: Corpus, agreement: str | None) -> list[int]:
    """The units that name who the parties are: the 前文, else the signature block, else (a copy
    with neither: 福山市・三原市's 例規集 page) each agreement's first article, which names them as it
    states the purpose (「この連携協約は、福山市及び三原市が、…」)."""
    for kind in ("preamble", "signature"):
        if found := in_scope(corpus, agreement, kind):
            return found
    articles = in_scope(corpus, agreement, "article")
    firsts = {}
    for i in articles:  # document order: the first of each agreement
        firsts.setdefault(corpus.units[i].agreement_id, i)
    return list(firsts.values())
