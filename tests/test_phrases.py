"""Exact text first, generated from every loaded agreement: a run of six or more characters cut
at random from a unit brings a unit holding it first, and no string the corpus holds is ever
"corrected" as a typo or re-read as hiragana."""

from __future__ import annotations

import random

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.answering.question import understand
from kyoyaku_search.search.corpus import Corpus
from kyoyaku_search.search.phrases import MIN_PHRASE, PhraseIndex, quotation_like
from kyoyaku_search.search.tokenizer import fold

from .loaded import variant_corpus

SAMPLES = 400  # phrases per corpus
REQUIRED = 0.95  # the bar: ≥ 95 % of pasted phrases bring a unit holding them first


@pytest.fixture(scope="module")
def several(tmp_path_factory) -> Corpus:
    return variant_corpus(tmp_path_factory.mktemp("phrases"))


@pytest.fixture(params=["seed", "several"])
def loaded(request, corpus, several) -> Corpus:
    return corpus if request.param == "seed" else several


def random_phrases(corpus: Corpus, count: int, seed: int = 10) -> list[str]:
    """Runs of 6–30 characters cut from the units' texts (one line, no blanks at either end)."""
    rng = random.Random(seed)
    lines = [line.strip() for unit in corpus.units for line in fold(unit.text).split("\n")]
    lines = [line for line in lines if len(line) >= MIN_PHRASE]
    phrases: list[str] = []
    while len(phrases) < count:
        line = rng.choice(lines)
        size = rng.randint(MIN_PHRASE, min(30, len(line)))
        start = rng.randint(0, len(line) - size)
        phrase = line[start : start + size].strip()
        if len(phrase) >= MIN_PHRASE:
            phrases.append(phrase)
    return phrases


def first_holds(corpus: Corpus, phrase: str) -> bool:
    answer = ask(corpus, phrase)
    return bool(answer.hits) and phrase in fold(answer.hits[0].unit.text)


def test_random_phrases_bring_a_unit_holding_them_first(loaded):
    phrases = random_phrases(loaded, SAMPLES)
    missed = [p for p in phrases if not first_holds(loaded, p)]
    rate = 1 - len(missed) / len(phrases)
    print(f"exact phrases first: {rate:.3f} ({len(phrases) - len(missed)}/{len(phrases)})")
    assert rate >= REQUIRED, missed[:20]


def with_a_stray_space(phrase: str, rng: random.Random) -> str:
    """The phrase with one space between two Japanese characters, as a PDF's line break leaves it."""
    places = [i for i in range(1, len(phrase)) if not phrase[i - 1].isascii() and not phrase[i].isascii()]
    at = rng.choice(places) if places else len(phrase)
    return f"{phrase[:at]} {phrase[at:]}"


def test_a_phrase_pasted_with_a_stray_space_still_brings_its_unit_first(loaded):
    rng = random.Random(11)
    phrases = random_phrases(loaded, SAMPLES, seed=12)
    missed = [p for p in phrases if not first_holds_spaced(loaded, p, with_a_stray_space(p, rng))]
    rate = 1 - len(missed) / len(phrases)
    print(f"phrases with a stray space first: {rate:.3f} ({len(phrases) - len(missed)}/{len(phrases)})")
    assert rate >= REQUIRED, missed[:20]


def first_holds_spaced(corpus: Corpus, phrase: str, spaced: str) -> bool:
    answer = ask(corpus, spaced)
    return bool(answer.hits) and phrase in fold(answer.hits[0].unit.text)


