"""Places named relative to the answer before: 「次の条文は」「前の取組」 beside the place it quoted,
and 「前条」「次条」「同条」 as the agreement writes them, read in the article it quoted (第4条's
「前条の取組」 is 第3条)."""

from __future__ import annotations

import re
import unicodedata

from ..ingest.dates import kanji_number
from ..search.corpus import Corpus
from ..search.units import Unit
from .ordinals import legal_step, nth_in_list, relative_step
from .result import Answer, Status
from .structure import ARTICLE, Reference, articles_named, find_reference, in_scope
from .wording import this_document

# 「第4条の「前条の取組」」「第2条でいう前条」: 前条 read in the article named just before it.
_NAMED_THEN = re.compile(r"\s*(?:の|で(?:いう|言う)|にある|に(?:出てくる|書かれた|書いてある))?\s*[「『\"]?")


# 「第5条の次の条文」「第3条の一つ前の条」: the article beside the one named, in everyday words.
# 「第1条のすぐ次の条文」「第1条の直後の条」「第1条に続く条文」「第2条の次に来る条」: the same, however
# the nearness is said.
_BESIDE = re.compile(
    r"\s*(?:の\s*(?:すぐ|直ぐ)?\s*(?:(?P<next>次|つぎ|一つ後|ひとつ後|一つ先|ひとつ先|直後|後ろ|あと)"
    r"|(?P<prev>前|まえ|一つ前|ひとつ前|直前|手前))(?:の|に(?:来る|くる))|に(?:すぐ)?(?P<follows>続く|つづく))"
    r"\s*(?:条文|条項|条)"
    # 「第3条の二つ後の条」「第6条の2つ前の条文」: counted
    r"|\s*の\s*(?P<count>[2-9]|[二三四五六七八九]|ふた|みっ|よっ)\s*つ\s*(?:(?P<after>後|あと|先|さき)|前|まえ)の\s*(?:条文|条項|条)"
)
_COUNTS = {"ふた": 2, "みっ": 3, "よっ": 4}
# A word each alternative of _BESIDE holds: most questions hold none, and no heading is tried.
_BESIDE_WORDS = re.compile(r"次|つぎ|後|あと|先|さき|前|まえ|直|手前|続|つづ")


def _step(beside: re.Match[str]) -> int:
    """How many articles after (positive) or before (negative) the named one `_BESIDE` says."""
    if beside["count"]:
        count = _COUNTS.get(beside["count"]) or kanji_number(beside["count"]) or 1
        return count if beside["after"] else -count
    return 1 if beside["next"] or beside["follows"] else -1


# 「目的の条文の次の条」「「費用分担」の条の前の条」: an article named by its heading, then beside it.
_HEADING_THEN = re.compile(r"[」』]?(?:\s*の?\s*(?:条文|条項|条|規定))?")


def _beside_heading(corpus: Corpus, folded: str, agreement: str | None) -> Reference | None:
    """The article after (or before) the one whose heading the question names; None when it names
    no heading so. The distinct headings (a handful) are tried, longest first (協定の変更 before 変更)."""
    for written, heading in sorted(corpus.folded_headings, key=lambda pair: -len(pair[1])):
        at = folded.find(heading)
        if at < 0:
            continue
        then = _HEADING_THEN.match(folded, at + len(heading))
        beside = _BESIDE.match(folded, then.end())
        if beside is None:
            continue
        picked, named = [], []
        for position in corpus.headings[written].tolist():
            unit = corpus.units[position]
            if agreement is not None and unit.agreement_id != agreement:
                continue
            named.append(unit)
            articles = in_scope(corpus, unit.agreement_id, "article")  # document order
            step = articles.index(position) + _step(beside)
            picked += [articles[step]] if 0 <= step < len(articles) else []
        words = folded[at : beside.end()]
        if picked:
            return Reference(tuple(picked), corpus.units[picked[0]].citation.place, "article", matched=words)
        if len(named) == 1:  # 「協定の廃止の次の条」 of an agreement that ends there: said
            end, side = ("最後", "次") if _step(beside) > 0 else ("最初", "前")
            this = this_document(corpus, named[0].agreement_id)
            note = f"{named[0].citation.place}は{this}の{end}の条で、その{side}の条はありません。"
            return Reference((), words, "article", note, words)
    return None


