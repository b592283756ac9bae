"""A two-kanji word the input method converted wrongly: a real word (Sudachi knows 感光, 異住 is
read as one) the agreement lacks, read exactly like one of its words and said with another word
that shares a unit with it, is that word (「感光の振興」 → 観光). A real word alone or beside a word
of nearly every unit (「保険について」「保険の連携は」) is a topic of its own, and stays.
"""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.answering.question import understand
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

from .test_ordinals import FIXTURES, layouts  # noqa: F401 (a fixture)

SEED = "sapporo-iwamizawa-2019/"
_NEIGHBOURS = ("振興", "推進", "交流", "資源", "誘致", "連携")


@pytest.mark.parametrize(
    ("question", "typo", "word", "unit"),
    [
        ("感光の共同PR、甲の役目は？", "感光", "観光", "row-1-4/甲"),
        ("東京から越してきました。異住の促進って乙は何してるの", "異住", "移住", "row-3b-3/乙"),
    ],
)
def test_a_homophone_said_with_its_row_is_the_corpus_word(corpus, question, typo, word, unit):
    corrections = {(c.before, c.after) for c in understand(corpus, question).corrections}
    assert (typo, word) in corrections
    assert ask(corpus, question).hits[0].unit.id == SEED + unit


def _with(corpus: Corpus, agreement: str, word: str) -> list[str]:
    return [u.text for u in corpus.units if u.agreement_id == agreement and word in u.text]


def test_kankou_typed_as_kankou_in_every_layout_that_holds_tourism(layouts):  # noqa: F811
    """In each agreement with 観光 beside a less common word, 「感光の<word>」 finds 観光's unit."""
    missed, checked = [], 0
    texts = [u.text for u in layouts.units]
    for agreement in layouts.agreements:
        holding = _with(layouts, agreement.id, "観光")
        common = [w for w in _NEIGHBOURS if sum(w in t for t in texts) <= len(texts) // 4]
        neighbour = next((w for w in common if any(w in t for t in holding)), None)
        if neighbour is None:
            continue
        checked += 1
        answer = ask(layouts, f"感光の{neighbour}について知りたい", agreement=agreement.id)
        if not answer.hits or "観光" not in answer.hits[0].unit.text:
            missed.append((agreement.id, neighbour))
    assert missed == [] and checked


@pytest.fixture(scope="module")
def alone(tokenizer) -> list[Corpus]:
    """Each real layout loaded on its own, as a user who uploads one agreement has it."""
    files = sorted(p for p in FIXTURES.iterdir() if p.suffix == ".txt")
    return [build_corpus([parse_file(path, path.stem).agreement], tokenizer) for path in files]


@pytest.mark.parametrize("question", ["保険について知りたい", "保険の連携は", "保険"])
def test_a_real_word_alone_or_beside_a_common_word_stays(alone, question):
    checked = 0
    for corpus in alone:
        if corpus.occurs("保険") or not corpus.occurs("保健"):
            continue  # only where 保険 could be taken for the agreement's 保健
        checked += 1
        corrections = understand(corpus, question).corrections
        assert ("保険", "保健") not in {(c.before, c.after) for c in corrections}, corpus.agreements[0].id
    assert checked
