"""Articles a copy printed out of order, put back in order.

An aggregator that re-flows a two-column PDF page may print 第6条, the closing statement and
the date before 第2条 (「第1条 … 第6条 … 本協定の締結を証するため、… 平成28年11月2日 (連携分野)
第2条 …」). When the articles between the preamble and 附則 or 別表 are each of 第1条 to 第N条
exactly once, their blocks (heading, article, paragraphs and items) are put in number order
and the closing block after the last one; each line keeps its own number, so a citation still
points at the line of the file, and the move is listed as a repair. A gap or a repeated number
is left as printed, for the parser to refuse at its line.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import kanji_number
from .source_lines import ParseContext, Repair, SourceLine
from .template import ANNEX, ARTICLE, CLOSING, HEADING, SUPPLEMENTARY


@dataclass(frozen=True)
class _Block:
    lines: list[SourceLine]
    number: int | None  # the article's number; None for the closing statement and what follows it


def reorder_articles(lines: list[SourceLine], start: int, ctx: ParseContext) -> list[SourceLine]:
    """`lines` with the articles from `start` in number order (see the module docstring)."""
    end = next((i for i in range(start, len(lines)) if _ends_articles(lines[i].text.strip())), len(lines))
    first = next((i for i in range(start, end) if _opens_article(lines, i)), end)
    blocks = _blocks(lines, first, end)
    numbers = [block.number for block in blocks if block.number is not None]
    in_order = [block.number for block in blocks] == sorted(numbers) + [None] * (len(blocks) - len(numbers))
    if in_order or sorted(numbers) != list(range(1, len(numbers) + 1)):
        return lines
    articles = sorted((b for b in blocks if b.number is not None), key=lambda b: b.number or 0)
    rest = [b for b in blocks if b.number is None]
    moved = [line for block in articles + rest for line in block.lines]
    ctx.repairs.append(
        Repair(
            tuple(n for line in moved for n in line.numbers),
            "reordered",
            "、".join(f"第{n}条" for n in numbers),
            "条の順に並べ直して読みました",
        )
    )
    return lines[:first] + moved + lines[end:]


def _ends_articles(text: str) -> bool:
    return bool(SUPPLEMENTARY.match(text) or ANNEX.match(text))


def _opens_article(lines: list[SourceLine], index: int) -> bool:
    """A heading directly above its article, or an article line."""
    text = lines[index].text.strip()
    if ARTICLE.match(text):
        return not (index > 0 and HEADING.match(lines[index - 1].text.strip()))
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return bool(HEADING.match(text) and ARTICLE.match(following))


def _blocks(lines: list[SourceLine], first: int, end: int) -> list[_Block]:
    """The lines from `first` to `end` cut where an article or the closing statement begins."""
    blocks: list[_Block] = []
    for index in range(first, end):
        text = lines[index].text.strip()
        if _opens_article(lines, index):
            article = ARTICLE.match(text) or ARTICLE.match(lines[index + 1].text.strip())
            blocks.append(_Block([], kanji_number(article["number"])))
        elif CLOSING.search(text):
            blocks.append(_Block([], None))
        blocks[-1].lines.append(lines[index])
    return blocks
