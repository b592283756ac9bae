"""Answers read like the spec: question → the citation of the first hit, and what the answer says."""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import ask
from kyoyaku_search.answering.question import MAX_QUESTION_CHARS
from kyoyaku_search.errors import QuestionError

ANNEX = "別表（第3条関係）"


@pytest.mark.parametrize(
    ("question", "citation"),
    [
        ("岩見沢市の災害対策での役割は", f"{ANNEX}(3)ア 生活機能の強化「災害対策」乙（岩見沢市）の役割"),
        ("札幌市の災害対策での役割は", f"{ANNEX}(3)ア 生活機能の強化「災害対策」甲（札幌市）の役割"),
        ("岩見沢の観光の役割", f"{ANNEX}(1) 圏域全体の経済成長のけん引「戦略的な観光施策」乙（岩見沢市）の役割"),
        ("乙の地域医療での役割", f"{ANNEX}(3)ア 生活機能の強化「地域医療」乙（岩見沢市）の役割"),
        ("ＩＣＴインフラ整備の内容", f"{ANNEX}(3)イ 結びつきやネットワークの強化「ICTインフラ整備」"),
        ("費用の分担は", "第4条（費用分担）"),
        ("協約を変更するには", "第6条（変更等）"),
        ("施行日はいつ", "附則"),
        ("協約の目的は", "第1条（目的）"),
        ("誰が署名したのか", "署名欄"),
        # round 3 of issue 10: where the agreement says it, framed by why one asks
        ("役割分担の根拠条文を知りたい", "第3条（連携する取組等）"),
        ("議会で質問したい。協約の目的を定めた条文はどれか", "第1条（目的）"),
        ("両市はどういう方針で連携していくのか", "第2条（基本方針）"),
        ("両市の担当者が集まって協議する場はあるのか", "第5条（定期的な協議）"),
    ],
)
def test_first_citation(corpus, question, citation):
    answer = ask(corpus, question)
    assert answer.status == "answered"
    assert answer.hits[0].citation == citation
    assert f"\n出典: {citation}\n原文: " in answer.text


def test_the_answer_quotes_the_cell_verbatim_and_says_who_the_labels_are_beside_it(corpus):
    answer = ask(corpus, "岩見沢市の災害対策での役割は")
    hit = answer.hits[0]
    assert (
        hit.unit.text
        == "災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、甲と協力して取り組む。"
    )
    assert answer.text == (
        f"「{hit.unit.text}」\n出典: {hit.citation}\n原文: sapporo-iwamizawa-2019.txt 92行\n甲＝札幌市　乙＝岩見沢市"
    )


def test_a_quoted_era_date_gets_its_western_year_beside_the_quote(corpus):
    answer = ask(corpus, "いつから施行されますか")
    assert answer.quotes[0].text == "この連携協約は、平成31年4月1日から施行する。"  # as printed
    assert answer.text.endswith("日付: 平成31年（2019年）4月1日")


def test_a_party_question_never_returns_the_other_partys_cell(corpus):
    for question in ("岩見沢市の災害対策での役割は", "岩見沢の観光", "乙の福祉", "いわみざわしの災害対策"):
        answer = ask(corpus, question, top_k=20)
        assert {hit.unit.party for hit in answer.hits if hit.unit.kind == "role"} == {"岩見沢市"}, question


def test_hiragana_name_is_the_party(corpus):
    answer = ask(corpus, "いわみざわしの災害対策でのやくわり")
    assert answer.hits[0].unit.id.endswith("row-3a-5/乙")


