"""Structural questions on agreements other than the seed, each loaded alone (as an upload is):
the place the question names comes first, whatever the layout writes its 取組 in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import Corpus, build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"


@pytest.fixture(scope="module")
def alone(tokenizer):
    """Each fixture's corpus, built on first use."""
    built: dict[str, Corpus] = {}

    def corpus(name: str) -> Corpus:
        if name not in built:
            built[name] = build_corpus([parse_file(FIXTURES / name).agreement], tokenizer)
        return built[name]

    return corpus


# (fixture, question, status, the unit that must come first)
CASES = [
    # the order, then where it stands: 「…最後に書かれているもの」 counts 取組, not the document's end (附則)
    ("chizu-tottori-2010.txt", "取組の一番最後に書かれているものは何ですか", Status.ANSWERED, "row-3a-1"),
    ("chizu-tottori-2010.txt", "取組の最初に載っているものは", Status.ANSWERED, "row-1a-1"),
    ("chizu-tottori-2010.txt", "条文の最後に書かれているものは", Status.ANSWERED, "art-6"),
    # a sub-section's letter opening the question, then an order (tamano: (3)ア・イ・ウ)
    ("tamano-okayama-2016.txt", "イの最初の取組", Status.ANSWERED, "row-3b-1"),
    ("tamano-okayama-2016.txt", "ウの1番目の取組は", Status.ANSWERED, "row-3c-1"),
    # the area's 正式な名前 is the name it gives (第1条's 新庄最上定住自立圏), not the document's title
    ("shinjo-okura-2015.txt", "この都市圏の正式な名前は何ですか？", Status.ANSWERED, "art-1"),
    ("shinjo-okura-2015.txt", "この圏域の正式名称は", Status.ANSWERED, "art-1"),
    # a section's title quoted before the word for a section (「「…」の区分」)
    (
        "hiroshima-iwakuni-2016.txt",
        "別表の「高次の都市機能の集積・強化」の区分にはどんな取組が入っている？",
        Status.SECTION,
        "row-2-1",
    ),
]


