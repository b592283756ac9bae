"""Hypothesis strategies for hostile questions, for the fuzz tests only.

Every kind of text a person (or a broken client) can send: any code point including lone
surrogates and control characters, emoji sequences, punctuation only, mixed scripts, text
that NFKC blows up (「ﷺ」 is 18 characters folded), 100 KB strings, and real questions with
noise around them so the party and topic paths of `ask` are exercised too.
"""

from __future__ import annotations

from hypothesis import strategies as st

from kyoyaku_search.answering.question import MAX_QUESTION_CHARS

ANY_CHARACTER = st.one_of(
    st.characters(exclude_categories=[]),  # every category hypothesis offers, Cs aside
    st.characters(categories=["Cs"]),  # lone surrogates
)
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cn"])
PUNCTUATION = st.characters(categories=["P", "S"])
EMOJI_PIECES = st.one_of(
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
    st.sampled_from(["\u200d", "\ufe0f", "\U0001f3fb", "\U0001f1ef\U0001f1f5", "👨‍👩‍👧‍👦", "🏳️‍🌈"]),
)
# Scripts side by side: Japanese (both widths), Latin, Cyrillic, Arabic (right-to-left),
# Hangul, Devanagari with combining marks, and compatibility characters NFKC expands.
SCRIPTS = st.one_of(
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF9F),
    st.characters(min_codepoint=0x0041, max_codepoint=0x007A),
    st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
    st.sampled_from(["\ufdfa", "\ufdfb", "㍻", "㌀", "㈱", "ｶ", "ﾞ", "①", "Ⅻ", "\u0301", "\u202e"]),
)
# Words the agreement and its questions use, so generated text reaches the party, outsider
# and topic logic instead of always missing the index.
WORDS = st.sampled_from(
    [
        "岩見沢市",
        "岩見沢",
        "いわみざわし",
        "札幌市",
        "さっぽろ",
        "甲",
        "乙",
        "丙",
        "小樽市",
        "甲府市",
        "札幌市長",
        "の",
        "は",
        "で",
        "役割",
        "内容",
        "災害対策",
        "防災",
        "費用",
        "変更",
        "施行",
        "目的",
        "署名",
        "別表",
        "ICT",
        "ＩＣＴ",
        "I C T",
        "観光",
        "第3条",
        "第４条",
        "附則",
        "教えて",
        "？",
        "?",
        "\n",
        "\t",
        "\u3000",
        " ",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![](http://example.com/a.png)",
        "{{7*7}}",
        "%s%n",
        "'; DROP TABLE units;--",
        "\\",
        '"',
        "../../etc/passwd",
    ]
)

WORDY = st.lists(st.one_of(WORDS, st.text(SCRIPTS, max_size=3)), max_size=30).map("".join)


@st.composite
def long_text(draw, size: int = 100_000) -> str:
    """A string of about `size` characters, made by repeating a short generated one."""
    unit = draw(st.lists(st.one_of(ANY_CHARACTER, SCRIPTS), min_size=1, max_size=8).map("".join))
    length = draw(st.sampled_from([size, size - 1, MAX_QUESTION_CHARS + 1, MAX_QUESTION_CHARS * 10 + 1]))
    return (unit * (length // len(unit) + 1))[:length]


@st.composite
def near_the_cap(draw) -> str:
    """Questions of 499–501 characters: the cap's boundary, with folding characters too."""
    unit = draw(st.one_of(WORDS, st.text(SCRIPTS, min_size=1, max_size=2)))
    length = draw(st.integers(MAX_QUESTION_CHARS - 1, MAX_QUESTION_CHARS + 1))
    return (unit * (length // len(unit) + 1))[:length]


QUESTIONS = st.one_of(
    # st.text() would drop the surrogates this alphabet draws, so join a list of characters.
    st.lists(ANY_CHARACTER, max_size=60).map("".join),
    st.text(CONTROL, max_size=20),
    st.text(PUNCTUATION, min_size=1, max_size=40),
    st.lists(EMOJI_PIECES, min_size=1, max_size=30).map("".join),
    st.text(SCRIPTS, max_size=80),
    WORDY,
    st.tuples(WORDY, st.lists(ANY_CHARACTER, max_size=10).map("".join), WORDY).map("".join),
    near_the_cap(),
    long_text(),
)
