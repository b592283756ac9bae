"""Structural references: a question that names a place in the agreement gets that place.

「第2条」「第４条」「第五条」「3条」「第6条第1項」「前文」「附則」「署名欄」「別表(3)ア」「別表第2」 resolve
straight to their units, before any ranking: as text, 「第2条」 would match 「地方自治法第252条の2」
in 第6条 better than 第2条 itself. Nothing here knows the seed agreement: articles, sections and
units are read from whatever agreements are loaded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..ingest.dates import kanji_number
from ..search.corpus import Corpus
from ..search.phrases import MIN_PHRASE
from ..search.tokenizer import fold
from .ordinals import Ordinal, find_ordinal, ordinal_after, read_article

_NUMBER = r"[0-9]{1,3}|[〇一二三四五六七八九十]{1,3}"
# 第N条 / N条 / 第N条第M項. Not a law's article (「地方自治法第252条」「法律第67号）第252条」), not
# 「第3条関係」 (the annex's heading), not an address (「北1条西2丁目」: a bare number after a kanji).
ARTICLE = re.compile(
    rf"(?:(?<![法令号)）])第(?P<n1>{_NUMBER})|(?<![\u4e00-\u9fff0-9])(?P<n2>[0-9]{{1,3}}|[一二三四五六七八九十]{{1,3}}))"
    rf"条(?!関係|例|件|約|文|項目|西|東|南|北|市|町|村|区|郡|通|駅|線)(?:第?(?P<paragraph>{_NUMBER})項)?"
)
# 別表(3)ア / 別表（３）イ / 別表の(2) / 別表第2 / 別表2 / (3)ア on its own.
_ANNEX = re.compile(
    rf"別表(?:の|中の)?\s*(?:第(?P<n1>{_NUMBER})|[(](?P<n2>{_NUMBER})[)]|(?P<n3>[0-9]{{1,2}}))\s*(?:の)?(?P<letter1>[ア-ン])?"
    rf"|(?<![0-9])[(](?P<n4>[0-9]{{1,2}})[)]\s*(?P<letter2>[ア-ン])?"
)
# 「別表（第3条関係）」「別表第3条関係の(2)」: the annex's heading names the article it belongs to,
# not a section; dropped before sections are read.
_BELONGS = re.compile(rf"[(]?第(?:{_NUMBER})条関係[)]?")
_PLACES = (
    ("preamble", re.compile(r"前文|前書き|前書|まえがき|はしがき")),
    ("supplementary", re.compile(r"附\s*則|付則")),
    ("signature", re.compile(r"署名欄|署名部分|記名押印|署名の(?:部分|欄|箇所)")),
    # who the parties are: the preamble names them in every agreement of the template
    ("preamble", re.compile(r"当事者(?:は|って|とは|を|について|が(?:どこ|誰|だれ))")),
)
# 「この協約の正式な名前は」「協約のタイトル」: the agreement's own title, given beside its 前文.
_TITLE = re.compile(
    r"(?:(?:協約|協定)書?の(?:正式な?)?(?:名前|名称|なまえ|タイトル|題名|件名)|正式(?:名称|な名前|な名称|なタイトル)|題名|件名)"
    r"(?=\s*(?:は|を|って|が|とは|も|[?？。]|$))"  # asked about, not 「題名のない…」
)
# 「協約書は何通作られたのか」: every agreement closes with 「本連携協約書N通を作成し」, in 附則 or
# the signature block depending on the layout; the unit that says it answers.
_COPIES = re.compile(r"何通|何部|通数|部数|何枚")
_COPIES_TEXT = re.compile(r"[0-9０-９一二三四五六七八九十]+通")


@dataclass(frozen=True)
class Reference:
    """What a question points at: unit positions (document order) and how to say it."""

    positions: tuple[int, ...]
    label: str  # 「第5条」「(3)イ」 (of 別表), 「前文」
    kind: str  # "article", "section", "row" (one row of a section), or a unit kind ("preamble", …)
    note: str = ""  # e.g. a paragraph that does not exist
    matched: str = ""  # the words of the question that name it (「三条」, which Sudachi also knows as a city)


@dataclass(frozen=True)
class Pointers:
    """What a question's text says of places by number, order or sound, read once for both
    `find_reference` and `missing_article`: its 第N条, its ordinal, its 第N条 as heard."""

    folded: str  # the text, NFKC-folded
    articles: tuple[re.Match[str], ...]  # each 第N条 / N条 (ARTICLE)
    ordinal: Ordinal | None  # 「最後の条文」「3番目の取組」「冒頭」
    heard: tuple[int, str] | None  # 「だいろくじょう」「Article 6」: (N, the words)


def pointers(text: str) -> Pointers:
    """Read what `text` says of places (see `Pointers`)."""
    folded = unicodedata.normalize("NFKC", text)
    return Pointers(folded, tuple(ARTICLE.finditer(folded)), find_ordinal(folded), read_article(folded))


def find_reference(corpus: Corpus, text: str | Pointers, agreement: str | None = None) -> Reference | None:
    """The place `text` names, when it names one that the loaded agreements have."""
    said = text if isinstance(text, Pointers) else pointers(text)
    for finder in (_article, _section, _ordinal, _place, _copies, _title):
        found = finder(corpus, said, agreement)
        if found is not None:
            return found
    return None


def inside_quotation(reference: Reference, quotation: str) -> bool:
    """Whether the reference is part of a longer verbatim run of the agreement, as in a pasted
    「前項の協議は、第7条の目的に沿って」: then the run is what is asked for. A reference with
    only a few words around it (「第9条の目的」) still names the article."""
    return reference.matched in quotation and len(quotation) - len(reference.matched) >= MIN_PHRASE


def in_scope(corpus: Corpus, agreement: str | None, kind: str) -> list[int]:
    """Positions of the units of `kind` (in `agreement` when given), from the unit columns."""
    mask = corpus.columns.of_kinds([kind])
    if agreement is not None:
        mask &= corpus.columns.in_agreements([agreement])
    return np.flatnonzero(mask).tolist()


def _article(corpus: Corpus, said: Pointers, agreement: str | None) -> Reference | None:
    for match in said.articles:
        number = kanji_number(match["n1"] or match["n2"])
        if number is None:
            continue
        units = corpus.units
        positions = tuple(i for i in in_scope(corpus, agreement, "article") if units[i].article == number)
        if positions:
            note = _paragraph_note(corpus, positions[0], match)
            return Reference(positions, f"第{number}条", "article", note, match.group(0))
    read = said.heard
    if read is not None:
        positions = tuple(i for i in in_scope(corpus, agreement, "article") if corpus.units[i].article == read[0])
        if positions:
            return Reference(positions, f"第{read[0]}条", "article", matched=read[1])
    return None


def _paragraph_note(corpus: Corpus, position: int, match: re.Match[str]) -> str:
    """第N条第M項: the article is quoted whole; say so, and say when it has no paragraph M."""
    if not match["paragraph"]:
        return ""
    paragraph = kanji_number(match["paragraph"])
    unit = corpus.units[position]
    count = 1 + sum(1 for line in unit.text.split("\n")[1:] if re.match(r"[0-9０-９]{1,2}[ \u3000]", line))
    label = f"第{unit.article}条"
    if paragraph is None or not 1 <= paragraph <= count:
        return f"{label}に第{paragraph or match['paragraph']}項はありません。{label}の全文を示します。"
    return f"{label}第{paragraph}項を含む{label}の全文を示します。"


def _section(corpus: Corpus, said: Pointers, agreement: str | None) -> Reference | None:
    folded = _BELONGS.sub("", said.folded)
    for match in _ANNEX.finditer(folded):
        number = kanji_number(match["n1"] or match["n2"] or match["n3"] or match["n4"] or "")
        letter = match["letter1"] or match["letter2"]
        if number is None:
            continue
        found = _section_rows(corpus, number, letter, agreement)
        if not found and letter:  # 「(2)アは」: a section without sub-sections, followed by a word
            found, letter = _section_rows(corpus, number, None, agreement), None
        if not found:
            continue
        label = f"({number}){letter or ''}"
        nth = ordinal_after(_after_title(folded[match.end() :], corpus.units[found[0]].section))
        if nth is not None and 1 <= abs(nth) <= len(found):
            row = found[nth if nth < 0 else nth - 1]
            return Reference((row,), f"{label}の{_nth(nth)}", "row", matched=match.group(0))
        return Reference(tuple(found), label, "section", matched=match.group(0))
    return _letter_only(corpus, folded, agreement)


def _after_title(rest: str, section: str) -> str:
    """「(3)ア 生活機能の強化の最後の取組」: what follows the section's own title, when the
    question repeats it after the label."""
    title = fold(section.split(" ", 1)[1].strip()) if " " in section else ""
    stripped = rest.lstrip(" \u3000")
    return stripped[len(title) :] if title and stripped.startswith(title) else rest


# 「別表のイには何が入ってる」: a sub-section by its letter alone, where one section has it.
_LETTER_ONLY = re.compile(r"別表(?:の|中の)\s*(?P<letter>[ア-ン])(?=には|は|に|の|って|で|\s|[?？]|$)")


def _letter_only(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    match = _LETTER_ONLY.search(folded)
    if match is None:
        return None
    rows = [i for i in in_scope(corpus, agreement, "row") if corpus.units[i].section]
    labels = {corpus.units[i].section.split(" ", 1)[0] for i in rows}
    wanted = [label for label in labels if re.fullmatch(rf"[(][0-9]{{1,2}}[)]{match['letter']}", label)]
    if len(wanted) != 1:
        return None  # no such sub-section, or one in several sections: which one is not said
    found = tuple(i for i in rows if corpus.units[i].section.split(" ", 1)[0] == wanted[0])
    return Reference(found, wanted[0], "section", matched=match.group(0))


def _section_rows(corpus: Corpus, number: int, letter: str | None, agreement: str | None) -> list[int]:
    """The row units of 別表 section (number), or of its sub-section `letter`, in document order."""
    wanted = f"({number}){letter}" if letter else f"({number})"
    return [
        i
        for i in in_scope(corpus, agreement, "row")
        if corpus.units[i].kind == "row"
        and corpus.units[i].section is not None
        and (
            corpus.units[i].section.split(" ", 1)[0] == wanted
            or (not letter and corpus.units[i].section.startswith(wanted))
        )
    ]


def _ordinal(corpus: Corpus, said: Pointers, agreement: str | None) -> Reference | None:
    """「最後の条文」「最初の取組」「二つ目の分野」「協約の冒頭」: counted in each agreement's own order."""
    ordinal = said.ordinal
    if ordinal is None:
        return None
    picked = [
        group[ordinal.nth if ordinal.nth < 0 else ordinal.nth - 1]
        for group in _ordered(corpus, agreement, ordinal)
        if group and abs(ordinal.nth) <= len(group)
    ]
    if not picked:
        return None
    flat = tuple(i for group in picked for i in group)
    first = corpus.units[flat[0]]
    if ordinal.kind == "section":
        return Reference(flat, first.section or "", "section", matched=ordinal.matched)
    if ordinal.kind == "row":
        return Reference(flat, _nth(ordinal.nth) + "の取組", "row", matched=ordinal.matched)
    groups = _ordered(corpus, agreement, ordinal)
    counted = ordinal.counts and len(groups) == 1
    note = f"この協約の条文は第{first.article}条まで（{len(groups[0])}か条）です。" if counted else ""
    return Reference(flat, first.citation.place, first.kind, note, ordinal.matched)


