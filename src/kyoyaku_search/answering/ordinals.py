"""Places named by their order or by how they are read aloud, not by their number.

「最後の条文」「二つ目の条」「最初の取組」「3番目の分野」「協約の冒頭」「末尾」 count in each agreement's
own order, so they hold for any layout; 「だい6じょう」「Article 6」 are 第6条 typed as heard or in
English. This module only reads the wording; `structure` looks the places up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chars import HIRAGANA_LETTERS, KANJI
from ..ingest.dates import kanji_number

_FIRST_WORDS = ("一番最初", "最初", "一番初め", "一番はじめ", "一番始め", "初め", "はじめ", "始め", "先頭")
_FIRST_WORDS += ("いちばん(?:さいしょ|はじめ)", "さいしょ")
_LAST_WORDS = ("一番最後", "最後", "最終", "一番後ろ", "一番うしろ", "終わり", "おわり", "おしまい", "ラスト")
_LAST_WORDS += ("いちばん(?:さいご|うしろ)", "さいご")
_FIRST = "|".join(_FIRST_WORDS)
_LAST = "|".join(_LAST_WORDS)
# 「いちばん最後」「一番先頭」: the superlative said in kana or kanji before any of them
_MOST = r"(?:一番|いちばん)\s*"
_KANA_COUNT = {"ひと": 1, "ふた": 2, "みっ": 3, "よっ": 4, "いつ": 5, "むっ": 6, "なな": 7, "やっ": 8, "ここの": 9}
_COUNTERS = r"つ目|つめ|番目|ばんめ|個目|こめ"
_NTH = rf"(?P<n>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}|{'|'.join(_KANA_COUNT)})\s*(?:{_COUNTERS})"
# 「最後から2番目」: counted from the end
_BACK = rf"(?:最後|後ろ|うしろ|末尾)から\s*(?P<back>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*(?:{_COUNTERS})"
_ORDINAL = rf"(?:{_BACK}|(?P<first>(?:{_MOST})?(?:{_FIRST}))|(?P<last>(?:{_MOST})?(?:{_LAST}))|{_NTH})"
# A word every match of _ORDINAL holds: a counter, or a word for the first or the last.
_ORDINAL_WORDS = re.compile(
    r"つ目|つめ|番目|ばんめ|個目|こめ|最初|初め|はじめ|始め|先頭|さいしょ"
    r"|最後|最終|後ろ|うしろ|終わり|おわり|おしまい|ラスト|さいご"
)
# After a section's name 「(3)ウの3項目」 counts too.
_ORDINAL_AFTER = re.compile(rf"\s*(?:の|にある|の中の|のうち)?\s*{_ORDINAL.replace(_COUNTERS, _COUNTERS + '|項目')}")
# What is counted: articles, the annex's rows (取組), or its sections (分野, one table each).
_TARGETS = (
    ("article", r"条文|条項|じょうぶん|じょうこう|(?<![0-9０-９〇一二三四五六七八九十])条(?![約例件])|[Aa]rticle"),
    # an annex's first column under its own name: 連携項目, 具体的事項, 連携事項
    ("row", r"取組|取り組み|とりくみ|連携事業|事業|(?:連携)?項目|具体的(?:な)?事項|連携事項|行(?![うっわいけこ政])"),
    ("section", r"政策分野|分野|区分|表"),
)
# 「最後の条文」「3番目の取組」, or 「条文の最後は」「取組のうち二つ目は」 (then nothing else may follow:
# 「事業の最初の段階」 is not a row).
# 「最後に載っている取組」「最初に出てくる取組」「一番目に並んでいる事業」
_BETWEEN = f"(?:の|にある|に(?:載|書|掲|挙|出|で|並|登場|来|く)[{HIRAGANA_LETTERS}]{{1,6}})?"
_BEFORE = [(kind, re.compile(rf"{_ORDINAL}\s*{_BETWEEN}\s*(?:{target})")) for kind, target in _TARGETS]
_END = r"(?=\s*(?:は|を|が|って|とは|[?？。]|$))"
# 「取組の一覧のいちばん最後は」: counted in the list of them
# 「取組の一番最後に書かれているものは」: the order, then where it stands, then もの
_STANDING = rf"(?:\s*に(?:載|書|掲|挙|出|並|登場|来|く)[{HIRAGANA_LETTERS}]{{1,6}}\s*(?:もの|の))?"
_AFTER = [
    (kind, re.compile(rf"(?:{target})(?:の?一覧|の表)?(?:の中|のうち|で)?の?\s*{_ORDINAL}{_STANDING}{_END}"))
    for kind, target in _TARGETS
]
# 「協約の冒頭」「書き出し」 → the agreement's opening (前文); 「末尾」「最後の部分」 → its closing.
_PART = r"の(?:部分|ところ|文|文章|段落|方)|に(?:は)?(?:何|なに|書)"
# Each word for the first or the last spelled out before the part, so every alternative begins
# with a character and the regex engine skips to where a match can begin.
_OPENING = re.compile("|".join(("冒頭", "書き出し", *(f"{first}(?:{_PART})" for first in _FIRST_WORDS))))
_CLOSING = re.compile(
    "|".join(("末尾", "締めくくり", "結びの(?:部分|文)", *(f"{last}(?:{_PART})" for last in _LAST_WORDS)))
)
# 第N条 as heard (「だい6じょう」「だいろくじょう」) or in English (「Article 6」「Art. 6」).
_KANA_DIGITS = (
    ("きゅう", 9), ("いち", 1), ("しち", 7), ("なな", 7), ("よん", 4), ("さん", 3), ("はち", 8), ("ろく", 6),
    ("ご", 5), ("に", 2), ("し", 4), ("く", 9),
)  # fmt: skip
_KANA_NUMBER = f"[{HIRAGANA_LETTERS}]{{1,10}}?"
SPOKEN_DIGIT = "いち|に|さん|よん|ご|ろく|なな|しち|はち|きゅう"
SPOKEN_NUMBER = rf"(?:(?:に|さん)?じゅう(?:{SPOKEN_DIGIT})?|{SPOKEN_DIGIT})"
_READ_ARTICLE = re.compile(
    rf"(?:第|だい)\s*(?P<n>[0-9０-９]{{1,3}}|[〇一二三四五六七八九十]{{1,3}}|{_KANA_NUMBER})\s*(?:じょう|ジョウ)"
    r"|\b(?:[Aa]rticle|ART|Art\.?)\s*(?P<e>[0-9]{1,3})\b"
    # 「5じょうは」: a number in digits before じょう is an article however little else is written
    r"|(?<![0-9])(?P<d>[0-9]{1,3})\s*(?:じょう|ジョウ)(?!けん|れい|やく|ほう|ぶん|ず|たつ)"
    # 「よんじょう って」: a number in kana and じょう standing alone as one word (not 「いじょう」
    # 「しじょう」「くじょう」, whose first kana is no number said on its own, nor 「じょうほう」)
    rf"|(?:^|(?<=[\s、。の「]))(?P<k>{SPOKEN_NUMBER})じょう(?=\s|って|は|に|の|を|で|と|が|$|[?？、。」])"
)

# A word every match of _READ_ARTICLE holds: じょう or ジョウ, or the "rt"/"RT" of Article, Art, ART.
_READ_ARTICLE_WORDS = ("じょう", "ジョウ", "rt", "RT")


@dataclass(frozen=True)
class Ordinal:
    """A place by its order: what is counted (`kind`), and which one (1-based; -1 is the last)."""

    kind: str  # "article", "row", "section", or "opening" / "closing" of the agreement
    nth: int  # 1-based; -1 the last, -2 the one before it
    matched: str
    counts: bool = False  # asked how many there are (「何条まである」): the last one, and the count


# 「協約は何条まである」「条文はいくつ」: how many articles there are — the last one says it.
_HOW_MANY_ARTICLES = re.compile(
    r"何条\s*まで|何条\s*(?:ある|あり|から|で(?:構成|成)|に分かれ)|何[かヶカケ箇]条|条文(?:は|が)?(?:いくつ|幾つ|何個|全部で)|条文の数"
    r"|(?:全部|全体|合計)で?\s*何条(?!目)"  # 「全部で何条」
)


# 「その中で3番目は」「そのうち最後の取組」「2番目は？」: an order alone, or after 「その」, counts in the
# list the turn before gave.
# 「3つ目を詳しく」「2番目をもっと詳しく教えて」「そのうち4つ目の中身は」「2番目の乙の役割」: how much of
# it, its contents or a party's cell, asked of that place all the same.
_IN_THAT = re.compile(
    rf"^\s*(?P<that>その(?:中|なか|うち)?(?:で|の|から)?|そのうち|うち)?\s*{_ORDINAL}\s*{_BETWEEN}\s*"
    r"(?:取組|取り組み|項目|事業|もの|やつ|役割|行)?\s*(?:の\s*(?:中身|内容|詳細|全文))?\s*"
    # 「2番目の乙の役割」「3つ目の札幌市の担当」: a party's cell of it (the party narrows the answer)
    r"(?:の?\s*[^\s、。のは]{1,12}の\s*(?:役割|役目|担当|受け持ち))?\s*(?:は|を|って)?\s*"
    r"(?:何|なに|どれ)?\s*(?:もっと|もう少し|もうすこし)?\s*(?:詳しく|くわしく|詳細に)?\s*"
    r"(?:ですか|か|を?(?:教えて|見せて|知りたい))?\s*[?？。]?\s*$"
)


# 「二つ目の空港」「3番目の大学を作るの」: an order from the second on, before a thing that is no place
# of the agreement (its articles, rows, sections, roles, parties), asks about another such thing.
_NTH_OF = re.compile(rf"{_NTH}\s*の\s*")
_PLACE_WORDS = re.compile(
    "|".join(target for _, target in _TARGETS) + f"|役割|当事者|質問|段落|[甲乙丙市町村問文](?![{KANJI}])"
)


def another_of(folded: str) -> list[tuple[int, str]]:
    """(where the thing starts, the order's words) for each 「二つ目の…」 counting a thing that is no
    place of the agreement: a second airport is not the airport the agreement names."""
    if "目" not in folded and "め" not in folded:
        return []  # every counter (_COUNTERS) holds one: most questions count nothing
    found = []
    for match in _NTH_OF.finditer(folded):
        nth = _KANA_COUNT.get(match["n"]) or kanji_number(match["n"])
        if nth is not None and nth >= 2 and not _PLACE_WORDS.match(folded, match.end()):
            found.append((match.end(), match.group(0)))
    return found


def nth_in_list(folded: str) -> int | None:
    """The place 「その中で3番目は」「そのうち最後の取組」「2番目は？」 count in the list before; None when
    the question says more than an order (or, with 「その」 absent, names what it counts)."""
    match = _IN_THAT.match(folded)
    return which(match) if match else None


def find_nested(folded: str) -> tuple[int, int, str] | None:
    """(which section, which row in it, the words) for 「2番目の分野の最後の取組」「最初の表の3つ目」:
    a section counted, then a row counted inside it; None when the question counts no such pair."""
    if _ORDINAL_WORDS.search(folded) is None:  # the section's order holds one (see find_ordinal)
        return None
    match = dict(_BEFORE)["section"].search(folded)
    section = which(match) if match else None
    if section is None:
        return None
    row = _ORDINAL_AFTER.match(folded, match.end())
    nth = which(row) if row else None
    return (section, nth, folded[match.start() : row.end()]) if nth is not None else None


def find_ordinal(folded: str) -> Ordinal | None:
    """The place `folded` (NFKC) names by its order, if it names one."""
    if (count := _HOW_MANY_ARTICLES.search(folded)) is not None:
        return Ordinal("article", -1, count.group(0), counts=True)
    # Every pattern of _BEFORE and _AFTER holds an _ORDINAL, which holds one of these words: one
    # search tells most questions from the six.
    if _ORDINAL_WORDS.search(folded) is None:
        return _part(folded)
    for kind, pattern in (*_BEFORE, *_AFTER):
        match = pattern.search(folded)
        if match is not None:
            nth = which(match)
            if nth is not None:
                return Ordinal(kind, nth, match.group(0))
    return _part(folded)


def _part(folded: str) -> Ordinal | None:
    """The agreement's opening or closing (「冒頭」「末尾」)."""
    for kind, pattern in (("opening", _OPENING), ("closing", _CLOSING)):
        match = pattern.search(folded)
        if match is not None:
            return Ordinal(kind, 1 if kind == "opening" else -1, match.group(0))
    return None


def which(match: re.Match[str]) -> int | None:
    """1-based place a match of `_ORDINAL` names, -1 for the last; None when it is no number."""
    if match["back"]:
        back = kanji_number(match["back"])
        return -back if back else None
    if match["first"]:
        return 1
    if match["last"]:
        return -1
    word = match["n"]
    return _KANA_COUNT.get(word) or kanji_number(word)


# 「生活機能の強化の中で3番目の取組」「…の強化の2つ目」: an order right after a name (a section's
# title), counting rows; what the name is, `titles` decides. Not 「…の最初に」「…の2番目の条文」.
_ROW_TARGET = dict(_TARGETS)["row"]
# 「…のけん引の取組のうち最後のもの」: the rows named before the order; 「最初に載っている取組」 as in _BETWEEN
_ROWS_NAMED = rf"(?:の\s*(?:{_ROW_TARGET}))?"
_AFTER_NAME = re.compile(
    rf"{_ROWS_NAMED}\s*(?:の中で|の中の|の中から|のなかで|のうち|の|で|にある)\s*{_ORDINAL}\s*{_BETWEEN}\s*"
    rf"(?:(?P<target>{_ROW_TARGET}|もの|やつ)|(?=は|を|が|って|とは|[?？。]|$))"
)


def ordinals_after_names(folded: str) -> list[tuple[int, int, str]]:
    """(where the name before it ends, 1-based place or -1 for the last, the words) for each order
    in `folded` that follows a name and counts rows (「…の最後の取組」「…の2つ目」)."""
    if _ORDINAL_WORDS.search(folded) is None:  # every order holds one (see find_ordinal)
        return []
    found = []
    for match in _AFTER_NAME.finditer(folded):
        nth = which(match)
        if nth is not None and match.start() > 0:
            found.append((match.start(), nth, match.group(0)))
    return found


def ordinal_after(text: str) -> int | None:
    """「の4番目」「の最後の取組」 right at the start of `text` (after a section's name)."""
    match = _ORDINAL_AFTER.match(text)
    return which(match) if match else None


def read_article(folded: str) -> tuple[int, str] | None:
    """(N, the words) for 第N条 written as heard (「だい6じょう」「だいろくじょう」) or in English."""
    if not any(word in folded for word in _READ_ARTICLE_WORDS):  # most questions: no place to try at every character
        return None
    for match in _READ_ARTICLE.finditer(folded):
        digits = match["e"] or match["d"]
        kana = match["n"] or match["k"]
        number = int(digits) if digits else kanji_number(kana) or kana_number(kana)
        if number:
            return number, match.group(0)
    return None


def kana_number(text: str) -> int | None:
    """「ろく」 → 6, 「じゅうに」 → 12, 「にじゅういち」 → 21; None when it is not a number up to 99."""
    tens, sep, ones = text.partition("じゅう")
    if not sep:
        return _kana_digit(text)
    ten = _kana_digit(tens) if tens else 1
    one = _kana_digit(ones) if ones else 0
    return None if ten is None or one is None else ten * 10 + one


def _kana_digit(text: str) -> int | None:
    return next((value for word, value in _KANA_DIGITS if word == text), None)


# 「次の条文は」「その前の条」「次の取組」: next to the place the turn before answered with.
# 「その条文の次は」「次は？」: the same kind of place as the one before (not 「次は札幌市の役割を」).
_RELATIVE = re.compile(
    r"(?:(?P<next>次|つぎ)|(?P<prev>前|まえ|一つ前|ひとつ前))"
    r"(?:の(?:(?P<article>条文|条項|条)|(?P<row>取組|取り組み|事業|項目))|(?=\s*(?:は|を|って)?\s*(?:[?？。]|$)))"
)


# 「前条」「次条」「同条」「前項」 as the agreement itself writes them: relative to the article quoted
# before (第4条's 「前条の取組」 is 第3条); a 項 stays in its article, which is quoted whole.
_LEGAL_RELATIVE = re.compile(r"(?P<which>前|次|同|本)(?P<what>条|項)(?!例|約|件|文|目|理)")
_LEGAL_STEP = {"前": -1, "次": 1, "同": 0, "本": 0}


def legal_step(folded: str) -> tuple[int, str] | None:
    """(articles to step, the words) for 「前条」 (-1), 「次条」 (+1), 「同条」「前項」 (0)."""
    match = _LEGAL_RELATIVE.search(folded)
    if match is None:
        return None
    step = _LEGAL_STEP[match["which"]] if match["what"] == "条" else 0
    return step, match.group(0)


def relative_step(folded: str) -> tuple[str | None, int] | None:
    """(what is counted, +1 or -1) for 「次の条文」「前の取組」, or (None, ±1) for 「次は」 (the kind
    of the place before); None when the question says neither."""
    match = _RELATIVE.search(folded)
    if match is None:
        return None
    kind = "article" if match["article"] else "row" if match["row"] else None
    return kind, (1 if match["next"] else -1)
