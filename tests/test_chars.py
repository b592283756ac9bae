"""The named character classes: one set of characters whether a class tests a character
(`ch in KANJI`) or is written into a regex (`f"[{KANJI}]"`)."""

from __future__ import annotations

import re

import pytest

from kyoyaku_search import chars
from kyoyaku_search.chars import HIRAGANA, KANA, KANJI, KANJI_NOMA, KATAKANA

CLASSES = {name: value for name, value in vars(chars).items() if isinstance(value, chars.Chars)}
BMP = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_a_class_holds_what_its_regex_matches(name):
    found = re.compile(f"[{CLASSES[name]}]")
    assert set(CLASSES[name]) == {ch for ch in BMP if found.fullmatch(ch)}


@pytest.mark.parametrize(
    ("ch", "classes"),
    [
        ("岩", {KANJI, KANJI_NOMA}),
        ("々", {KANJI_NOMA}),  # 「各々」: a kanji word's character, not a kanji itself
        ("ぁ", {HIRAGANA, KANA}),
        ("ゝ", {HIRAGANA, KANA}),
        ("ー", {KATAKANA, KANA}),
        ("・", {KATAKANA, KANA}),
        ("ｱ", set()),  # half-width katakana: full-width forms, not the katakana block
        ("A", set()),
    ],
)
def test_each_character_in_its_classes(ch, classes):
    for cls in (KANJI, KANJI_NOMA, HIRAGANA, KATAKANA, KANA):
        assert (ch in cls) == any(cls is c for c in classes), (ch, cls)


def test_classes_join_into_one():
    assert str(chars.HIRAGANA + chars.KATAKANA) == str(KANA)
    assert set(KANA) == set(HIRAGANA) | set(KATAKANA)