def _ordered(corpus: Corpus, agreement: str | None, ordinal: Ordinal) -> list[list[tuple[int, ...]]]:
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


def _nth(nth: int) -> str:
    return f"{nth}番目" if nth > 0 else "最後" if nth == -1 else f"最後から{-nth}番目"


def _place(corpus: Corpus, said: Pointers, agreement: str | None) -> Reference | None:
    folded = said.folded
    for kind, pattern in _PLACES:
        if pattern.search(folded):
            positions = tuple(in_scope(corpus, agreement, kind))
            if positions:
                place = corpus.units[positions[0]].citation.place
                return Reference(positions, place, kind, matched=pattern.search(folded).group(0))
    return None


def _title(corpus: Corpus, said: Pointers, agreement: str | None) -> Reference | None:
    """The preamble, with the agreement's title, for 「この協約の正式な名前は」 (one agreement in scope)."""
    match = _TITLE.search(said.folded)
    positions = tuple(in_scope(corpus, agreement, "preamble")) if match else ()
    ids = {corpus.units[i].agreement_id for i in positions}
    if len(ids) != 1:
        return None
    title = corpus.agreement(ids.pop()).title
    return Reference(positions, "前文", "preamble", f"この協約の題名は「{title}」です。", match.group(0))


def _copies(corpus: Corpus, said: Pointers, agreement: str | None) -> Reference | None:
    if _COPIES.search(said.folded) is None:
        return None
    for kind in ("supplementary", "signature"):
        positions = tuple(i for i in in_scope(corpus, agreement, kind) if _COPIES_TEXT.search(corpus.units[i].text))
        if positions:
            return Reference(positions, corpus.units[positions[0]].citation.place, kind)
    return None


