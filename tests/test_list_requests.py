"""A request for a whole list is recognised whatever it says around the list: the matters (事項・
事柄) the parties take on are the annex's 取組, and a purpose made by a suffix without a comma
(「答弁資料用にまとめて」「説明会向けに」) says what the list is for, not what it is about. Checked on
every layout, each with its own party names, in wordings of no question set."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.backdrop import purpose_spans

from .test_ordinals import layouts, loaded, several  # noqa: F401 (fixtures)

_EVERY_ROLE = [
    "{name}の役割をすべて、答弁資料用にまとめてください。",
    "説明会向けに{name}の役割を全部並べて",
    "{name}が担う役割を一覧で、勉強会用に出して",
]
_EVERY_ROW = [
    "{a}と{b}が協力して取り組むとされている事項をすべて挙げてください。",
    "連携して取り組む事柄を全部教えて",
    "広報紙用にまとめたいので、両者で取り組む事項を残らず",
]


def _has(corpus, agreement, kind):  # noqa: ANN001, ANN202
    """Whether the agreement has units of `kind` (some layouts list numbered 事項 only: no roles)."""
    return any(u.kind == kind for u in corpus.units if u.agreement_id == agreement.id)


def _names(corpus, agreement):  # noqa: ANN001, ANN202
    parties = [p for p in corpus.party_names if p.agreement_id == agreement.id]
    return [min((f for f in p.forms if f[-1] in "市町村"), key=len, default=p.name) for p in parties]


@pytest.mark.parametrize("wording", _EVERY_ROLE)
def test_every_role_of_a_party(loaded, wording):  # noqa: F811
    missed = []
    for agreement in loaded.agreements:
        if not agreement.annexes():
            continue  # articles only (sendai, tokubetsuku): no party has roles to list
        for name in _names(loaded, agreement):
            answer = ask(loaded, wording.format(name=name), agreement=agreement.id)
            if answer.status != Status.PARTY_ROLES:
                missed.append((agreement.id, name, answer.status))
    assert missed == []


@pytest.mark.parametrize("wording", _EVERY_ROW)
def test_every_initiative(loaded, wording):  # noqa: F811
    missed = []
    for agreement in loaded.agreements:
        if not agreement.annexes() or len(agreement.parties) < 2:
            continue  # articles only: no 取組 to list; one party (of many members): no 「AとB」 to ask by
        a, b = _names(loaded, agreement)[:2]
        answer = ask(loaded, wording.format(a=a, b=b), agreement=agreement.id)
        if answer.status != Status.TOGETHER:
            missed.append((agreement.id, answer.status))
    assert missed == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("議会資料用にまとめて", ["議会資料用"]),
        ("説明会向けに出して", ["説明会向け"]),
        ("公共施設の相互利用について", []),  # 利用 is one word, not a purpose
        ("費用について", []),
    ],
)
def test_purpose_spans(tokenizer, text, spans):
    assert [text[a:b] for a, b in purpose_spans(tokenizer, text)] == spans


_NAMED_WITH = [
    "「{word}」ってつく取組ってどれ？",
    "名前に「{word}」が入っている取組を全部",
    "「{word}」という言葉を含む取組の一覧",
]


def _a_word_some_names_hold(names):  # noqa: ANN001, ANN202
    """A two-character run of one 取組 name that some other names hold too, and not every one."""
    for name in names:
        for at in range(len(name) - 1):
            word = name[at : at + 2]
            held = [n for n in names if word in n]
            if 1 < len(held) < len(names) and all("\u4e00" <= ch <= "\u9fff" for ch in word):
                return word, held
    return None


@pytest.mark.parametrize("wording", _NAMED_WITH)
def test_initiatives_whose_name_holds_a_quoted_word(loaded, wording):  # noqa: F811
    """Every 取組 whose name holds the word, in the annex's order, and no other."""
    missed, asked = [], 0
    for agreement in loaded.agreements:
        rows = [u for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        found = _a_word_some_names_hold([u.initiative or "" for u in rows])
        if found is None:
            continue
        word, held = found
        asked += 1
        answer = ask(loaded, wording.format(word=word), agreement=agreement.id)
        if answer.status != Status.SECTION or [item.name for item in answer.items] != held:
            missed.append((agreement.id, word, answer.status, [item.name for item in answer.items][:3]))
    assert asked >= 1
    assert missed == []


@pytest.mark.parametrize(
    "question",
    [
        "りょうほうで いっしょに やること ぜんぶ",
        "りょうほうの まちで きょうりょくして やること ぜんぶ おしえて",  # new wording
    ],
)
def test_kana_list_requests_on_every_layout(loaded, question):  # noqa: F811
    """「りょうほう」, which Sudachi cuts into a person's name and ほう, asks for nothing but the list."""
    with_rows = [a for a in loaded.agreements if _has(loaded, a, "row")]
    missed = [a.id for a in with_rows if ask(loaded, question, agreement=a.id).status != Status.TOGETHER]
    assert missed == []


def test_a_kana_word_alone_is_still_a_topic(corpus):
    """「まもる」 between spaces, which Sudachi also calls a name, is a word the question asks about."""
    answer = ask(corpus, "むかしの たてものや ぶんかざいを まもる はなしは あるかね")
    assert answer.status == Status.NO_MATCH
