"""A party's name typed with a slip still names that party, for every party of every layout: one
dakuten missing or added, one kana wrong, the IME's last keys left in romaji; and a name ending
in 市 that is no party, typed in kana, is an outsider, never one party's cell."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.question import understand
from kyoyaku_search.answering.slips import base_kana, romaji_initial
from kyoyaku_search.search.names import short_name
from kyoyaku_search.search.tokenizer import to_katakana

from .test_ordinals import layouts  # noqa: F401 (a fixture)

_HIRAGANA = {code + 0x60: code for code in range(0x3041, 0x3097)}
_VOICE = str.maketrans("カキクケコサシスセソタチツテトハヒフヘホ", "ガギグゲゴザジズゼゾダヂヅデドバビブベボ")
# Keys beside a vowel on a QWERTY keyboard: what a finger slips to.
_NEIGHBOUR = {"a": "s", "i": "o", "u": "i", "e": "r", "o": "p"}
_ROMAJI_VOWEL = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ",
        "aiueo" * 7 + "auo" + "aiueo" + "a",
        strict=True,
    )
)


def dakuten_slip(reading: str) -> str | None:
    """The reading with its first voiced kana unvoiced, else its last voicable kana voiced."""
    for i, ch in enumerate(reading):
        if base_kana(ch) != ch and ch not in "ァィゥェォッャュョヮ":
            return reading[:i] + base_kana(ch) + reading[i + 1 :]
    for i in range(len(reading) - 1, 0, -1):
        if reading[i].translate(_VOICE) != reading[i]:
            return reading[:i] + reading[i].translate(_VOICE) + reading[i + 1 :]
    return None


def _near(typed: str, other: str) -> bool:
    """`typed` begins with kana one off `other` (イイタデ: 飯田's イイダ and で), or begins `other` (イイタ of
    飯舘's イイタテ, typed before 「の」)."""
    head = typed[: len(other)]
    one_off = len(head) == len(other) and sum(a != b for a, b in zip(head, other, strict=True)) == 1
    return one_off or (len(typed) >= 3 and other.startswith(typed))


def kana_slip(reading: str) -> str | None:
    """One kana after the first swapped for its neighbour in the same row (ア → イ)."""
    if len(reading) < 4:
        return None
    i = len(reading) - 1 if reading[-1] not in "ンー" else len(reading) - 2
    ch = reading[i]
    row = "アイウエオカキクケコサシスセソタチツテトナニヌネノマミムメモラリルレロ"
    if ch not in row:
        return None
    return reading[:i] + row[row.index(ch) // 5 * 5 + (row.index(ch) + 1) % 5] + reading[i + 1 :]


def romaji_slip(reading: str) -> str | None:
    """The last kana left as romaji, its vowel key slipped to the next one (ロ → rp)."""
    last = reading[-1]
    if last not in _ROMAJI_VOWEL or not romaji_initial(last):
        return None
    vowel = _ROMAJI_VOWEL[last]
    return reading[:-1].translate(_HIRAGANA) + romaji_initial(last) + _NEIGHBOUR[vowel]


def _cases(corpus):  # noqa: ANN001, ANN202
    for agreement in corpus.agreements:
        for party in agreement.parties:
            if "、" in party.name:
                continue  # a party of many members (後志の連携町村) is typed by a member's name, not its list
            reading = corpus.tokenizer.reading(short_name(party.name.split("郡")[-1].split("県")[-1]))
            yield agreement, party, reading


@pytest.mark.parametrize("slip", [dakuten_slip, kana_slip, romaji_slip])
def test_a_party_typed_with_a_slip_names_that_party(layouts, slip):  # noqa: F811
    checked = 0
    readings = {reading for _, _, reading in _cases(layouts)}
    for agreement, party, reading in _cases(layouts):
        slipped = slip(reading)
        if slipped is None or len(reading) < 3 or (slip is kana_slip and len(reading) < 4):
            continue
        katakana = slipped.translate({hira: kata for kata, hira in _HIRAGANA.items()})
        if any(other != reading and len(other) >= 3 and other in katakana for other in readings):
            continue  # the slip writes another party's name whole: ヤマガタ → ヤマガチ holds 山鹿 (ヤマガ)
        if any(other != reading and _near(katakana, other) for other in readings):
            continue  # as near another party's name: トウイン → トウウン is 東温 (トウオン) one off too
        typed = slipped.translate(_HIRAGANA) if slip is not romaji_slip else slipped
        question = understand(layouts, f"{typed}の役割")
        named = {(p.agreement_id, p.label) for p in question.parties}
        assert (agreement.id, party.label) in named, (party.name, typed)
        assert {p.name for p in question.parties} == {party.name}, (party.name, typed)
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("いわみさわ市の地域医療での役割", "乙"),
        ("いわみさわしは観光で何をするの", "乙"),
        ("さっぽrpの地産地消の役割", "甲"),
        ("さっぼろの役割は", "甲"),
    ],
)
def test_the_seed_slips_answer_that_partys_cell(corpus, question, label):
    answer = ask(corpus, question)
    assert answer.status in (Status.ANSWERED, Status.PARTY_ROLES)
    assert answer.hits[0].unit.party_label == label


