"""A text whose line ends were all lost — a PDF copied as one line, every line end a space —
split back into the lines of the template, at the shapes the parser reads line by line:
「(見出し) 第N条 …」, 「。 2 …」, items 「(1) 」「ア 」「(ア) 」, a field title 「(ア) 取組内容」,
the preamble defining 甲/乙, the title just above it, the closing statement and the
signatures. Every piece keeps the number of the line it came from; the split is listed as a
repair, so an upload says its text was taken apart.
"""

from __future__ import annotations

import re

from .source_lines import Repair
from .spaced import close_up, is_letter_spaced
from .template import LABELS, municipalities

_NUMBER = r"[0-9０-９一二三四五六七八九十]{1,3}"
_ARTICLE = rf"第{_NUMBER}条[ \u3000]"
# An article starting mid-line after a heading or a sentence: two or more make a line flattened.
_MID_ARTICLE = re.compile(rf"(?:[)）]|。)[ \u3000]+{_ARTICLE}")
_HEADED_ARTICLE = re.compile(rf"[ \u3000]+(?P<heading>[(（][^()（）\s]{{1,40}}[)）])[ \u3000]+(?={_ARTICLE})")
_KATAKANA = "アイウエオカキクケコサシスセソタチツテト"
_ITEM = rf"(?:[(（](?:[0-9]{{1,2}}|[{_KATAKANA}]|[a-z])[)）]|[{_KATAKANA}]|[a-z]|[0-9０-９]{{1,2}})[ \u3000]"
# Where a new line starts in the body: an article or a numbered paragraph after a sentence,
# an item anywhere (a title ends no sentence), the closing statement.
_BODY_BREAK = re.compile(
    rf"(?<=。)[ \u3000]+(?={_ARTICLE}|[0-9０-９]{{1,2}}[ \u3000])"
    rf"|[ \u3000]+(?=(?:[(（](?:[0-9]{{1,2}}|[{_KATAKANA}]|[a-z])[)）]|[{_KATAKANA}]|[a-z])[ \u3000])"
    r"|[ \u3000]+(?=[(（][0-9]{1,2}[)）]\S)"  # 「(1)生活機能…」: a numbered item needs no blank after it
    r"|(?<=。)[ \u3000]+(?=[^。\s]{0,30}(?:証する|証として))"
)
# An item whose title is a field (「(ア) 取組内容」「(イ) 甲の役割」): its text starts a line of its own.
_FIELD = re.compile(
    rf"^(?P<field>{_ITEM}[ \u3000]*(?:取組の?内容|内容|役割分担|\S{{1,12}}?の役割(?:分担)?))[ \u3000]+(?=\S)"
)
# The signatures: the signing date and each 「甲 …」 start a line.
_SIGNATURE_BREAK = re.compile(
    r"(?<=。)[ \u3000]+|[ \u3000]+(?=(?:令和|平成|昭和)[0-9０-９元]{1,2}年)|[ \u3000]+(?=[甲乙丙丁戊][ \u3000])"
)
# A heading and its article on one line: 「(連携分野) 第2条 両市は、…」.
_LINE_HEADED_ARTICLE = re.compile(rf"^[ \u3000]*[(（][^()（）\s]{{1,40}}[)）][ \u3000]+{_ARTICLE}")
# The cells of a pipe table at the end of a line: 「 | 仙台市長x x | x | 山形市長 x x x x |」, 「 | |||||」.
_PIPE_CELLS = re.compile(r"[ \u3000]*\|[^|\n]*(?:\|[^|\n]*)*$")
_PARTY_DEF = re.compile(rf"[(（]以下[^「『（）()]{{0,6}}?[「『][{LABELS}][」』]という")
_CLOSING = re.compile(r"証する|証として")
# A preamble naming its parties without labels, after a blank: 「 松山市及び東温市は、…締結する。」.
_NAMED_SUBJECT = re.compile(r"(?:^|(?<=[ \u3000]))(?P<subject>[^ \u3000、。は]{3,60}?)は、[^。]*(?:締結|協約|協定)")
# A date a PDF spaced out (「平成28年 7月 8日」) stays one piece of the cover or the signatures.
_SPACE_OUTSIDE_DATE = re.compile(r"[ \u3000]+(?![0-9０-９元]{1,2}[月日])")
# The 別表 heading after the signatures: 「別表(第2条、第3条関係)」「別表第1」.
_ANNEX_START = re.compile(
    r"[ \u3000]+(?=別表(?:第[0-9０-９一二三四五六七八九十]{1,3})?(?:[(（][^()（）]{0,30}[)）])?(?:[ \u3000]|$))"
)


def is_flattened(line: str) -> bool:
    """Two articles or more begin inside this one line."""
    return len(_MID_ARTICLE.findall(line)) >= 2


