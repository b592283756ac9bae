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

from ..chars import HIRAGANA, KANJI
from ..search.tokenizer import Token
from .content import PERSON_ENDINGS, Content, covered
from .foreign import SAID_ASPECTS
from .framing import ANNEX_WORDS, PARTNER_WORDS, SAYING_WORDS
from .parties import MASK
from .reading import Reading

# Across these the question turns from its topic to the asking (「救急医療については…整理」).
_TURNS = (
    *("について", "に関する", "に関して", "に関し", "に係る", "にかかる", "における"),
    *("は", "って", "とは", "の件", "を", "、", "。"),
)
# What a thing is by the last character of its name: a place or building, a fee or tax, a vehicle
# or route, an office — things a unit would have to name to answer (「火葬場」「下水道料金」).
_THING_ENDINGS = frozenset("場館所園駅港線車税料金費店院校局署道路橋室棟庫塔険")
_MONEY_ENDINGS = frozenset("税金費")
# A measure is a figure some unit would have to state (有効期間・任期・人数・予算額・目標値).
_WORKER_ENDINGS = frozenset("士師員")
_MEASURE_ENDINGS = frozenset("間期限額数量率価値")
# A question after a figure asks for a value, never about the wording (「職員の給与はいくら」).
_FIGURE = re.compile(
    r"いくら|何(?:年|円|人|件|回|日|時|か月|ヶ月|カ月|割|%)|(?:どの|どれ)(?:くらい|ぐらい|程度|だけ)|総額|いつまで"
)
# The agreement as a text: 「協約の中身」「条文上の表現」「別表の全体像」 ask about how it is written.
_DOCUMENT_WORDS = SAYING_WORDS | ANNEX_WORDS | {"協約", "連携協約", "協定", "本協約", "文書", "条", "本文"}
# Whose scope 「対象」「範囲」 ask about after a topic: the agreement's, and the partnership it makes
# (「創業支援は連携の対象になっていますか」).
_SCOPES = _DOCUMENT_WORDS | {"連携"}
# Places in the text: 「該当箇所」「記載部分」 ask where the agreement says it.
_TEXT_PLACES = frozenset({"箇所", "個所", "部分", "くだり"})
# What a row says of its thing (内容・範囲・体制・箇所 …): joined to a word, it still asks about the text.
_ASPECTS = SAID_ASPECTS | SAYING_WORDS | {"箇所", "部分", "範囲"}


def asking_words(
    reading: Reading,
    content: Sequence[Content],
    document_frequency: Callable[[str], int],
    occurs: Callable[[str], bool],
    parts: Callable[[str], Sequence[str]] = lambda word: (),
) -> frozenset[str]:
    """The content words (as written) that ask about the text rather than name a topic.

    Read in order: a word is one only when what came before it is a topic the agreement has —
    nothing it lacks, or more of what it holds than of what it lacks (「職員の人事交流に関する
    …所掌」); never after a topic it lacks (「宝くじは協約の対象に」「給食センターの件、…受け持ちは」)."""
    tokens, said = reading.words, reading.said
    held = {c.word for c in content if _held(c, document_frequency)}
    if len(held) == len(content) and not any(c.word in _ASPECTS for c in content):
        # most questions: only a word no unit holds can be one of asking, or an aspect of the
        # agreement (「協約の対象」), held or not
        return frozenset()
    if _FIGURE.search(said):
        return frozenset()
    by_word = {c.word: c for c in content}
    anchors: set[str] = set()
    topic = kinds = lacking = 0.0  # weight seen so far: held topic words, held kind words, words lacking
    thing = False  # a thing, name or person the agreement lacks seen so far
    found = set()
    for index, token in enumerate(tokens):
        word = by_word.get(token.surface)
        if word is None or word.word in found or token.term in PARTNER_WORDS:  # 「協約の相手は」 asks who
            continue
        # 「…は協約の対象に」「協定の範囲」「連携の対象になって」: of the agreement, held or not
        scope = token.term in _ASPECTS and _after_document(tokens, index, _SCOPES) and bool(topic or kinds)
        if word.word in held and scope:
            found.add(word.word)
            continue
        if word.word in held:
            anchors.add(word.word)
            if word.asks_kind:
                kinds += word.weight
            else:
                topic += word.weight
            continue
        # what came before is a topic the agreement has: no thing it lacks (下水道・給食センター), and
        # more of what it holds than of what it lacks
        clear = not thing and (lacking == 0 or topic > lacking)
        # a word asking for the kind of answer (相手・任務) is the question's own when nothing else is held
        clear = clear and (not word.asks_kind or bool(anchors))
        asking = (clear and scope) or (
            clear
            and _may_ask(token, occurs)
            and not _modifies(tokens, index, document_frequency)  # 「国民健康保険の役割」: a topic
            and not _compounded(word, content, parts)  # 「診療報酬」「開発許可」: the name of a thing
            and not _becomes(tokens, index)  # 「救急車を有料にする」: what the topic would be made
            and (
                _after_document(tokens, index)
                or (
                    bool(topic or kinds)
                    and (_after_whose(tokens, index, anchors) or _after_topic(tokens, said, index, anchors))
                )
            )
        )
        if asking:
            found.add(word.word)
        else:
            lacking += word.weight
            thing = thing or not _common(token)
    # A noun the agreement lacks after the turn is a second topic (「救急医療について医師派遣の…」):
    # the asking words then ask about it, and stay. Inside the topic it is weighed as the topic's
    # (人事 of 「職員の人事交流に関する」, beside 職員交流).
    second = [
        index
        for index, token in enumerate(tokens)
        if (word := by_word.get(token.surface)) is not None
        and word.word not in found
        and word.word not in held
        and word.weight >= 1.0
        and _after_topic(tokens, said, index, anchors)
    ]
    return frozenset() if second else frozenset(found)