def test_a_pasted_cell_with_pdf_spaces_is_the_cell_that_says_it(corpus):
    # 「甲と協力して」 is text of 乙's cell, also when copied with the PDF's spaces (「につい て」「取 り組む」)
    answer = ask(corpus, "能力の強化に関する連携につい て、甲と協力して取 り組む")
    assert answer.hits[0].unit.id.endswith("/乙"), answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # 甲 inside the pasted text is text: only 乙's cells say it
        ("甲に対し必要な協力をする", "/乙"),
        # a party name inside the pasted text is text, and 「札幌市都」 is not a typo of 札幌市長
        ("札幌市都心部の再開発", "row-2-2"),
        # 「のとおり」 is the agreement's own wording, not 「通り」
        ("次のとおり連携協約を締結する", "/preamble"),
    ],
)
def test_pasted_text_is_text(corpus, question, expected):
    answer = ask(corpus, question)
    assert expected in answer.hits[0].unit.id
    assert not answer.question.corrections


def test_the_longest_run_wins(corpus):
    index = PhraseIndex([unit.text for unit in corpus.units])
    match = index.longest("岩見沢市の、あらかじめ議会の議決を経なければならない理由")
    assert match is not None
    assert match.end - match.start == len("、あらかじめ議会の議決を経なければならない")  # the comma is the text's too
    assert [corpus.units[i].id.rsplit("/", 1)[1] for i in match.positions] == ["art-6"]


def test_identical_texts_are_indexed_once_and_all_returned(several):
    index = several.phrases
    match = index.longest("甲に対し必要な協力をする")
    assert match is not None
    holders = {several.units[i].agreement_id for i in match.positions}
    assert len(holders) == len(several.agreements)


def test_the_units_holding_a_whole_phrase_are_those_longest_finds(several):
    """`positions_holding` (what a definitions lookup asks) is `longest`'s units when the longest
    run is the whole phrase, and none otherwise: runs cut from the units, lengthened past them,
    and the forms a definition is written in."""
    index, rng = several.phrases, random.Random(5)
    texts = [fold(unit.text) for unit in several.units if len(unit.text) > 12]
    phrases = ["「圏域」とは", "以下「甲」という", "「連携中枢都市圏」とは", "甲に対し必要な協力をする"]
    for _ in range(200):
        text = rng.choice(texts)
        start = rng.randint(0, len(text) - 4)
        phrases.append(text[start : start + rng.randint(4, 12)] + rng.choice(["", "とは", "について"]))
    for phrase in phrases:
        found = index.longest(phrase)
        whole = found is not None and found.text_length == len(phrase)
        assert index.positions_holding(phrase) == (found.positions.tolist() if whole else []), phrase


def corrected_windows(corpus: Corpus, samples: int, seed: int) -> list[tuple[str, list]]:
    """Runs of 3–8 characters cut at random from the corpus's units that the typo corrector or the
    kana reader would change: none should be."""
    rng = random.Random(seed)
    texts = [fold(unit.text) for unit in corpus.units if unit.text.strip()]
    corrected = []
    for _ in range(samples):
        text = rng.choice(texts)
        size = rng.randint(3, min(8, len(text)))
        start = rng.randint(0, len(text) - size)
        window = text[start : start + size]
        if "\n" in window or not window.strip():
            continue
        _, corrections = corpus.spelling.correct(window, frozenset(), corpus.occurs)
        corrections += corpus.spelling.read(window, corpus.occurs)
        if corrections:
            corrected.append((window, corrections))
    return corrected


def test_no_string_of_the_corpus_is_corrected(loaded):
    """Every run of 3–8 characters cut from the corpus is left as written."""
    assert corrected_windows(loaded, 600, seed=7) == []


@pytest.mark.parametrize("question", ["岩見沢市役所の場所", "札幌市都心部", "次のとおり"])
def test_words_around_the_corpus_are_not_corrected(corpus, question):
    assert not [c for c in understand(corpus, question).corrections if c.kind == "typo"]


@pytest.mark.parametrize(
    ("run", "quotation"),
    [
        ("連携について", False),  # one common word and its particles
        ("に関する連携", False),
        ("甲に対し必要な協力", True),
        ("について、甲と協力して", True),  # ten characters or more
    ],
)
def test_a_short_run_is_a_quotation_only_with_enough_words(run, quotation):
    assert quotation_like(run) is quotation