def split_flattened(text: str) -> tuple[str, tuple[int, ...], tuple[Repair, ...]]:
    """The text with each flattened line split; per output line its input line; the repairs.
    Also split: a line an aggregator gave a heading, its article and the article's first item
    (「(連携分野) 第2条 両市は、…。 (1)防災に関する分野」); and dropped: the cells of a pipe
    table it merged into a line (「(2)観光・交流に関する分野 | |||||」), listed as a repair."""
    out: list[str] = []
    numbers: list[int] = []
    repairs: list[Repair] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if (cells := _PIPE_CELLS.search(line)) and line[: cells.start()].strip() and "\t" not in line:
            repairs.append(Repair((number,), "pipe-cells", cells.group(0).strip(), ""))
            line = line[: cells.start()]
        if is_letter_spaced(line):
            closed = close_up(line)
            repairs.append(Repair((number,), "letter-spaced", line[:40], closed[:40]))
            line = closed
        if is_flattened(line):
            pieces = split_line(line)
        elif _LINE_HEADED_ARTICLE.match(line):
            pieces = [piece.strip(" \u3000") for piece in _body_lines(" " + line) if piece.strip(" \u3000")]
        else:
            pieces = [line]
        if len(pieces) > 1:
            repairs.append(Repair((number,), "flattened-line", line[:40], f"{len(pieces)} 行に分けて読みました"))
        out.extend(pieces)
        numbers.extend([number] * len(pieces))
    return "\n".join(out), tuple(numbers), tuple(repairs)


def split_line(line: str) -> list[str]:
    """One flattened line → the lines of the template (see the module docstring)."""
    first_article = _first_article(line)
    front, body = line[:first_article], line[first_article:]
    closing = _CLOSING.search(body)
    closing_at = body.rfind("。", 0, closing.start()) + 1 if closing else len(body)
    body, signature = body[:closing_at], body[closing_at:]
    lines = [*_front_lines(front), *_body_lines(body), *_signature_lines(signature)]
    return [piece.strip(" \u3000") for piece in lines if piece.strip(" \u3000")]


def _first_article(line: str) -> int:
    heading = _HEADED_ARTICLE.search(line)
    plain = re.search(rf"(?<=。)[ \u3000]+(?={_ARTICLE})", line)
    return min(match.start() for match in (heading, plain) if match) if heading or plain else 0


def _front_lines(front: str) -> list[str]:
    """Cover and preamble: the preamble starts at the sentence defining 甲/乙, the title is the
    word just before it (「…協定書(案)」), and the sentences before are lines of their own."""
    definition = _PARTY_DEF.search(front)
    if definition is not None:
        preamble_at = max(front.rfind(" ", 0, definition.start()), front.rfind("\u3000", 0, definition.start())) + 1
    else:
        named = _named_preamble(front)
        if named is None:  # no preamble: a cover ending in the title (「… 松山市及び東温市における…協約」)
            return [line for piece in re.split(r"(?<=。)[ \u3000]+", front) for line in _cover_lines(piece)]
        preamble_at = named
    cover, preamble = front[:preamble_at].rstrip(), front[preamble_at:]
    words = cover.rsplit(" ", 1)
    title = words[-1] if len(words) == 2 and ("協定" in words[-1] or "協約" in words[-1]) else ""
    cover = words[0] if title else cover
    if definition is None:  # a cover of title, date and the parties' names, one piece each
        return [*_SPACE_OUTSIDE_DATE.split(cover), title, preamble]
    return [*re.split(r"(?<=。)[ \u3000]+", cover), title, preamble]


def _cover_lines(piece: str) -> list[str]:
    """A piece of the front that is no sentence and ends in a title: its words, one a line."""
    last = piece.rsplit(" ", 1)[-1]
    if piece.endswith("。") or not ("協約" in last or "協定" in last):
        return [piece]
    return _SPACE_OUTSIDE_DATE.split(piece)


def _named_preamble(front: str) -> int | None:
    """Where a preamble naming its parties by name starts (「松山市及び東温市は、…締結する。」)."""
    for match in _NAMED_SUBJECT.finditer(front):
        if len(municipalities(match["subject"])) >= 2:
            return match.start()
    return None


def _body_lines(body: str) -> list[str]:
    body = _HEADED_ARTICLE.sub(lambda match: f"\n{match['heading']}\n", body)
    lines: list[str] = []
    for piece in _BODY_BREAK.sub("\n", body).split("\n"):
        field = _FIELD.match(piece.strip())
        if field:
            lines += [field["field"], piece.strip()[field.end() :]]
        else:
            lines.append(piece)
    return lines


def _signature_lines(signature: str) -> list[str]:
    """The closing statement, the date and each signer's piece on lines of their own; 別表 after
    them starts a line, and its text another (the annex reader takes it apart)."""
    signature, _, annex = _ANNEX_START.sub("\n", signature, count=1).partition("\n")
    lines = _SIGNATURE_BREAK.sub("\n", signature).split("\n")
    if not any(_PARTY_DEF.search(line) or re.match(rf"^[{LABELS}][ \u3000]", line) for line in lines):
        # signers named without 甲/乙 (「松山市 松山市長」): one piece a line
        lines = [
            piece for line in lines for piece in ([line] if _CLOSING.search(line) else _SPACE_OUTSIDE_DATE.split(line))
        ]
    if annex:
        heading, _, rest = annex.partition(" ")
        lines += [heading, rest]
    return lines
