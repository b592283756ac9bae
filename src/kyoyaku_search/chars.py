"""Named classes of the characters Japanese text is written in, each range written once.

A class tests one character (`ch in KANJI`, a set lookup) and writes itself into a regex
character class (`re.compile(f"[{KANJI}]+")`). Ranges follow the Unicode blocks.
"""

from __future__ import annotations


class Chars(frozenset[str]):
    """A class of characters, from its regex form (「\\u4e00-\\u9fff」「ぁ-ゖー」)."""

    spec: str

    def __new__(cls, *specs: str) -> Chars:
        spec = "".join(specs)
        chars = super().__new__(cls, _expand(spec))
        chars.spec = spec
        return chars

    def __str__(self) -> str:
        return self.spec

    def __format__(self, format_spec: str) -> str:
        return format(self.spec, format_spec)

    def __add__(self, other: Chars) -> Chars:
        return Chars(self.spec, other.spec)


def _expand(spec: str) -> list[str]:
    """The characters of a regex class body of single characters and ranges (「a-cz」 → a b c z)."""
    chars, at = [], 0
    while at < len(spec):
        if at + 2 < len(spec) and spec[at + 1] == "-":
            chars += map(chr, range(ord(spec[at]), ord(spec[at + 2]) + 1))
            at += 3
        else:
            chars.append(spec[at])
            at += 1
    return chars


KANJI = Chars("\u4e00-\u9fff")  # CJK unified ideographs: the kanji of everyday text
NOMA = Chars("\u3005")  # 々, which repeats the kanji before it (「各々」「人々」)
KANJI_NOMA = KANJI + NOMA  # what a word of kanji is written in
KANJI_EXT_A = Chars("\u3400-\u4dbf")  # rare kanji (extension A)
KANJI_COMPAT = Chars("\uf900-\ufaff")  # compatibility ideographs, which PDF text may hold
RADICALS = Chars("\u2e80-\u2fdf")  # radical glyphs, which some fonts use for common kanji
HIRAGANA = Chars("\u3040-\u309f")  # the block: letters, voicing marks, ゝゞ
KATAKANA = Chars("\u30a0-\u30ff")  # the block: letters, ・, ー, ヽヾ
KANA = HIRAGANA + KATAKANA
HIRAGANA_LETTERS = Chars("ぁ-ゖ")  # the letters alone: no ゝゞ, no voicing marks
KATAKANA_LETTERS = Chars("ァ-ヺ")  # the letters alone: no ・, ー, ヽヾ
CHOONPU = Chars("ー")  # the long-vowel mark, written in both kana (「ゲーム」「すごーい」)
KANA_LETTERS = HIRAGANA_LETTERS + KATAKANA_LETTERS + CHOONPU  # a word spelt in kana
CJK_SYMBOLS = Chars("\u3000-\u303f")  # 「　」「、」「。」「「」」「〆」…
FULLWIDTH = Chars("\uff00-\uffef")  # full-width letters and brackets, half-width katakana
HALFWIDTH_KATAKANA = Chars("\uff61-\uff9f")
PRIVATE_USE = Chars("\ue000-\uf8ff")
# Every character of Japanese text, punctuation and full-width forms included: where a line
# break or a space between two of them is formatting, not wording.
CJK = CJK_SYMBOLS + KANA + KANJI_EXT_A + KANJI + KANJI_COMPAT + FULLWIDTH
