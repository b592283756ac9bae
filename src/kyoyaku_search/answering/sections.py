"""Places in the annex: a section by its label (「別表(3)ア」「別表第2」「(2)」), by its letter alone
(「別表のイ」) or by its title (「生活機能の強化の取組を全部」), and a row by its order inside one
(「別表(3)イの最後の取組」「…の強化の中で3番目の取組」). Sections are read from the loaded agreements.
"""

from __future__ import annotations

import re

from ..ingest.dates import kanji_number
from ..search.corpus import Corpus
from ..search.tokenizer import fold, to_katakana
from .ordinals import SPOKEN_NUMBER, kana_number, ordinal_after
from .places import NUMBER as _NUMBER
from .places import Reference, in_scope, nth_words
from .titles import titled_rows, titled_section
from .wording import this_document

# 別表(3)ア / 別表（３）イ / 別表の(2) / 別表第2 / 別表2 / (3)ア on its own.
_ANNEX = re.compile(
    rf"(?:別表|べっぴょう)(?:の|中の)?\s*(?:第(?P<n1>{_NUMBER})|[(](?P<n2>{_NUMBER})[)]|(?P<n3>[0-9]{{1,2}})(?!\s*(?:番目|つ目|個目|項目|ばんめ)))\s*(?:の)?(?P<letter1>[ア-ン])?"
    rf"|(?<![0-9])[(](?P<n4>[0-9]{{1,2}})[)]\s*(?:の)?(?P<letter2>[ア-ン])?"
)
# 「別表（第3条関係）」「別表第3条関係の(2)」: the annex's heading names the article it belongs to,
# not a section; dropped before sections are read.
_BELONGS = re.compile(rf"[(]?第(?:{_NUMBER})条関係[)]?")


# 「べっぴょうの さんの あ」: a section said aloud, its number and its letter (ア・イ・ウ …) in kana,
# after の or a space (「別表には」 is the particle に, not section 2).
_SPOKEN_ANNEX = re.compile(
    rf"(?:別表|べっぴょう)(?:(?:の|中の)\s*|\s+)(?P<n>{SPOKEN_NUMBER})"
    r"(?:\s*の\s*(?P<letter>[あいうえおかきくけこ]))?(?=\s|って|は|の|に|を|で|$|[?？、。])"
)


# 「べっぴょうだいに」「別表だいさん」: 別表第N said aloud.
_SPOKEN_TABLE = re.compile(rf"(?:別表|べっぴょう)\s*だい\s*(?P<n>{SPOKEN_NUMBER})(?![ぁ-ゖ]*じょう)")


def _spoken_section(folded: str) -> str:
    """`folded` with an annex section said in kana written as the annex labels it (別表(3)ア), and
    別表第N said aloud written so."""
    if "別表" not in folded and "べっぴょう" not in folded:  # most questions name no annex
        return folded
    folded = _SPOKEN_TABLE.sub(lambda m: f"別表第{kana_number(m['n'])}", folded)
    return _SPOKEN_ANNEX.sub(lambda m: f"別表({kana_number(m['n'])}){to_katakana(m['letter'] or '')}", folded)


