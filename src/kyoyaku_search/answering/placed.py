"""Answers quoted from units already found: a place the question names (an article, 前文, a
section's rows), one row's role cells, the provision that says when the agreement takes effect,
and, when the agreement has no answer, the closest units shown only as 関連."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..search.corpus import Corpus
from .notfound import not_found_message, uncovered
from .question import Context, Query
from .result import NO_MATCH, Answer, ListItem, Quote, Status, context_of, hit_at, named, quoting
from .structure import Reference
from .wording import kind_of

RELATED = 3  # units offered as 関連 when the agreement has no answer
_PART_LABEL = re.compile(r"^第\S{1,3}[編章節]")  # 「第一章 医療」, the part a list of 取組 articles stands in


def referenced_answer(corpus: Corpus, query: Query, allowed: np.ndarray, reference: Reference, top_k: int) -> Answer:
    """A place the question names: the article, 前文, 附則 or 署名欄 quoted; an annex section's rows
    listed (a party named: that party's role cells of those rows)."""
    positions = list(reference.positions)
    # 「別表(2)の4番目の乙の役割」: that row's cell of 乙; 「最後の札幌市の役割は」 after 岩見沢市's roles: the
    # asked party's cell of that row, not the listed party's
    if reference.kind in ("row", "role") and query.parties:
        positions = [c for i in positions for c in corpus.row_roles(corpus.units[i].row_id or corpus.units[i].id)]
    elif reference.kind == "article" and query.parties and all(corpus.units[i].row_id for i in positions):
        # 「第8条の甲の役割は」 where 第8条 is a 取組 of its own: the party's role paragraph
        positions = [c for i in positions for c in corpus.row_roles(corpus.units[i].row_id or "")]
    positions = [i for i in positions if allowed[i]]
    if reference.kind != "section":
        if not reference.positions and reference.note:  # a place that does not exist, and why
            return Answer(query.question.text, Status.NO_MATCH, reference.note, question=query.question)
        if not positions:
            return Answer.no_match(query.question)
        hits = tuple(hit_at(corpus, i, 0.0) for i in positions[:top_k])
        row = hits[0].unit if reference.kind in ("row", "role") else None  # 「最初の取組」 → 「乙の役割は」: that row
        several = reference.kind == "article" and len({h.unit.article for h in hits}) > 1  # 「第2条と第3条」
        quotes = tuple(Quote(h) for h in hits) if several else (Quote(hits[0]),)
        return quoting(query, hits, Status.ANSWERED, quotes, context_of(query, row))
    if query.parties:
        positions = [c for i in positions for c in corpus.row_roles(corpus.units[i].id) if allowed[c]]
    if not positions:
        return Answer.no_match(query.question)
    hits = tuple(hit_at(corpus, i, 0.0) for i in positions)  # all listed as items; top_k of them as hits
    annex = corpus.agreement(hits[0].unit.agreement_id).annex
    # 「別表第3(2)」: a label naming its table already says where; so does a part 「第一章 医療」
    says_where = reference.label.startswith("別表") or _PART_LABEL.match(reference.label) is not None
    heading = "" if says_where else annex.heading if annex is not None else "別表"
    whose = f"の{named(query.parties)}の役割" if query.parties else "の取組"
    message = f"{heading}{reference.label}{whose}は{len(hits)}項目あります。"
    items = tuple(ListItem(h.unit.initiative or "", h.citation) for h in hits)
    context = context_of(query, None)
    return Answer(query.question.text, Status.SECTION, message, (), items, hits[:top_k], (), query.question, context)


def effective_answer(corpus: Corpus, query: Query, positions: list[int], note: str, top_k: int) -> Answer:
    """附則 or the article that says when the agreement takes effect; or, when none does, the
    agreement's date, saying so."""
    hits = tuple(hit_at(corpus, i, 0.0) for i in positions[:top_k])
    context = context_of(query, hits[0].unit if hits else None)
    if not hits:
        return Answer(query.question.text, Status.NO_MATCH, note, question=query.question, context=context)
    quotes = (Quote(hits[0]),)
    return Answer(
        query.question.text, Status.ANSWERED, note, quotes, hits=hits, question=query.question, context=context
    )


def row_roles_answer(
    corpus: Corpus,
    query: Query,
    allowed: np.ndarray,
    row_id: str,
    top_k: int,
    ranked: Sequence[tuple[int, float]] = (),
) -> Answer:
    """The allowed role cells of one row first: one party's, or both side by side."""
    scores = dict(ranked)
    cells = [i for i in corpus.row_roles(row_id) if allowed[i]]
    if not cells or len(cells) > top_k:
        # No cell this question may quote, or fewer hits asked for than there are parties:
        # quote the row, which takes no side, rather than one party's cell picked by score.
        row = corpus.position(row_id)
        if not allowed[row]:
            return Answer.no_match(query.question)
        cells = [row]
    named = {p.name for p in query.question.reading.parties}
    if len(named) == 1:  # 「二つの市でやるPRでの、乙の…受け持ちは」: both side by side, the one named first
        cells.sort(key=lambda i: corpus.units[i].party not in named)
    elif (phrase := query.question.phrase) is not None:  # pasted text names no party outside itself
        text = query.question.text
        said = {
            u.party_label for i in cells if (u := corpus.units[i]).party_label in text or u.party and u.party in text
        }
        if len(said) == 1:  # 「甲の子育て支援施設での役割は」 (乙's cell says 「甲の子育て支援施設」): 甲's
            cells.sort(key=lambda i: corpus.units[i].party_label not in said)
        else:  # 「…の住民に対し、甲」 pasted from one cell: the cell that says it
            cells.sort(key=lambda i: i not in phrase.positions)
    rest = [i for i, _ in ranked if i not in cells]
    hits = tuple(hit_at(corpus, i, scores.get(i, 0.0)) for i in [*cells, *rest][:top_k])
    context = context_of(query, corpus.units[cells[0]])
    if len(cells) > 1:
        quotes = tuple(Quote(h, f"{h.unit.party}（{h.unit.party_label}）") for h in hits[: len(cells)])
        return quoting(query, hits, Status.BOTH_PARTIES, quotes, context)
    return quoting(query, hits, Status.ANSWERED, (Quote(hits[0]),), context)


def related_answer(corpus: Corpus, query: Query, ranked: Sequence[tuple[int, float]], top_k: int) -> Answer:
    """「この協約には…についての定めは見つかりませんでした」, with the closest units only as 関連."""
    question = query.question
    missing = uncovered(corpus, question.content, ranked[0][0]) or [c.word for c in question.content]
    related = tuple(hit_at(corpus, i, score) for i, score in ranked[: min(top_k, RELATED)])
    said = not_found_message(missing, question.reading.folded_text, corpus.occurs, kind_of(corpus)) or NO_MATCH
    message = said + "下に示すのは言葉が近い箇所で、質問への答えではありません（関連）。"
    context = Context(query.parties, weights=query.weights, kind=query.kind, initiatives=query.initiatives, found=False)
    return Answer(question.text, Status.NO_MATCH, message, hits=related, question=question, context=context)
