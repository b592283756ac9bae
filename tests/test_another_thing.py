"""「二つ目の空港は作るの」: an order from the second on, before a thing that is no place of the
agreement, asks about another such thing — not the one the agreement names, so no cell answers it.
An order before a place (「二つ目の取組」「2番目の分野」「3番目の条文」) still counts that place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

from .conftest import SEED_TEXT

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
LAYOUTS = (SEED_TEXT, *sorted(p for p in FIXTURES.iterdir() if p.suffix == ".txt"))
_KANJI = re.compile(r"[\u4e00-\u9fff]{2,}")
_PLACES = re.compile(r"事業|取組|役割|分野|項目|区分")


def things(corpus: Corpus, limit: int = 4) -> list[str]:
    """Common nouns of two kanji or more that the agreement's rows hold (its own things); not the
    words that name its places (事業, 役割分担) nor a 取組 or section by name (「医療」)."""
    names = " ".join(u.initiative or "" for u in corpus.units) + " ".join(u.section or "" for u in corpus.units)
    found = []
    for unit in corpus.units:
        if unit.kind == "row":
            found += [
                t.surface
                for t in corpus.tokenizer.tokens(unit.text)
                if t.pos[:2] == ("名詞", "普通名詞") and _KANJI.fullmatch(t.surface)
            ]
    return [w for w in dict.fromkeys(found) if w not in names and not _PLACES.match(w)][:limit]


@pytest.mark.parametrize("template", ["二つ目の{t}は作るの", "2つ目の{t}はあるの", "三番目の{t}を作る予定は"])
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda path: path.name)
def test_another_of_the_agreements_things_is_not_found(tokenizer, path, template):
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    answered = []
    for thing in things(corpus):
        answer = ask(corpus, template.format(t=thing))
        if answer.status is not Status.NO_MATCH:
            answered.append((thing, answer.status))
    assert answered == []


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda path: path.name)
def test_an_order_before_a_place_still_counts_it(tokenizer, path):
    corpus = build_corpus([parse_file(path).agreement], tokenizer)
    rows = [u.id for u in corpus.units if u.kind == "row"]
    articles = [u.id for u in corpus.units if u.kind == "article"]
    if rows:  # articles only (sendai, tokubetsuku): no row to count
        assert ask(corpus, "二つ目の取組").hits[0].unit.id == rows[1]
    assert ask(corpus, "2番目の条文").hits[0].unit.id == articles[1]


def test_the_not_found_message_names_no_word_the_agreement_holds(corpus):
    answer = ask(corpus, "二つ目の空港は作るの")
    assert answer.status is Status.NO_MATCH
    assert "「空港」" not in answer.message


def test_every_counter_holds_the_character_another_of_looks_for_first():
    """another_of skips a question without 目 or め: every counter of an order must hold one."""
    from kyoyaku_search.answering.ordinals import _COUNTERS

    assert all("目" in counter or "め" in counter for counter in _COUNTERS.split("|"))