def in_section(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    if "別表" not in folded and "べっぴょう" not in folded and "(" not in folded:
        # every section label below is written with one of these (most questions have none), but for
        # a letter opening the question (「イの最初の取組」)
        return _letter_only(corpus, folded, agreement) if _OPENING_LETTER.match(folded) else None
    folded = _BELONGS.sub("", _spoken_section(folded))
    missing = None
    for match in _ANNEX.finditer(folded):
        number = kanji_number(match["n1"] or match["n2"] or match["n3"] or match["n4"] or "")
        letter = match["letter1"] or match["letter2"]
        if number is None:
            continue
        # 「別表2」 of an agreement printed with 別表第1, 別表第2 …: that table (「別表(2)」 is a section)
        if (match["n1"] or match["n3"]) and (tables := _numbered_annexes(corpus, agreement)):
            return _in_table(corpus, folded, match, number, tables)
        found = _section_rows(corpus, number, letter, agreement)
        if not found and letter:
            if not _KATAKANA_WORD.match(folded, match.end()):  # 「別表(2)イ」 of a (2) without イ: said
                missing = missing or _no_such_letter(corpus, number, letter, agreement, match.group(0))
                continue
            # 「(2)アクセス…」: a section without sub-sections, followed by a word
            found, letter = _section_rows(corpus, number, None, agreement), None
        if not found:
            missing = missing or _no_such_section(corpus, number, agreement, match.group(0))
            continue
        label = f"({number}){letter or ''}"
        if corpus.units[found[0]].section.split(" ", 1)[0] == f"{number}{letter or ''}":
            label = f"{number}{letter or ''}"  # as printed: 「2 高次の都市機能の集積・強化に関する取組」
        nth = ordinal_after(_after_title(folded[match.end() :], corpus.units[found[0]].section))
        if nth is not None and 1 <= abs(nth) <= len(found):
            row = found[nth if nth < 0 else nth - 1]
            return Reference((row,), f"{label}の{nth_words(nth)}", "row", matched=match.group(0))
        return Reference(tuple(found), label, "section", matched=match.group(0))
    return _letter_only(corpus, folded, agreement) or missing


_KATAKANA_WORD = re.compile(r"[ァ-ヺー]")


def _no_such_letter(corpus: Corpus, number: int, letter: str, agreement: str | None, words: str) -> Reference | None:
    """「別表(2)イ」 where section (2) exists without a sub-section イ: said, not searched."""
    rows = _section_rows(corpus, number, None, agreement)
    if not rows or len({corpus.units[i].agreement_id for i in rows}) != 1:
        return None
    aid = corpus.units[rows[0]].agreement_id
    annex = corpus.agreement(aid).annex
    where = f"第{annex.article}条" if annex is not None and annex.article else "別表"  # the 取組 inline in 第3条
    note = f"({number}){letter}は{this_document(corpus, aid)}の{where}にありません。"
    return Reference((), f"({number}){letter}", "row", note, words)


def _no_such_section(corpus: Corpus, number: int, agreement: str | None, words: str) -> Reference | None:
    """「(5)の取組」 of an annex numbered (1) to (3): said, not searched; None where no section is
    numbered so (an annex without sections), or sections are in several agreements."""
    rows = in_scope(corpus, agreement, "row")
    if number < 1 or len({corpus.units[i].agreement_id for i in rows}) != 1:
        return None
    labels = (_NUMBERED.match(corpus.units[i].section or "") for i in rows)
    numbers = sorted({int(found[1]) for found in labels if found})
    if not numbers:
        return None
    this = this_document(corpus, corpus.units[rows[0]].agreement_id)
    note = f"({number})の分野は{this}にありません（({numbers[0]})から({numbers[-1]})まで）。"
    return Reference((), f"({number})", "row", note, words)


_NUMBERED = re.compile(r"[(]?([0-9]{1,2})[)]?(?![0-9])")


# 「別表第1の(2)の…」「別表第3(1)ア」: a section inside the table 別表第N names.
_LABEL = re.compile(r"[(][0-9]{1,2}[)]")
_INSIDE_TABLE = re.compile(r"\s*(?:の|中の)?\s*[(](?P<n>[0-9]{1,2})[)]\s*(?:の)?(?P<letter>[ア-ン])?")


def _numbered_annexes(corpus: Corpus, agreement: str | None) -> dict[str, tuple]:
    """The agreements in scope printed with several tables 別表第1, 別表第2 …, and their annexes:
    there 「別表第1」 names a table, not section (1) of one annex."""
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    found = {}
    for aid in ids:
        annexes = corpus.agreement(aid).annexes()
        if len(annexes) > 1 and all(annex.number is not None for annex in annexes):
            found[aid] = annexes
    return found


def _table_rows(corpus: Corpus, tables: dict[str, tuple], number: int) -> list[int]:
    """The row units of 別表第{number} of each agreement in `tables`, in document order."""
    rows = []
    for aid, annexes in tables.items():
        for index, annex in enumerate(annexes, start=1):
            if annex.number != number:
                continue
            prefix = "" if index == 1 else f"x{index}."  # as units.py numbers the rows
            for table in annex.tables():
                rows += [corpus.position(f"{aid}/row-{prefix}{table.key}-{n}") for n in range(1, len(table.rows) + 1)]
    return rows


def _in_table(
    corpus: Corpus, folded: str, match: re.Match[str], number: int, tables: dict[str, tuple]
) -> Reference | None:
    """「別表第1の3番目」「別表第3の(2)の最後の取組」「別表第2」: the table, a section inside it, a row."""
    rows = _table_rows(corpus, tables, number)
    if not rows:  # 「別表第4」 of an agreement with three: said, not searched
        numbers = sorted({annex.number for annexes in tables.values() for annex in annexes if annex.number})
        this = this_document(corpus, next(iter(tables)))
        note = f"別表第{number}は{this}にありません（別表第{numbers[0]}から別表第{numbers[-1]}まで）。"
        return Reference((), f"別表第{number}", "row", note, match.group(0))
    label, end = f"別表第{number}", match.end()
    if match["letter1"]:
        end = match.start("letter1")  # 「別表第3ア」 is no section label: read the letter with (N) only
    inner = _INSIDE_TABLE.match(folded, end)
    if inner is not None:
        wanted = f"({inner['n']}){inner['letter'] or ''}"
        labelled = any(_LABEL.match(corpus.units[i].section or "") for i in rows)
        if labelled:
            rows = [i for i in rows if (corpus.units[i].section or "").split(" ", 1)[0].startswith(wanted)]
            label += wanted
        elif wanted != "(1)":
            rows = []  # a table not divided into numbered sections is its own (1), and has no (2)
        if not rows:
            note = f"{label}に{wanted}はありません。" if not labelled else f"{label}はありません。"
            return Reference((), label, "row", note, folded[match.start() : inner.end()])
        end = inner.end()
    nth = ordinal_after(_after_title(folded[end:], corpus.units[rows[0]].section or ""))
    matched = folded[match.start() : end]
    if nth is not None and 1 <= abs(nth) <= len(rows):
        row = rows[nth if nth < 0 else nth - 1]
        return Reference((row,), f"{label}の{nth_words(nth)}", "row", matched=matched)
    return Reference(tuple(rows), label, "section", matched=matched)


def _after_title(rest: str, section: str) -> str:
    """「(3)ア 生活機能の強化の最後の取組」: what follows the section's own title, when the
    question repeats it after the label."""
    title = fold(section.split(" ", 1)[1].strip()) if " " in section else ""
    stripped = rest.lstrip(" \u3000")
    return stripped[len(title) :] if title and stripped.startswith(title) else rest


# 「別表のイには何が入ってる」: a sub-section by its letter alone, where one section has it.
# 「イの最初の取組」: the letter alone opening the question, then an order.
_LETTER_ONLY = re.compile(
    r"別表(?:の|中の)\s*(?P<letter>[ア-ン])(?=には|は|に|の|って|で|\s|[?？]|$)"
    r"|^\s*(?P<bare>[ア-ン])(?=の\s*(?:最初|最後|一番|いちばん|[0-9一二三四五六七八九]{1,2}\s*(?:番目|つ目)))"
)


_OPENING_LETTER = re.compile(r"\s*[ア-ン]の")


def _letter_only(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    match = _LETTER_ONLY.search(folded)
    if match is None:
        return None
    letter = match["letter"] or match["bare"]
    rows = [i for i in in_scope(corpus, agreement, "row") if corpus.units[i].section]
    labels = {corpus.units[i].section.split(" ", 1)[0] for i in rows}
    wanted = [label for label in labels if re.fullmatch(rf"[(][0-9]{{1,2}}[)]{letter}", label)]
    if len(wanted) != 1:
        return None  # no such sub-section, or one in several sections: which one is not said
    found = tuple(i for i in rows if corpus.units[i].section.split(" ", 1)[0] == wanted[0])
    nth = ordinal_after(folded[match.end() :])  # 「別表のイの最後の取組」「イの2番目の取組」
    if nth is not None and 1 <= abs(nth) <= len(found):
        row = found[nth if nth < 0 else nth - 1]
        return Reference((row,), f"{wanted[0]}の{nth_words(nth)}", "row", matched=match.group(0))
    return Reference(found, wanted[0], "section", matched=match.group(0))


def _section_rows(corpus: Corpus, number: int, letter: str | None, agreement: str | None) -> list[int]:
    """The row units of 別表 section (number), or of its sub-section `letter`, in document order."""
    wanted = f"({number}){letter}" if letter else f"({number})"
    # a section printed by its bare number (「2 高次の都市機能の集積・強化に関する取組」) is (2) too
    bare = f"{number}{letter or ''}"
    return [
        i
        for i in in_scope(corpus, agreement, "row")
        if corpus.units[i].kind == "row"
        and corpus.units[i].section is not None
        and (
            corpus.units[i].section.split(" ", 1)[0] in (wanted, bare)
            or (not letter and corpus.units[i].section.startswith(wanted))
        )
    ]


def titled(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    """「生活機能の強化の中で3番目の取組」: a row counted inside a section named by its title;
    「生活機能の強化にはどんな取組がある」: the section's rows."""
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    found = titled_rows(corpus, folded, ids)
    if found is not None:
        rows, words = found
        return Reference(rows, corpus.units[rows[0]].citation.place, "row", matched=words)
    whole = titled_section(corpus, folded, ids)
    return Reference(*whole[:2], "section", matched=whole[2]) if whole else None


POLICY_FIELDS = (
    r"政策分野(?:は|が)?\s*(?:全部で|全体で|合計)?\s*(?:いくつ|幾つ|何個|何つ)|いくつの政策分野|政策分野の数"
)
# 「別表はいくつの分野に分かれている」「別表の分野は全部でいくつ」「別表は何分野」: how the annex is divided.
# Only of the annex: 「両市が協力する分野はいくつ」 counts the 取組 people call 分野 (a list of rows).
_HOW_MANY_SECTIONS = re.compile(
    r"(?:別表|べっぴょう)[^。?？]{0,8}?(?:(?:分野|区分)(?:は|が)?\s*(?:全部で|全体で|合計)?\s*(?:いくつ|幾つ|何個|何つ)"
    r"|何(?:分野|区分)|いくつの(?:分野|区分)|分野の数)"
    # 「政策分野はいくつ」: the template's word for the annex's divisions, with or without 別表
    r"|" + POLICY_FIELDS
)


def how_many_sections(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    """Every row of the annex, with a note naming its sections (and their sub-sections) as printed,
    for a question asking how many sections it has; None for any other question, or when no
    agreement in scope divides its annex."""
    if (asked := _HOW_MANY_SECTIONS.search(folded)) is None:
        return None
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    if re.fullmatch(POLICY_FIELDS, asked.group(0)) and any(len(corpus.agreement(aid).annexes()) > 1 for aid in ids):
        return None  # 別表第1–第3, one 政策分野 each: counted as annexes (provisions.annexes_counted)
    notes = [note for aid in ids if (note := _division(corpus.agreement(aid)))]
    if not notes:
        return None
    rows = tuple(i for aid in ids for i in in_scope(corpus, aid, "row"))
    return Reference(rows, "", "section", " ".join(notes), _HOW_MANY_SECTIONS.search(folded).group(0))


def _division(agreement) -> str:  # noqa: ANN001 - model.Agreement
    """「別表の分野は3つです（(1) …、(2) …、(3) …）。(3)はア・イ・ウの3つに分かれています。」"""
    annex = agreement.annex
    sections = [s for s in annex.sections if s.title] if annex is not None else []
    if not sections:
        return ""
    label = [s.label or (f"({s.number})" if s.number else "") for s in sections]
    named = "、".join(f"{mark} {s.title}".strip() for mark, s in zip(label, sections, strict=True))
    note = f"{annex.heading}の分野は{len(sections)}つです（{named}）。"
    for mark, section in zip(label, sections, strict=True):
        letters = [sub.letter for sub in section.subsections if sub.letter]
        if letters:
            note += f"{mark}は{'・'.join(letters)}の{len(letters)}つに分かれています。"
    return note
