"""取組 written as articles of their own (「（小児救急医療体制の確保）第8条 甲及び乙は、…2 甲の役割は、次の
とおりとする。…」): each such article is still an article, found by number and heading, and is also one
取組 whose role paragraphs are the parties' role cells, cited 「第8条（…）第2項 甲（…）の役割」."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file, parse_text
from kyoyaku_search.ingest.role_articles import role_of
from kyoyaku_search.model import Party
from kyoyaku_search.search.corpus import build_corpus
from kyoyaku_search.search.units import agreement_units, annexes_heading

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
PARTIES = (Party("甲", "xx町"), Party("乙", "xx市"))

TEMPLATE = """小児救急の協定書
A町(以下「甲」という。)とB市(以下「乙」という。)は、次のとおり協定を締結する。
第1編 総則
(目的)
第1条 この協定は、連携について定める。
第2編 連携する具体的事項
第1章 医療
(小児救急医療体制の確保)
第2条 甲及び乙は、小児救急医療体制の確保に取り組むものとする。
{roles}
(協定の変更)
第3条 この協定を変更するときは、甲乙協議する。
"""


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2 甲の役割は、次のとおりとする。", "甲"),  # the role paragraph's own words
        ("3 乙の役割", "乙"),  # a headed paragraph, its items below
        ("(乙の役割)", "乙"),  # a sub-heading above 「3 乙は、…」
        ("( 甲の役割)", "甲"),  # a PDF converter's blank inside the brackets
        ("2 xx市の役割は、次のとおりとする。", "乙"),  # the party by name
        ("2 前項の取組における甲の役割は、次のとおりとする。", "甲"),  # led in by the 取組
        ("3 前項に規定する取組に係る乙の役割は、次のとおりとする。", "乙"),
        ("3 前項の取組において乙が担う役割は、次のとおりとする。", "乙"),
        ("2 甲は、次に掲げる役割を担う。", "甲"),  # the party first, the role words after
        ("3 乙は、前項の取組において次の役割を果たすものとする。", "乙"),
        ("2 甲及び乙の役割は、次のとおりとする。", None),  # both: no one party's paragraph
        ("2 甲及び乙は、次の役割を担う。", None),
        ("2 甲は、次に掲げる事項を行う。", None),  # a party's paragraph, but no role words
        ("2 甲の役割分担の見直しは、甲乙協議して行う。", None),  # 「役割分担の…」: no role of 甲's
        ("(丙の役割)", None),  # no such party
        ("第2条 甲の役割は、別に定める。", None),  # an article's first line, no paragraph
    ],
)
def test_what_begins_a_role(text, label):
    assert role_of(text, PARTIES) == label


def roles_of(text: str):
    agreement = parse_text(text, "x.txt", "x").agreement
    return agreement, [row for annex in agreement.annexes() for row in annex.rows()]


def test_a_paragraph_per_party_makes_the_article_a_row_with_a_cell_each():
    roles = "2 甲の役割は、次のとおりとする。\n(1) 周知する。\n(2) 経費の一部を負担する。\n3 乙の役割は、次のとおりとする。\n(1) 診療を行う。"
    agreement, rows = roles_of(TEMPLATE.format(roles=roles))
    assert [a.number for a in agreement.articles] == [1, 2, 3]  # still three articles
    assert agreement.articles[1].text.endswith("(1) 診療を行う。")  # the whole article, as printed
    (row,) = rows
    assert row.initiative == "小児救急医療体制の確保"
    assert row.content == "甲及び乙は、小児救急医療体制の確保に取り組むものとする。"
    assert [cell.text for cell in row.roles] == [
        "2 甲の役割は、次のとおりとする。\n(1) 周知する。\n(2) 経費の一部を負担する。",
        "3 乙の役割は、次のとおりとする。\n(1) 診療を行う。",
    ]
    assert [(annex.heading, annex.sections[0].label, annex.sections[0].title) for annex in agreement.annexes()] == [
        ("第2条", "第1章", "医療")
    ]


def test_a_role_sub_heading_stays_with_its_paragraph_and_a_closing_paragraph_is_no_role():
    roles = "(甲の役割)\n2 甲は、周知する。\n(乙の役割)\n3 乙は、診療を行う。\n4 費用は、甲乙協議して定める。"
    _, (row,) = roles_of(TEMPLATE.format(roles=roles))
    assert [cell.text for cell in row.roles] == ["(甲の役割)\n2 甲は、周知する。", "(乙の役割)\n3 乙は、診療を行う。"]


@pytest.mark.parametrize(
    "roles",
    [
        "2 甲の役割は、次のとおりとする。\n(1) 周知する。",  # one party only: an ordinary article
        "2 甲の役割は、別表に定める。\n3 乙の役割は、別表に定める。",  # the roles stand in a table
        "2 甲及び乙は、互いに協力する。",
    ],
)
def test_an_article_without_a_role_paragraph_for_every_party_is_an_article_only(roles):
    agreement, rows = roles_of(TEMPLATE.format(roles=roles))
    assert rows == [] and len(agreement.articles) == 3


# (fixture, question, the unit first, its citation)
CASES = [
    (
        "xx-town-xx-city-articles-2020.txt",
        "xx町は小児救急医療で何をするの",
        "row-x2.1-1/甲",
        "第8条（小児救急医療体制の確保）第2項 甲（xx町）の役割",
    ),
    (
        "xx-town-xx-city-articles-2020.txt",
        "第8条の乙の役割は",  # the article named with a party: that party's paragraph
        "row-x2.1-1/乙",
        "第8条（小児救急医療体制の確保）第3項 乙（xx市）の役割",
    ),
    ("xx-town-xx-city-articles-2020.txt", "第8条", "art-8", "第8条（小児救急医療体制の確保）"),
    # a paragraph of a 取組 article is its row or a party's role, as they are cited
    ("xx-town-xx-city-articles-2020.txt", "第8条第1項", "row-x2.1-1", "第8条（小児救急医療体制の確保）第1項"),
    (
        "xx-town-xx-city-articles-2020.txt",
        "第八条第三項には何が書いてある",
        "row-x2.1-1/乙",
        "第8条（小児救急医療体制の確保）第3項 乙（xx市）の役割",
    ),
    ("xx-town-xx-city-articles-2020.txt", "第11条第4項", "art-11", "第11条（職員の合同研修）"),  # no one's role
    ("xx-town-xx-city-articles-2020.txt", "小児救急医療体制の確保について", "art-8", "第8条（小児救急医療体制の確保）"),
    (
        "fukagawa-chippubetsu-articles-2018.txt",
        "秩父別町は子育て支援で何をする",
        "row-x2.0-1/乙",
        "第5条（子育て支援の充実）第3項 乙（秩父別町）の役割",
    ),
    (
        "fukagawa-chippubetsu-articles-2018.txt",
        "甲の子育て支援施設での役割は",  # 乙's paragraph says 「甲の子育て支援施設」 word for word: still 甲's
        "row-x2.0-1/甲",
        "第5条（子育て支援の充実）第2項 甲（深川市）の役割",
    ),
    (
        "fukagawa-chippubetsu-articles-2018.txt",
        "3 乙の役割",  # pasted from a headed paragraph: the paragraph that says it
        "row-x4.0-1/乙",
        "第7条（職員の合同研修）第3項 乙（秩父別町）の役割",
    ),
    (
        "fukagawa-chippubetsu-articles-2018.txt",
        "合同研修で深川市の役割は",
        "row-x4.0-1/甲",
        "第7条（職員の合同研修）第2項 甲（深川市）の役割",
    ),
]


@pytest.mark.parametrize(("name", "question", "unit", "citation"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_role_paragraph_or_the_article_first(tokenizer, name, question, unit, citation):
    agreement = parse_file(FIXTURES / name).agreement
    answer = ask(build_corpus([agreement], tokenizer), question)
    assert answer.hits[0].unit.id == f"{agreement.id}/{unit}"
    assert answer.hits[0].citation == citation


def test_every_role_of_a_party_is_listed_with_the_articles_they_stand_in(tokenizer):
    agreement = parse_file(FIXTURES / "xx-town-xx-city-articles-2020.txt").agreement
    answer = ask(build_corpus([agreement], tokenizer), "xx市の役割をすべて教えて")
    assert answer.status is Status.PARTY_ROLES
    assert answer.message.startswith("xx市（乙）の役割は第7条から第11条までに5項目あります。")
    assert [item.name for item in answer.items][:2] == ["地域医療体制の確保", "小児救急医療体制の確保"]


def test_both_parties_compared_in_one_article(tokenizer):
    agreement = parse_file(FIXTURES / "xx-town-xx-city-articles-2020.txt").agreement
    answer = ask(build_corpus([agreement], tokenizer), "路線バスの維持で甲と乙の役割の違いは")
    assert answer.status is Status.BOTH_PARTIES
    assert [h.unit.id.rsplit("/", 2)[-2:] for h in answer.hits[:2]] == [["row-x4.3-1", "甲"], ["row-x4.3-1", "乙"]]


@pytest.mark.parametrize(
    ("question", "message", "rows"),
    [
        ("第一章の取組は", "第一章 医療の取組は2項目あります。", ["row-1-1", "row-x2.1-1"]),
        ("第２章の取組を教えて", "第二章 勤労者福祉の取組は1項目あります。", ["row-x3.2-1"]),  # the number as typed
        ("第二編には何が書いてある", "第二編 連携項目の取組は5項目あります。", None),
        ("第二編には何条ある？", "第二編 連携項目の取組は5項目あります。", None),  # not a count of all articles
        ("第一章でxx市は何をする", "第一章 医療のxx市（乙）の役割は2項目あります。", ["row-1-1/乙", "row-x2.1-1/乙"]),
    ],
)
def test_a_part_named_lists_the_articles_under_it(tokenizer, question, message, rows):
    agreement = parse_file(FIXTURES / "xx-town-xx-city-articles-2020.txt").agreement
    answer = ask(build_corpus([agreement], tokenizer), question, top_k=10)
    assert answer.status is Status.SECTION
    assert answer.message.startswith(message)
    if rows is not None:
        assert [h.unit.id.split("/", 1)[1] for h in answer.hits] == rows


def test_the_full_width_forms_of_a_reiki_page_read_the_same():
    """例規集 pages print 「（見出し）」, 「第２条　」 and 「２　」 in full width: the same row and cells."""
    text = (
        TEMPLATE.replace("(", "（")
        .replace(")", "）")
        .replace("第2条 ", "第２条\u3000")
        .format(
            roles="２\u3000甲の役割は、次のとおりとする。\n（１）\u3000周知する。\n３\u3000乙の役割は、次のとおりとする。\n（１）\u3000診療を行う。"
        )
    )
    agreement, (row,) = roles_of(text)
    assert row.initiative == "小児救急医療体制の確保"
    assert [cell.text.split("\n")[0] for cell in row.roles] == [
        "２\u3000甲の役割は、次のとおりとする。",
        "３\u3000乙の役割は、次のとおりとする。",
    ]
    assert agreement.annexes()[0].markers == ("", "第1項", "第2項", "第3項")


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("第二編の最後の取組は", "row-x5.4-1"),
        ("第一章の2番目", "row-x2.1-1"),
        ("第二編の最初の取組で乙の役割は", "row-1-1/乙"),
    ],
)
def test_an_order_inside_a_part_picks_that_article(tokenizer, question, unit):
    agreement = parse_file(FIXTURES / "xx-town-xx-city-articles-2020.txt").agreement
    answer = ask(build_corpus([agreement], tokenizer), question)
    assert [h.unit.id.split("/", 1)[1] for h in answer.hits] == [unit]


def test_a_role_heading_over_an_unnumbered_paragraph_cites_the_role_without_a_paragraph():
    roles = "(甲の役割)\n甲は、周知する。\n(乙の役割)\n乙は、診療を行う。"
    agreement, (row,) = roles_of(TEMPLATE.format(roles=roles))
    assert [cell.text for cell in row.roles] == ["(甲の役割)\n甲は、周知する。", "(乙の役割)\n乙は、診療を行う。"]
    places = [u.citation.place for u in agreement_units(agreement) if u.kind == "role"]
    assert places == ["第2条（小児救急医療体制の確保）甲（A町）の役割", "第2条（小児救急医療体制の確保）乙（B市）の役割"]


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("xx-town-xx-city-articles-2020.txt", "第7条〜第11条"),  # 取組 as articles: where they stand
        ("iida-oshika-2009.txt", "第3条"),  # inline in one article
        ("yamaga-kumamoto-2022.txt", "別表第1(第3条関係)"),
    ],
)
def test_where_the_initiatives_stand_as_a_page_names_it(name, heading):
    assert annexes_heading(parse_file(FIXTURES / name).agreement) == heading
