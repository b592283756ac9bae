"""The front of an agreement: its title, its parties and where its preamble is — in the
template (甲/乙 defined in the preamble) and as 例規集 pages print it (a ○ title above date,
告示 and 種別 lines; parties named without labels, or only in the title) — and the lines a PDF
extractor wrapped, joined again."""

from __future__ import annotations

import re

from ..model import Party
from .items import marker_kind
from .repair import SENTENCE_END, is_rule_line
from .source_lines import ParseContext, Repair, SourceLine
from .subject import subject_parties
from .template import (
    ANNEX,
    ARTICLE,
    CLOSING,
    HEADING,
    NAMED_PREAMBLE,
    NUMBERED,
    PARAGRAPH_NUMBER,
    PARTY_DEF,
    SUPPLEMENTARY,
    is_front_line,
    municipalities,
    starts_body,
)

NO_DEFINITION = (
    "前文に当事者の定義（「札幌市（以下「甲」という。）」の形）が見つかりません / no 甲/乙 definition in the preamble"
)
# The body speaks of its parties by label: 「甲及び乙は」.
_USES_LABELS = re.compile(r"甲(?:及び|又は|と|、)乙")
_CHROME = re.compile(r"^[A-Za-z][A-Za-z .\-]*$")  # a site's label in Latin letters (「Contract」), never a title
_SUBMITTED = re.compile(r"日[ \u3000]*提出")


def _wrapped(text: str, following: str) -> bool:
    """Does `following` continue the sentence `text` was cut from?"""
    if not text or not following or "\t" in text or "\t" in following or text.endswith(SENTENCE_END):
        return False
    article = ARTICLE.match(text)
    if (
        len(text) < 15
        or HEADING.match(text)
        or SUPPLEMENTARY.match(text)
        or ANNEX.match(text)
        or (article and not article["text"])
    ):
        return False  # a heading, 第N条 alone, a short item title: a line of its own
    return not (
        starts_body(following)
        or NUMBERED.match(following)
        or marker_kind(following)
        or CLOSING.search(following)
        or PARAGRAPH_NUMBER.match(following)
        or following.isdigit()
    )


def drop_rule_lines(lines: list[SourceLine], ctx: ParseContext) -> list[SourceLine]:
    """The lines without table rules (「--|--」), each dropped one listed as a repair."""
    kept = []
    for line in lines:
        if line.text.strip() and is_rule_line(line.text):
            ctx.repairs.append(Repair(line.numbers, "rule-line", line.text, ""))
        else:
            kept.append(line)
    return kept


