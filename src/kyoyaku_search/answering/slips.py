"""A party's name typed with a slip: a missing or extra dakuten (「いわみさわ」 for いわみざわ), one
kana wrong (「いわみさわ」, 「さっぼろ」), or an IME that left the last keys in romaji (「さっぽrp」).

Built from each agreement's own party readings, never a list of places: a slip is read as a
party only when exactly one party's reading is that close and the kana are no word of the corpus.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

from ..chars import HIRAGANA, KANA_LETTERS, KANJI
from ..search.names import PartyName
from ..search.tokenizer import to_katakana

# A kana name as typed: at the start of the question or after something that is not kana.
_KANA_RUN = re.compile(f"(?<![{KANA_LETTERS}])[{KANA_LETTERS}]{{3,}}")
# Kana, then one to three Latin letters the IME did not convert, then no more letters.
_ROMAJI_TAIL = re.compile(f"(?<![{KANA_LETTERS}a-z])(?P<kana>[{KANA_LETTERS}]{{2,}})(?P<latin>[a-z]{{1,3}})(?![a-z])")
# What may follow a name: a particle, the municipal suffix in kana or kanji, or nothing.
_AFTER = re.compile(
    f"$|[^{KANA_LETTERS}]|(?:シ|チョウ|マチ|ムラ)?(?:ハ|ノ|ガ|デ|モ|ト|ッテ|ニ|ヘ|ヲ|$|[^{KANA_LETTERS}])"
)
_SMALL = str.maketrans("ァィゥェォッャュョヮ", "アイウエオツヤユヨワ")
# The romaji a kana starts with, by the row of its base (unvoiced) form.
_ROWS = {
    "": "アイウエオ",
    "k": "カキクケコ",
    "s": "サシスセソ",
    "t": "タチツテト",
    "n": "ナニヌネノン",
    "h": "ハヒフヘホ",
    "m": "マミムメモ",
    "y": "ヤユヨ",
    "r": "ラリルレロ",
    "w": "ワヲ",
}
_VOICED = {"k": "g", "s": "z", "t": "d", "h": "b"}
MIN_SLIP = 4  # a reading shorter than this, one kana off, is too many words (「サカイ」「ミハラ」)


def base_kana(kana: str) -> str:
    """Kana without dakuten or handakuten and with small kana full size: ザ → サ, ッ → ツ."""
    if _KANA_ONLY.fullmatch(kana):  # kana alone (every name and window here): one table, char by char
        return kana.translate(_KANA_BASES)
    return _base_kana(kana)


def _base_kana(kana: str) -> str:
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", kana) if ch not in "\u3099\u309a")
    return unicodedata.normalize("NFC", stripped).translate(_SMALL)


# Kana change one by one under _base_kana (no mark is left to join two), so a table of each does
# the same as the two normalisations.
_KANA_ONLY = re.compile(f"[{KANA_LETTERS}]*")
_KANA_BASES = {
    ord(ch): _base_kana(ch)
    for ch in map(chr, [*range(ord("ぁ"), ord("ゖ") + 1), *range(ord("ァ"), ord("ヺ") + 1)])
    if _base_kana(ch) != ch
}


def slip_readings(parties: Sequence[PartyName]) -> tuple[tuple[str, PartyName, str], ...]:
    """(reading, party, its base kana) of each party reading long enough to be typed with a slip,
    in the parties' order: what `slipped_names` compares a question's kana with, made once a corpus."""
    return tuple((r, p, base_kana(r)) for p in parties for r in p.readings if len(r) >= MIN_SLIP - 1)


def slipped_names(
    text: str, readings: Sequence[tuple[str, PartyName, str]], is_word: Callable[[str], bool]
) -> Iterator[tuple[int, int, PartyName]]:
    """(start, end, party) for each party name in `text` typed with a slip; `readings` are the
    parties' (`slip_readings`); `is_word(kana)` says the corpus reads those kana as a word of its
    own (then they are that word, not a slip)."""
    taken: set[int] = set()
    for match in _ROMAJI_TAIL.finditer(text):
        found = _romaji_party(to_katakana(match["kana"]), match["latin"], readings)
        if found:
            taken.update(range(match.start(), match.end()))
            yield from ((match.start(), match.end(), party) for party in found)
    longest_first: list[tuple[str, PartyName, str]] = []  # made once, at the first kana run
    for match in _KANA_RUN.finditer(text):
        if match.start() in taken:
            continue
        if not longest_first:
            longest_first = sorted(readings, key=lambda reading: -len(reading[0]))
        found = _kana_party(to_katakana(match.group(0)), longest_first, is_word)
        if found is not None:
            length, named = found
            yield from ((match.start(), match.start() + length, party) for party in named)


def _kana_party(
    kana: str, readings: list[tuple[str, PartyName, str]], is_word: Callable[[str], bool]
) -> tuple[int, list[PartyName]] | None:
    """The one name whose reading the run starts with, one slip away, and where it ends (one name
    may be a party of several agreements). `readings`: (reading, party, its base kana), longest first."""
    hits: dict[str, tuple[int, list[PartyName]]] = {}
    first = base_kana(kana[:1])  # a slip keeps a name's first kana (up to its dakuten): most readings end here
    for reading, party, base in readings:
        if base[:1] != first:
            continue
        window = kana[: len(reading)]
        if len(window) < len(reading) or window == reading or not _AFTER.match(kana, len(reading)):
            continue
        if is_word(window):
            continue
        if base_kana(window) == base or (len(reading) >= MIN_SLIP and _one_off(window, reading)):
            hit = hits.setdefault(party.name, (len(reading), []))
            if hit[0] == len(reading) and party not in hit[1]:
                hit[1].append(party)
    return next(iter(hits.values())) if len(hits) == 1 else None


def _one_off(window: str, reading: str) -> bool:
    """One kana differs, and not the first (a name is recognised by its start)."""
    diffs = [i for i, (a, b) in enumerate(zip(window, reading, strict=True)) if a != b]
    return len(diffs) == 1 and diffs[0] > 0


def _romaji_party(kana: str, latin: str, readings: Sequence[tuple[str, PartyName, str]]) -> list[PartyName]:
    """「サッポ」 + 「rp」: the one party whose reading begins with the kana and goes on with a kana
    whose romaji begins with the first letter typed (ロ, r), no longer than what was typed."""
    hits = [
        party
        for reading, party, _ in readings
        if reading.startswith(kana)
        and 1 <= len(reading) - len(kana) <= len(latin)
        and romaji_initial(reading[len(kana)]) == latin[0]
    ]
    named = list(dict.fromkeys(hits))
    return named if len({p.name for p in named}) == 1 else []


def romaji_initial(kana: str) -> str:
    """The first letter of a kana's romaji: ロ → r, ザ → z, ア → a (a vowel is itself)."""
    base = base_kana(kana)
    voiced = base != kana.translate(_SMALL)
    for row, chars in _ROWS.items():
        if base in chars:
            if not row:
                return "aiueo"[chars.index(base)]
            if voiced:
                return "p" if "\u309a" in unicodedata.normalize("NFD", kana) else _VOICED.get(row, row)
            return row
    return ""