@pytest.mark.parametrize("question", ["びばいしは ちさんちしょうで なにするの", "えべつしの役割"])
def test_a_kana_municipality_that_is_no_party_is_said_to_be_none(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == Status.NOT_PARTY


# Municipalities that are no party of the seed, as a resident types them in kana.
_OTHERS = (
    "ちとせ",
    "えべつ",
    "おたる",
    "とまこまい",
    "びばい",
    "ゆうばり",
    "いしかり",
    "なよろ",
    "あさひかわ",
    "えにわ",
)


@pytest.mark.parametrize("name", _OTHERS)
@pytest.mark.parametrize(
    "template", ["{name}しは 観光で 何するの", "{name}しの 地域医療での役割", "{name}し 災害の役割"]
)
def test_a_kana_municipality_never_leaves_one_partys_cell_first(corpus, name, template):
    answer = ask(corpus, template.format(name=name))
    if answer.status in (Status.NOT_PARTY, Status.NO_MATCH, Status.BOTH_PARTIES):
        return
    assert answer.hits[0].unit.kind != "role", answer.hits[0].unit.id


def test_the_answer_says_how_a_slipped_name_was_read(corpus):
    answer = ask(corpus, "いわみさわ市の地域医療での役割")
    assert "「いわみさわ市」を「岩見沢市」と読んで検索しました。" in answer.notes


def _words_read_with_a_last_shi(corpus, agreement_id):  # noqa: ANN001, ANN202
    """The kanji compounds of the agreement's rows read to a last し (実施 じっし, 福祉 ふくし), in hiragana."""
    hiragana = {to_katakana(chr(c)): chr(c) for c in range(ord("ぁ"), ord("ゖ") + 1)}
    found = {}
    for unit in corpus.units:
        if unit.agreement_id != agreement_id or unit.kind != "row":
            continue
        for token in corpus.tokenizer.tokens(unit.text):
            kana = "".join(hiragana.get(ch, "") for ch in token.reading)
            if token.pos[0] == "名詞" and len(kana) >= 3 and kana.endswith("し") and len(kana) == len(token.reading):
                found[kana] = token.surface
    return found


def test_the_agreements_words_spelled_to_a_last_shi_name_no_municipality(layouts):  # noqa: F811
    """「ごうどうじっしで」「ふくしで」: the agreement's own words in kana, not a municipality 「…し」."""
    wrong, asked = [], 0
    for agreement in layouts.agreements:
        party = [p for p in layouts.party_names if p.agreement_id == agreement.id][0]
        for kana, word in _words_read_with_a_last_shi(layouts, agreement.id).items():
            asked += 1
            answer = ask(layouts, f"{party.name}は {kana}で なにをするの", agreement=agreement.id)
            if answer.status == Status.NOT_PARTY:
                wrong.append((agreement.id, word, kana))
    assert asked >= 5
    assert wrong == []