_COUNTED = {"article": ("条文", "条"), "row": ("取組", "項目"), "section": ("分野", "分野")}


def missing_article(corpus: Corpus, text: str | Pointers, agreement: str | None = None) -> str | None:
    """「第7条はこの協約にありません（第1条から第6条まで）。」 for an article number the loaded
    agreements do not have, 「30番目の取組はありません（別表の取組は20項目）。」 for a place counted
    past the end; None when the question names neither."""
    said = text if isinstance(text, Pointers) else pointers(text)
    ordinal = said.ordinal
    if ordinal is not None and ordinal.kind in _COUNTED:
        counts = [len(places) for places in _ordered(corpus, agreement, ordinal)]
        if counts and all(abs(ordinal.nth) > count for count in counts):
            noun, unit = _COUNTED[ordinal.kind]
            return f"{_nth(ordinal.nth)}の{noun}はありません（{noun}は{max(counts)}{unit}です）。"
    numbers = [kanji_number(m["n1"] or m["n2"]) for m in said.articles if m["n1"]]
    if not numbers and (read := said.heard) is not None:  # 「だいじゅうじょう」 as heard
        numbers = [read[0]]
    if not numbers or numbers[0] is None:
        return None
    articles = sorted({corpus.units[i].article for i in in_scope(corpus, agreement, "article")} - {None})
    if not articles:
        return None
    where = "この協約" if not corpus.multi or agreement else "読み込まれている協約"
    return f"第{numbers[0]}条は{where}にありません（第{articles[0]}条から第{articles[-1]}条まで）。"
