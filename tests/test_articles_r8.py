"""Article, meta, structural and conversation questions as people ask them (issue 10, round 8).

An own batch written before the round's rules, in words of my own (18/27 first before, 25/27
after; two left in LEFT), and the shapes it stands for checked in every layout: a section named
with its own title before an ordinal (「別表(3)ア 生活機能の強化の最後の取組」), 「いつまで有効」 as
a question of how long, not of when it starts, and a change without the council (「議会を通さずに」).
"""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask

from .test_ordinals import layouts  # noqa: F401 (a fixture)

SEED = "sapporo-iwamizawa-2019/"

FOUND = [
    ("費用の持ち分はどう決まっているの", ("art-4",)),
    ("事業費の按分ルールは", ("art-4",)),  # Sudachi writes 按分 as 案分
    ("経費の割り振りはどう決める", ("art-4",)),
    ("お金の出し方の取り決めはある？", ("art-4",)),
    ("協約を終わらせるにはどうする", ("art-6",)),  # 終わら+せる, split by Sudachi
    ("協約を打ち切ることはできるの", ("art-6",)),
    ("協約をなくすときの手続きは", ("art-6",)),
    ("議会を通さずに協約を変えられるか", ("art-6",)),  # 議会を通す: the council's vote
    ("議会の承認なしで廃止できる？", ("art-6",)),
    ("片方の市だけで協約を変えられる？", ("art-6",)),  # 片方: one of the parties, as such
    ("一方的に協約をやめられるの", ("art-6",)),
    ("この協約って何のためにあるの", ("art-1",)),
    ("協約をつくった理由は", ("art-1",)),
    ("協約の目的をひとことで", ("art-1",)),  # ひとことで: in what form, not a topic
    ("この協約の法的な根拠は", ("preamble",)),
    ("どの法律にもとづく協約なの", ("preamble",)),
    ("甲ってどこの市？", ("preamble", "signature")),
    ("こうは どこの しのこと", ("preamble", "signature")),
    ("両市はどれくらい集まって話し合うの", ("art-5",)),
    ("いつから効力があるの", ("supplementary",)),
    ("別表の最初の取組は", ("row-1-1",)),
    ("別表(3)ア の最後の取組は", ("row-3a-5",)),
    ("第5条には何が書いてある", ("art-5",)),
    ("費用分担の条文を見せて", ("art-4",)),
    ("協約を変更する場合の手続きはどの条", ("art-6",)),
    ("この協約を終わらせたいときはどうすればいいの？", ("art-6",)),
    ("札幌市だけで勝手に約束の中身を変えたりできるの？", ("art-6",)),  # 約束の中身: the agreement
    ("この協約って結局なんのために作ったの？", ("art-1",)),  # 作る: the agreement made
    ("別表(3)ア 生活機能の強化の最後の取組は？", ("row-3a-5",)),  # the section's own title repeated
    ("おつ って なにしの ことかね", ("preamble", "signature")),  # a space before って, as heard
    ("この協約の根拠になっている法律は何ですか", ("preamble",)),  # the law it rests on: 基づき
]

# Left alone: 「中身」 alone is not the agreement's (「議会にかけないで中身を変えて」), and how
# long the agreement lasts is set nowhere, so 「有効期限」 stays not found (no 附則 quoted).
LEFT = [("議会にかけないで中身を変えてもいいの", ("art-6",))]


@pytest.mark.parametrize(("question", "units"), FOUND)
def test_article_and_meta_questions_as_people_ask_them(corpus, question, units):
    answer = ask(corpus, question)
    assert answer.hits and answer.status != Status.NO_MATCH, question
    assert answer.hits[0].unit.id.removeprefix(SEED) in units


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("岩見沢市が担う役割をすべて洗い出したい", Status.PARTY_ROLES),  # 洗い出す: listing
        ("予算要求資料にまとめたいので、岩見沢市に求められている協力事項をすべて挙げて", Status.PARTY_ROLES),
        ("災害対策で札幌市と岩見沢市の役割の違いは", Status.BOTH_PARTIES),  # と joining two names
        ("れんけいで いっしょに やることは なにが あるのかね", Status.TOGETHER),  # けい of れん+けい, read 連携
    ],
)
def test_lists_and_comparisons_as_people_ask_them(corpus, question, status):
    assert ask(corpus, question).status == status


@pytest.mark.parametrize("question", ["この協約っていつまで有効なの？期限ある？", "この協約の有効期限は"])
def test_how_long_it_lasts_does_not_quote_when_it_starts(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == Status.NO_MATCH or answer.hits[0].unit.kind != "supplementary"


def test_the_other_partys_wording_follows_the_row_before(corpus):
    first = ask(corpus, "札幌市消防局です。消防の連携で札幌市の役割は")
    answer = ask(corpus, "岩見沢市のほうも同じような書き方ですか", history=(first,))
    assert answer.hits[0].unit.id == SEED + "row-3a-5/乙"


def test_a_section_named_with_its_title_before_an_ordinal_in_every_layout(layouts):  # noqa: F811
    checked = 0
    for agreement in layouts.agreements:
        rows = [u for u in layouts.units if u.agreement_id == agreement.id and u.kind == "row" and u.section]
        sections: dict[str, list[str]] = {}
        for unit in rows:
            sections.setdefault(unit.section, []).append(unit.id)
        for section, ids in sections.items():
            label, _, title = section.partition(" ")
            if len(ids) < 2 or not title or not label.startswith("("):
                continue
            answer = ask(layouts, f"別表{label} {title}の最後の取組は？", agreement=agreement.id)
            assert answer.hits and answer.hits[0].unit.id == ids[-1], (agreement.id, section, answer.text[:80])
            checked += 1
            break
    assert checked >= 3


def test_a_change_without_the_council_finds_the_article_that_says_so_in_every_layout(layouts):  # noqa: F811
    checked = 0
    for agreement in layouts.agreements:
        votes = {
            u.id
            for u in layouts.units
            if u.agreement_id == agreement.id and u.kind == "article" and "議決" in u.text and "変更" in u.text
        }
        if not votes:
            continue
        answer = ask(layouts, "議会を通さずに協約を変えられるか", agreement=agreement.id)
        assert answer.hits and answer.hits[0].unit.id in votes, (agreement.id, answer.text[:80])
        checked += 1
    assert checked >= 5
