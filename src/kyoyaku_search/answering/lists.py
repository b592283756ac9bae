"""Answers that are lists of quoted 取組 names with citations, not a single quote.

- together: the rows where every party's role says it works 「…と協力して」 with another party
  (「札幌市と岩見沢市が協力して取り組むことは」);
- partners: for one municipality, the agreements it is a party to, and the partner named in
  each — optionally only those whose annex has a row on the topic
  (「災害対策で札幌市と連携している市町村は」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..search.corpus import Corpus
from .framing import PARTNER_WORDS, SOFT_FRAMING_WORDS
from .question import Query, Question
from .ranking import rank

# Words that say "together" and nothing about the topic.
TOGETHER_WORDS = frozenset(
    {
        "協力",
        "取り組む",
        "取る",
        "組む",
        "一緒",
        "共同",
        "手",
        "合同",
        "共に",
        "行う",
        "取組",
        "取り組み",
        "実施",
        "進める",
        "両市",
        "両者",
        "双方",
        "連携",
    }
)
# Words that ask for the annex's 取組 as such: 「連携する取組の一覧」「両市の連携事業のリスト」.
LIST_WORDS = TOGETHER_WORDS | {"事業", "連携事業", "分野", "項目", "施策", "内容", "遣る", "する", "何", "数"}
# 「載っている」 (Sudachi: 乗る), 「盛り込まれた」「含まれる」, and the words of 「残らず」「漏れなく」 themselves
LIST_WORDS |= {"乗る", "載る", "掲げる", "盛り込む", "含む", "含まれる", "入る", "残る", "漏れる"}
# 「別表に載っている取組をすべて」: the annex is where every 連携協約 lists them, not a topic
LIST_WORDS |= {"別表", "表"}
# the words of 「一通り」「網羅」 themselves
# 「分野はいくつある」: how many of the 取組 (of anything else: a topic the agreement may not count)
LIST_WORDS |= {"幾つ", "いくつ", "何個", "何件"}
LIST_WORDS |= {"一通り", "網羅", "全件", "全体", "全体像", "全容", "総覧", "リストアップ", "列挙", "羅列"}
# 「取組名を全部」: the names of the 取組
LIST_WORDS |= {"名", "名称"}
# 「協力して取り組むとされている事項をすべて」: the matters the annex lists are its 取組
LIST_WORDS |= {"事項", "事柄"}
# 「三原市が受け持つ役割を全部」「乙の役割を別表から全部拾って」: the party's doing and picking them out
LIST_WORDS |= {"受け持つ", "担う", "果たす", "拾う", "拾い出す", "抜き出す"}
_WHERE = re.compile(r"どこに|どこで|どこを|何条|どの条")
_WHICH_KINDS = re.compile(
    r"どんな|どのような|どういった|どういう|何が|なにが|どれ|何件|いくつ|幾つ|何個|何項目|件数|の数"  # 「取組の数は」
)
_ITEMS = frozenset({"取組", "取り組み", "事業", "連携事業", "分野", "施策", "項目", "別表"})


def asks_for_list(query: Query) -> bool:
    """「…を全部教えて」「…の一覧」「どんな事業が入っているの」 with no topic but the 取組
    themselves: every one is listed."""
    question = query.question
    # 「取組の一覧はどこに」「別表の根拠になっている条文は」: the article (第3条), not the list
    if query.inherited or query.kind == "article" or _WHERE.search(question.text) is not None:
        return False
    pieces = _read_list_words(question)
    own = tuple(term for term in question.own_topic_terms if term not in pieces)
    if not all(term in LIST_WORDS or term in SOFT_FRAMING_WORDS for term in own):
        return False
    if question.reading.asks_all:
        return True
    # 「どんな取組がありますか」: which 取組 there are, not the first one
    # and 「協力してやることは何がある」: which ones the parties do together; 「協力分野を教えて」: the 取組
    # themselves are all it names
    items = any(t in _ITEMS for t, _ in question.weights)
    if items and question.phrase is None and all(term in LIST_WORDS for term in own):
        return True  # (a pasted run of the agreement, 「別表に掲げるとおり」, is quoted)
    together = question.reading.together
    return _WHICH_KINDS.search(question.text) is not None and (items or together)


def _read_list_words(question: Question) -> frozenset[str]:
    """Pieces Sudachi cut from a hiragana run read as a list word (「けい」 of 「れんけいで」, read
    連携): the run's reading is what was asked, and it asks for the list."""
    runs = [c.before for c in question.corrections if c.kind == "reading" and c.after in LIST_WORDS]
    return frozenset(t for t in question.own_topic_terms if any(t in run and t != run for run in runs))


