"""Places asked for on layouts other than the seed, each loaded alone: a row counted under the
annex's own name for its first column (連携項目, 具体的事項) or in 「取組の一覧」, the annexes counted
where there are several (別表第1–第3, each named in the note), and the signing date from the date
line where the signature block prints none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.ingest.role_articles import is_role_annex
from kyoyaku_search.search.corpus import build_corpus
from tests.framing_cases import corpora_of

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"

# (fixture, question, the unit that must come first)
CASES = [
    # 別表(第7条関係) headed 連携項目 / 内容 / 甲の役割 / 乙の役割
    ("xx-town-xx-city-2020.txt", "別表の一番初めの連携項目は？", "row-0-1"),
    ("xx-town-xx-city-2020.txt", "別表の最後に載っている連携項目を教えて", "row-0-4"),
    ("xx-town-xx-city-2020.txt", "2番目の連携項目は", "row-0-2"),
    # the first column headed 具体的事項
    ("inabe-toin-2010.txt", "最初の具体的事項は", "row-0-1"),
    # counted in the list of them
    ("sakaiminato-matsue-yonago-2009.txt", "取組の一覧のいちばん最後は？", "row-3a-1"),
    # three annexes: the article that sets them up (第3条 (1)–(3) → 別表第1–第3)
    ("yuzawa-ugo-2011.txt", "別表はいくつあって、それぞれ何の分野ですか", "art-3"),
    ("yamaga-kumamoto-2022.txt", "別表は全部で何個ある？", "art-3"),
    ("tomakomai-abira-2015.txt", "別表はいくつある", "art-3"),
    # the signature block prints no date; the date line under the title does
    ("yamaga-kumamoto-2022.txt", "この協約はいつ締結された？", "date"),
    ("yamaga-kumamoto-2022.txt", "締結日はいつ", "date"),
    ("mihara-fukuyama-2015.txt", "この協約はいつ締結された？", "date"),
    # a signature block that prints the date stays first
    ("sakaiminato-matsue-yonago-2009.txt", "この協定はいつ締結されたの", "signature"),
    # no 附則: the article that says when it takes effect does its work
    ("sakaiminato-matsue-yonago-2009.txt", "附則には何と書いてある", "art-7"),  # (効力の発生)
    ("yuzawa-ugo-2011.txt", "附則を見せて", "art-7"),  # 「締結の日から効力を生じ、…」
    # the 取組 stand in 第3条: counted there
    ("taka-kasai-kato-2015.txt", "第3条の最後の取組は", "row-3-1"),
    ("iida-oshika-2009.txt", "第3条の2番目の取組", "row-1a-2"),
    ("iida-oshika-2009.txt", "第3条に書かれている最初の取組は？", "row-1a-1"),
]


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of([name for name, _, _ in CASES], tokenizer)


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_place_comes_first(corpora, name, question, expected):
    corpus = corpora[name]
    answer = ask(corpus, question)
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


def test_the_note_names_each_annex(corpora):
    answer = ask(corpora["yamaga-kumamoto-2022.txt"], "別表はいくつあって、それぞれ何の分野ですか")
    assert answer.notes[0].startswith("この協約の別表は3つです（別表第1(第3条関係) 圏域全体の経済成長のけん引に係る政策分野、")


def test_no_supplementary_provisions_and_no_article_in_their_place(corpora, tokenizer):
    corpus = build_corpus([parse_file(FIXTURES / "taka-kasai-kato-2015.txt").agreement], tokenizer)
    assert ask(corpus, "附則には何と書いてある").status is Status.NO_MATCH


def test_the_note_says_there_is_no_supplementary_provision(corpora):
    answer = ask(corpora["sakaiminato-matsue-yonago-2009.txt"], "附則には何と書いてある")
    assert answer.notes[0] == "この協定に附則はありません。効力の発生を定めた第7条（効力の発生）を示します。"  # its own word: a 協定


def test_one_annex_is_not_counted_as_several(corpus):
    # the seed has one 別表: 「いくつある」 is left to the list of its 取組
    assert ask(corpus, "別表はいくつある？").status is Status.TOGETHER


LAYOUTS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="module")
def every_layout(tokenizer):
    return {name: build_corpus([parse_file(FIXTURES / name).agreement], tokenizer) for name in LAYOUTS}


def _sections(corpus):  # noqa: ANN001, ANN202
    """(label, title, its row ids) of each annex section the layout's rows are cited under."""
    found: dict[str, list[str]] = {}
    for unit in corpus.units:
        if unit.kind == "row" and unit.section:
            found.setdefault(unit.section, []).append(unit.id.split("/", 1)[1])
    return [(section.split(" ", 1)[0], section.partition(" ")[2], rows) for section, rows in found.items()]


def _listed(corpus, question: str) -> list[str]:  # noqa: ANN001
    answer = ask(corpus, question, top_k=20)
    if answer.status not in (Status.SECTION, Status.ANSWERED):
        return [str(answer.status)]
    return [hit.unit.id.split("/", 1)[1] for hit in answer.hits]


