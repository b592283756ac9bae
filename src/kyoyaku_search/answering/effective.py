"""When an agreement takes effect: 附則 of the template, or an article that says 効力を生ずる
(「締結の日から効力を生じ」), and when neither is there, the agreement's date.

An article that says when the agreement *ceases* to have effect (「その効力を失う」) answers a
廃止 question, never this one, though it holds the word 効力.
"""

from __future__ import annotations

import re

import numpy as np

from ..search.corpus import Corpus

# 施行する / 効力を生ずる / 効力を生じ / 効力を発する / 効力を有する — not 効力を失う.
COMMENCEMENT = re.compile(r"施行する|施行し|効力を生|効力を発|効力を有")
RELATIVE = "締結の日"
# A fixed term says when the agreement starts to bind, where no article says 効力を生ずる:
# 「この協定の期間は、令和3年4月1日から…」「本協定の有効期間は、本協定締結の日から…」.
TERM_START = re.compile(r"期間は、[^。]{0,30}?から")
# A question about when it starts (「いつから」「施行日」「効力を生ずる」), not about how long it
# lasts (「有効期間は何年」), which the usual ranking answers or finds no provision for.
# 「いつまで有効」 asks how long it lasts: an end, not a start. 「効力の発生」 is its start.
ASKS_START = re.compile(r"いつ(?!まで)|から|施行|発効|効力(?:を|が|の)?(?:生|発)|始ま|開始|スタート")


# 「効力を失うのはいつ」「失効するのはいつ」: when it ends (a 失効 article), not when it starts.
ASKS_END = re.compile(r"効力を失|効力が(?:なくな|切れ)|失効")


def effective_units(corpus: Corpus, allowed: np.ndarray, question: str) -> tuple[list[int], str] | None:
    """For a question about when one agreement takes effect: the units that say so (附則 first,
    then articles, in document order) and a note, or ([], note) when none does. None when the
    question asks something else about its effect, or may be answered from several agreements:
    the usual ranking decides."""
    if not ASKS_START.search(question) or ASKS_END.search(question):
        return None
    positions = np.flatnonzero(allowed).tolist()
    agreements = dict.fromkeys(corpus.units[i].agreement_id for i in positions)
    if len(agreements) != 1:
        return None
    agreement = corpus.agreement(next(iter(agreements)))
    stated = [
        i
        for i in positions
        if corpus.units[i].kind == "supplementary"
        or (corpus.units[i].kind == "article" and COMMENCEMENT.search(corpus.units[i].text))
    ]
    stated.sort(key=lambda i: corpus.units[i].kind != "supplementary")
    date, kind = agreement.date_text, agreement.kind
    if stated:
        relative = RELATIVE in corpus.units[stated[0]].text and date
        return stated, f"締結の日は{date}です（{kind}の日付）。" if relative else ""
    term = [i for i in positions if corpus.units[i].kind == "article" and TERM_START.search(corpus.units[i].text)]
    if term:
        relative = RELATIVE in corpus.units[term[0]].text
        when = f"締結の日は{date}です（{kind}の日付）。" if date else "締結の日は記されていません。"
        when = when if relative else ""
        return term, f"効力の発生を定めた条文はありません。期間の始まりを定めた条文を示します。{when}"
    dated = [
        i for i in positions if corpus.units[i].kind in ("date", "signature") and date and date in corpus.units[i].text
    ]
    where = "附則も、効力の発生を定めた条文もありません"
    note = f"この{kind}には{where}。" + (f"{kind}の日付は{date}です。" if date else "日付も記されていません。")
    return dated[:1], note


# 「いつ締結された」「締結日は」「何年に結ばれた」「日付は」: when it was made, which the unit holding the
# agreement's date says (the signature block, or the date line under the title where the block holds none).
ASKS_WHEN = re.compile(r"いつ|何年|何月|何日|日付|年月日|締結日|調印日|ひづけ")


def dated_first(corpus: Corpus, question: str, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """For a question asking when the agreement was made: of the ranked signature, date line and
    preamble, the first that holds the agreement's date comes first; `ranked` as it is otherwise."""
    if not ranked or ASKS_WHEN.search(question) is None:
        return ranked
    top = corpus.units[ranked[0][0]]
    date = corpus.agreement(top.agreement_id).date_text
    if top.kind != "signature" or not date or date in top.text:
        return ranked
    holding = next(
        (
            item
            for item in ranked
            if corpus.units[item[0]].agreement_id == top.agreement_id and _dated(corpus, item[0], date)
        ),
        None,
    )
    if holding is None:
        return ranked
    return [holding, *(item for item in ranked if item is not holding)]


def _dated(corpus: Corpus, position: int, date: str) -> bool:
    unit = corpus.units[position]
    return unit.kind in ("date", "preamble") and date in unit.text
