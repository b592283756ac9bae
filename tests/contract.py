"""The answer contract every caller relies on, checked the same way for the library and the CLI.

`{"query", "answer", "hits": [{"id", "kind", "article", "section", "initiative", "party", "text",
"citation", "score"}]}` or, for a question that cannot be searched, `{"query", "error"}`.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata

from kyoyaku_search.answering.answer import NO_MATCH
from kyoyaku_search.answering.examples import with_example
from kyoyaku_search.answering.question import MAX_QUESTION_CHARS
from kyoyaku_search.search.corpus import Corpus
from kyoyaku_search.search.units import KINDS

ANSWER_KEYS = {"query", "answer", "hits"}
ERROR_KEYS = {"query", "error"}
HIT_KEYS = {"id", "kind", "article", "section", "initiative", "party", "text", "citation", "score"}
OPTIONAL_STR = ("section", "initiative", "party")
NOT_FOUND = re.compile(r"この(?:協約|協定)には((?:「[^「」]+」){1,3})についての定めは見つかりませんでした。")
# A place named that the agreement does not have, said rather than searched: 「第9条はこの協約にありません（第1条から
# 第6条まで）。」「(5)の分野はこの協約にありません（(1)から(3)まで）。」 — numbers only, no text of the agreement.
PLACE_MISSING = re.compile(r"[^「」\n]+は(?:この協約に)?ありません（[^「」\n]+）。")
NOT_A_PARTY = "当事者で"  # 「…はこの協約の当事者ではありません」「…どの協約の当事者でもありません」
# 甲/乙/丙 asked of an agreement that names its parties by name: 「この協約では当事者を「丙」と呼んでいません。当事者は…です。」
UNBORNE_LABEL = re.compile(r"この(?:協約|協定)では当事者を「([^「」]+)」と呼んでいません。当事者は[^「」\n]+です。")


def check_json_line(line: str) -> dict:
    """One output line: valid JSON, one object, and writable as UTF-8 (no lone surrogates)."""
    line.encode("utf-8")
    data = json.loads(line)
    assert isinstance(data, dict)
    return data


def check_answer(data: dict, corpus: Corpus, top_k: int) -> None:
    """A well-formed answer whose every hit quotes a unit of the corpus verbatim."""
    json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert set(data) == ANSWER_KEYS
    assert isinstance(data["query"], str) and data["query"] and data["query"] == data["query"].strip()
    assert len(data["query"]) <= MAX_QUESTION_CHARS
    assert isinstance(data["answer"], str) and data["answer"]
    assert isinstance(data["hits"], list) and len(data["hits"]) <= top_k
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS
        unit = corpus.unit(hit["id"])
        assert unit is not None, hit["id"]
        assert hit["text"] == unit.text  # the quote is the unit's text, character for character
        assert hit["kind"] == unit.kind and hit["kind"] in KINDS
        assert hit["citation"] == unit.citation.render(corpus.multi)
        assert hit["article"] == unit.article and (hit["article"] is None or type(hit["article"]) is int)
        assert all(hit[key] is None or isinstance(hit[key], str) for key in OPTIONAL_STR)
        assert isinstance(hit["score"], float) and math.isfinite(hit["score"])
    check_quotes_and_citations(data, corpus)


def check_quotes_and_citations(data: dict, corpus: Corpus) -> None:
    """The answer writes no agreement text of its own: every 「…」 followed by a line 「出典: C」 is,
    character for character, the exact text of the hit cited C (甲/乙 as the agreement writes them), and a list item
    「・…（出典: C）」 cites a unit that exists. Notes and counts around them are the answer's own
    words; with no hit, there is no citation at all."""
    answer = data["answer"]
    quotes = {hit["citation"]: corpus.unit(hit["id"]).text for hit in data["hits"]}
    for line in answer.split("\n"):
        if line.startswith("出典: "):
            citation = line[len("出典: ") :]
            assert citation in quotes, (citation, answer)
            assert f"「{quotes[citation]}」\n{line}" in answer, answer
        elif line.startswith("・") and "（出典: " in line:
            assert line.endswith("）") and line[line.index("（出典: ") + len("（出典: ") : -1] in _all_citations(
                corpus
            ), line
    if not data["hits"]:
        # no citation line or cited item; the word 出典 itself may be what was asked (「出典」 not found)
        cited = any(line.startswith("出典") for line in answer.split("\n")) or "（出典" in answer
        assert not cited and (
            answer == with_example(NO_MATCH, corpus)
            or NOT_A_PARTY in answer
            or _names_a_label_of_the_query(data)
            or _names_the_query(data)
            or PLACE_MISSING.fullmatch(answer)
        ), answer


def _names_a_label_of_the_query(data: dict) -> bool:
    """The unborne-label message names only a label the query itself wrote."""
    found = UNBORNE_LABEL.fullmatch(data["answer"])
    return found is not None and found.group(1) in unicodedata.normalize("NFKC", data["query"])


def _names_the_query(data: dict) -> bool:
    """「この協約には「W」…についての定めは見つかりませんでした。」 with every W a word of the query."""
    found = NOT_FOUND.fullmatch(data["answer"])
    query = unicodedata.normalize("NFKC", data["query"])
    return found is not None and all(word in query for word in re.findall(r"「([^「」]+)」", found.group(1)))


def _all_citations(corpus: Corpus) -> set[str]:
    return {unit.citation.render(with_agreement) for unit in corpus.units for with_agreement in (False, True)}


def check_error(data: dict) -> None:
    assert set(data) == ERROR_KEYS
    assert isinstance(data["query"], str) and isinstance(data["error"], str) and data["error"]
    if "長すぎます" in data["error"]:
        assert f"{MAX_QUESTION_CHARS}文字以内" in data["error"]  # the message states the cap
