"""Structural references resolve to their unit before any ranking, for every loaded agreement.

Generated from the loaded agreements themselves (the seed, and variants with other parties, 令和
dates and articles up to 第十五条 whose texts cite other articles' numbers): every article by
number in every numeral form, 前文, 附則, 署名欄 and each 別表 section.
"""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.structure import find_reference
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

from .loaded import variant_corpus

_KANJI = "〇一二三四五六七八九"


def kanji(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (as agreements and people write them)."""
    tens, ones = divmod(number, 10)
    return (("" if tens == 1 else _KANJI[tens]) + "十" if tens else "") + (_KANJI[ones] if ones else "")


def forms(number: int) -> list[str]:
    """Every way a person asks for article `number`."""
    full = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return [
        f"第{number}条",
        f"第{full}条",
        f"第{kanji(number)}条",
        f"{number}条",
        f"{full}条",
        f"{kanji(number)}条",
        f"第{number}条の内容は",
        f"第{kanji(number)}条には何が書いてある",
        f"第{number}条第1項",
        f"第{kanji(number)}条第一項を見せて",
    ]


@pytest.fixture(scope="module")
def several(tmp_path_factory) -> Corpus:
    return variant_corpus(tmp_path_factory.mktemp("structure"))


@pytest.fixture(params=["seed", "several"])
def loaded(request, corpus, several) -> Corpus:
    return corpus if request.param == "seed" else several


@pytest.mark.parametrize(("number", "expected"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一")])
def test_kanji_numbers(number, expected):
    assert kanji(number) == expected


def test_every_article_by_number_in_every_form(loaded):
    missed = []
    for agreement in loaded.agreements:
        for article in agreement.articles:
            for question in forms(article.number):
                answer = ask(loaded, question, agreement=agreement.id)
                if not answer.hits or answer.hits[0].unit.id != f"{agreement.id}/art-{article.number}":
                    missed.append((agreement.id, question, answer.hits[0].unit.id if answer.hits else answer.status))
    assert missed == []


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("前文", "preamble"),
        ("前文には何と書いてある", "preamble"),
        ("附則", "supplementary"),
        ("附 則を見せて", "supplementary"),
        ("署名欄", "signature"),
        ("記名押印の部分", "signature"),
    ],
)
def test_named_places(loaded, question, kind):
    for agreement in loaded.agreements:
        answer = ask(loaded, question, agreement=agreement.id)
        assert answer.status == Status.ANSWERED
        assert answer.hits[0].unit.id == f"{agreement.id}/{kind}"


def test_every_annex_section_lists_its_rows(loaded):
    for agreement in loaded.agreements:
        assert agreement.annex is not None
        for table in agreement.annex.tables():
            rows = [u.id for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
            wanted = [r for r in rows if r.startswith(f"{agreement.id}/row-{table.key}-")]
            for question in (f"別表{table.label}", f"別表{table.label}の取組は"):
                answer = ask(loaded, question, agreement=agreement.id, top_k=10)
                assert answer.status == Status.SECTION, question
                assert [h.unit.id for h in answer.hits] == wanted, question
                assert [item.name for item in answer.items] == [row.initiative for row in table.rows]


@pytest.mark.parametrize("question", ["別表の(3)のイ", "別表(3)のイの取組"])
def test_a_sub_section_after_の(corpus, question):
    answer = ask(corpus, question, top_k=10)
    assert answer.status == Status.SECTION and {h.unit.section.split(" ")[0] for h in answer.hits} == {"(3)イ"}


def test_section_by_number_covers_its_sub_sections(corpus):
    answer = ask(corpus, "別表第3", top_k=20)
    assert answer.status == Status.SECTION
    assert {h.unit.section.split(" ")[0] for h in answer.hits} == {"(3)ア", "(3)イ", "(3)ウ"}


def test_a_named_party_lists_its_cells_of_the_section(corpus):
    answer = ask(corpus, "別表(3)ウの岩見沢市の役割")
    assert [h.unit.party_label for h in answer.hits] == ["乙", "乙", "乙"]


@pytest.mark.parametrize(
    "question",
    [
        "地方自治法第252条の2",  # a law's article, not the agreement's
        "別表（第3条関係）",  # the annex's heading
        "札幌市中央区北1条西2丁目",  # an address
        "第99条",  # no such article
        "災害対策での役割は",
    ],
)
def test_not_a_reference(corpus, question):
    assert find_reference(corpus, question) is None


def test_a_city_named_like_an_article_is_still_an_outsider(corpus):
    """「三条」 alone is 第3条; 「三条市」 is a municipality that is not a party."""
    assert ask(corpus, "三条").hits[0].unit.id.endswith("/art-3")
    assert ask(corpus, "三条市の観光での役割").status == Status.NOT_PARTY


def test_a_paragraph_that_does_not_exist_is_said(corpus):
    answer = ask(corpus, "第6条第3項")
    assert answer.hits[0].unit.id.endswith("/art-6")
    assert "第6条に第3項はありません" in answer.notes[0]


def test_reference_wins_over_a_follow_up(corpus):
    first = ask(corpus, "岩見沢市の災害対策での役割は")
    assert ask(corpus, "第4条は？", history=[first]).hits[0].unit.id.endswith("/art-4")


def test_a_row_of_a_section_by_its_place(loaded):
    """「別表(2)の4番目」「別表（第3条関係）(1)の2つ目」: that row, in every loaded agreement."""
    missed = []
    for agreement in loaded.agreements:
        rows = [u.id for u in loaded.units if u.agreement_id == agreement.id and u.kind == "row"]
        for table in agreement.annex.tables():
            wanted = [r for r in rows if r.startswith(f"{agreement.id}/row-{table.key}-")]
            for n, row in enumerate(wanted, start=1):
                for question in (f"別表{table.label}の{n}番目", f"別表（第3条関係）{table.label}の{n}つ目の取組"):
                    answer = ask(loaded, question, agreement=agreement.id)
                    if not answer.hits or answer.hits[0].unit.id != row:
                        missed.append((question, answer.hits[0].unit.id if answer.hits else answer.status))
    assert missed == []


def test_the_annex_heading_names_the_annex_not_a_section(corpus):
    answer = ask(corpus, "別表第3条関係の(2)", top_k=10)
    assert answer.status == Status.SECTION
    assert {h.unit.section.split(" ")[0] for h in answer.hits} == {"(2)"}


@pytest.mark.parametrize(
    ("question", "kind"),
    [("協約書は何通作られたのか", "copies"), ("この協約の当事者は", "preamble"), ("協約の当事者を教えて", "preamble")],
)
def test_meta_questions_find_their_unit(corpus, question, kind):
    answer = ask(corpus, question)
    assert answer.status == Status.ANSWERED
    unit = answer.hits[0].unit
    assert "2通" in unit.text if kind == "copies" else unit.kind == "preamble"


@pytest.fixture(scope="module")
def layout_costs() -> list[tuple[str, str, str]]:
    """(fixture, its cost question, the unit that answers it) from test_layouts' table."""
    from .test_layouts import QUESTIONS

    return [(name, question, unit) for name, question, unit, _ in QUESTIONS if "費用" in question or "経費" in question]


@pytest.mark.parametrize(
    "question",
    ["取組の内容はどの条文で決まっている", "連携の中身は協定のどこに書いてあるか", "役割の分け方を定めた条項は", "具体的な事業はどの条に"],
)
def test_where_the_annex_is_set_up(tokenizer, question):
    """Every layout sets up its 取組 in 第3条 (pointing to 別表, or holding them inline), except 三原市's,
    whose 第2条 sets up the 取組 and their 内容 and 第3条 the 役割分担, the one in two parts
    (第一編 総則, 第二編 連携項目), whose 第7条 points to its 別表, and 刈谷市's, whose 第2条 (基本方針)
    points to 別表. Where each 取組 is an article of its own, the article sending to them (深川市's 第3条
    「次条から第7条までに定めるとおり」), or with none, the first of them (xx町's 第7条, under 第二編)."""
    from .test_ordinals import FIXTURES

    for path in sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html")):
        agreement = parse_file(path).agreement
        if not agreement.annexes():
            continue  # articles only (sendai, tokubetsuku): no 別表 and no 取組 to set up
        answer = ask(build_corpus([agreement], tokenizer), question)
        split = agreement.id == "mihara-fukuyama-2015" and "役割" not in question
        first_of_part_two = ("xx-town-xx-city-2020", "xx-town-xx-city-articles-2020")
        article = 7 if agreement.id in first_of_part_two else 2 if split or agreement.id == "kariya-xx-town-2021" else 3
        assert answer.hits[0].unit.id == f"{agreement.id}/art-{article}", (path.name, question)


@pytest.mark.parametrize("framed", ["連携事業の{q}", "{q}（協約上の根拠を知りたい）", "各施策について、{q}"])
def test_the_words_for_the_initiatives_do_not_hide_the_cost_article(tokenizer, layout_costs, framed):
    from .test_ordinals import FIXTURES

    for name, question, unit in layout_costs:
        agreement = parse_file(FIXTURES / name).agreement
        asked = framed.format(q=question.rstrip("。"))
        answer = ask(build_corpus([agreement], tokenizer), asked)
        assert answer.hits and answer.hits[0].unit.id == f"{agreement.id}/{unit}", (name, asked)
