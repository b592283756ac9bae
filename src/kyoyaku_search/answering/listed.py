"""Answers that list: the 取組 the parties do together or all of them, a party's roles, a
municipality's partners. Each item is a quoted 取組 name or party with its citation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..search.corpus import Corpus
from ..search.phrases import MIN_PHRASE
from .confidence import Asked, confident
from .content import Content
from .examples import with_example
from .lists import TOGETHER_WORDS, partners, together_rows
from .question import Context, Query, QuestionKind
from .result import Answer, Hit, ListItem, Quote, Status, context_of, hit_at, named, quoting

MAX_LISTED = 100  # a list asked for in full (「全部」) is given in full up to this many items


def together_answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """Rows where every party's role says it works with the other: listed, or ranked by topic."""
    rows, ranked = together_rows(corpus, query, allowed)
    if not rows or (ranked and query.question.foreign):  # 「両市で共同で使う斎場」: not in any row
        return Answer.no_match(query.question)
    # 「冬の除雪で両市が協力するって書いてある？」: a row that only shares a word answers nothing; the
    # caller then ranks every unit, and the gate offers the closest only as 関連
    question = query.question
    settled = bool(query.inherited or query.initiatives)
    content = topic_of_together(question.content)
    if ranked and content and not confident(corpus, Asked(content, question.phrase, settled), rows[0][0]):
        return Answer.no_match(question)
    hits = tuple(hit_at(corpus, i, score) for i, score in rows)
    if ranked:  # 「…が協力して取り組む災害対策は」: the best of those rows, quoted
        return quoting(query, hits[:top_k], Status.ANSWERED, (Quote(hits[0]),), context_of(query, hits[0].unit))
    names = _party_list(corpus, [i for i, _ in rows])
    where = listed_in(corpus, [i for i, _ in rows])
    message = f"{names}が互いに「協力して取り組む」と定めた取組は、{where}に{len(hits)}項目あります。"
    return _listing(query, message, hits, top_k)


def topic_of_together(content: Sequence[Content]) -> tuple[Content, ...]:
    """The content words of a question about what the parties do together, but the words that say
    "together" (一緒・協力・取り組む): those are the asking, not the topic."""
    return tuple(c for c in content if not all(set(terms) <= TOGETHER_WORDS for terms in c.terms))


def all_rows_answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """Every 取組 of the annex, in its order: what the parties 「相互に連携する」 (the template's 第3条)."""
    positions = np.flatnonzero(allowed & corpus.columns.of_kinds(["row"])).tolist()
    if not positions:
        return Answer.no_match(query.question)
    hits = tuple(hit_at(corpus, i, 0.0) for i in positions[:MAX_LISTED])
    more = f"最初の{MAX_LISTED}項目を示します。" if len(positions) > MAX_LISTED else ""
    where = listed_in(corpus, positions)
    message = f"{_party_list(corpus, positions)}が連携する取組は、{where}に{len(positions)}項目あります。{more}"
    return _listing(query, message, hits, top_k)


def rows_named_answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer | None:
    """「「その他」ってつく取組ってどれ」「名前に「交流」が入っている取組を全部」: the 取組 whose name holds
    the word the question quotes in brackets, when some do and others not; None otherwise."""
    text = query.question.text
    words = [m[1] for m in _BRACKETED.finditer(text) if m[1].strip() and _NAMED_WITH.match(text, m.end())]
    if not words or _ROW_WORDS.search(text) is None:
        return None
    positions = np.flatnonzero(allowed & corpus.columns.of_kinds(["row"])).tolist()
    names = {i: corpus.units[i].initiative or "" for i in positions}
    for word in words:
        kept = [i for i in positions if word in names[i]]
        if 0 < len(kept) < len(positions):
            hits = tuple(hit_at(corpus, i, 0.0) for i in kept[:MAX_LISTED])
            message = f"取組の名前に「{word}」とあるものは、別表に{len(kept)}項目あります。"
            return replace(_listing(query, message, hits, top_k), status=Status.SECTION)  # rows it names
    return None


# A word quoted in brackets: 「その他」, 『交流』; and what says a name holds it (「ってつく」「が入っている」
# 「という言葉を含む」), which a quotation the question asks about (「「交流」について」) lacks
_BRACKETED = re.compile(r"[「『]([^「」『』]{1,20})[」』]")
_NAMED_WITH = re.compile(
    r"\s*(?:って|と|という(?:言葉|語|文字|字)?(?:が|の|を)?|が|を|の)?\s*(?:つく|付く|付い|つい|入っ|入る|含む|含ま|含ん)"
)
_ROW_WORDS = re.compile(r"取組|取り組み|項目|事業|名前|名称|名")


def _party_list(corpus: Corpus, positions: Sequence[int]) -> str:
    return "と".join(dict.fromkeys(p.display for a in _agreements(corpus, positions) for p in a.parties))


def _listing(query: Query, message: str, hits: tuple[Hit, ...], top_k: int) -> Answer:
    """A list of 取組 with citations; the first `top_k` also as hits."""
    items = tuple(ListItem(h.unit.initiative or "", h.citation) for h in hits)
    context = Context(query.parties, kind=QuestionKind.TOGETHER)
    return Answer(query.question.text, Status.TOGETHER, message, (), items, hits[:top_k], (), query.question, context)


