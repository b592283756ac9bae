"""Role and content questions in a department's own vocabulary (issue 10, round 8).

An own batch written before the round's rules, in the words of the offices that ask (企業立地・
販路開拓・保育士確保・情報政策…): 27/30 first before, 30/30 after, and
17 questions about what no row holds, every one refused before and after. The rules: a word of
striving the agreement lacks ending a compound (「保育士確保」「販路開拓」) only says what is done to the
thing a row names; 「スタートアップ」 is a loanword, not a start (施行); a noun the agreement lacks
joined by 「や」「・」 to one it has (「スタートアップや創業」) is covered by what covers that one.
"""

from __future__ import annotations

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.kinds import QuestionKind, question_kind

SEED = "sapporo-iwamizawa-2019/"

FOUND = [
    ("札幌市の起業家支援の役割を教えて", ("row-1-2/甲",)),  # 起業家 → 創業 (domain)
    ("岩見沢市商工課です。企業立地の推進で当市が担う役割は", ("row-1-2/乙",)),
    ("札幌市として新産業創出の支援でやることは", ("row-1-2/甲",)),
    ("岩見沢市農政課です。農産物の消費拡大で当市の役割は", ("row-3b-2/乙",)),
    ("地産地消の推進で札幌市は何をする", ("row-3b-2/甲",)),
    ("岩見沢市として特産品の販路拡大で何をしますか", ("row-1-3/乙",)),
    ("札幌市観光課です。観光プロモーションで札幌市の役割は", ("row-1-4/甲",)),
    ("MICE誘致について岩見沢市は何をする", ("row-1-4/乙",)),
    ("札幌市救急医療担当です。三次救急の提供で札幌市の役割は", ("row-2-1/甲",)),
    ("岩見沢市として救急医療体制の維持で何をしますか", ("row-3a-1/乙",)),
    ("岩見沢市子ども課です。保育士人材確保の検討で当市は何をする", ("row-3a-2/乙",)),
    ("生活困窮者自立支援の任意事業で札幌市の役割は", ("row-3a-2/甲",)),
    ("岩見沢市都市計画課です。都市計画の情報共有で当市の役割は", ("row-3a-3/乙",)),
    ("札幌市防災担当です。災害時の連携で札幌市の役割は", ("row-3a-5/甲",)),
    ("岩見沢市として女性活躍推進で何をする", ("row-3a-4/乙",)),
    ("札幌市情報政策課です。遠隔会議システムの導入で札幌市の役割は", ("row-3b-1/甲",)),
    ("オープンデータの共同利用で岩見沢市の役割は", ("row-3b-1/乙",)),
    ("岩見沢市企画課です。移住促進で当市は何をする", ("row-3b-3/乙",)),
    ("UIターン就職センターの利用で札幌市の役割は", ("row-3b-3/甲",)),
    ("札幌市人事課です。職員研修の合同実施で札幌市の役割は", ("row-3c-1/甲",)),
    ("職員交流で岩見沢市は何をするの", ("row-3c-2/乙",)),
    ("岩見沢市資産税課です。航空写真の共同撮影で当市の役割は", ("row-3c-3/乙",)),
    ("丘珠空港の利用促進で岩見沢市は何をする", ("row-2-2/乙",)),
    ("公共施設の相互利用について札幌市の役割は", ("row-2-4/甲",)),
    ("企業によるまちづくり活動の促進で岩見沢市の役割は", ("row-3b-4/乙",)),
    ("人材育成で高等教育機関を活かす件の札幌市の役割は", ("row-2-3/甲",)),
    ("創業促進について協約にある？", ("row-1-2", "row-1-2/甲", "row-1-2/乙")),
    ("販路開拓の支援は協約に書いてある？", ("row-1-3", "row-1-3/甲", "row-1-3/乙")),
    ("保育士確保の取組はある？", ("row-3a-2", "row-3a-2/甲", "row-3a-2/乙")),
    ("販路拡大に向けた支援の内容は", ("row-1-3", "row-1-3/甲", "row-1-3/乙")),
]