def _beside_named(
    corpus: Corpus, agreement: str | None, named: re.Match[str], beside: re.Match[str]
) -> Reference | None:
    """The article after (or before) the named one, in each agreement in scope that has it; None
    when none has the named one (then it is said to be missing, as any article number is)."""
    number = kanji_number(named["n1"] or named["n2"])
    step = _step(beside)
    words = named.group(0) + beside.group(0)
    picked, has = [], False
    for aid in [agreement] if agreement is not None else [a.id for a in corpus.agreements]:
        articles = in_scope(corpus, aid, "article")  # document order
        numbers = [corpus.units[i].article for i in articles]
        has = has or number in numbers
        at = numbers.index(number) + step if number in numbers else -1
        if 0 <= at < len(articles):
            picked.append(articles[at])
    if not has:
        return None
    if not picked:  # 「第6条の次の条」 of an agreement that ends at 第6条
        note = f"{words.strip()}は{this_document(corpus, agreement)}にありません。"
        return Reference((), words, "article", note, words)
    return Reference(tuple(picked), corpus.units[picked[0]].citation.place, "article", matched=words)


def next_to(corpus: Corpus, text: str, last: Unit | None) -> Reference | None:
    """「次の条文は」「前の取組」 after an answer: the article or row next to the one it quoted;
    「前条」「次条」「同条」 after an article: the article they mean there."""
    if last is None:
        return None
    folded = unicodedata.normalize("NFKC", text)
    legal = legal_step(folded) if last.kind == "article" else None
    if legal is not None:
        return _beside_article(corpus, last, *legal)
    step = relative_step(folded)
    if step is None:
        return None
    kind, delta = step
    kind = kind or ("article" if last.kind == "article" else "row")
    if kind == "article" and last.kind == "article":
        places = in_scope(corpus, last.agreement_id, "article")
        at = places.index(corpus.position(last.id))
    elif kind == "row" and last.row_id is not None:
        places = in_scope(corpus, last.agreement_id, "row")
        at = places.index(corpus.position(last.row_id))
    else:
        return None
    if not 0 <= at + delta < len(places):
        return None
    position = places[at + delta]
    if last.kind == "role":  # one party's cell before: that party's cell of the next row
        row = corpus.units[position].id
        cells = [i for i in corpus.row_roles(row) if corpus.units[i].party_label == last.party_label]
        position = cells[0] if cells else position
    unit = corpus.units[position]
    return Reference((position,), unit.citation.place, unit.kind)


def in_named_article(corpus: Corpus, text: str, agreement: str | None = None) -> Reference | None:
    """「第4条の「前条の取組」」: the article 前条, 次条 or 同条 stands for in the article the
    question names (not the one last quoted); 「第5条の次の条文」: the article after it; None when
    the question says no such thing."""
    folded = unicodedata.normalize("NFKC", text)
    if "条" in folded and not ARTICLE.search(folded) and _BESIDE_WORDS.search(folded):
        return _beside_heading(corpus, folded, agreement)
    for match in articles_named(folded):
        if (beside := _BESIDE.match(folded, match.end())) is not None:
            return _beside_named(corpus, agreement, match, beside)
        then = _NAMED_THEN.match(folded, match.end())
        legal = legal_step(folded[then.end() :]) if then else None
        if legal is None or not folded[then.end() :].startswith(legal[1]):
            continue
        number = kanji_number(match["n1"] or match["n2"])
        named = [i for i in in_scope(corpus, agreement, "article") if corpus.units[i].article == number]
        if len(named) == 1:
            span = folded[match.start() : then.end() + len(legal[1])]
            found = _beside_article(corpus, corpus.units[named[0]], legal[0], legal[1], "")
            return found and Reference(found.positions, found.label, found.kind, found.note, span)
    return None