@pytest.mark.parametrize(("name", "question", "status", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_the_place_comes_first(alone, name, question, status, expected):
    corpus = alone(name)
    answer = ask(corpus, question)
    assert answer.status is status, answer.text
    assert answer.hits[0].unit.id == f"{corpus.agreements[0].id}/{expected}", answer.text


def test_when_is_not_read_as_a_date_in_kana(alone):
    # 「いつから」 is no spelling of the date's 5日 (いつか)
    answer = ask(alone("inami-himeji-2015.txt"), "いつから効力を生ずる")
    assert not any("5日" in note for note in answer.notes)


LAYOUTS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="module", params=LAYOUTS)
def layout(request, alone) -> Corpus:
    return alone(request.param)


def _first(corpus: Corpus, question: str) -> str:
    answer = ask(corpus, question)
    return answer.hits[0].unit.id.split("/", 1)[1] if answer.hits else f"@{answer.status}"


def test_the_parts_every_agreement_has_by_their_names(layout):
    """前文, 署名欄 where there is one, 附則 where there is one (else said missing, or the article that
    says when it takes effect), every article's 第1項, and how many articles there are."""
    agreement = layout.agreements[0]
    # a copy without a 前文 (福山市・三原市) says so rather than quote nothing
    preamble = "preamble" if agreement.preamble.text else "@no_match"
    wanted = {"前文": preamble, "前文には何が書いてある": preamble}
    if agreement.signature is not None:
        wanted |= {"署名欄": "signature", "署名欄を見せて": "signature"}
    if agreement.supplementary is not None:
        wanted |= {"附則": "supplementary", "附則には何と書いてある": "supplementary"}
    last = agreement.articles[-1].number
    wanted |= {f"第{a.number}条第1項": f"art-{a.number}" for a in agreement.articles}
    wanted |= {"条文はいくつある": f"art-{last}", "何条まである": f"art-{last}", "全部で何条": f"art-{last}"}
    missed = [(q, got) for q, expected in wanted.items() if (got := _first(layout, q)) != expected]
    assert missed == []


def test_a_missing_supplementary_provision_is_said_in_the_documents_own_word(layout):
    agreement = layout.agreements[0]
    if agreement.supplementary is not None:
        return
    answer = ask(layout, "附則はありますか")
    this = f"この{agreement.kind}"
    said = answer.message if answer.status is Status.NO_MATCH else " ".join(answer.notes)
    assert said.startswith(f"{this}に附則はありません。"), said


def test_the_first_and_last_initiative_in_every_layout(layout):
    agreement = layout.agreements[0]
    rows = [u.id.split("/", 1)[1] for u in layout.units if u.kind == "row"]
    if not rows:
        return
    asked = {
        "最初の取組は": rows[0],
        "一番初めの取組を教えて": rows[0],
        "最後の取組は": rows[-1],
        "取組の一番最後に書かれているものは何ですか": rows[-1],
        "最後に載っている取組は": rows[-1],
    }
    if agreement.annex is not None and agreement.annex.article is not None:  # written inline in 第N条
        number = agreement.annex.article
        asked |= {f"第{number}条の最初の取組は": rows[0], f"第{number}条の最後の取組": rows[-1]}
    missed = [(q, got) for q, expected in asked.items() if (got := _first(layout, q)) != expected]
    assert missed == []


def test_every_message_names_the_document_by_its_own_word(layout):
    """A 定住自立圏形成協定 is この協定 in every message, a 連携協約 この協約 (never the other)."""
    agreement = layout.agreements[0]
    other = "この協約" if agreement.kind == "協定" else "この協定"
    asked = ["除雪の費用はどうなっている", "附則", "条文はいくつある", "この協定の正式な名前は", "第30条", "別表第9"]
    said = []
    for question in asked:
        answer = ask(layout, question)
        said += [answer.message, *answer.notes]
    assert [s for s in said if other in s] == []


def test_every_article_by_its_heading(layout):
    """「費用分担について定めた条文は」「「協定の廃止」の条」: the article a heading names, in every layout.
    A heading of common words alone (「その他」) names the article only when named as a heading."""
    agreement = layout.agreements[0]
    headings = [a.heading for a in agreement.articles]
    missed = []
    for article in agreement.articles:
        if not article.heading or headings.count(article.heading) > 1:
            continue
        forms = ["「{h}」の条", "({h})の条文"]
        if article.heading != "その他":
            forms += ["{h}", "{h}について定めた条文は", "{h}の条文を見せて", "{h}はどう定められている"]
        for form in forms:
            question = form.format(h=article.heading)
            if (got := _first(layout, question)) != f"art-{article.number}":
                missed.append((question, got))
    assert missed == []


# (a word the article's heading holds, questions in everyday words that ask for that article)
PARAPHRASES = [
    ("費用", ["費用の負担は", "お金は誰が出すの", "経費の分担はどう決まっている", "費用負担の規定"]),
    ("変更", ["協約を変更するには", "内容を変えたいときの手続は", "協定の変更はどうする"]),
    ("廃止", ["廃止の手続は", "協約をやめるにはどうする", "協定を廃止するとき"]),
    ("目的", ["目的は", "この協定の目的は何", "何のための協約"]),
    ("基本方針", ["基本方針は", "基本的な方針は"]),
    # how the roles are split: the article whose heading names 役割 (「連携する取組の内容及び役割」)
    (
        "役割",
        [
            "役割分担はどう決まっている",
            "役割の分け方は",
            "両市の役割分担はどうなっている",
            "役割分担について定めた条文",
        ],
    ),
    # when it ends is the 失効 article, not when it takes effect (附則)
    ("失効", ["効力を失うのはいつ", "失効の手続は", "いつ失効する"]),
]


@pytest.mark.parametrize(("word", "questions"), PARAPHRASES, ids=[p[0] for p in PARAPHRASES])
def test_articles_asked_in_everyday_words_in_every_layout(alone, word, questions):
    missed, asked = [], 0
    for name in LAYOUTS:
        corpus = alone(name)
        headed = [a for a in corpus.agreements[0].articles if a.heading and word in a.heading]
        if len(headed) != 1:
            continue
        asked += 1
        missed += [(name, q, got) for q in questions if (got := _first(corpus, q)) != f"art-{headed[0].number}"]
    assert asked >= 2
    assert missed == []


@pytest.mark.parametrize(
    "form", ["第{n}条の取組を全部", "第{n}条に書かれている取組は", "第{n}条の取組はいくつ", "第{n}条の取組は？"]
)
def test_the_article_holding_the_initiatives_lists_them(alone, form):
    """Where the 取組 stand inline in an article (第3条 (1) ア (ア) a …), or in the 別表 an article sets
    up (「…別表に掲げるとおりとする」), 「第3条の取組を全部」 lists every one of them in order, as
    「別表の取組を全部」 does; the last of them is 「第3条の最後の取組」."""
    missed, asked = [], 0
    for name in LAYOUTS:
        corpus = alone(name)
        agreement = corpus.agreements[0]
        if agreement.annex is None:
            continue
        sets_up = [a.number for a in agreement.articles if "別表" in a.text]
        number = agreement.annex.article or (sets_up[0] if sets_up else None)
        if number is None:
            continue
        asked += 1
        rows = [u.id for u in corpus.units if u.kind == "row"]
        answer = ask(corpus, form.format(n=number))
        if answer.status is not Status.SECTION or [h.unit.id for h in answer.hits] != rows[: len(answer.hits)]:
            missed.append((name, answer.status, answer.message))
        elif len(answer.items) != len(rows):
            missed.append((name, len(answer.items), len(rows)))
        if _first(corpus, f"第{number}条の最後の取組") != rows[-1].split("/", 1)[1]:
            missed.append((name, "最後", _first(corpus, f"第{number}条の最後の取組")))
    assert asked >= 15
    assert missed == []


def test_the_article_holding_the_initiatives_is_still_quoted_for_its_text(alone):
    corpus = alone("iida-oshika-2009.txt")
    assert _first(corpus, "第3条の取組の内容は") == "art-3"  # the article's own words on 取組の内容
    assert _first(corpus, "第3条") == "art-3"
    # 「第4条の取組に係る費用」 asks about 第4条, not for the list of 取組
    assert _first(alone("tomakomai-abira-2015.txt"), "第4条の取組に係る費用はどうなる") == "art-4"


def test_no_quote_is_empty_in_any_layout(layout):
    """The parts asked for by name never quote an empty text (a copy without a 前文 keeps an empty unit)."""
    asked = [
        "前文",
        "当事者はどこ",
        "この協約を結んだ自治体はどこ",
        "この協約の名前は",
        "協約の冒頭部分",
        "署名欄",
        "附則",
    ]
    empty = [q for q in asked if any(not h.unit.text.strip() for h in ask(layout, q).hits)]
    assert empty == []


@pytest.mark.parametrize(
    ("name", "question", "said"),
    [
        (
            "mihara-fukuyama-2015.txt",
            "甲の役割を全部",
            "この協約では当事者を「甲」と呼んでいません。当事者は福山市と三原市です。",
        ),
        (
            "mihara-fukuyama-2015.txt",
            "乙は何をするの",
            "この協約では当事者を「乙」と呼んでいません。当事者は福山市と三原市です。",
        ),
        (
            "matsuyama-toon-2016.txt",
            "甲とは",
            "この協約では当事者を「甲」と呼んでいません。当事者は松山市と東温市です。",
        ),
        (
            "sendai-yamagata-2016.txt",
            "乙の役割は",
            "この協定では当事者を「乙」と呼んでいません。当事者は仙台市と山形市です。",
        ),
        ("mihara-fukuyama-2015.txt", "前文", "この協約に前文はありません。"),
    ],
)
def test_a_label_or_part_the_agreement_lacks_is_said(alone, name, question, said):
    """An agreement that names its parties by name has no 甲 to answer for: said, never another
    party's cell or every row."""
    answer = ask(alone(name), question)
    assert answer.message == said
    assert answer.hits == ()


def test_a_missing_signature_block_is_said(layout):
    """A 例規集 page prints no 署名欄: said, with the date line under the title where there is one."""
    agreement = layout.agreements[0]
    for question in ("署名欄を見せて", "誰が署名した", "署名した市長は誰"):
        answer = ask(layout, question)
        if agreement.signature is not None:
            assert answer.hits[0].unit.kind == "signature"
            continue
        said = " ".join((answer.message, *answer.notes))
        assert f"この{agreement.kind}の写しには署名欄がありません。" in said
        assert all(h.unit.kind == "date" for h in answer.hits)


# A word ending in 圏, not a part of 圏域 or 圏内 (as test_area_name reads a name).
AREA_NAME = re.compile(r"[\w・ー]{2,}圏(?![\u4e00-\u9fff])")


@pytest.mark.parametrize(
    "question", ["圏域の名前は", "圏域の名称を教えて", "この圏域って何て名前なの？", "この圏域は何という名称"]
)
def test_the_area_is_named_and_answered_on_every_layout(alone, question):
    """Answered, not refused with the right unit only among 関連: the unit giving the name holds no
    word 圏域 or 名前 to be found by (「旧員弁郡定住自立圏の形成に関する協定」)."""
    missed, asked = [], 0
    for name in LAYOUTS:
        corpus = alone(name)
        if not any(AREA_NAME.search(u.text) for u in corpus.units):
            continue
        asked += 1
        answer = ask(corpus, question)
        if answer.status is not Status.ANSWERED or not AREA_NAME.search(answer.hits[0].unit.text):
            missed.append((name, answer.status, answer.hits[0].unit.id if answer.hits else None))
    assert asked >= 5
    assert missed == []


KANJI_DIGITS = "〇一二三四五六七八九十"
SPOKEN = ("", "いち", "に", "さん", "よん", "ご")


def test_every_annex_and_item_by_number_in_every_form(layout):
    """別表第N (several annexes) as 別表第二, 別表第２, 別表2, べっぴょうだいに; 第3条第N号 (the 取組 inline in
    第3条) as 第三条第一号, ３条１号, 3条1号, 第3条(1): the rows of that table or item, in order."""
    agreement = layout.agreements[0]
    missed = []
    for index, annex in enumerate(agreement.annexes(), start=1):
        prefix = "" if index == 1 else f"x{index}."
        tables = list(annex.tables())
        asked: list[tuple[str, list[str]]] = []
        if annex.article is not None:
            a = annex.article
            for number in sorted({t.number for t in tables if t.number}):
                rows = [
                    f"row-{prefix}{t.key}-{k}" for t in tables if t.number == number for k in range(1, len(t.rows) + 1)
                ]
                forms = (f"第{KANJI_DIGITS[a]}条第{KANJI_DIGITS[number]}号", f"{a}条{number}号", f"第{a}条({number})")
                asked += [(form, rows) for form in forms]
        elif annex.number is not None and len(agreement.annexes()) > 1:
            n = annex.number
            rows = [f"row-{prefix}{t.key}-{k}" for t in tables for k in range(1, len(t.rows) + 1)]
            forms = (
                f"別表第{KANJI_DIGITS[n]}",
                f"別表第{chr(ord('０') + n)}",
                f"別表{n}",
                f"べっぴょうだい{SPOKEN[n]}",
            )
            asked += [(form, rows) for form in forms]
        for question, rows in asked:
            got = [h.unit.id.split("/", 1)[1] for h in ask(layout, question).hits]
            if not got or got != rows[: len(got)]:
                missed.append((question, got[:3]))
    assert missed == []


def _places_and_rows(agreement) -> dict[str, list[str]]:  # noqa: ANN001 - model.Agreement
    """Every annex place a question may name (「別表(3)ア」「別表第2」「第3条(1)ア」, a section's title),
    with its row ids in order."""
    several = len(agreement.annexes()) > 1
    places: dict[str, list[str]] = {}
    for index, annex in enumerate(agreement.annexes(), start=1):
        prefix = "" if index == 1 else f"x{index}."
        tables = list(annex.tables())
        for table in tables:
            rows = [f"row-{prefix}{table.key}-{k}" for k in range(1, len(table.rows) + 1)]
            head = f"第{annex.article}条" if annex.article else f"別表第{annex.number}" if several else "別表"
            if table.label:
                places[f"{head}{table.label}"] = rows
            if table.title:
                places.setdefault(table.title, rows)
        if several and not annex.article:
            places[f"別表第{annex.number}"] = [
                f"row-{prefix}{t.key}-{k}" for t in tables for k in range(1, len(t.rows) + 1)
            ]
    return places


def test_the_first_second_and_last_initiative_of_every_annex_place(layout):
    missed = []
    for place, rows in _places_and_rows(layout.agreements[0]).items():
        asked = {f"{place}の最初の取組": rows[0], f"{place}の最後の取組": rows[-1]}
        if len(rows) > 1:
            asked[f"{place}の2番目の取組"] = rows[1]
        missed += [(q, got) for q, expected in asked.items() if (got := _first(layout, q)) != expected]
    assert missed == []


@pytest.mark.parametrize(
    ("name", "question", "said"),
    [
        # (2) has no sub-sections: no (2)イ, said (not section (2) whole)
        ("tamano-okayama-2016.txt", "別表(2)イ", "(2)イはこの協約の別表にありません。"),
        ("tamano-okayama-2016.txt", "(2)イの取組", "(2)イはこの協約の別表にありません。"),
    ],
)
def test_a_sub_section_the_annex_lacks_is_said(alone, name, question, said):
    answer = ask(alone(name), question)
    assert (answer.status, answer.message, answer.hits) == (Status.NO_MATCH, said, ())


def test_a_katakana_word_after_a_section_is_no_letter(alone):
    # 「(2)アクセス」: ア begins a word, section (2) is meant
    assert ask(alone("tamano-okayama-2016.txt"), "別表(2)アクセス").status is Status.SECTION


def test_the_article_beside_one_named_by_its_heading(layout):
    """「目的の条文の次の条」「「協定の廃止」の条の前の条」: beside the article a heading names; past
    either end, said."""
    articles = layout.agreements[0].articles
    headings = [a.heading for a in articles]
    missed = []
    for at, article in enumerate(articles):
        if not article.heading or headings.count(article.heading) > 1 or article.heading == "その他":
            continue
        for question, step in ((f"{article.heading}の条文の次の条は", 1), (f"「{article.heading}」の条の前の条", -1)):
            answer = ask(layout, question)
            if 0 <= at + step < len(articles):
                ok = bool(answer.hits) and answer.hits[0].unit.id.endswith(f"/art-{articles[at + step].number}")
            else:
                ok = not answer.hits and "の条はありません" in answer.message
            if not ok:
                missed.append((question, answer.status, answer.message[:40]))
    assert missed == []


@pytest.mark.parametrize(
    "question", ["この協約を結んだのはどことどこ？", "これって誰と誰の約束なの？", "どこの市町村が結んだ協定"]
)
def test_who_made_it_is_the_unit_naming_the_parties(layout, question):
    """The 前文 names the parties (else the 署名欄, else 第1条 of a copy with neither)."""
    kinds = {u.kind for u in layout.units if u.text}
    expected = next((k for k in ("preamble", "signature") if k in kinds), "art-1")
    assert _first(layout, question) == expected


@pytest.mark.parametrize(
    ("name", "expected", "said"),
    [
        # the 取組 inline in 第3条 (1)–(3): its divisions
        ("iida-oshika-2009.txt", "row-1a-1", "第3条の分野は3つです（(1) 生活機能の強化に係る政策分野"),
        # 別表第1–第3, one 政策分野 each: the annexes, counted as such, beside the article setting them up
        ("tomakomai-abira-2015.txt", "art-3", "この協定の政策分野は3つです（別表第1(第3条関係) 生活機能の強化に係る"),
    ],
)
def test_how_many_policy_fields(alone, name, expected, said):
    answer = ask(alone(name), "政策分野はいくつ")
    assert answer.hits[0].unit.id.endswith(f"/{expected}")
    assert " ".join(answer.notes).startswith(said)


@pytest.mark.parametrize("form", ["第{k}条第一項", "{z}条{one}項", "{n}条1項", "第{n}条の第1項"])
def test_a_paragraph_in_every_numeral_form_quotes_its_article_and_says_so(layout, form):
    """第N条第M項: the article whole, with a note naming the paragraph (「第4条第1項を含む第4条の全文」)."""
    missed = []
    for article in layout.agreements[0].articles:
        n = article.number
        question = form.format(k=KANJI_DIGITS[n], z=chr(ord("０") + n), one="１", n=n)
        answer = ask(layout, question)
        noted = any(f"第{n}条第1項を含む" in note for note in answer.notes)
        if not answer.hits or not answer.hits[0].unit.id.endswith(f"/art-{n}") or not noted:
            missed.append((question, answer.notes))
    assert missed == []
