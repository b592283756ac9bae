"""What the page shows, as the library prepares it: safe Markdown, highlights, what is copied,
share links, choices, examples and the conversation export (real SudachiPy)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.views.exports import conversation_markdown, copy_text, escape_file_markdown
from kyoyaku_search.views.marks import highlight_terms
from kyoyaku_search.views.web import (
    MARK_CLOSE,
    MARK_OPEN,
    Turn,
    answer_turn,
    escape_markdown,
    example_questions,
    highlight_markdown,
    highlighted,
    matched_spans,
    party_choices,
    read_link,
    row_units,
    share_link,
    substring_spans,
)

DISASTER = "岩見沢市の災害対策での役割は"
DISASTER_CITATION = "別表（第3条関係）(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"
DISASTER_ROLE = "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲と協力して取り組む。"
TITLE = "札幌市及び岩見沢市における連携中枢都市圏形成に係る連携協約"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("災害対策", "災害対策"),  # Japanese text and full-width punctuation pass unchanged
        ("甲（札幌市）", "甲（札幌市）"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("**太字**", r"\*\*太字\*\*"),
        ("[リンク](http://example.com)", r"\[リンク\](http\://example\.com)"),  # no link, no autolink
        ("www.example.com", r"www\.example\.com"),
        ("(3)ア 生活機能の強化", "(3)ア 生活機能の強化"),  # a citation stays as printed
        ("- 一\n1. 二\n===", "\\- 一  \n1\\. 二  \n\\=\\=\\="),  # no list, no heading
        ("$x^2$", r"\$x^2\$"),  # no LaTeX
        (":red[赤]", r"\:red\[赤\]"),  # no Streamlit colour directive
        ("# 見出し", r"\# 見出し"),
        ("一行目\n二行目", "一行目  \n二行目"),  # a line break stays a line break
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


def test_matched_spans_mark_the_question_words_not_the_words_of_asking(corpus):
    question = ask(corpus, DISASTER).question
    spans = matched_spans(corpus.tokenizer, DISASTER_ROLE, question.terms)
    assert [DISASTER_ROLE[b:e] for b, e in spans] == ["災害", "災害"]
    assert spans[1][0] == DISASTER_ROLE.index("災害時")


@pytest.mark.parametrize(
    ("text", "terms", "marked"),
    [
        ("観光資源の活用", ("観光",), ["観光"]),  # a term inside a compound word
        ("ＩＣＴインフラの整備", ("ict",), ["ＩＣＴ"]),  # normalized form of a full-width word
        ("消防の連携及び協力", ("連携", "協力"), ["連携", "協力"]),
        ("消防の連携", ("役割",), []),  # 役割 is a word of asking: never marked
    ],
)
def test_matched_spans(tokenizer, text, terms, marked):
    assert [text[b:e] for b, e in matched_spans(tokenizer, text, terms)] == marked


def test_highlight_markdown_escapes_around_and_inside_the_marks():
    text = "甲[札幌市]の*災害*対策"
    start = text.index("*災害*")
    assert highlight_markdown(text, [(start, start + 4)]) == rf"甲\[札幌市\]の{MARK_OPEN}\*災害\*{MARK_CLOSE}対策"


def test_highlighted_answer_text(corpus):
    answer = ask(corpus, DISASTER)
    marked = highlighted(corpus, answer.hits[0].unit.text, answer)
    assert marked.startswith(f"{MARK_OPEN}災害{MARK_CLOSE}に備える連携")
    assert marked.count(MARK_OPEN) == 2


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        (DISASTER, ("災害", "対策")),  # the topic words; not 役割 (a word of asking), not the party's name
        ("防災での役割は", ("防災", "災害", "消防")),  # the synonyms the search used for 防災
        ("効力はいつから", ("効力", "施行")),  # the template's word for the kind asked
        ("地域医寮の役割", ("地域", "医療")),  # the typo read as the word
    ],
)
def test_highlights_mark_the_questions_words_and_the_synonyms_used(corpus, question, terms):
    assert set(highlight_terms(ask(corpus, question).question)) == set(terms)


def test_a_highlight_adds_no_character_to_the_text(corpus):
    answer = ask(corpus, DISASTER)
    marked = highlighted(corpus, DISASTER_ROLE, answer)
    assert marked.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") == escape_markdown(DISASTER_ROLE)


@pytest.mark.parametrize(
    ("text", "words", "marked"),
    [
        ("災害対策", ["災害"], ["災害"]),
        ("ICTインフラ整備", ["ｉｃｔ"], ["ICT"]),  # width and case folded
        ("災害時の災害", ["災害"], ["災害", "災害"]),
        ("地域医療", ["福祉"], []),
    ],
)
def test_substring_spans(text, words, marked):
    assert [text[b:e] for b, e in substring_spans(text, words)] == marked


def test_what_is_copied_is_the_exact_quote_its_citation_and_who_the_labels_are(corpus):
    hit = ask(corpus, DISASTER).hits[0]
    assert copy_text(hit, corpus) == f"「{DISASTER_ROLE}」\n出典: {TITLE} {DISASTER_CITATION}\n甲＝札幌市　乙＝岩見沢市"
    article = ask(corpus, "協約の目的は").hits[0]
    assert copy_text(article, corpus).startswith(f"「{article.unit.text}」\n出典: {TITLE} 第1条（目的）")


@pytest.mark.parametrize(
    ("base", "party", "agreement", "prefix"),
    [
        (None, None, None, "?q="),
        ("http://localhost:8501/", None, None, "http://localhost:8501/?q="),
        ("http://127.0.0.1:8501", "岩見沢市", None, "http://127.0.0.1:8501/?q="),
        ("https://example.jp/kyoyaku/", "札幌市", "sapporo-iwamizawa-2019", "https://example.jp/kyoyaku/?q="),
    ],
)
def test_share_link_asks_the_same_question_again(base, party, agreement, prefix):
    question = "災害対策 & 医療 #1 <b>?"
    link = share_link(base, question, party=party, agreement=agreement)
    assert link.startswith(prefix)
    params = parse_qs(urlsplit(link).query)
    assert params["q"] == [question]
    assert params.get("party") == ([party] if party else None)
    assert params.get("agreement") == ([agreement] if agreement else None)


def test_party_choices_come_from_the_agreement(corpus):
    assert party_choices(corpus) == ("両方", "札幌市", "岩見沢市")


def test_example_questions_all_find_something(corpus):
    examples = example_questions(corpus)
    assert examples[0] == "岩見沢市の地域医療での役割は"  # made from the second party and the annex
    for example in examples:
        assert ask(corpus, example).status in ("answered", "party_roles"), example


def test_row_units_of_a_role_cell_are_the_row_and_both_cells(corpus):
    hit = ask(corpus, DISASTER).hits[0]
    family = row_units(corpus, hit.unit)
    assert [(u.kind, u.party) for u in family] == [("row", None), ("role", "札幌市"), ("role", "岩見沢市")]
    assert row_units(corpus, ask(corpus, "費用の分担は").hits[0].unit) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "質問が空です"),
        ("  \n ", "質問が空です"),
        ("あ" * 501, "質問が長すぎます（501文字）"),
    ],
)
def test_a_question_that_cannot_be_searched_becomes_a_message(corpus, text, message):
    turn = answer_turn(corpus, text)
    assert turn.answer is None and turn.error.startswith(message)


def test_answer_turn_keeps_the_filters_and_the_whole_answer(corpus):
    turn = answer_turn(corpus, "災害対策での役割は", party="札幌市")
    assert turn.party == "札幌市"
    assert turn.answer.hits[0].citation.endswith("甲（札幌市）の役割")


def test_conversation_markdown(corpus):
    turns = [
        answer_turn(corpus, DISASTER),
        answer_turn(corpus, "<script>alert(1)</script> **小樽市**の観光"),
        answer_turn(corpus, ""),
    ]
    markdown = conversation_markdown(turns, corpus, datetime(2025, 1, 2, 3, 4))
    assert markdown.startswith("# 連携協約検索 会話の記録\n\n- 保存日時: 2025-01-02 03:04\n")
    assert "## 質問 1\n\n> 岩見沢市の災害対策での役割は  \n\n**回答**\n\n" in markdown
    assert (
        f"> 「{DISASTER_ROLE}」  \n> 出典: {DISASTER_CITATION}  \n"
        "> 原文: sapporo-iwamizawa-2019.txt 92行  \n> 甲＝札幌市　乙＝岩見沢市  \n"
    ) in markdown
    assert "**ほかの該当箇所**" in markdown
    assert "\\:" not in markdown and "\\." not in markdown and "\\-" not in markdown  # no needless backslashes
    assert r"> \<script\>alert(1)\</script\> \*\*小樽市\*\*の観光" in markdown
    assert "小樽市はこの協約の当事者ではありません" in markdown
    assert "## 質問 3" in markdown and "質問が空です" in markdown
    assert "<script>" not in markdown


def test_conversation_markdown_names_the_party_filter(corpus):
    markdown = conversation_markdown([Turn("災害対策", None, "x", party="岩見沢市")], corpus, datetime(2025, 1, 1))
    assert "（絞り込み: 岩見沢市）" in markdown


def test_a_role_answers_own_cells_are_not_other_places(corpus):
    markdown = conversation_markdown([answer_turn(corpus, "札幌市の役割は")], corpus, datetime(2025, 1, 1))
    assert "**該当する箇所（別表の順）**" in markdown and "ほかの該当箇所" not in markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("例: 第4条", "例: 第4条"),  # a colon, a dot, a hyphen need no backslash in a file
        ("sapporo-iwamizawa-2019.txt", "sapporo-iwamizawa-2019.txt"),
        ("**太字** <b>", r"\*\*太字\*\* \<b\>"),
        ("- 一\n# 二", "\\- 一  \n\\# 二"),  # no list, no heading
    ],
)
def test_escape_file_markdown(text, escaped):
    assert escape_file_markdown(text) == escaped


@pytest.mark.parametrize(
    ("params", "party", "agreement", "note"),
    [
        ({"q": "費用", "party": "札幌市"}, "札幌市", None, None),
        (
            {"q": "費用", "party": "小樽市"},
            None,
            None,
            "リンクの party=小樽市 はこの協約の当事者ではありません（当事者: 札幌市・岩見沢市）",
        ),
        ({"q": "費用", "agreement": "nowhere"}, None, None, "リンクの agreement=nowhere に当たる協約はありません"),
        ({"q": "費用", "agreement": "sapporo-iwamizawa-2019"}, None, "sapporo-iwamizawa-2019", None),
    ],
)
def test_a_link_names_what_it_asks_for_and_notes_what_the_data_lacks(corpus, params, party, agreement, note):
    link = read_link(corpus, params)
    assert (link.question, link.party, link.agreement) == ("費用", party, agreement)
    assert [n for n in link.notes if n.startswith(note)] if note else not link.notes
