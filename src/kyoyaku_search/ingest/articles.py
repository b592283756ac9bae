"""The body of an agreement: articles 「（見出し）」 + 「第N条 …」 with their paragraphs, any 取組
written inline in one of them (read as an annex), and 附則. Each sentence is repaired as it is
read, in the parser's own lines, so the repaired text and the agreement agree."""

from __future__ import annotations

from ..model import Annex, Article, Party, Supplementary
from .dates import kanji_number
from .front import starts_annex
from .items import has_inline_roles, marker_kind, parse_inline
from .repair import SENTENCE_END, repair_sentence
from .role_articles import Part, inner_part, is_role_article, role_annex
from .source_lines import ParseContext, SourceLine
from .template import (
    ANNEX,
    ARTICLE,
    CLOSING,
    HEADING,
    NUMBERED,
    PARAGRAPH_NUMBER,
    PART,
    SIGNER,
    SUPPLEMENTARY,
    is_date_line,
)


class BodyReader:
    """Reads the body from `lines`, the parser's list, writing each repaired line back into it."""

    def __init__(self, lines: list[SourceLine], ctx: ParseContext) -> None:
        self.lines = lines
        self.ctx = ctx

    def read(
        self, start: int, parties: tuple[Party, ...]
    ) -> tuple[tuple[Article, ...], list[Annex], Supplementary | None, int]:
        """The articles, any 取組 written inline in one of them (as annexes), 附則, and where
        the signature block starts."""
        articles: list[dict] = []
        inline: list[Annex] = []
        heading: SourceLine | None = None
        inner: tuple[Part, ...] = ()  # the part headings (第二編, 第一章) the next article stands under
        index, after_blank = start, True
        while index < len(self.lines):
            line = self.lines[index]
            text = line.text.strip()
            index += 1
            if not text:
                after_blank = True
                continue
            if SUPPLEMENTARY.match(text) or self._starts_annex(index - 1) or CLOSING.search(text):
                index -= 1
                break
            if heading is not None and not ARTICLE.match(text):
                raise self.ctx.error(
                    heading.first,
                    f"見出し{heading.text.strip()}の後に条がありません / a heading not followed by an article",
                )
            if PART.match(text):
                inner = inner_part(inner, text)  # 「第一編 総則」: groups the articles, numbered straight through
                continue
            if HEADING.match(text):
                heading = line
            elif match := ARTICLE.match(text):
                number = kanji_number(match["number"])
                expected = len(articles) + 1
                if number != expected:
                    raise self.ctx.error(
                        line.first, f"第{expected}条があるべき所に{text[:8]}があります / expected article {expected}"
                    )
                body = self.repair_line(line, match["text"]) if match["text"] else ""
                name = HEADING.match(heading.text.strip())["heading"] if heading else None
                articles.append(
                    {
                        "number": number,
                        "heading": name,
                        "parts": [body],
                        "lines": [*(heading.numbers if heading else ()), *line.numbers],
                    }
                )
                heading = None
                end = self._article_end(index)
                block = [each for each in self.lines[index:end] if each.text.strip()]
                if name and is_role_article(block, parties):
                    parts = [(body, line.numbers), *(self._role_part(each) for each in block)]
                    articles[-1]["parts"] += [text for text, _ in parts[1:]]
                    articles[-1]["lines"] += [n for _, numbers in parts[1:] for n in numbers]
                    annex = role_annex(number, name, parts, inner, parties)
                    inline.extend([annex] if annex is not None else [])
                    index = end
                elif has_inline_roles(self.lines[index:end], parties):
                    first_item = next((i for i, each in enumerate(block) if marker_kind(each.text)), len(block))
                    for lead in block[:first_item]:
                        articles[-1]["parts"].append(self._paragraph(lead, lead.text.strip()))
                        articles[-1]["lines"].extend(lead.numbers)
                    items = [self._repaired_text(each) for each in block[first_item:]]
                    inline.append(parse_inline(number, items, parties, self.ctx))
                    index = end
            elif articles:
                self._check_paragraph(articles[-1], line, text, after_blank)
                articles[-1]["parts"].append(self._paragraph(line, text))
                articles[-1]["lines"].extend(line.numbers)
            else:
                raise self.ctx.error(line.first, f"条の外に文があります / text outside any article: {text[:30]}")
            after_blank = False
        if heading is not None:
            raise self.ctx.error(heading.first, "見出しの後に条がありません / a heading not followed by an article")
        if not articles:
            raise self.ctx.error(
                self.lines[min(start, len(self.lines) - 1)].first, "条（第1条 …）が一つもありません / no articles"
            )
        frozen = tuple(
            Article(a["number"], a["heading"], "\n".join(p for p in a["parts"] if p), tuple(a["lines"]))
            for a in articles
        )
        supplementary, index = self._supplementary(index)
        return frozen, inline, supplementary, index

    def _article_end(self, index: int) -> int:
        """Where the article whose body starts at `index` ends: the next article, heading of
        one, 附則, 別表 or closing statement."""
        for end in range(index, len(self.lines)):
            text = self.lines[end].text.strip()
            if (
                ARTICLE.match(text)
                or PART.match(text)
                or SUPPLEMENTARY.match(text)
                or self._starts_annex(end)
                or CLOSING.search(text)
            ):
                return end
            if HEADING.match(text):
                after = next((each.text.strip() for each in self.lines[end + 1 :] if each.text.strip()), "")
                if ARTICLE.match(after):
                    return end
        return len(self.lines)

    def _check_paragraph(self, article: dict, line: SourceLine, text: str, after_blank: bool) -> None:
        """A new block (after a blank line) once the article's sentence has ended must be a
        numbered paragraph or item; anything else is a lost heading or 附則 that would
        otherwise be quoted as this article. A line with no blank before it continues a
        sentence wrapped by the PDF extractor."""
        if after_blank and article["parts"][-1].endswith(SENTENCE_END) and not NUMBERED.match(text):
            raise self.ctx.error(
                line.first,
                f"第{article['number']}条の後に、"
                f"条・項・見出しのどれでもない行があります（見出しや「附則」が崩れていませんか）: {text[:20]}"
                " / a line that is no article, paragraph or heading",
            )

    def _role_part(self, line: SourceLine) -> tuple[str, tuple[int, ...]]:
        """A line of a 取組 article: a role heading 「（甲の役割）」 as printed, else a repaired paragraph."""
        text = line.text.strip()
        return (text if HEADING.match(text) else self._paragraph(line, text)), line.numbers

    def _paragraph(self, line: SourceLine, text: str) -> str:
        """A later paragraph (「2 …」): repair the sentence, keep its number as printed."""
        number = PARAGRAPH_NUMBER.match(text)
        prefix = number.group(0) if number else ""
        return prefix + self.repair_line(line, text[len(prefix) :])

    def _supplementary(self, index: int) -> tuple[Supplementary | None, int]:
        if index >= len(self.lines) or not SUPPLEMENTARY.match(self.lines[index].text.strip()):
            return None, index
        heading = self.lines[index]
        parts: list[SourceLine] = []
        index += 1
        while index < len(self.lines):
            text = self.lines[index].text.strip()
            if CLOSING.search(text) or ANNEX.match(text) or SIGNER.match(text) or is_date_line(text):
                break
            if text:
                parts.append(self.lines[index])
            index += 1
        if not parts:
            raise self.ctx.error(heading.first, "附則に本文がありません / 附則 has no text")
        texts = [self._paragraph(line, line.text.strip()) for line in parts]
        numbers = heading.numbers + tuple(n for line in parts for n in line.numbers)
        return Supplementary("\n".join(texts), numbers), index

    def repair_line(self, line: SourceLine, sentence: str) -> str:
        """Repair one sentence of body text in place; return the repaired sentence."""
        repaired, changes = repair_sentence(sentence)
        if changes:
            self.ctx.record(line.numbers, changes)
            index = self.lines.index(line)
            self.lines[index] = SourceLine(line.numbers, line.text.replace(sentence, repaired, 1))
        return repaired

    def _repaired_text(self, line: SourceLine) -> SourceLine:
        """An item's text line (not its marker line) with PDF artefacts repaired, as now stored."""
        if marker_kind(line.text):
            return line
        index = self.lines.index(line)
        self.repair_line(line, line.text.strip())
        return self.lines[index]

    def _starts_annex(self, index: int) -> bool:
        return starts_annex(self.lines, index)