@pytest.mark.parametrize("template", ["「{t}」にはどんな取組がある？", "{t}の取組を教えて", "「{t}」の取組は？"])
def test_every_section_asked_by_its_title_lists_its_rows(every_layout, template):
    misses, asked = [], 0
    for name, corpus in every_layout.items():
        for _, title, rows in _sections(corpus):
            if not title or title.endswith("取組"):
                continue  # 「…に関する取組の取組」 is no question anyone asks
            asked += 1
            got = _listed(corpus, template.format(t=title))
            if got[: len(rows)] != rows and sorted(got[: len(rows)]) != sorted(rows):
                misses.append((name, title, got[:3]))
    assert asked >= 20
    assert misses == []


@pytest.mark.parametrize("template", ["第{a}条第{n}号{x}には何が書いてある？", "第{a}条({n}){x}の取組は"])
def test_every_inline_section_by_its_item_lists_its_rows(every_layout, template):
    """Where the 取組 stand in an article (第3条 (1) ア (ア) a …), 「第3条第1号ア」 is that sub-section."""
    misses, asked = [], 0
    for name, corpus in every_layout.items():
        annex = corpus.agreements[0].annex
        if annex is None or annex.article is None or is_role_annex(annex):
            continue  # no 取組 in an article's items (第3条第1号ア): in 別表, or each an article of its own
        for label, _, rows in _sections(corpus):
            number, _, letter = label[1:].partition(")")
            asked += 1
            got = _listed(corpus, template.format(a=annex.article, n=number, x=letter))
            if sorted(got[: len(rows)]) != sorted(rows):
                misses.append((name, label, got[:3]))
    assert asked >= 15
    assert misses == []


@pytest.mark.parametrize(
    ("name", "question", "expected"),
    [
        ("iida-oshika-2009.txt", "第3条第1号ア(イ)には何が書いてある", "row-1a-2"),  # one row
        ("iida-oshika-2009.txt", "第三条第一号ア(ア)の甲の役割は", "row-1a-1/甲"),
        ("iida-oshika-2009.txt", "第3条第1号ア(ア)b", "row-1a-1/甲"),  # the cell as cited
        ("inami-himeji-2015.txt", "第3条第1号a(b)ii", "row-1-1/乙"),
        ("iida-oshika-2009.txt", "第3条第1項", "art-3"),  # a paragraph is no item
        ("yamaga-kumamoto-2022.txt", "第3条第1号", "art-3"),  # its 取組 stand in 別表第1: the article's item
    ],
)
def test_an_inline_place_down_to_its_cell(every_layout, name, question, expected):
    assert _listed(every_layout[name], question)[0] == expected


@pytest.mark.parametrize(
    ("name", "question", "row"),
    [
        # the cost article shares only 経費負担; the bus row's cells hold バス too
        ("shinjo-okura-2015.txt", "バスの経費負担について甲と乙で何が違うの", "row-x2.0-1"),
        ("sakaiminato-matsue-yonago-2009.txt", "コミュニティバスの運行で甲と乙と丙の役割はどう違う", "row-2a-1"),
    ],
)
def test_comparing_the_parties_quotes_each_cell_of_the_row(name, question, row, tokenizer):
    corpus = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
    answer = ask(corpus, question)
    labels = [party.label for party in corpus.agreements[0].parties]
    wanted = {f"{corpus.agreements[0].id}/{row}/{label}" for label in labels}
    assert {hit.unit.id for hit in answer.hits[: len(labels)]} == wanted, answer.text


@pytest.mark.parametrize(
    ("name", "question", "message"),
    [
        ("yamaga-kumamoto-2022.txt", "別表第4には何がある", "別表第4はこの協約にありません（別表第1から別表第3まで）。"),
        ("iida-oshika-2009.txt", "(5)の取組は", "(5)の分野はこの協定にありません（(1)から(3)まで）。"),  # a 協定
        ("iida-oshika-2009.txt", "第3条第5号の取組は", "第3条に第5号はありません（第1号から第3号まで）。"),
    ],
)
def test_a_place_the_agreement_does_not_have_is_said_missing(every_layout, name, question, message):
    answer = ask(every_layout[name], question)
    assert (answer.status, answer.message, answer.hits) == (Status.NO_MATCH, message, ())


def test_a_missing_section_of_the_seed_is_said_missing(corpus):
    assert ask(corpus, "別表(4)の取組は").message == "(4)の分野はこの協約にありません（(1)から(3)まで）。"


@pytest.mark.parametrize("question", ["別表の2の取組は", "別表2の取組", "(2)の取組", "別表第2"])
def test_a_section_printed_by_its_bare_number(every_layout, question):
    """広島市・岩国市's sub-area lines 「2 高次の都市機能の集積・強化に関する取組」: section 2 however asked."""
    assert _listed(every_layout["hiroshima-iwakuni-2016.txt"], question)[:2] == ["row-2-1", "row-2-2"]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("取組はいくつある", "甲（飯田市）と乙（大鹿村）が連携する取組は、第3条に5項目あります。"),
        ("飯田市の役割を全部", "飯田市（甲）の役割は第3条に5項目あります。すべて示します。"),
    ],
)
def test_a_list_of_inline_initiatives_says_they_stand_in_the_article(every_layout, question, message):
    # no 別表 to point to: the 取組 are written in 第3条
    assert ask(every_layout["iida-oshika-2009.txt"], question).message == message
