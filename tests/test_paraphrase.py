"""Everyday paraphrase and an honest found / not-found (issue 10, round 4).

Every question here was written for this file by the engineer who made the rules, in words other
than the tuning sets' own; each table row names the rule it shows. The rules read the corpus's
own vocabulary or general Japanese, so the last tables ask another real agreement the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.question import understand
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus
from kyoyaku_search.search.related import held_parts, kanji_stem, same_stem, stems, two_kanji_candidate, two_kanji_near

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("備え", "備"),
        ("備える", "備"),
        ("受け入れ", "受入"),
        ("取り組む", "取組"),
        ("災害", None),  # all kanji: no okurigana to differ
        ("つながり", None),  # all kana
        ("お金", None),  # a prefix before the kanji
        ("ICT", None),
    ],
)
def test_kanji_stem(word, stem):
    assert kanji_stem(word) == stem


def test_same_stem_finds_the_other_okurigana_only():
    by_stem = stems(["備える", "災害", "受け入れる", "取り組む"])
    assert same_stem("備え", by_stem) == ("備える",)
    assert same_stem("受け入れ", by_stem) == ("受け入れる",)
    assert same_stem("備える", by_stem) == ()  # itself is not another form
    assert same_stem("地震", by_stem) == ()


def test_held_parts_are_the_parts_of_two_kanji_the_corpus_holds():
    held = {"保育": 2, "園": 1, "相互": 3}.get
    assert held_parts(["保育", "園"], lambda part: held(part, 0)) == ("保育",)  # 園: one character
    assert held_parts(["火葬", "場"], lambda part: held(part, 0)) == ()


@pytest.mark.parametrize(
    ("word", "candidate"),
    [
        ("福止", "福祉"),  # off 福祉 and 廃止: only 福祉 sounds the same (an input-method slip)
        ("医寮", "医療"),  # off one word only
        ("人口", None),  # itself
        ("天気", None),  # off no word
    ],
)
def test_two_kanji_candidate(word, candidate, tokenizer):
    near = two_kanji_near(["福祉", "廃止", "医療", "人口"])
    assert two_kanji_candidate(word, near, tokenizer.reading) == candidate


# (question, the unit that must come first, the rule it shows)
FOUND = [
    ("大きな災害への備えについて岩見沢市の役目は", "row-3a-5/乙"),  # 備え ~ 備える (okurigana)
    ("救急の重い患者の受け入れで札幌市がすること", "row-2-1/甲"),  # 受け入れ weighs as a verb; 重い → 三次救急
    ("保育園のことで札幌市の役割", "row-3a-2/甲"),  # 保育園's held part 保育 (保育士)
    ("保育園の先生を増やす取組で岩見沢市は何をする", "row-3a-2/乙"),  # 先生: a person word frames
    ("岩見沢市の観光での役回り", "row-1-4/乙"),  # 役回り frames as 役割 does
    ("札幌市は観光の宣伝でどんな役回りなんですか", "row-1-4/甲"),  # 「なんですか」 is not 「なんで」 (why)
    ("工場を誘致することについて札幌市の役割", "row-1-2/甲"),  # 工場 → 企業 (domain)
    ("台風への備えで札幌市は何をする", "row-3a-5/甲"),  # 台風 → 災害 (domain)
    ("企業を呼び込む取組での岩見沢市の役目", "row-1-2/乙"),  # 呼び込む → 誘致 (domain)
    ("町の外から住む人を呼び込むことで岩見沢市の役目", "row-3b-3/乙"),  # 住む → 移住 (domain)
    ("学生の就職を岩見沢市は支援するの", "row-3b-3/乙"),  # people the agreement never names say who benefits
    ("岩見沢市の福止での役割", "row-3a-2/乙"),  # a two-kanji typo, read as 福祉
    ("美術館などを両市の市民が使えるか", "row-2-4"),  # a facility given as an example of its kind
    ("博物館や図書館をお互いに使えるか", "row-2-4"),  # 「や」: a list of examples
    ("岩見沢市は大雪のとき札幌市とどう動くのか", "row-3a-5/乙"),  # 札幌市と: the partner, not the one asked
    ("火事のときの消防の協力で札幌市の役割", "row-3a-5/甲"),  # 「のとき」 says when, it is no modifier; 火事 → 消防
    ("かかる おかねは どっちが はらうの", "art-4"),  # おかね: お金 in kana, a cost question
    ("連携事業にかかる経費負担はどう決める", "art-4"),  # 連携事業 frames as 取組 does
]


@pytest.mark.parametrize(("question", "unit"), FOUND)
def test_everyday_words_are_found(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1] == unit


# Off topic: each shares a general word with some unit (共同・相互・利用・費用・分担・誘致・災害).
NOT_FOUND = [
    "墓地の共同利用はあるか",  # 墓地: what the 共同利用 is of, and no unit has it
    "斎場の相互利用",
    "除雪の費用の分担",
    "ホテルの誘致で札幌市の役割",
    "美術館の相互利用はできる",  # a facility named alone is not answered by 公共施設
    "避難所の運営の費用",
    "避難所の場所を教えて",  # 避難所 alone is not answered by 災害
]


@pytest.mark.parametrize("question", NOT_FOUND)
def test_off_topic_sharing_a_general_word_gets_no_quote(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == Status.NO_MATCH
    assert not answer.quotes


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("墓地の共同利用はあるか", ("墓地",)),
        ("国際会議や展示会の誘致で岩見沢市は何をする", ()),  # 展示会: one of a list, 国際会議 is there
        ("地元のお店の売り先を広げる", ()),  # お店: everyday speech, not the name of a thing
        ("若者の定着で岩見沢市は何をする", ()),  # people
        ("下水道事業の共同経営", ("下水道",)),  # a compound before 「の」, none of whose words a unit has
        ("ネット会議の導入で岩見沢市は何をする", ()),  # 会議 is there (遠隔会議)
    ],
)
def test_foreign_modifiers(corpus, question, foreign):
    assert understand(corpus, question).foreign == foreign


@pytest.fixture(scope="module")
def hiroshima(tokenizer):
    return build_corpus([parse_file(FIXTURES / "hiroshima-iwakuni-2016.txt").agreement], tokenizer)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("大きな地震のとき岩国市は何をしてくれるの", "row-3-1/乙"),
        ("台風への備えで広島市の役回りは", "row-3-1/甲"),
        ("救急の重い患者の受け入れで広島市の役割", "row-2-1/甲"),
    ],
)
def test_everyday_words_in_another_agreement(hiroshima, question, unit):
    answer = ask(hiroshima, question)
    assert answer.status == Status.ANSWERED
    assert answer.hits[0].unit.id.split("/", 1)[1] == unit


@pytest.mark.parametrize("question", ["火葬場の相互利用", "図書館の相互応援"])
def test_off_topic_in_another_agreement(hiroshima, question):
    assert ask(hiroshima, question).status == Status.NO_MATCH


# Round 5: the question's topic head must be held by the unit. Two batches written before the rule
# was built: off-topic questions a resident or journalist might ask of a 連携協約 (this one does not
# say), and everyday paraphrases of what it does say. Before the rule: 29/35 refused, 33/33 found.
TOPIC_ABSENT = [
    "相互利用できる駐車場はありますか",  # the head after a describing clause
    "両市で共同で使う斎場",  # at the end; 「両市で…」 rows are not quoted for it either
    "岩見沢市の人口はどのくらい",  # 人口 is only inside 圏域人口・人口減少: no evidence
    "外国人の生活支援",  # 生活 is only inside 生活困窮者・生活機能
    "市民プールを相互利用できるか",  # the head of 市民プール, before 「を」
    "ごみ処理の広域化について",
    "水道料金の統一",
    "路線バスの運行について",
    "学校給食の共同調理",
    "両市の職員の給与水準",
    "市営住宅の入居資格",
    "小学校の統廃合",
    "ふるさと納税の返礼品",
    "議員定数の削減",
    "姉妹都市の提携",
    "温泉施設の割引",
    "除雪車の貸し借り",
    "下水処理場の共同化",
    "病院の駐車場料金",
    "新幹線駅の誘致で札幌市の役割",
    "市長の任期",
    "図書館の開館時間",
    "空き家対策の補助金",
    "国民健康保険料の統一",
    "子ども医療費の助成",
    "高校の通学費の補助",
    "動物園の入場料",
    "市民が使える体育館の予約方法",
    "戸籍謄本を相手の市でも取れるか",
    "選挙の投票所を共通にするか",
    "両市の合併の予定",
    "熊の出没への対応",
    "鳥獣被害の対策で岩見沢市の役割",
    "共同で運営する火葬場",
]

TOPIC_HELD = [
    ("救急患者を札幌の病院で受け入れてもらえるの", ("row-2-1", "row-3a-1")),
    ("保育士が足りない問題で両市は何をする", ("row-3a-2",)),
    ("地震に備えて岩見沢市は何をする", ("row-3a-5/乙",)),
    ("丘珠空港をもっと使ってもらう取組", ("row-2-2",)),  # a name, whole: no part of a longer word
    ("とれた農産物を地元で消費する取組", ("row-3b-2",)),
    ("職員の研修を一緒にやるのか", ("row-3c-1",)),
    ("職員の人事交流はあるか", ("row-3c-2",)),
    ("航空写真を一緒に撮る", ("row-3c-3",)),
    ("オープンデータを共同で使う", ("row-3b-1",)),
    ("テレビ会議のシステムを入れる", ("row-3b-1",)),  # システム inside 遠隔会議システム, with 会議
    ("観光のPRを一緒にやるのか", ("row-1-4",)),
    ("国際会議の誘致で札幌市の役割", ("row-1-4/甲",)),
    ("企業を誘致する取組", ("row-1-2",)),
    ("起業する人への支援", ("row-1-2",)),
    ("地元の特産品の販路を広げる", ("row-1-3",)),  # 販路 inside 販路拡大, 広げる → 拡大
    ("札幌の都心の再開発に岩見沢市は協力するのか", ("row-2-2/乙",)),
    ("公共施設を両市の住民が使えるか", ("row-2-4",)),
    ("大学を活かした人材育成", ("row-2-3",)),
    ("生活に困っている人の自立支援", ("row-3a-2",)),  # 自立 inside 自立支援法, with 支援
    ("都市計画の情報を共有する", ("row-3a-3",)),  # 情報 inside 情報共有, with 共有
    ("女性の活躍を応援する取組", ("row-3a-4",)),
    ("まちのにぎわいづくり", ("row-3a-4",)),
    ("消防の協力で岩見沢市の役割", ("row-3a-5/乙",)),
    ("移住する人を増やす取組", ("row-3b-3",)),
    ("UIターン就職センターを岩見沢市民も使えるか", ("row-3b-3",)),
    ("若い人が地元に定着する取組", ("row-3b-3",)),
    ("企業によるまちづくりの活動", ("row-3b-4",)),
    ("費用は誰が負担するのか", ("art-4",)),
    ("協約をやめるときはどうする", ("art-6",)),
    ("両市は定期的に話し合うのか", ("art-5",)),
    ("救急医療を維持するための岩見沢市の役割", ("row-3a-1/乙",)),
    ("災害が起きたときの連携で札幌市の役割", ("row-3a-5/甲",)),
    ("新しい産業を育てる支援", ("row-1-2",)),
]


@pytest.mark.parametrize("question", TOPIC_ABSENT)
def test_a_topic_the_agreement_lacks_is_not_quoted(corpus, question):
    answer = ask(corpus, question)
    assert answer.status == Status.NO_MATCH
    assert not answer.quotes


@pytest.mark.parametrize(("question", "units"), TOPIC_HELD)
def test_a_topic_the_agreement_holds_is_found_in_everyday_words(corpus, question, units):
    answer = ask(corpus, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(units)


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("相互利用できる駐車場はありますか", ("駐車場",)),  # after a describing clause
        ("市民プールを相互利用できるか", ("プール",)),  # the compound's head
        ("岩見沢市の人口はどのくらい", ("人口",)),  # held only inside longer words
        ("地産地消の取組の中身は", ()),  # 中身: an aspect of a thing the agreement has
        ("データを公開する基盤を共同で使うって何", ()),  # データ stands inside オープンデータ
        ("甲は空港について何をするのか", ()),  # 丘珠空港 is a 空港
        ("女性が働きやすくすることで札幌市は何をする", ()),  # 「が」 of a verb: not what is asked
    ],
)
def test_topic_heads(corpus, question, foreign):
    assert understand(corpus, question).foreign == foreign


@pytest.mark.parametrize(
    "question", ["両市で共同で使う斎場", "広島市の人口はどのくらい", "相互利用できる駐車場はありますか", "市民プールを相互利用できるか"]
)
def test_topic_absent_in_another_agreement(hiroshima, question):
    assert ask(hiroshima, question).status == Status.NO_MATCH


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("地場産品の販路を広げる取組", "row-1-1"),
        ("広域観光のルートをつくる", "row-1-2"),
        ("災害のとき職員を派遣してもらえるか", "row-3-1"),
        ("職員の合同研修に岩国市は参加するのか", "row-3-2/乙"),
        ("交通ネットワークの形成で岩国市の役割", "row-2-2/乙"),
    ],
)
def test_topic_held_in_another_agreement(hiroshima, question, unit):
    answer = ask(hiroshima, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(unit)


@pytest.fixture(scope="module")
def yamaga(tokenizer):
    return build_corpus([parse_file(FIXTURES / "yamaga-kumamoto-2022.txt").agreement], tokenizer)


# Yamaga–Kumamoto has a row for 図書館の相互利用: the same words are found there and refused here.
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("図書館を相互利用できるか", "row-x3.2-2"),
        ("山鹿市民は熊本市の図書館を使えるの", "row-x3.2-2"),
        ("病気の子どもの保育を広域で利用できるか", "row-x3.1-1"),
        ("移住の相談会はあるか", "row-x3.2-1"),
        ("救命救急センターで熊本市の役割", "row-x2.0-1/甲"),
    ],
)
def test_topic_held_in_a_third_agreement(yamaga, question, unit):
    answer = ask(yamaga, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(unit)


@pytest.mark.parametrize(
    "question",
    ["市民プールを相互利用できるか", "相互利用できる駐車場はありますか", "山鹿市の人口はどのくらい", "共同で使う斎場", "図書館の開館時間"],
)
def test_topic_absent_in_a_third_agreement(yamaga, question):
    assert ask(yamaga, question).status == Status.NO_MATCH