@pytest.mark.parametrize("question", ["小樽市の災害対策での役割は", "小樽の観光", "江別市と札幌市の連携"])
def test_a_municipality_that_is_not_a_party(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == "not_party"
    assert answer.hits == ()
    name = answer.question.outsiders[0]
    assert answer.text == f"{name}はこの協約の当事者ではありません。当事者は札幌市と岩見沢市です。"


def test_places_the_agreement_mentions_are_not_outsiders(corpus):
    assert ask(corpus, "丘珠空港の利用促進").status == "answered"
    assert ask(corpus, "さっぽろ連携中枢都市圏とは").status == "answered"


@pytest.mark.parametrize("question", ["今日の天気は", "消費税率はいくら", "岩見沢市の天気"])
def test_nothing_matches(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == "no_match"
    assert answer.hits == ()
    assert "見つかりませんでした" in answer.text


def test_a_party_without_a_topic_lists_its_roles(corpus):
    answer = ask(corpus, "岩見沢市の役割は", top_k=3)
    assert answer.status == "party_roles"
    assert [hit.unit.initiative for hit in answer.hits] == ["経済戦略の推進", "戦略産業の育成", "地域経済の裾野拡大"]
    assert {hit.unit.party for hit in answer.hits} == {"岩見沢市"}
    assert "20項目" in answer.text


def test_ui_party_choice_narrows_role_cells(corpus):
    answer = ask(corpus, "災害対策での役割", party="札幌市", top_k=10)
    assert answer.hits[0].unit.id.endswith("row-3a-5/甲")
    assert "岩見沢市" not in {hit.unit.party for hit in answer.hits}


def test_json_shape(corpus):
    data = ask(corpus, "岩見沢市の災害対策での役割は", top_k=2).to_json()
    assert list(data) == ["query", "answer", "hits"]
    hit = data["hits"][0]
    assert list(hit) == ["id", "kind", "article", "section", "initiative", "party", "text", "citation", "score"]
    assert (hit["kind"], hit["article"], hit["section"], hit["initiative"], hit["party"]) == (
        "role",
        None,
        "(3)ア 生活機能の強化",
        "災害対策",
        "岩見沢市",
    )
    assert ask(corpus, "費用の分担は").to_json()["hits"][0]["article"] == 4


def test_initiative_is_written_without_pdf_spacing(corpus):
    assert ask(corpus, "ICTインフラ整備").hits[0].unit.initiative == "ICTインフラ整備"


@pytest.mark.parametrize("question", ["", "   ", "\u3000\n\t", "\x00\x01"])
def test_empty_questions(corpus, question):
    with pytest.raises(QuestionError, match="質問が空です"):
        ask(corpus, question)


def test_over_long_question(corpus):
    with pytest.raises(QuestionError, match=f"{MAX_QUESTION_CHARS}文字以内"):
        ask(corpus, "災害" * MAX_QUESTION_CHARS)


def test_control_characters_and_surrogates_are_dropped(corpus):
    assert ask(corpus, "岩見沢市の\ud800災害対策\x07での役割は").hits[0].unit.id.endswith("row-3a-5/乙")


@pytest.mark.parametrize("top_k", [0, 51])
def test_top_k_bounds(corpus, top_k):
    with pytest.raises(ValueError):
        ask(corpus, "災害対策", top_k=top_k)


def test_a_role_question_without_a_party_gives_both_cells_side_by_side(corpus):
    answer = ask(corpus, "災害対策での役割は")
    assert answer.status == "both_parties"
    assert [hit.unit.id.rsplit("/", 2)[1:] for hit in answer.hits[:2]] == [["row-3a-5", "甲"], ["row-3a-5", "乙"]]
    kou, otsu = answer.text.split("\n出典: ")[0], answer.text.splitlines()[4]
    assert (
        kou
        == "札幌市（甲）: 「災害に備える連携、消防の連携及び協力並びに災害時における連携の推進等について、乙と協力して取り組む。」"
    )
    assert otsu.startswith("岩見沢市（乙）: 「") and otsu.endswith("、甲と協力して取り組む。」")
    assert answer.text.endswith("甲＝札幌市　乙＝岩見沢市")  # who the labels are, beside the quotes


def test_a_topic_alone_gets_the_row_not_one_partys_cell(corpus):
    assert ask(corpus, "観光は？").hits[0].unit.kind == "row"


def test_what_both_do_together(corpus):
    answer = ask(corpus, "札幌市と岩見沢市が協力して取り組むことは", top_k=50)
    assert answer.status == "together"
    assert answer.text.startswith(
        "甲（札幌市）と乙（岩見沢市）が互いに「協力して取り組む」と定めた取組は、別表に12項目あります。"
    )
    assert [hit.unit.section.split(" ")[0] for hit in answer.hits] == ["(3)ア"] * 5 + ["(3)イ"] * 4 + ["(3)ウ"] * 3


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("岩見沢市の防災での役割", "「防災」を「災害」「消防」として検索しました。"),
        ("岩見沢市の地域医寮での役割", "「地域医寮」を「地域医療」と読み替えて検索しました。"),
        (
            "いわみざわしのさいがいたいさくでのやくわり",
            "「さいがいたいさくでのやくわり」を「災害」「対策」「役割」と読んで検索しました。",
        ),
    ],
)
def test_the_answer_says_what_it_read_instead(corpus, question, note):
    answer = ask(corpus, question)
    assert answer.text.splitlines()[0] == note
    assert answer.text.splitlines()[1].startswith("「")  # then the quote, unchanged


