"""Annex sections named by their title instead of their label: 「生活機能の強化の中で3番目の取組」,
「…ネットワークの強化の最初の項目」, 「経済成長のけん引の最後の取組」 (part of the title).

Titles, labels and numbering differ between layouts (「(3)ア 生活機能の強化」, 「1 生活機能の強化に係る
政策分野」 with sub-sections 医療, 福祉, or no sections at all), so the sections are read from each
loaded agreement's annexes, never from a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..search.corpus import Corpus
from ..search.tokenizer import fold
from .ordinals import ordinals_after_names

# A part of a title shorter than this is ordinary wording (「の強化」); the whole title may be
# shorter (「医療」).
_MIN_PART = 4


@dataclass(frozen=True)
class Named:
    """A section a title names: its title, and its rows' unit positions in document order."""

    title: str
    rows: tuple[int, ...]
    label: str = ""  # 「(3)ア 生活機能の強化」, as the citations print it


def sections_of(corpus: Corpus, agreement_id: str) -> tuple[Named, ...]:
    """Every table of the agreement's annexes, and every section that holds sub-sections (its
    rows are theirs), with its title; read once per corpus, not per question."""
    return corpus.memo.get(("annex sections", agreement_id), lambda: tuple(_sections(corpus, agreement_id)))


def _sections(corpus: Corpus, agreement_id: str) -> list[Named]:
    agreement = corpus.agreement(agreement_id)
    named = []
    for index, annex in enumerate(agreement.annexes(), start=1):
        prefix = "" if index == 1 else f"x{index}."  # as units.py numbers the rows
        rows = {
            table.key: _row_positions(corpus, f"{agreement_id}/row-{prefix}{table.key}-", table.rows)
            for table in annex.tables()
        }
        if annex.title:  # 「…の向上に係る政策分野」 over a 別表第N divided into sub-areas: all of them
            every = tuple(i for key in rows for i in rows[key])
            named.append(Named(fold(annex.title), every, f"{annex.heading} {annex.title}"))
        for table in annex.tables():
            if table.title:
                named.append(Named(fold(table.title), rows[table.key], f"{table.label} {table.title}".strip()))
        for section in annex.sections:
            if section.subsections and section.title:
                keys = [key for key in rows if key.rstrip("abcdefghijklmnopqrstuvwxyz") == str(section.number)]
                label = section.label or (f"({section.number})" if section.number else "")
                rows_of = tuple(i for key in keys for i in rows[key])
                named.append(Named(fold(section.title), rows_of, f"{label} {section.title}".strip()))
    return named


def _row_positions(corpus: Corpus, stem: str, rows: tuple) -> tuple[int, ...]:
    return tuple(corpus.position(f"{stem}{n}") for n in range(1, len(rows) + 1))


def titled_rows(corpus: Corpus, folded: str, agreement_ids: list[str]) -> tuple[tuple[int, ...], str] | None:
    """(the row each agreement in scope has at the place asked, the words of the order) for a
    section named by its title followed by an order (「…の強化の2番目の取組」); None when the
    question names no section so, or names it ambiguously."""
    for end, nth, words in ordinals_after_names(folded):
        head = _name(folded[:end])
        picked = []
        for aid in agreement_ids:
            section = _best(sections_of(corpus, aid), head)
            if section is not None and abs(nth) <= len(section.rows):
                picked.append(section.rows[nth if nth < 0 else nth - 1])
        if picked:
            return tuple(picked), words
    return None


# 「生活機能の強化にはどんな取組がある」「…の取組を全部」「…の取組はいくつ」: every row of the section.
_ROWS = r"(?:取組|取り組み|とりくみ|連携事業|事業|項目)"
_EVERY_ROW = re.compile(
    rf"\s*(?:の|には|にある|で|って|は)\s*(?:{_ROWS}\s*(?:の\s*)?(?:一覧|全部|すべて|全て|リスト|は?\s*(?:いくつ|何個|何項目|どれ|何が))"
    rf"|{_ROWS}\s*を\s*(?:全部|すべて|全て|一覧|列挙|教えて|見せて|挙げて)|(?:どんな|どういう|どのような|何の|なんの)\s*{_ROWS}"
    # 「「…に係る政策分野」の取組は？」: the section's 取組, asked and nothing more
    rf"|{_ROWS}\s*(?:は|って)\s*(?:何|なに)?\s*(?:ですか|か)?\s*[?？。]?\s*$"
    # 「…の向上には何が含まれる」「…の強化って何番の分野」: what the section holds, or which one it is
    r"|(?:何|なに)が\s*(?:含ま|あ[るり]|入|載)|(?:何番|どの|どこの)\s*(?:目)?の?\s*(?:分野|区分|表))"
    # 「…の強化に入っている取組をすべて」「…に含まれる項目の一覧」「…に属する事業はいくつ」
    rf"|\s*(?:に|で)\s*(?:入っ|入る|含ま|載っ|掲げ|挙げ|属す|並ん)[ぁ-ゖ]{{0,6}}\s*{_ROWS}\s*(?:を|は|の)?\s*"
    r"(?:全部|すべて|全て|一覧|リスト|列挙|残らず|いくつ|何個|何項目|どれ)"
)

# A word each alternative of _EVERY_ROW holds (連携事業 holds 事業, 何の 何, なんの なん).
_EVERY_ROW_WORDS = re.compile(r"取組|取り組み|とりくみ|事業|項目|どんな|どういう|どのような|何|なに|なん|どの|どこの")


def titled_section(corpus: Corpus, folded: str, agreement_ids: list[str]) -> tuple[tuple[int, ...], str, str] | None:
    """(every row of the section, its label, the words) for a section named by its title and asked
    for whole (「…の強化にはどんな取組がある」); None when no title names one unambiguously."""
    if not _EVERY_ROW_WORDS.search(folded):  # most questions: no need to try _EVERY_ROW at every place
        return None
    for match in _EVERY_ROW.finditer(folded):
        head = _name(folded[: match.start()])
        found = [s for aid in agreement_ids if (s := _best(sections_of(corpus, aid), head)) is not None]
        if found:
            return tuple(i for section in found for i in section.rows), found[0].label, match.group(0)
    return None


# 「…強化の分野の取組一覧」「…という分野の」「…の表の最後の行」: the word for a section after its title is not the title
_SECTION_WORD = re.compile(r"\s*(?:(?:の|という)?\s*(?:政策分野|分野|区分)|の\s*(?:表|欄))\s*$")


def _name(head: str) -> str:
    head = head.rstrip().rstrip('」』"')  # 「「…のけん引」にはどんな取組」: the title quoted
    # 「「…の強化」の区分には」: the title quoted before the word for a section
    return _SECTION_WORD.sub("", head).rstrip().rstrip('」』"') or head


def _best(sections: tuple[Named, ...], head: str) -> Named | None:
    """The section whose title holds the longest end of `head`; None on a tie or when the end it
    holds is ordinary wording rather than a name."""
    scored = sorted(((_held_end(section.title, head), section) for section in sections), key=lambda s: -s[0])
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1].rows != scored[0][1].rows:
        return None
    return scored[0][1]


def _held_end(title: str, head: str) -> int:
    """Length of the longest end of `head` that `title` holds: at least _MIN_PART characters, or
    the whole title; 0 otherwise."""
    for size in range(len(head), 0, -1):
        if head[-size:] in title:
            return size if size >= _MIN_PART or size == len(title) else 0
    return 0