@dataclass(frozen=True)
class Listed:
    """One line of a list answer: what it names, and the unit that proves it."""

    name: str
    position: int  # the unit quoted as evidence


def together_rows(corpus: Corpus, query: Query, allowed: np.ndarray) -> tuple[list[tuple[int, float]], bool]:
    """(position, score) of the row units whose role cells all say 「<another party>と協力して」,
    and whether the question has a topic of its own: then they are ranked by it (only the
    matching ones), else listed in document order."""
    by_id = {}
    for position, unit in enumerate(corpus.units):
        if unit.kind == "row" and allowed[position] and _together(corpus, unit.agreement_id, unit.row_id):
            by_id[unit.id] = position
    topic = [t for t in query.topic_terms if t not in TOGETHER_WORDS]
    if not topic:
        return [(position, 0.0) for position in by_id.values()], False
    focused = Query(query.question, query.parties, query.weights, tuple(topic), "together")
    mask = np.zeros(len(corpus.units), dtype=bool)
    mask[list(by_id.values())] = True
    return rank(corpus, focused, mask), True


def _together(corpus: Corpus, agreement_id: str, row_id: str | None) -> bool:
    labels = [p.label for p in corpus.agreement(agreement_id).parties]
    cells = [corpus.units[i] for i in corpus.row_roles(row_id)] if row_id else []
    return bool(cells) and all(
        any(f"{other}と協力" in cell.text for other in labels if other != cell.party_label) for cell in cells
    )


def partners(corpus: Corpus, query: Query) -> list[Listed]:
    """For each agreement the named municipality is a party to: the other parties, with the
    unit that proves it — a row on every word of the question's topic, or the preamble."""
    named = {p.name for p in query.parties}
    topic = [t for t in query.topic_terms if t not in PARTNER_WORDS]
    agreements = [a for a in corpus.agreements if not named or named & {p.name for p in a.parties}]
    if topic:
        # One ranking over every candidate row; each agreement's first is its best row, as a
        # ranking of that agreement alone would give (scores and ties do not depend on the mask).
        mask = _holding_all(corpus, query, topic) & corpus.columns.of_kinds(["row"])
        mask &= corpus.columns.in_agreements(a.id for a in agreements)
        focused = Query(query.question, (), query.weights, tuple(topic), "partners")
        evidence: dict[str, int] = {}
        for position, _ in rank(corpus, focused, mask):
            evidence.setdefault(corpus.units[position].agreement_id, position)
    else:
        evidence = {a.id: corpus.position(f"{a.id}/preamble") for a in agreements}
    return [
        Listed(party.name, evidence[agreement.id])
        for agreement in agreements
        if agreement.id in evidence
        for party in agreement.parties
        if party.name not in named
    ]


def _holding_all(corpus: Corpus, query: Query, topic: list[str]) -> np.ndarray:
    """Units holding every topic word the user wrote (「災害」 and 「対策」: a row on 福祉 that
    says 「不足対策」 is not a row on 災害対策); when the user's own words are not in the
    corpus at all (「防災」), any word the synonym layers put in their place."""
    own = [term for term in query.question.own_topic_terms if term in topic and corpus.index.document_frequency(term)]
    if not own:
        return corpus.index.matches(topic)
    mask = np.ones(len(corpus.units), dtype=bool)
    for term in own:
        mask &= corpus.index.matches([term])
    return mask
