"""Municipalities a question names that are not parties (「江別市の役割は」「えべつしは」), and the
place names that are no municipality asked about: a route or station (「函館線」), a place said only
as where someone comes from beside a named party (「東京から戻る人」)."""

from __future__ import annotations

import re

from ..chars import HIRAGANA, HIRAGANA_LETTERS
from ..search.corpus import Corpus
from ..search.names import MUNICIPAL_SUFFIXES, local_name
from ..search.tokenizer import Token, to_katakana
from .parties import MASK

# A name in kana where a municipality asked about as a party stands: at the start of the question or
# of a clause, or after the particle ending the topic before it (「…の確保で」「…について」「医療は」).
_KANA_NAME = re.compile(
    rf"(?:^|(?<=[、。,\s])|(?<=について)|(?<=[^{HIRAGANA_LETTERS}][でにはがとも]))"
    rf"(?P<name>[{HIRAGANA_LETTERS}]{{2,8}}(?:し|ちょう|まち|むら|そん))(?=[はのがでもと]|って)"
)
# 「わたしのまちは」「おおきなまちの」: the word まち (town) said of one's own, not a name ending in it
_OWN_TOWN_BEFORE = ("連体詞", "形容詞")


def outsiders(corpus: Corpus, tokens: list[Token], party_named: bool = False) -> tuple[str, ...]:
    """Place names that are neither a party nor a place the agreements mention (丘珠, さっぽろ),
    and names written in kana that Sudachi ends with the suffix 市・町・村 (「えべつしの役割」).

    When the question names a party, a place only said to be where someone comes from or where
    something is (「東京から戻る人」「東区にある飛行場」) is scenery, not a municipality asked about."""
    known_forms = corpus.names.known_forms
    # a prefecture before a masked name is that party's only when parties are municipalities, not
    # bodies (「大阪府町村会」 beside a party 京都府町村会)
    municipal = corpus.memo.get(("municipal parties",), lambda: _municipal(corpus))
    named = [
        t.surface
        for index, t in enumerate(tokens)
        if t.pos[1] == "固有名詞"  # what _place_name asks first: most words are no proper noun
        and _place_name(corpus, tokens, index)
        and not _names_a_route(tokens, index)
        and not _before_a_place(tokens, index, municipal)
        and t.pos[3] != "国"
        and t.surface not in known_forms
        and local_name(t.surface) not in known_forms  # 「北海道深川市」: a party with its prefecture
        and (t.surface not in corpus.text_blob or _asked_as_a_party(tokens, index))
        and not short_kana(t.surface)  # 「むすんだ ひは いつ」: Sudachi's 地名 「ひは」
        and not _inside_kana(tokens, index)  # 「こうとうきょういく」: とうきょう of 高等教育
    ]
    if party_named and named:
        # a place said once as scenery and once otherwise (「…から来た人で、江別市の役割」) is asked about
        asked = {t.surface for i, t in enumerate(tokens) if t.surface in named and not _is_scenery(tokens, i)}
        named = [name for name in named if name in asked]
    kana = [name for name in _kana_municipalities(tokens) if not _read_as_words(corpus, name)]
    found = list(dict.fromkeys([*named, *kana]))
    return tuple(name for name in found if not any(name != other and name in other for other in found))


def _municipal(corpus: Corpus) -> bool:
    """Whether some party is a municipality (市・町・村 …), not a body: read once per corpus."""
    return any(p.name.endswith(MUNICIPAL_SUFFIXES) for p in corpus.party_names)


# What follows a municipality asked about as a party would be: what it does, bears or is
_AS_A_PARTY = re.compile(r"(?:は|が|も|って|として|の(?:役割|負担|分担|費用|仕事|責務|担当|受け持ち|役目))")


def _asked_as_a_party(tokens: list[Token], index: int) -> bool:
    """A municipality by its full name (「尾道市」) that the agreement names only among others (the
    圏域's members), asked about as a party is (「尾道市の役割分担は」「府中市は…負担する」): not a
    party all the same. A place merely named (「岩美町の病院」) is the agreement's own word."""
    token = tokens[index]
    if not token.surface.endswith(("市", "町", "村")) or len(token.surface) < 3:
        return False
    after = "".join(t.surface for t in tokens[index + 1 : index + 4])
    return _AS_A_PARTY.match(after) is not None


def _place_name(corpus: Corpus, tokens: list[Token], index: int) -> bool:
    """A place name, or a surname or other proper noun the dictionary also knows as a place
    (「松川は…何をする」「三笠の役割」: Sudachi reads a bare town name by its context) not said of
    a person (「松川さん」: a suffix after it)."""
    token = tokens[index]
    if token.pos[1:3] == ("固有名詞", "地名"):
        return True
    if token.pos[1:4] != ("固有名詞", "人名", "姓") and token.pos[1:3] != ("固有名詞", "一般"):
        return False
    if token.surface.isascii():
        return False  # 「Sapporo city」: a party in letters, read elsewhere
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if after is not None and after.begin == token.end and after.pos[0] == "接尾辞":
        return False
    return corpus.tokenizer.may_name_a_place(token.surface)