# A name as an input method may convert it wrongly: two to four kanji (or kana) and the suffix,
# not inside a longer run of kanji (「鶴多町」「加藤市」「稲部市」「東因町」).
_CONVERTED = re.compile(f"(?<![{KANJI}])(?P<stem>[{KANJI}{HIRAGANA}]{{2,4}}?)(?P<kind>[市町村])(?![{KANJI}])")


def misconverted_names(
    text: str, parties: Sequence[PartyName], reading: Callable[[str], str], is_place: Callable[[str], bool]
) -> Iterator[tuple[int, int, PartyName]]:
    """(start, end, party) for each party name in `text` converted to the wrong kanji: of the same
    kind (市・町・村) and read the same (「鶴多町」 for 鶴田町, 「稲部市」 for いなべ市, 「加藤市」 for
    加東市), or one kanji off where the written name is no place (「東因町」「副山市」): a place of that
    name (「新城市」 beside 新庄市) is another municipality. Only where exactly one party fits."""
    for match in _CONVERTED.finditer(text):
        stem, kind, written = match["stem"], match["kind"], match.group(0)
        place = functools.cache(lambda written=written: is_place(written))  # a Sudachi pass, when it matters
        fits = {
            party.name: party
            for party in parties
            for form in party.forms
            if form.endswith(kind) and _same_name(stem, form[:-1], reading, place)
        }
        if len(fits) == 1:
            yield match.start(), match.end(), next(iter(fits.values()))


def _same_name(stem: str, own: str, reading: Callable[[str], str], is_place: Callable[[], bool]) -> bool:
    if stem == own or len(own) < 2:
        return False
    if reading(stem) == reading(own):
        return True
    odd = [i for i, (a, b) in enumerate(zip(stem, own, strict=False)) if a != b]
    return len(stem) == len(own) and len(odd) == 1 and all(ch in KANJI for ch in stem) and not is_place()