def partners_answer(corpus: Corpus, query: Query, top_k: int) -> Answer:
    """「災害対策で札幌市と連携している市町村は」: each partner, with the row or preamble that says so."""
    listed = partners(corpus, query)
    if not listed:
        return Answer.no_match(query.question)
    items = tuple(ListItem(item.name, corpus.units[item.position].citation.render(True)) for item in listed)
    who = named(query.parties) or "読み込まれている協約の当事者"
    on_row = any(corpus.units[item.position].kind == "row" for item in listed)
    on_topic = "（質問の取組が別表にある協約）" if on_row else ""
    message = f"{who}と連携協約を結んでいる市町村{on_topic}は{len(listed)}件です。"
    positions = list(dict.fromkeys(item.position for item in listed))
    hits = tuple(hit_at(corpus, i, 0.0) for i in positions[:top_k])
    context = Context(query.parties, kind=QuestionKind.PARTNERS)
    return Answer(query.question.text, Status.PARTNERS, message, (), items, hits, (), query.question, context)


def _agreements(corpus: Corpus, positions: Sequence[int]) -> list:
    return [corpus.agreement(aid) for aid in dict.fromkeys(corpus.units[i].agreement_id for i in positions)]


# 「札幌市が中心となる取組を全部」「岩見沢市が協力する取組」: how the party stands in them, when its
# cells say so in some rows and not in others.
_STANDING = ("中心", "主体", "協力", "支援", "補完", "主導")


def _standing(corpus: Corpus, text: str, positions: list[int]) -> tuple[list[int], str]:
    """The cells saying the standing the question asks about (and 「のうち「中心」とあるもの」), or
    every cell and "" when it asks none or every cell says it."""
    for word in _STANDING:
        if word in text:
            kept = [i for i in positions if word in corpus.units[i].text]
            if 0 < len(kept) < len(positions):
                return kept, f"のうち「{word}」とあるもの"
    return positions, ""


def party_roles_answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer:
    """「岩見沢市の役割は」: no topic, so list the party's role cells in the annex's order."""
    positions = np.flatnonzero(allowed & corpus.columns.of_kinds(["role"])).tolist()
    positions, how = _standing(corpus, query.question.text, positions)
    if not positions:
        return Answer.no_match(query.question)
    # 「全部」「すべて」: the whole list, when it is one a person can read (not 甲 of 1,500 agreements)
    everything = query.question.reading.asks_all and len(positions) <= MAX_LISTED
    hits = tuple(hit_at(corpus, int(i), 0.0) for i in positions[:top_k])
    head = f"{named(query.parties)}の役割{how}は{listed_in(corpus, positions)}に{len(positions)}項目あります。"
    if everything:  # every item listed; the hits (cards to open) stay within top_k
        message = head + "すべて示します。"
        every = (corpus.units[int(i)] for i in positions)
        items = tuple(ListItem(u.initiative or "", u.citation.render(corpus.multi)) for u in every)
    else:
        asked = query.parties[0].name if query.parties else None
        hint = with_example("取組を添えて質問すると、その役割を引用します。", corpus, asked)
        message = f"{head}上から順に{len(hits)}項目を示します。{hint}"
        items = ()
    context = Context(query.parties, kind=QuestionKind.ROLE)
    question = query.question
    return Answer(question.text, Status.PARTY_ROLES, message, (), items, hits[:top_k], (), question, context)


def holding_answer(corpus: Corpus, query: Query, allowed: np.ndarray, top_k: int) -> Answer | None:
    """「甲と協力して取り組むものを全部」「圏域の中心となって取り組むものの一覧」: every role cell holding
    the run of the agreement the question quotes, listed, when they are all one party's; None
    otherwise (a run one unit holds is quoted as usual)."""
    phrase = query.question.phrase
    if phrase is None or phrase.text_length < MIN_PHRASE or not query.question.reading.asks_all:
        return None
    positions = [int(i) for i in phrase.positions if allowed[i]]
    units = [corpus.units[i] for i in positions]
    if len(positions) < 2 or any(u.kind != "role" for u in units) or len({u.party for u in units}) != 1:
        return None
    quoted = query.question.reading.folded_text[phrase.start : phrase.end]
    hits = tuple(hit_at(corpus, i, 0.0) for i in positions[:MAX_LISTED])
    first = units[0]
    who = next(named((p,)) for p in corpus.party_names if (p.agreement_id, p.name) == (first.agreement_id, first.party))
    where = listed_in(corpus, positions)
    message = f"{who}の役割のうち「{quoted}」とあるものは{where}に{len(positions)}項目あります。すべて示します。"
    items = tuple(ListItem(h.unit.initiative or "", h.citation) for h in hits)
    context = Context(query.parties, kind=QuestionKind.ROLE)
    question = query.question
    return Answer(question.text, Status.PARTY_ROLES, message, (), items, hits[:top_k], (), question, context)


def listed_in(corpus: Corpus, positions: Sequence[int]) -> str:
    """Where the listed 取組 stand: 別表, or 「第3条」 where every agreement of them writes its 取組 in
    that article (no 別表 to point to)."""
    held = {corpus.units[i].article for i in positions}
    if held and None not in held:  # each 取組 an article of its own: 「第7条から第11条まで」
        own = sorted(held)
        return f"第{own[0]}条" if len(own) == 1 else f"第{own[0]}条から第{own[-1]}条まで"
    articles = {
        (a.annex.article if (a := corpus.agreement(corpus.units[i].agreement_id)).annex else None) for i in positions
    }
    article = articles.pop() if len(articles) == 1 else None
    return f"第{article}条" if article else "別表"