REFUSED = [
    "岩見沢市税務課です。住民税の徴収で当市の役割は",
    "札幌市環境局です。ごみ処理施設の共同設置はありますか",
    "除雪の費用負担は協約でどうなっていますか",
    "岩見沢市水道課です。水道事業の広域化について連携はある？",
    "札幌市交通局です。地下鉄の延伸について協約にありますか",
    "職員の給与は協約でどうなっている",
    "消防車の購入費はどちらが出すの",
    "図書館の相互貸出の件で岩見沢市の役割は",
    "学校給食の共同調理の連携はある？",
    "岩見沢市として下水道の整備で何をする",
    "火葬場の共同利用は協約にありますか",
    "国民健康保険の統合について札幌市の役割は",
    "路線バスの運行支援で岩見沢市は何をするの",
    "議員定数の削減は協約に書いてある？",
    "鳥獣被害対策で札幌市の役割は",
    "病院の建て替え費用の負担割合は",
    "新幹線の駅の誘致で岩見沢市は何をする",
    "岩見沢市環境課です。ごみ収集の強化で当市の役割は",  # striving for a service no row holds
]


@pytest.mark.parametrize(("question", "units"), FOUND)
def test_department_vocabulary_finds_the_row(corpus, question, units):
    answer = ask(corpus, question)
    assert answer.hits and answer.status != Status.NO_MATCH, question
    assert answer.hits[0].unit.id.removeprefix(SEED) in units


@pytest.mark.parametrize("question", REFUSED)
def test_department_questions_about_what_no_row_holds_are_refused(corpus, question):
    assert ask(corpus, question).status in (Status.NO_MATCH, Status.NOT_PARTY)


@pytest.mark.parametrize("question", ["札幌市としてスタートアップ支援で担う役割", "ベンチャーやスタートアップの支援はある？"])
def test_startup_is_no_start(question):
    assert question_kind(question) != QuestionKind.EFFECTIVE


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("ベンチャー・創業の支援で札幌市の役割は", "row-1-2/甲"),
        ("ドローンや空撮の連携はある？", "row-3c-3"),
        ("スタートアップや起業の支援について岩見沢市の役割は", "row-1-2/乙"),
    ],
)
def test_a_word_beside_a_held_one_names_the_same_field(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status != Status.NO_MATCH and answer.hits[0].unit.id == SEED + unit


@pytest.mark.parametrize("question", ["路線バスや地下鉄の連携はある？", "ドローンや除雪の連携は協約にある？"])
def test_two_words_the_agreement_lacks_stay_refused(corpus, question):
    assert ask(corpus, question).status == Status.NO_MATCH


def test_a_service_is_no_striving(corpus):
    # 「ごみ収集」: 収集 is a service of its own, not more of something a row names
    assert ask(corpus, "保育士収集について岩見沢市は何をする").status == Status.NO_MATCH


@pytest.mark.parametrize("question", ["救急車を有料にするって協約に書いてある？", "丘珠空港の駐車場を無料にする話はある？"])
def test_what_a_thing_would_be_made_is_asked_about(corpus, question):
    # 「有料にする」: the change asked about, not a word of asking after the held 救急
    assert ask(corpus, question).status == Status.NO_MATCH


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("消防の応援で岩見沢市は何をする", "row-3a-5/乙"),  # 応援: mutual aid, 協力
        ("大きな地震のときの相互応援の取組はある？", "row-3a-5"),
    ],
)
def test_mutual_aid_is_the_disaster_row(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status != Status.NO_MATCH and answer.hits[0].unit.id == SEED + unit


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("連携事業のPDCAで岩見沢市は何をする", "row-1-1/乙"),  # PDCA: 企画・立案・効果検証
        ("観光キャンペーンで札幌市の役割は", "row-1-4/甲"),  # キャンペーン: プロモーション
        ("用途地域の情報を共有する件で札幌市の役割は", "row-3a-3/甲"),
        ("ベンチャー支援について岩見沢市の役割は", "row-1-2/乙"),
    ],
)
def test_department_words_name_the_row_of_their_field(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status != Status.NO_MATCH and answer.hits[0].unit.id == SEED + unit
