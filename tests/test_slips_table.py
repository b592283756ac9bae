"""base_kana reads kana through one table: the same as stripping the marks by normalisation."""

from __future__ import annotations

import unicodedata

import pytest

from kyoyaku_search.answering.slips import base_kana

KANA = [chr(code) for code in (*range(0x3041, 0x3097), *range(0x30A1, 0x30FB), 0x30FC)]


def _normalised(kana: str) -> str:
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", kana) if ch not in "\u3099\u309a")
    return unicodedata.normalize("NFC", stripped).translate(str.maketrans("ァィゥェォッャュョヮ", "アイウエオツヤユヨワ"))


@pytest.mark.parametrize("kana", ["いわみざわ", "イワミザワ", "サッポロ", "ぱぴぷぺぽ", "ヴァイオリン", "ヷヸヹヺ", "ー", ""])
def test_names_and_windows_lose_their_marks_as_by_normalisation(kana):
    assert base_kana(kana) == _normalised(kana)


def test_every_kana_alone_and_in_pairs():
    assert all(base_kana(a + b) == _normalised(a + b) for a in KANA for b in KANA)


def test_other_text_still_goes_through_normalisation():
    assert base_kana("ガス会社") == "カス会社"