def _beside_article(
    corpus: Corpus, last: Unit, step: int, matched: str, before: str = "前の回答の"
) -> Reference | None:
    articles = {corpus.units[i].article: i for i in in_scope(corpus, last.agreement_id, "article")}
    number = (last.article or 0) + step
    if matched == "同条":  # 「前条に規定する取組…同条に定める」: the article named just before it
        number = _named_before(last.text, matched, last.article or 0) or number
    position = articles.get(number)
    if position is None:  # 「前条は」 after 第1条: no such article, said rather than searched
        end = "最初" if number < (last.article or 0) else "最後"
        this = this_document(corpus, last.agreement_id)
        note = f"{last.citation.place}は{this}の{end}の条で、「{matched}」に当たる条はありません。"
        return Reference((), matched, "article", note, matched)
    unit = corpus.units[position]
    note = f"{before}{last.citation.place}でいう「{matched}」は{unit.citation.place}です。"
    return Reference((position,), unit.citation.place, unit.kind, note, matched)


def _named_before(text: str, word: str, here: int) -> int | None:
    """The article 「同条」 stands for in `text` (article `here`): the one named last before it in
    the agreement's own wording (前条, 次条 or 第N条); None when `text` names none before it."""
    if word not in text:
        return None
    head = unicodedata.normalize("NFKC", text.split(word, 1)[0])
    named = [(m.start(), here + (1 if m[1] == "次" else -1)) for m in re.finditer(r"(前|次)条", head)]
    named += [(m.start(), kanji_number(m["n1"] or m["n2"])) for m in ARTICLE.finditer(head)]
    named = [(at, n) for at, n in named if n]
    return max(named)[1] if named else None


def in_list_before(corpus: Corpus, text: str, before: Answer, agreement: str | None = None) -> Reference | None:
    """「その中で3番目は」「そのうち最後の取組」 after a list (an annex section's rows, a party's roles):
    that place in the list, counted in the list's own order; None after any other answer."""
    if before.status not in (Status.SECTION, Status.PARTY_ROLES, Status.TOGETHER) or not before.hits:
        return None
    nth = nth_in_list(unicodedata.normalize("NFKC", text))
    listed = _listed(corpus, before, agreement, nth) if nth is not None else []
    if nth is None or not 1 <= abs(nth) <= len(listed):
        return None
    unit = corpus.units[listed[nth if nth < 0 else nth - 1]]
    return Reference((corpus.position(unit.id),), unit.citation.place, unit.kind)


def _listed(corpus: Corpus, before: Answer, agreement: str | None, nth: int) -> list[int]:
    """Every position of the list `before` gave (its hits are only the first of them), or as many
    of its first as `nth` needs when only those are known."""
    first = before.hits[0].unit
    if before.status == Status.SECTION and before.question is not None:
        named = find_reference(corpus, before.question.text, agreement)
        if named is not None and named.kind == "section":
            rows = list(named.positions)
            if first.kind != "role":
                return rows
            cells = (corpus.row_roles(corpus.units[i].id) for i in rows)
            return [c for row in cells for c in row if corpus.units[c].party_label == first.party_label]
    if before.status == Status.PARTY_ROLES and len(before.items) in (0, len(_party_cells(corpus, first))):
        return _party_cells(corpus, first)
    hits = [corpus.position(h.unit.id) for h in before.hits]
    if len(before.items) > len(hits):  # a longer list than its hits: counted from its start only
        return hits[: max(0, nth)]
    return hits


def _party_cells(corpus: Corpus, cell: Unit) -> list[int]:
    cells = in_scope(corpus, cell.agreement_id, "role")
    return [i for i in cells if corpus.units[i].party_label == cell.party_label]