def _held(content: Content, document_frequency: Callable[[str], int]) -> bool:
    return covered(content.terms, document_frequency)


def _may_ask(token: Token, occurs: Callable[[str], bool]) -> bool:
    """A common word no unit holds (the corpus scanned only for a common word)."""
    return _common(token) and not occurs(token.surface)


def _common(token: Token) -> bool:
    """A common word of kanji (and okurigana), naming no thing or person."""
    surface = token.surface
    return (
        token.pos[1] != "固有名詞"
        and surface[0] in KANJI
        and all(ch in KANJI or ch in HIRAGANA for ch in surface)
        and surface[-1] not in PERSON_ENDINGS
        and surface[-1] not in _WORKER_ENDINGS  # 講師・看護師: people by their work
        and not (surface.endswith("方") and len(surface) > 1 and surface[-2] in KANJI)  # 相手方: a side
        and not _thing(surface)
        and surface[-1] not in _MEASURE_ENDINGS
    )


def _compounded(word: Content, content: Sequence[Content], parts: Callable[[str], Sequence[str]]) -> bool:
    """Whether the word joins two nouns of two kanji or more, in one word or beside another content
    noun: nouns joined name a thing, an institution or a scheme (診療報酬・家賃補助・開発許可), where
    「記載内容」「記述箇所」「全体像」 join a word of asking to a place, a content or a suffix."""
    nouns = [*parts(word.word)]
    if word.compound:
        nouns += [c.word for c in content if c.compound == word.compound and c.weight >= 1.0]
    named = {n for n in nouns if len(n) >= 2 and all(ch in KANJI for ch in n)}
    return len(named) >= 2 and not named & _ASPECTS


def _becomes(tokens: Sequence[Token], index: int) -> bool:
    """Whether the word is what something is made or becomes (「有料にする」「無料になる」): a change
    the question asks about, not a word about the asking."""
    after = [t.term for t in tokens[index + 1 : index + 3]]
    return len(after) == 2 and after[0] == "に" and after[1] in ("為る", "成る")


def _thing(surface: str) -> bool:
    """A thing by its kind of name: a stem and a suffix of place, building, fee or office
    (駐車場・図書館・使用料); money (税・金・費) however short. 「資料」「場所」 are words of their own."""
    return surface[-1] in _MONEY_ENDINGS or (len(surface) >= 3 and surface[-1] in _THING_ENDINGS)


def _modifies(tokens: Sequence[Token], index: int, document_frequency: Callable[[str], int]) -> bool:
    """Whether the word stands before 「の」 and a noun the corpus holds: what that noun belongs
    to (「国民健康保険の役割」), where 「記述の有無」 only asks whether there is one."""
    after = tokens[index + 1 : index + 3]
    return (
        len(after) == 2
        and after[0].surface == "の"
        and after[1].pos[0] == "名詞"
        and document_frequency(after[1].term) > 0
    )


def _after_document(tokens: Sequence[Token], index: int, words: frozenset[str] = _DOCUMENT_WORDS) -> bool:
    """「協約の中身」「条文上の表現」「役割分担の全体像」: of the agreement as a text."""
    before = [t for t in tokens[max(0, index - 3) : index]]
    if not before:
        return False
    if before[-1].surface == "上":  # 「協約上」「条文上」
        return True
    if len(before) >= 2 and [t.surface for t in before[-2:]] == ["上", "の"]:
        return True
    return len(before) >= 2 and before[-1].surface == "の" and before[-2].term in words


def _after_whose(tokens: Sequence[Token], index: int, anchors: set[str]) -> bool:
    """「札幌市の責務」「岩見沢市の所掌」: of a party; of a thing the agreement has only as what a
    row says of it (「救急医療の中身」) or as a place in the text (「観光の該当箇所」) — else it is a
    property no unit may state (「職員交流の人数」「情報の公開方法」, answering/foreign.py)."""
    if index < 2 or tokens[index - 1].surface != "の":
        return False
    owner = tokens[index - 2].surface
    if owner == MASK:
        return True
    after = tokens[index + 1].term if index + 1 < len(tokens) else ""
    return owner in anchors and (tokens[index].term in SAID_ASPECTS or after in _TEXT_PLACES)


def _after_topic(tokens: Sequence[Token], said: str, index: int, anchors: set[str]) -> bool:
    """A held topic stands before the word, and the question turns from it in between."""
    for start in range(index - 1, -1, -1):
        between = said[tokens[start + 1].begin : tokens[index].begin]  # the words between, end to end
        if tokens[start].surface in anchors and any(turn in between for turn in _TURNS):
            return True
    return False
