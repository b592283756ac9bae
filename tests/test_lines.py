"""Lines: whether a text stands in the corpus, by character pairs, exactly as a scan of its text says."""

from __future__ import annotations

import pytest

from kyoyaku_search.search.lines import Lines

BLOB = "第1条 目的\n甲及び乙は、地域医療の充実を図る。\n健康診査\n地域"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("", True),  # the empty text is in any text, as `in` says
        ("健", True),
        ("寮", False),
        ("\n", True),  # a line break: the scan answers
        ("医療", True),  # a pair: one set look-up
        ("医寮", False),
        ("地域医療", True),
        ("地域医療の充実", True),
        ("地域医療の拡充", False),  # first and last pairs held, on no line together
        ("健康診査\n地域", True),  # across lines: the scan answers
        ("査\n", True),
        ("目的\n甲及", True),
        ("診査地域", False),  # the end of one line and the start of the next are not one text
    ],
)
def test_a_text_is_held_as_the_scan_finds_it(text, held):
    assert Lines(BLOB).hold(text) is held
    assert (text in BLOB) is held


def test_every_piece_of_the_seed_is_held_as_the_scan_finds_it(corpus):
    """Every substring (up to eight characters) of the seed's text, and each with one character
    changed: the index and `in` agree on all of them."""
    blob = corpus.text_blob
    lines = Lines(blob)
    pieces = {blob[at : at + size] for size in range(9) for at in range(0, len(blob), 3)}
    pieces |= {piece[:-1] + "寮" for piece in pieces if piece}
    assert all(lines.hold(piece) == (piece in blob) for piece in pieces)


def test_a_corpus_tells_what_it_holds(corpus):
    assert corpus.occurs("地域医療")
    assert not corpus.occurs("地域医寮")