def dated_front(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines before the preamble that may give the agreement's date: not a sentence (a date
    inside one is another document's, 「要綱(平成20年12月26日…)に基づき」), nor a bill's
    submission date (「平成27年9月2日提出」)."""
    return [line for line in lines if not line.text.strip().endswith(SENTENCE_END) and not _SUBMITTED.search(line.text)]


def preamble_index(lines: list[SourceLine], ctx: ParseContext) -> int | None:
    """The preamble: the line defining 甲/乙, else one naming the parties before 「は、」
    (「福山市及び三原市は、…締結する。」); None when the text has no preamble."""
    for index, line in enumerate(lines):
        if PARTY_DEF.search(line.text):
            return index
    if not any(line.text.strip() for line in lines):
        raise ctx.error(1, "ファイルが空です / the file is empty")
    first_article = next((ln.first for ln in lines if ARTICLE.match(ln.text.strip())), None)
    if first_article is None:
        raise ctx.error(
            1,
            "連携協約の本文ではないようです（前文の「（以下「甲」という。）」も「第1条」もありません）"
            " / this does not look like an agreement: no party definition and no 第1条",
        )
    for index, line in enumerate(lines):
        text = line.text.strip()
        if starts_body(text):
            break
        if NAMED_PREAMBLE.match(text) and len(municipalities(text.split("は、", 1)[0])) >= 2:
            return index
        if subject_parties(_with_wrapped(lines, index), line.first):
            return index
    return None


def _with_wrapped(lines: list[SourceLine], index: int) -> str:
    """A line with the next one when a PDF extractor wrapped the sentence there (「…(以下「京都府
    市長会・町村会」」 / 「という。)は、…」): the preamble may hold its subject over two lines."""
    text = lines[index].text.strip()
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return text + following if _wrapped(text, following) else text


def first_body_index(lines: list[SourceLine]) -> int:
    return next(i for i, line in enumerate(lines) if starts_body(line.text.strip()))


def _no_title(text: str) -> bool:
    """A blank, a date, notice or kind line, or a site's label: nothing that can be a title."""
    return not text or is_front_line(text) or bool(_CHROME.match(text))


def find_title(lines: list[SourceLine], start: int, ctx: ParseContext) -> tuple[int, str | None]:
    """The agreement's own title: the text line above the preamble (「○…連携協約」), with the
    date, 告示第N号 and 種別 (「県知事届出」) lines of a 例規集 page between skipped. A copy that
    dropped the title (an aggregator's: 「Contract / 平成30年6月 日 / 深川市・秩父別町」) is named
    by its cover's party line, but only when nothing else stands above it: any other line there
    may be a title broken by the copy, and is refused. None when nothing but page chrome and
    dates stands above the preamble (「Contract」 then 「刈谷市(以下「甲」という。)…」): no title
    was printed, so none is read."""
    if all(_no_title(line.text.strip()) for line in lines[:start]):
        return start, None
    index, cover = start - 1, None
    while index >= 0:
        text = lines[index].text.strip()
        if text and not is_front_line(text) and not _CHROME.match(text):
            if "協約" in text or "協定" in text:
                return index, _title_broken_above(lines, index, text).lstrip("○◯〇 \u3000")
            if cover is not None or len(municipalities(text)) < 2:
                break
            cover = index
        index -= 1
    if cover is not None and index < 0:
        return cover, lines[cover].text.strip()
    raise ctx.error(
        lines[start if index < 0 else index].first,
        "前文の直前に協約の題名（「…連携協約」）がありません / no agreement title just above the preamble",
    )


# A line that ends like this stops mid-title: 「特別区長会と京都府市長会及び京都府町村会の」.
_TITLE_CUT = ("の", "と", "及び", "並びに", "における")


def _title_broken_above(lines: list[SourceLine], index: int, text: str) -> str:
    """The title, with the line above when the copy broke it there (「…京都府町村会の」 /
    「連携協力に関する協定書」)."""
    above = lines[index - 1].text.strip() if index > 0 else ""
    if above.endswith(_TITLE_CUT) and not is_front_line(above) and "協定" not in above and "協約" not in above:
        return above + text
    return text


def named_parties(lines: list[SourceLine], line: SourceLine, title: str, ctx: ParseContext) -> tuple[Party, ...]:
    """Parties named without 甲/乙, from the preamble (「福山市及び三原市は、」) or, when there is
    none, from the title (「福山市と三原市との間における…」). Each is its own label."""
    text = line.text.strip()
    if any(_USES_LABELS.search(each.text) for each in lines):
        # 「甲及び乙は」 with no 甲 defined: the definitions were lost
        first_article = next(each.first for each in lines if ARTICLE.match(each.text.strip()))
        raise ctx.error(first_article, NO_DEFINITION)
    named = subject_parties(text, line.first)
    if named:
        return named
    names = municipalities(text.split("は、", 1)[0]) if NAMED_PREAMBLE.match(text) else []
    if len(names) < 2:
        names = municipalities(re.split(r"(?:との間|の間)?における|(?:との間|の間)?の", title, maxsplit=1)[0])
    if len(names) < 2:
        raise ctx.error(line.first, NO_DEFINITION)
    return tuple(Party(name, name, lines=(line.first,)) for name in names)


def defined_parties(line: SourceLine, ctx: ParseContext) -> tuple[Party, ...]:
    """The parties the preamble defines: 「札幌市（以下「甲」という。）」 → 甲 = 札幌市."""
    parties: list[Party] = []
    for match in PARTY_DEF.finditer(line.text):
        label, name = match["label"], match["name"]
        if any(p.label == label for p in parties):
            raise ctx.error(line.first, f"「{label}」が二度定義されています / {label} is defined twice")
        if any(p.name == name for p in parties):
            raise ctx.error(line.first, f"{name}が二つの記号で定義されています / {name} has two labels")
        parties.append(Party(label, name, lines=(line.first,)))
    if len(parties) < 2:
        raise ctx.error(
            line.first,
            "前文に当事者が二者以上定義されていません（甲と乙） / the preamble defines fewer than two parties",
        )
    return tuple(parties)


def join_wrapped(lines: list[SourceLine], start: int, ctx: ParseContext) -> None:
    """Sentences a PDF extractor wrapped to the page width, from the preamble to the closing
    statement or 別表: a line that ends no sentence, directly followed (no blank line) by one
    that starts no new block, continues on it. Joined, and listed as a repair."""
    index = start
    while index + 1 < len(lines):
        line, following = lines[index], lines[index + 1]
        text = line.text.strip()
        if starts_annex(lines, index) or CLOSING.search(text):
            return
        if _wrapped(text, following.text.strip()):
            joined = SourceLine(line.numbers + following.numbers, line.text.rstrip() + following.text.strip())
            before = f"{line.text}\n{following.text}"
            ctx.repairs.append(Repair(joined.numbers, "line-wrap", before, joined.text))
            lines[index : index + 2] = [joined]
            continue
        index += 1


def starts_annex(lines: list[SourceLine], index: int) -> bool:
    """Does 別表 begin at line `index`? Not when an article still follows before any table:
    then it is a reference to 別表 that the extractor set on a line of its own (「別表第1」
    under 第3条 (1) of a PDF's text)."""
    if not ANNEX.match(lines[index].text.strip()):
        return False
    for line in lines[index + 1 :]:
        if "\t" in line.text:
            return True
        if ARTICLE.match(line.text.strip()) or SUPPLEMENTARY.match(line.text.strip()):
            return False
    return True