def test_one_hit_asked_for_without_a_party_quotes_the_row(corpus):
    # found by the question fuzz: 「IT役割」 with top_k=1 returned two hits
    answer = ask(corpus, "災害対策での役割は", top_k=1)
    assert [hit.unit.id.rsplit("/", 1)[1] for hit in answer.hits] == ["row-3a-5"]
    assert answer.text.endswith(
        "出典: 別表（第3条関係）(3)ア 生活機能の強化「災害対策」\n原文: sapporo-iwamizawa-2019.txt 92行"
    )


@pytest.mark.parametrize(
    ("question", "row"),
    [
        # the 取組 named in full ranks above a longer 取組 that contains its words
        ("人材の育成の内容は", "row-3c-1"),
        ("岩見沢市の人材の育成での役割は", "row-3c-1/乙"),
        ("高等教育機関の集積を活かした人材の育成の内容", "row-2-3"),
    ],
)
def test_a_initiative_named_in_full(corpus, question, row):
    answer = ask(corpus, question)
    assert answer.hits[0].unit.id.endswith(row)
    assert "として検索しました" not in answer.text  # the user wrote the agreement's own words


@pytest.mark.parametrize(
    ("question", "status", "first"),
    [
        # lists of every 取組 (round 2 of issue 10)
        ("連携する取組の一覧", "together", "row-1-1"),
        ("両市の連携事業のリストがほしい", "together", "row-1-1"),
        ("岩見沢市がやることを全部教えて", "party_roles", "row-1-1/乙"),
        ("取組の一覧はどこに載っている", "answered", "art-3"),  # where the list is, not the list
        # a stance or comparison: the row's cells side by side
        ("福祉分野では両市は対等な立場なのか、それとも札幌市が主導するのか", "both_parties", "row-3a-2/甲"),
        ("観光で札幌市が主導して岩見沢市が支える、という関係で合っていますか", "both_parties", "row-1-4/甲"),
        # who 甲 and 乙 are: the preamble defines them
        ("甲と乙はそれぞれどこの市のこと？", "answered", "preamble"),
        ("乙ってどこの市？", "answered", "preamble"),
    ],
)
def test_answer_shapes(corpus, question, status, first):
    answer = ask(corpus, question)
    assert answer.status == status
    assert answer.hits[0].unit.id.split("/", 1)[1] == first


def test_all_rows_are_listed_with_citations(corpus):
    answer = ask(corpus, "連携する取組の一覧", top_k=5)
    assert answer.message == "甲（札幌市）と乙（岩見沢市）が連携する取組は、別表に20項目あります。"
    assert len(answer.items) == 20 and len(answer.hits) == 5
    assert answer.items[0].citation.startswith("別表（第3条関係）(1)")


def test_an_article_the_agreement_lacks_is_said(corpus):
    answer = ask(corpus, "第7条")
    assert answer.status == "no_match" and not answer.hits
    assert answer.message == "第7条はこの協約にありません（第1条から第6条まで）。"


def test_a_word_of_its_own_is_not_read_as_a_typo_of_the_agreements_word(corpus):
    assert ask(corpus, "エゾシカなどの鳥獣被害対策").status == "no_match"  # 被害 is not 災害
