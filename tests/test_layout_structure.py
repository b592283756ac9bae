"""Structural questions on agreements other than the seed, each loaded alone (as an upload is):
the place the question names comes first, whatever the layout writes its 取組 in.
"""

from __future__ import annotations

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
    wanted |= {"条文はいくつある": f"art-{last}", "何条まである": f"art-{last}"}
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
    """Where the 取組 stand inline in an article (第3条 (1) ア (ア) a …), 「第3条の取組を全部」 lists every
    one of them in order, as 「別表の取組を全部」 does of an annex."""
    missed, asked = [], 0
    for name in LAYOUTS:
        corpus = alone(name)
        annex = corpus.agreements[0].annex
        if annex is None or annex.article is None:
            continue
        asked += 1
        rows = [u.id for u in corpus.units if u.kind == "row"]
        answer = ask(corpus, form.format(n=annex.article))
        if answer.status is not Status.SECTION or [h.unit.id for h in answer.hits] != rows[: len(answer.hits)]:
            missed.append((name, answer.status, answer.message))
        elif len(answer.items) != len(rows):
            missed.append((name, len(answer.items), len(rows)))
    assert asked >= 5
    assert missed == []


def test_the_article_holding_the_initiatives_is_still_quoted_for_its_text(alone):
    corpus = alone("iida-oshika-2009.txt")
    assert _first(corpus, "第3条の取組の内容は") == "art-3"  # the article's own words on 取組の内容
    assert _first(corpus, "第3条") == "art-3"


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
    answer = ask(layout, "署名欄を見せて")
    if agreement.signature is not None:
        assert answer.hits[0].unit.kind == "signature"
        return
    said = " ".join((answer.message, *answer.notes))
    assert f"この{agreement.kind}の写しには署名欄がありません。" in said
    assert all(h.unit.kind == "date" for h in answer.hits)