# A prefecture or 郡 said before the municipality it holds (「北海道深川市」「雨竜郡秩父別町」)
_REGION_ENDINGS = ("郡", "県", "府")
_REGIONS = ("北海道", "東京都")


def _before_a_place(tokens: list[Token], index: int, municipal: bool) -> bool:
    """Whether the place at `index` is the prefecture or 郡 of the place right after it (a party's
    name is masked by then): that place is the municipality asked about, not the region."""
    token = tokens[index]
    if not (token.surface.endswith(_REGION_ENDINGS) or token.surface in _REGIONS):
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        after is not None
        and after.begin == token.end
        and (after.pos[1:3] == ("固有名詞", "地名") or (municipal and after.surface == MASK))
    )


def _read_as_words(corpus: Corpus, name: str) -> bool:
    """Whether the kana are the agreement's words spelled out, to the last kana (「ごうどうじっし」 is
    合同・実施, its し that of 実施): no municipality's name."""
    words = corpus.spelling.spelled(name)
    said = "".join(corpus.tokenizer.reading_of_word(word) for word in words)
    return bool(words) and said == to_katakana(name)


# What follows a place said only as where someone comes from, lives, or where a thing stands.
_SCENERY_AFTER = ("から", "にある", "にいる", "に住", "出身", "在住", "生まれ", "育ち", "まで", "へ")


def _is_scenery(tokens: list[Token], index: int) -> bool:
    after = "".join(t.surface for t in tokens[index + 1 : index + 3])
    return after.startswith(_SCENERY_AFTER)


# 「函館線」「岩見沢駅」「苫小牧港」: a place name with the suffix of a route, station or port
_ROUTE_SUFFIXES = frozenset("線駅港")


def _names_a_route(tokens: list[Token], index: int) -> bool:
    """Whether the place name at `index` names a railway, station or port rather than a municipality:
    a route suffix after it, or a line's operator before it (「JR函館線」「JR函館」)."""
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    before = tokens[index - 1] if index > 0 else None
    if after is not None and after.begin == tokens[index].end and after.surface in _ROUTE_SUFFIXES:
        return True
    return (
        before is not None
        and before.end == tokens[index].begin
        and before.pos[1] == "固有名詞"
        and before.surface.isascii()
    )


def _inside_kana(tokens: list[Token], index: int) -> bool:
    """A name in hiragana glued to the hiragana of a word before it, no particle between
    (「こうとうきょういくきかん」 read as こう・とうきょう・いく): a piece of a longer word typed in kana."""
    token = tokens[index]
    before = tokens[index - 1] if index > 0 else None
    return (
        before is not None
        and before.end == token.begin
        and before.pos[0] != "助詞"
        and HIRAGANA.issuperset(token.surface)
        and HIRAGANA.issuperset(before.surface)
    )


def short_kana(surface: str) -> bool:
    """Two kana or fewer: what Sudachi takes for a proper noun there (「ひは」) is a misreading."""
    return len(surface) <= 2 and all(ch in HIRAGANA for ch in surface)


def _kana_municipalities(tokens: list[Token]) -> list[str]:
    """A name in hiragana at the start of the question or of a clause, or after the topic's particle,
    ended by し・ちょう・まち・むら・そん (市町村) and a particle, that Sudachi cannot read as one
    word: it cuts it, or cuts through it (「えべつしの」「…の確保であさひかわしが」「たかもりまちは」),
    where 「ふくしの」 is 福祉 and 「わたしのまちは」 one's own town. A party's kana name is masked
    before this runs, so what is left is not a party."""
    matches = list(_KANA_NAME.finditer("".join(t.surface for t in tokens)))
    if not matches:
        return []  # most questions: no word offsets to look up
    starts = [(t.begin - tokens[0].begin, t) for t in tokens]
    found = []
    for match in matches:
        inside = [t for at, t in starts if at < match.end("name") and at + len(t.surface) > match.start()]
        if len(inside) < 2 or (len(inside) == 2 and inside[0].pos[0] == "助詞"):
            continue  # one word (「わたしは」), or a particle before one (「、、のふくしの」 after a masked party)
        if len(inside) == 2 and inside[0].pos[0] == "代名詞":
            continue  # 「なにしの」「どこしは」: which city, asked
        last, before = inside[-1], inside[-2]
        if last.surface in ("まち", "ちょう", "むら") and (before.surface == "の" or before.pos[0] in _OWN_TOWN_BEFORE):
            continue  # 「わたしのまち」「おおきなまち」: a town described, not named
        found.append(match["name"])
    return found
