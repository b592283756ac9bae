"""Role-party and content paraphrase, and precision on what the agreement lacks (issue 10, round 6).

Two batches written by the engineer of round 6 before any rule was built, in words of his own:
everyday paraphrases of what the agreement says (25/36 first before, 36/36 after) and questions it
does not answer (21/36 refused before, 32/36 after: three are left, in LEFT, and 旭山動物園 is told
it names no party, quoting nothing). Then the same rules on the Hiroshima–Iwakuni agreement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.question import understand
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"

# (question, the units any of which must come first); the comment names the rule it shows.
FOUND = [
    ("学会の誘致で札幌市はどうするの", ("row-1-4/甲",)),  # 学会 → MICE (domain)
    ("国際的な会議を呼ぶことに岩見沢市も関わる？", ("row-1-4/乙",)),
    ("コンベンションの誘致は札幌市が中心？", ("row-1-4/甲",)),
    ("会社を立ち上げたい人への支援で札幌市の役割は", ("row-1-2/甲",)),
    ("起業する人の後押しで岩見沢市は何をする", ("row-1-2/乙",)),
    ("新しい産業を育てることで岩見沢市の役割", ("row-1-2/乙",)),
    ("事業の効果の検証は札幌市がやるの", ("row-1-1/甲",)),
    ("連携した事業の成果を検証するのに岩見沢市は何をする", ("row-1-1/乙",)),  # 成果 → 効果
    ("経済の戦略を考えるのは岩見沢市の担当？", ("row-1-1/乙",)),
    ("若者が地元に住み続けるようにする取組で札幌市の役割", ("row-3b-3/甲",)),
    ("移住してくる人を増やすのに札幌市の役割", ("row-3b-3/甲",)),
    # hiragana read by the corpus's readings, one particle stripped (じもとに → 地元)
    ("わかものが じもとに のこる とりくみで いわみざわしの やくわり", ("row-3b-3/乙",)),
    ("きゅうきゅういりょうで さっぽろしは なにをするの", ("row-3a-1/甲",)),
    ("さいがいのときの れんけいは", ("row-3a-5",)),
    ("ほいくしが たりない ことへの たいさくは", ("row-3a-2",)),
    ("いりょうのことで いわみざわしは なにをするの", ("row-3a-1/乙", "row-2-1/乙")),  # 「の」 after a word
    ("しょくいんの けんしゅうで さっぽろしは", ("row-3c-1/甲",)),
    # the speaker's own office is backdrop, 当市 the party it belongs to
    ("岩見沢市企画課の者ですが、観光の宣伝で当市の役割は", ("row-1-4/乙",)),
    ("札幌市消防局の職員です。消防の協力で当市は何をしますか", ("row-3a-5/甲",)),
    ("岩見沢市子ども家庭課です。保育士の確保で当市の役割を教えて", ("row-3a-2/乙",)),
    ("札幌市経済観光局です。販路の拡大について当市の役割は", ("row-1-3/甲",)),
    ("岩見沢市防災課の者です。災害への備えで当市の役割は", ("row-3a-5/乙",)),
    ("地震が起きたら札幌市はどうするの", ("row-3a-5/甲",)),
    ("大雨の時に岩見沢市は何をすることになってるの", ("row-3a-5/乙",)),
    ("救急医療の体制を保つために札幌市は何をする", ("row-3a-1/甲",)),  # 体制: what a row says; 保つ → 維持
    ("職員の合同研修では札幌市は何をする", ("row-3c-1/甲",)),
    ("役所の人の勉強会を一緒にやる件で岩見沢市の役割", ("row-3c-1/乙",)),
    ("職員を派遣しあうことで札幌市の役目", ("row-3c-2/甲",)),
    ("空からの写真を一緒に撮る取組で岩見沢市は", ("row-3c-3/乙",)),
    ("地元の野菜を地元で食べる取組で札幌市は", ("row-3b-2/甲",)),
    ("女性が活躍できるようにする取組で岩見沢市の役割", ("row-3a-4/乙",)),
    ("丘珠空港を使ってもらう取組で岩見沢市はなにをする", ("row-2-2/乙",)),
    ("大学を生かした人づくりで札幌市の役割", ("row-2-3/甲",)),
    ("テレビ会議の導入で岩見沢市の役割", ("row-3b-1/乙",)),
    ("地域の特産品を売り込む取組で岩見沢市は", ("row-1-3/乙",)),
    ("公共施設をお互いに使えるようにする検討で札幌市は", ("row-2-4/甲",)),
]

NOT_FOUND = [
    # a name other than the agreement's own of that kind
    "新千歳空港の活用について札幌市の役割",
    "函館空港の利用促進で岩見沢市の役割",
    "新千歳空港へのアクセス改善",
    "看護師の確保で岩見沢市は何をする",
    "介護士不足の対策は協約にある？",
    "獣医師不足対策は",
    "教員不足への対応は",
    "薬剤師不足について",
    # a property of a thing the agreement has, which no unit states
    "職員交流の人数は何人",
    "地産地消の目標値は",
    "連携協約の有効期間は",
    "都市計画の情報の公開方法は",
    "UIターン就職センターの開所時間は",
    "遠隔会議システムの導入費用の補助金は",
    "オープンデータプラットフォームの利用料金は",
    "職員研修の講師はだれ",
    "救急医療の受け入れ件数は",
    "丘珠空港の滑走路延長は入ってる？",
    "男女共同参画計画の期間は",
    # things the agreement never mentions
    "個人情報の保護はどうなっている",
    "ドクターヘリの運航で札幌市の役割",
    "歯科医療の連携は",
    "除雪車の共同利用はあるか",
    "ごみ収集の共同化は",
    "水道の広域化について札幌市の役割",
    "農業の担い手不足の対策は",
    "高校の統廃合について岩見沢市の役割",
    "地下鉄の延伸は入ってる？",
    "JRの路線維持で岩見沢市の役割は",
    "ふるさと納税の返礼品の共同開発",
    "札幌ドームの利用促進について",
    "保育料の無償化で岩見沢市の役割",
    "旭山動物園の利用促進は入っている？",  # 旭山 is read as a place: not a party, no quote either
]


@pytest.mark.parametrize(("question", "units"), FOUND)
def test_everyday_paraphrase_is_found(corpus, question, units):
    answer = ask(corpus, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(units)


@pytest.mark.parametrize("question", NOT_FOUND)
def test_what_the_agreement_lacks_gets_no_quote(corpus, question):
    answer = ask(corpus, question)
    assert answer.status in (Status.NO_MATCH, Status.NOT_PARTY)
    assert not answer.quotes


# Left alone, and asserted as they stand so a change shows: a held head after an absent modifier
# inside one compound (セキュリティ対策: 対策 is in 保育士不足対策; vetoing it would refuse 人事交流 for
# 職員交流 too); a profession in kana that Sudachi splits (かんご・し・ぶそく); an amount of a 取組's
# cost, which 第4条 may fairly answer.
LEFT = ["情報共有のときのセキュリティ対策は", "かんごしぶそくの たいさく", "札幌市都心部の再開発の事業費は"]


@pytest.mark.parametrize("question", LEFT)
def test_left_alone_still_quotes(corpus, question):
    assert ask(corpus, question).status == Status.ANSWERED


@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("新千歳空港の利用促進も入ってる？", ("新千歳空港",)),  # a proper noun no unit has, though 空港 is held
        ("看護師不足対策について岩見沢市の役割は", ("看護師",)),  # 保育士不足 is the agreement's
        ("職員交流の人数は何人", ("人数",)),  # a property no unit states
        ("連携中枢都市圏ビジョンの計画期間は", ("期間",)),
        ("地産地消の取組の中身は", ()),  # what a unit says of its thing
        ("救急の体制を守っていくのに岩見沢市は何をする", ()),
        ("大地震が来たとき岩見沢市はどう動く", ()),  # a prefix before a domain word (地震 → 災害)
        ("わかものが じもとに のこる", ()),  # a proper noun in kana is Sudachi's guess
    ],
)
def test_foreign_names_and_properties(corpus, question, foreign):
    assert understand(corpus, question).foreign == foreign


@pytest.mark.parametrize(
    ("question", "party"),
    [
        ("札幌市危機管理局の職員です。当市は災害時の連携でどんな役割とされていますか", "札幌市"),
        ("岩見沢市総務課です。合同の職員研修で当市の役割はどう書かれていますか", "岩見沢市"),
        ("連携事業の効果をちゃんと検証するのは札幌市の仕事？", "札幌市"),  # a party's 仕事 is its 役割
    ],
)
def test_own_office_and_work_are_no_topic(corpus, question, party):
    question_ = understand(corpus, question)
    assert [p.name for p in question_.parties] == [party]
    assert not question_.foreign
    assert not {"当市", "仕事"} & set(question_.own_topic_terms)


# A second pair of batches, written after the rules above as a check on wording they were not
# built on: main 14/20 found and 12/20 refused, this round 19/20 and 18/20 on first run; then
# 「大規模な災害」 led to reading a noun before 「な」 as describing (20/20). Left: 「遠隔会議システムの
# 導入時期」 (時期 is a noun that can be an adverb, never a topic), in LEFT_SECOND.
FOUND_SECOND = [
    ("札幌市観光・MICE推進部の者です。当市は観光客の呼び込みでどんな役割？", "row-1-4/甲"),
    ("岩見沢市商工労働課です。当市は創業支援で何をすることに？", "row-1-2/乙"),
    ("岩見沢市の仕事は災害のときどうなってるの", "row-3a-5/乙"),
    ("ほいくしふそくで さっぽろしの やくわりは", "row-3a-2/甲"),
    ("かんこうの せんでんで いわみざわしは なにするの", "row-1-4/乙"),
    ("ちさんちしょうで いわみざわしの やくわり", "row-3b-2/乙"),
    ("展示会を呼び込むことで札幌市の役割は", "row-1-4/甲"),
    ("新しく会社を立ち上げる人を支える取組で札幌市は", "row-1-2/甲"),
    ("大規模な災害が起きたとき札幌市の役割", "row-3a-5/甲"),
    ("救急医療を守るために札幌市がすること", "row-3a-1/甲"),
    ("職員研修のやり方で岩見沢市の役割", "row-3c-1/乙"),
    ("公共施設の相互利用の進め方で札幌市は何をする", "row-2-4/甲"),
    ("経済戦略の成果を検証する役目はどっち？岩見沢市は？", "row-1-1/乙"),
    ("丘珠空港をもっと使ってもらうために札幌市は何をする", "row-2-2/甲"),
    ("女性が働きやすい環境づくりで札幌市の役割", "row-3a-4/甲"),
    ("移住してくる人を呼ぶ取組で岩見沢市の役割は", "row-3b-3/乙"),
    ("保育士さんが足りない問題で岩見沢市は何をする", "row-3a-2/乙"),
    ("都市計画の情報をやりとりするのは札幌市も？", "row-3a-3/甲"),
    ("地元の農産物をもっと食べてもらう取組で岩見沢市の役割", "row-3b-2/乙"),
    ("ネットで会議をする仕組みの導入で札幌市の役割", "row-3b-1/甲"),
]

NOT_FOUND_SECOND = [
    "旭川空港の利用促進について",
    "帯広空港の活用で岩見沢市の役割",
    "理学療法士不足への対策は",
    "介護職員の確保で札幌市の役割",
    "職員交流の期間はどれくらい",
    "合同研修の開催回数は",
    "救急医療の搬送件数は",
    "UIターン就職センターの相談件数",
    "丘珠空港の就航路線数は",
    "地産地消の取組の売上目標は",
    "職員研修の参加者数は",
    "大通公園の再整備は入っている？",
    "すすきの地区の再開発で札幌市の役割",
    "北大との連携について",
    "消防車の配備台数は",
    "保育士の給与水準はどうなっている",
    "移住者への補助金の金額は",
    "観光客数の目標値は",
    "病院の病床数について札幌市の役割",
]
LEFT_SECOND = ["遠隔会議システムの導入時期は"]


@pytest.mark.parametrize(("question", "unit"), FOUND_SECOND)
def test_second_batch_found(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1] == unit


@pytest.mark.parametrize("question", NOT_FOUND_SECOND)
def test_second_batch_gets_no_quote(corpus, question):
    answer = ask(corpus, question)
    assert answer.status in (Status.NO_MATCH, Status.NOT_PARTY)
    assert not answer.quotes


@pytest.mark.parametrize("question", LEFT_SECOND)
def test_second_batch_left_alone_still_quotes(corpus, question):
    assert ask(corpus, question).status == Status.ANSWERED


@pytest.fixture(scope="module")
def hiroshima(tokenizer):
    return build_corpus([parse_file(FIXTURES / "hiroshima-iwakuni-2016.txt").agreement], tokenizer)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("岩国錦帯橋空港の利用で岩国市の役割", "row-2-2/乙"),  # the agreement's own airport
        ("さいがいのときの いわくにしの やくわり", "row-3-1/乙"),
        ("岩国市危機管理課の職員です。当市は災害のときどんな役割ですか", "row-3-1/乙"),
        ("大地震のとき広島市は何をする", "row-3-1/甲"),
        ("職員の合同研修の中身は", "row-3-2"),
    ],
)
def test_found_in_another_agreement(hiroshima, question, unit):
    answer = ask(hiroshima, question)
    assert answer.status in (Status.ANSWERED, Status.BOTH_PARTIES)
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(unit)


@pytest.mark.parametrize(
    "question", ["松山空港の利用で岩国市の役割", "看護師の確保で岩国市の役割", "職員の合同研修の参加人数は"]
)
def test_not_found_in_another_agreement(hiroshima, question):
    answer = ask(hiroshima, question)
    assert answer.status == Status.NO_MATCH
    assert not answer.quotes
