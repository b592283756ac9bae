"""Words of asking about a text that no list names (`asking_words`).

Everyone who asks about an agreement brings words about the asking itself: how the text puts it
(整理・表現・記述・規定ぶり), whose duty (責務・所掌・分掌), where it stands (該当箇所・記載箇所),
what for (資料・答弁), how much of it (全体像・要旨). Listing them one by one never ends, so they
are told apart by where they stand: the topic comes first in a Japanese question and the asking
after it. A word no unit holds that follows a topic the agreement has, across 「について」「に
関する」「は」…, or that says what of the agreement, a party or a held word it asks
(「協約の中身」「札幌市の責務」「条文上の表現」), is a word of asking, not a second topic. Not one:
a proper noun, a thing by its kind of name (駐車場・給食センター・下水道料金・プール), a person,
or a word the corpus holds anywhere — those stay content, and an absent one still vetoes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..search.related import HIRAGANA
from ..search.tokenizer import Token
from .confidence import PERSON_ENDINGS, Content
from .framing import ANNEX_WORDS, SAYING_WORDS
from .parties import MASK

# Across these the question turns from its topic to the asking (「救急医療については…整理」).
_TURNS = ("について", "に関する", "に関して", "に関し", "に係る", "にかかる", "における", "は", "って", "とは", "の件", "、", "。")
# What a thing is by the last character of its name: a place or building, a fee or tax, a vehicle
# or route, an office — things a unit would have to name to answer (「火葬場」「下水道料金」).
_THING_ENDINGS = frozenset("場館所園駅港線車税料金費店院校局署道路橋室棟庫塔険")
# A measure is a figure some unit would have to state (有効期間・人数・予算額・比率).
_MEASURE_ENDINGS = frozenset("間額数量率価")
# A question after a figure asks for a value, never about the wording (「職員の給与はいくら」).
_FIGURE = re.compile(r"いくら|何(?:年|円|人|件|回|日|時|か月|ヶ月|カ月|割|%)|(?:どの|どれ)(?:くらい|ぐらい|程度|だけ)|総額|いつまで")
# The agreement as a text: 「協約の中身」「条文上の表現」「別表の全体像」 ask about how it is written.
_DOCUMENT_WORDS = SAYING_WORDS | ANNEX_WORDS | {"協約", "連携協約", "協定", "本協約", "文書", "条", "本文"}


def asking_words(
    tokens: Sequence[Token],
    content: Sequence[Content],
    document_frequency: Callable[[str], int],
    occurs: Callable[[str], bool],
) -> frozenset[str]:
    """The content words (as written) that ask about the text rather than name a topic."""
    if _FIGURE.search("".join(t.surface for t in tokens)):
        return frozenset()
    held = {c.word for c in content if _held(c, document_frequency)}
    anchors = {c.word for c in content if c.word in held and c.weight >= 1.0}
    found = set()
    for index, token in enumerate(tokens):
        word = next((c for c in content if c.word == token.surface), None)
        if word is None or word.word in held or word.asks_kind or not _may_ask(token, occurs):
            continue
        if _modifies(tokens, index):  # 「国民健康保険の役割」: what 役割 is of, a topic
            continue
        if _after_whose(tokens, index, anchors, bool(held)) or _after_topic(tokens, index, anchors):
            found.add(word.word)
    return frozenset(found)


def _held(content: Content, document_frequency: Callable[[str], int]) -> bool:
    return any(all(document_frequency(t) for t in terms) for terms in content.terms)


def _may_ask(token: Token, occurs: Callable[[str], bool]) -> bool:
    """A common word of kanji (and okurigana), which no unit holds, naming no thing or person."""
    surface = token.surface
    return (
        token.pos[1] != "固有名詞"
        and not occurs(surface)
        and "\u4e00" <= surface[0] <= "\u9fff"
        and all("\u4e00" <= ch <= "\u9fff" or ch in HIRAGANA for ch in surface)
        and surface[-1] not in PERSON_ENDINGS
        and not (surface.endswith("方") and len(surface) > 1 and "\u4e00" <= surface[-2] <= "\u9fff")  # 相手方: a side
        and surface[-1] not in _THING_ENDINGS | _MEASURE_ENDINGS
    )


def _modifies(tokens: Sequence[Token], index: int) -> bool:
    """Whether the word stands before 「の」 and a noun: what that noun belongs to."""
    after = tokens[index + 1 : index + 3]
    return len(after) == 2 and after[0].surface == "の" and after[1].pos[0] == "名詞"


def _after_whose(tokens: Sequence[Token], index: int, anchors: set[str], topic: bool) -> bool:
    """「札幌市の責務」「協約の中身」「条文上の表現」「救急医療の所掌」: of a party (when the
    question has a topic the agreement holds: not 「札幌の天気」), of the agreement as a text, or
    of a word the agreement holds."""
    before = [t.surface for t in tokens[max(0, index - 3) : index]]
    if not before:
        return False
    if before[-1] == "上" or before[-2:] == ["上", "の"]:  # 「協約上」「条文上の」
        return True
    if before[-1] != "の" or len(before) < 2:
        return False
    owner = tokens[index - 2]
    return (owner.surface == MASK and topic) or owner.surface in anchors or owner.term in _DOCUMENT_WORDS


def _after_topic(tokens: Sequence[Token], index: int, anchors: set[str]) -> bool:
    """A held topic stands before the word, and the question turns from it in between."""
    for start in range(index - 1, -1, -1):
        if tokens[start].surface in anchors:
            between = "".join(t.surface for t in tokens[start + 1 : index])
            return any(turn in between for turn in _TURNS)
    return False
