"""Structural references: a question that names a place in the agreement gets that place.

「第2条」「第４条」「第五条」「3条」「第6条第1項」「前文」「附則」「署名欄」「別表(3)ア」「別表第2」 resolve
straight to their units, before any ranking: as text, 「第2条」 would match 「地方自治法第252条の2」
in 第6条 better than 第2条 itself. Nothing here knows the seed agreement: articles, sections and
units are read from whatever agreements are loaded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..chars import KANJI
from ..ingest.dates import kanji_number
from ..search.corpus import Corpus
from ..search.phrases import MIN_PHRASE
from .effective import COMMENCEMENT
from .inline import holds_the_rows, inline_place
from .ordinals import Ordinal, find_nested, find_ordinal, read_article
from .places import NUMBER as _NUMBER
from .places import Reference, in_scope, naming_the_parties, nth_words, ordered
from .sections import how_many_sections, in_section, titled
from .wording import this_document

# Reference, in_scope, nth_words and ordered live in places.py (sections.py needs them too); said
# here as well, where the modules that resolve places have always found them.
__all__ = [
    "ARTICLE",
    "Reference",
    "articles_named",
    "find_reference",
    "in_scope",
    "inside_quotation",
    "nth_words",
    "ordered",
]

# 第N条 / N条 / 第N条第M項. Not a law's article (「地方自治法第252条」「法律第67号）第252条」), not
# 「第3条関係」 (the annex's heading), not an address (「北1条西2丁目」: a bare number after a kanji).
ARTICLE = re.compile(
    rf"(?:(?<![法令号)）])第(?P<n1>{_NUMBER})|(?<![{KANJI}0-9])(?P<n2>[0-9]{{1,3}}|[一二三四五六七八九十]{{1,3}}))"
    # 「第4条第2項」「4条2項」「第4条の第2項」 (not 「第3条の2項目」)
    rf"条(?!関係|例|件|約|文|項目|西|東|南|北|市|町|村|区|郡|通|駅|線)(?:の?第?(?P<paragraph>{_NUMBER})項(?!目))?"
)
_PREAMBLE = re.compile(r"前文|前書き|前書|まえがき|はしがき")
_PLACES = (
    ("preamble", _PREAMBLE),
    ("supplementary", re.compile(r"附\s*則|付則")),
    # 「誰が署名した」「署名した市長は」: who signed is the block that says it
    ("signature", re.compile(r"署名欄|署名部分|記名押印|署名の(?:部分|欄|箇所)|署名し|調印し")),
    # who the parties are: the preamble names them in every agreement of the template
    ("preamble", re.compile(r"当事者(?:は|って|とは|を|について|が(?:どこ|誰|だれ))")),
)
# 「この協約の正式な名前は」「協約のタイトル」: the agreement's own title, given beside its 前文.
# 「何という協約？」「なんていう協定なの」「どういう名前の協約」 too.
_TITLE = re.compile(
    r"(?:(?:協約|協定)書?の(?:正式な?)?(?:名前|名称|なまえ|タイトル|題名|件名)|正式(?:名称|な名前|な名称|なタイトル)|題名|件名"
    r"|(?:何|なん)\s*(?:と|て)\s*いう(?:名前の)?(?:協約|協定)書?|(?:どういう|どんな)(?:名前|名称|題名)の(?:協約|協定)書?)"
    r"(?=\s*(?:は|を|って|が|とは|も|な|です|[?？。]|$))"  # asked about, not 「題名のない…」
)
# 「協約書は何通作られたのか」: every agreement closes with 「本連携協約書N通を作成し」, in 附則 or
# the signature block depending on the layout; the unit that says it answers.
# 「協約書はだれが持ってるの」「原本はどこが保管」: who keeps the copies, said in the same sentence.
_COPIES = re.compile(
    r"何通|何部|通数|部数|何枚|(?:協約書|協定書|本書|原本|正本)[^。?？]{0,12}(?:持っ|持つ|保有|保管|所持|預か)"
)
_COPIES_TEXT = re.compile(r"[0-9０-９一二三四五六七八九十]+通")


def find_reference(corpus: Corpus, text: str, agreement: str | None = None) -> Reference | None:
    """The place `text` names, when it names one that the loaded agreements have."""
    folded = unicodedata.normalize("NFKC", text)
    for finder in (_article, in_section, titled, how_many_sections, _ordinal, _place, _copies, _title):
        found = finder(corpus, folded, agreement)
        if found is not None:
            return found
    return None


def inside_quotation(reference: Reference, quotation: str) -> bool:
    """Whether the reference is part of a longer verbatim run of the agreement, as in a pasted
    「前項の協議は、第7条の目的に沿って」: then the run is what is asked for. A reference with
    only a few words around it (「第9条の目的」) still names the article."""
    return reference.matched in quotation and len(quotation) - len(reference.matched) >= MIN_PHRASE


def articles_named(folded: str) -> Iterator[re.Match[str]]:
    """ARTICLE's matches in `folded`. Every match holds 条: a question without one (most) is not
    tried at every character."""
    return ARTICLE.finditer(folded) if "条" in folded else iter(())


def _article(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    for match in articles_named(folded):
        if _OF_ANNEX.match(folded, match.end()) and (within := _in_annex(corpus, folded, agreement)):
            return within  # 「第3条の別表の最初の取組」: the article names the annex, not itself
        number = kanji_number(match["n1"] or match["n2"])
        if number is None:
            continue
        units = corpus.units
        positions = tuple(i for i in in_scope(corpus, agreement, "article") if units[i].article == number)
        if positions:
            within = inline_place(corpus, folded, match, number, agreement) or _counted_inside(
                corpus, folded, number, match.end(), agreement
            )
            if within is not None:  # 「第3条第1号ア」「第3条の最後の取組」 where the 取組 stand in 第3条
                return within
            joined = _joined(corpus, folded, match, number, agreement)
            if joined is not None:  # 「第2条と第3条」「第2条から第4条まで」: each of them
                return joined
            paragraph = _role_paragraph(corpus, positions[0], match)
            if paragraph is not None:  # 「第8条第2項」 of a 取組 article: that party's role paragraph
                return paragraph
            note = _paragraph_note(corpus, positions[0], match)
            return Reference(positions, f"第{number}条", "article", note, match.group(0))
    read = read_article(folded)
    if read is not None:
        positions = tuple(i for i in in_scope(corpus, agreement, "article") if corpus.units[i].article == read[0])
        if positions:
            return Reference(positions, f"第{read[0]}条", "article", matched=read[1])
    return None


_AND = re.compile(r"\s*(?:と|及び|および|並びに|、|,|・|や)\s*")
_TO = re.compile(r"\s*(?:から|〜|~|－|-)\s*")


def _joined(corpus: Corpus, folded: str, first: re.Match[str], number: int, agreement: str | None) -> Reference | None:
    """Articles named together after `first` (「と第3条」「から第4条まで」), all quoted in order; None
    when `first` stands alone."""
    numbers, end = [number], first.end()
    while (link := _AND.match(folded, end) or _TO.match(folded, end)) and (after := ARTICLE.match(folded, link.end())):
        then = kanji_number(after["n1"] or after["n2"])
        if then is None:
            break
        ranged = _TO.fullmatch(link.group(0)) is not None and then > numbers[-1]
        numbers += list(range(numbers[-1] + 1, then + 1)) if ranged else [then]
        end = after.end()
    if len(numbers) == 1:
        return None
    wanted = set(numbers)
    positions = tuple(i for i in in_scope(corpus, agreement, "article") if corpus.units[i].article in wanted)
    label = "・".join(f"第{n}条" for n in sorted(wanted))
    return Reference(positions, label, "article", matched=folded[first.start() : end]) if positions else None


# 「第3条の別表」「第3条に掲げる別表」: the annex the article refers to.
_OF_ANNEX = re.compile(r"\s*(?:の|に(?:ある|掲げる|いう))?\s*(?:別表|べっぴょう)")


def _in_annex(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    """A place inside the annex (its section, a row by its order) for 「第3条の別表の…」."""
    found = (finder(corpus, folded, agreement) for finder in (in_section, titled, _ordinal))
    return next((reference for reference in found if reference is not None), None)


def _counted_inside(corpus: Corpus, folded: str, number: int, end: int, agreement: str | None) -> Reference | None:
    """「第3条の最後の取組」 where the 取組 stand in 第3条, or in the 別表 第3条 sets up (「…別表に掲げる
    とおりとする」): counted among them; 「第3条の取組を全部」 (the words after the article's number, from
    `end`): all of them; None otherwise."""
    owners = _holding_rows(corpus, number, agreement)
    if not owners:
        return None
    counted = _ordinal(corpus, folded, agreement)
    if counted is not None and counted.kind in ("row", "section"):
        return counted
    listed = _ROWS_OF_ARTICLE.match(folded, end)
    if listed is None:
        return None
    rows = tuple(i for i in in_scope(corpus, agreement, "row") if corpus.units[i].agreement_id in owners)
    label = "" if holds_the_rows(corpus, number, agreement) else "別表"  # 「第3条の取組は…」「別表の取組は…」
    return Reference(rows, label, "section", matched=folded[end : listed.end()]) if rows else None


def _holding_rows(corpus: Corpus, number: int, agreement: str | None) -> set[str]:
    """The agreements in scope whose 取組 article `number` holds: written in it, or set up by it in
    their 別表 (its text names 別表)."""
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    owners = set()
    for aid in ids:
        annex = corpus.agreement(aid).annex
        if annex is None:
            continue
        if annex.article == number:
            owners.add(aid)
        elif annex.article is None:
            article = [i for i in in_scope(corpus, aid, "article") if corpus.units[i].article == number]
            owners |= {aid} if article and "別表" in corpus.units[article[0]].text else set()
    return owners


# 「第3条の取組を全部」「第3条に書かれている取組は」「第3条の取組はいくつ」: where the 取組 stand in 第3条,
# every one of them (listed), not the article's text again.
_ROWS_OF_ARTICLE = re.compile(
    r"\s*(?:の|に(?:ある|書かれ(?:て)?いる|書いてある|掲げ(?:ら)?れ(?:て)?いる|載っ(?:て)?いる|定め(?:ら)?れ(?:て)?いる)|で定める)"
    r"\s*(?:取組|取り組み|とりくみ|連携事業|事業)"
    # asked for whole or counted, and nothing more (「第4条の取組に係る費用」 asks about 第4条)
    r"(?:を\s*(?:全部|すべて|全て|一覧|列挙|教えて|見せて|挙げて)|の?\s*(?:一覧|全部|すべて|全て|リスト|数)"
    r"|(?:は|が|って)?\s*(?:全部で)?\s*(?:いくつ|幾つ|何個|何項目|どれ|何が)"
    r"|(?:は|って)?\s*(?:何|なに)?\s*(?:ですか|か)?\s*[?？。]?\s*$)"
)


def _role_paragraph(corpus: Corpus, position: int, match: re.Match[str]) -> Reference | None:
    """第N条第M項 where article N is a 取組 of its own and paragraph M its first paragraph or a party's
    role: that unit, cited 「第8条（…）第2項 甲（…）の役割」; None otherwise."""
    row_id = corpus.units[position].row_id
    paragraph = kanji_number(match["paragraph"]) if match["paragraph"] else None
    if row_id is None or paragraph is None:
        return None
    for at in (corpus.position(row_id), *corpus.row_roles(row_id)):
        place = corpus.units[at].citation.place
        if re.search(rf"）第{paragraph}項(?: |$)", place):
            return Reference((at,), place, corpus.units[at].kind, matched=match.group(0))
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


def _ordinal(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    """「最後の条文」「最初の取組」「二つ目の分野」「協約の冒頭」: counted in each agreement's own order;
    「2番目の分野の最後の取組」: a row counted in a section counted so."""
    if (nested := find_nested(folded)) is not None:
        return _row_of_counted_section(corpus, agreement, *nested)
    ordinal = find_ordinal(folded)
    if ordinal is None:
        return None
    picked = [
        group[ordinal.nth if ordinal.nth < 0 else ordinal.nth - 1]
        for group in ordered(corpus, agreement, ordinal)
        if group and abs(ordinal.nth) <= len(group)
    ]
    if not picked:
        return None
    flat = tuple(i for group in picked for i in group)
    first = corpus.units[flat[0]]
    if ordinal.kind == "section":
        return Reference(flat, first.section or "", "section", matched=ordinal.matched)
    if ordinal.kind == "row":
        return Reference(flat, nth_words(ordinal.nth) + "の取組", "row", matched=ordinal.matched)
    groups = ordered(corpus, agreement, ordinal)
    counted = ordinal.counts and len(groups) == 1
    note = f"{this_document(corpus, first.agreement_id)}の条文は第{first.article}条まで（{len(groups[0])}か条）です。"
    return Reference(flat, first.citation.place, first.kind, note if counted else "", ordinal.matched)


def _row_of_counted_section(
    corpus: Corpus, agreement: str | None, section: int, row: int, words: str
) -> Reference | None:
    tables = ordered(corpus, agreement, Ordinal("section", section, words))
    picked = [
        rows[row if row < 0 else row - 1]
        for found in tables
        if abs(section) <= len(found) and abs(row) <= len(rows := found[section if section < 0 else section - 1])
    ]
    return Reference(tuple(picked), corpus.units[picked[0]].citation.place, "row", matched=words) if picked else None


def _place(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    for kind, pattern in _PLACES:
        if pattern.search(folded):
            # who the parties are: the 前文, or what names them where a copy has none
            parties = kind == "preamble" and pattern is not _PREAMBLE
            positions = tuple(naming_the_parties(corpus, agreement) if parties else in_scope(corpus, agreement, kind))
            if not positions and pattern is _PREAMBLE and (alone := _alone(corpus, agreement)) is not None:
                note = f"{this_document(corpus, alone)}に前文はありません。"
                return Reference((), "前文", kind, note, pattern.search(folded).group(0))
            if not positions and kind == "signature" and (alone := _alone(corpus, agreement)) is not None:
                return _no_signature(corpus, alone, pattern.search(folded).group(0))
            if not positions and kind == "supplementary":
                positions = _in_force_articles(corpus, agreement)
                if positions:  # no 附則: the article that does its work (第7条（効力の発生）)
                    place = corpus.units[positions[0]].citation.place
                    this = this_document(corpus, corpus.units[positions[0]].agreement_id)
                    note = f"{this}に附則はありません。効力の発生を定めた{place}を示します。"
                    return Reference(positions, place, "article", note, pattern.search(folded).group(0))
                if (alone := _alone(corpus, agreement)) is not None:  # said, not searched
                    note = f"{this_document(corpus, alone)}に附則はありません。"
                    return Reference((), "附則", kind, note, pattern.search(folded).group(0))
            if positions:
                unit = corpus.units[positions[0]]
                return Reference(positions, unit.citation.place, unit.kind, matched=pattern.search(folded).group(0))
    return None


def _no_signature(corpus: Corpus, agreement: str, words: str) -> Reference:
    """A copy without a 署名欄 (a 例規集 page): said, with the date line under the title where there is one."""
    dated = tuple(in_scope(corpus, agreement, "date"))
    note = f"{this_document(corpus, agreement)}の写しには署名欄がありません。"
    if not dated:
        return Reference((), "署名欄", "signature", note, words)
    return Reference(dated, corpus.units[dated[0]].citation.place, "date", note + "日付の行を示します。", words)


def _alone(corpus: Corpus, agreement: str | None) -> str | None:
    """The one agreement in scope, or None where several are."""
    if agreement is not None:
        return agreement
    return corpus.agreements[0].id if len(corpus.agreements) == 1 else None


def _in_force_articles(corpus: Corpus, agreement: str | None) -> tuple[int, ...]:
    """The articles saying when the agreement takes effect (「締結の日から効力を生ずる」), for one
    agreement in scope; none where several are (which one's is not said)."""
    articles = in_scope(corpus, agreement, "article")
    if len({corpus.units[i].agreement_id for i in articles}) != 1:
        return ()
    return tuple(i for i in articles if COMMENCEMENT.search(corpus.units[i].text))


_NAMES_AN_AGREEMENT = re.compile(r"協約|協定|合意書|覚書")
_OF_AREA = re.compile(r"圏域?の\s*$")


def _title(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    """The preamble (or the unit naming the parties in its place), with the agreement's title, for
    「この協約の正式な名前は」 (one agreement in scope)."""
    match = _TITLE.search(folded)
    if match is not None and _OF_AREA.search(folded, 0, match.start()):
        return None  # 「この都市圏の正式な名前は」: the area's name (area.named_first), not the title
    positions = tuple(naming_the_parties(corpus, agreement)) if match else ()
    ids = {corpus.units[i].agreement_id for i in positions}
    if len(ids) != 1:
        return None
    aid, unit = ids.pop(), corpus.units[positions[0]]
    title, this = corpus.agreement(aid).title, this_document(corpus, aid)
    if not _NAMES_AN_AGREEMENT.search(title):
        # a copy that printed no title is known by its parties (「深川市・秩父別町」): no title to give
        message = f"{this}の写しには題名が記されていません（当事者から「{title}」と呼んでいます）。"
        return Reference(positions, unit.citation.place, unit.kind, message, match.group(0))
    return Reference(positions, unit.citation.place, unit.kind, f"{this}の題名は「{title}」です。", match.group(0))


def _copies(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    if _COPIES.search(folded) is None:
        return None
    for kind in ("supplementary", "signature"):
        positions = tuple(i for i in in_scope(corpus, agreement, kind) if _COPIES_TEXT.search(corpus.units[i].text))
        if positions:
            return Reference(positions, corpus.units[positions[0]].citation.place, kind)
    return None
