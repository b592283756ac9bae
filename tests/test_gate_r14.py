"""The found / not-found gate on how residents ask (issue 10, round 9).

Words that say how much, who speaks, or that a clause names a matter (「もっと」「わし」「…してもらう」
「…する話」「…するやつ」「協約に入ってる？」「両方の市」) carry no topic: counted as content, they made
answerable questions look half answered and refused them. The same rules on another layout, and
what no agreement holds still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search.answering.answer import Status, ask
from kyoyaku_search.answering.question import understand
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
ANSWERED = (Status.ANSWERED, Status.BOTH_PARTIES)

# (question, the unit that must come first, or its prefix); the comment names the rule.
FOUND = [
    ("女の人がもっと活躍できる話ってある？", "row-3a-4"),  # an adverb, and 「…する話」
    ("空港をもっと使ってもらうやつ、岩見沢市は何するの", "row-2-2/乙"),  # 「…てもらう」 helps 使う; やつ
    ("観光客をたくさん呼んでもらうやつ、札幌市は何するの", "row-1-4/甲"),
    ("農産物をもっと食べてもらう話は入ってる？", "row-3b-2"),  # 入る: whether the agreement has it
    ("わしは災害がこわいが、岩見沢市は何をしてくれる？", "row-3a-5/乙"),  # a pronoun
    ("職員研修で両方の市の役割を比べて", "row-3c-1/"),  # 両方の市: both parties
]

NOT_FOUND = [
    "ドクターヘリをもっと飛ばす話ってある？",
    "地下鉄を延ばすやつは協約に入ってる？",
    "わしは除雪をたくさんしてもらいたいが、札幌市はどうする？",
    "両方の市で水道料金を同じにする話はある？",
]


def assert_answers_with(corpus, question: str, unit: str) -> None:
    """The question is answered with one quote, and `unit` (「row-3a-2/甲」) comes first."""
    answer = ask(corpus, question)
    assert answer.status is Status.ANSWERED, answer.text
    assert answer.hits[0].unit.id.split("/", 1)[1] == unit, answer.text


def assert_found_or_refused(corpus, question: str, unit: str | None) -> None:
    """`unit` None: refused with no quote; else answered with `unit` first."""
    if unit is None:
        answer = ask(corpus, question)
        assert answer.status is Status.NO_MATCH and not answer.quotes, answer.text
    else:
        assert_answers_with(corpus, question, unit)


@pytest.mark.parametrize(("question", "unit"), FOUND)
def test_words_of_manner_do_not_refuse(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status in ANSWERED
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(unit)


@pytest.mark.parametrize("question", NOT_FOUND)
def test_what_the_agreement_lacks_is_still_refused(corpus, question):
    answer = ask(corpus, question)
    assert answer.status in (Status.NO_MATCH, Status.NOT_PARTY)
    assert not answer.quotes


@pytest.fixture(scope="module")
def hiroshima(tokenizer):
    return build_corpus([parse_file(FIXTURES / "hiroshima-iwakuni-2016.txt").agreement], tokenizer)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("地場産品の展示販売会をもっと開く話って入ってる？", "row-1-1"),
        ("職員の合同研修をやるやつ、岩国市は何をするの", "row-3-2/乙"),
        ("災害のときの相互応援で両方の市の役割を比べて", "row-3-1/"),
    ],
)
def test_found_in_another_agreement(hiroshima, question, unit):
    answer = ask(hiroshima, question)
    assert answer.status in ANSWERED
    assert answer.hits[0].unit.id.split("/", 1)[1].startswith(unit)


@pytest.mark.parametrize("question", ["ドクターヘリを飛ばす話ってある？", "除雪をもっとしてもらうやつは入ってる？"])
def test_not_found_in_another_agreement(hiroshima, question):
    answer = ask(hiroshima, question)
    assert answer.status in (Status.NO_MATCH, Status.NOT_PARTY)
    assert not answer.quotes


# A last sentence that only signs the question with the asker's office (「…課より」「…担当です」)
# is backdrop: the question is the sentence before it.
SIGNED = [
    ("都市計画の情報共有で岩見沢市の役割を確認したい。都市政策担当です。", "row-3a-3/乙"),
    ("丘珠空港の利用促進について札幌市の役割をご教示ください。交通企画課より。", "row-2-2/甲"),
    ("職員研修の合同実施で当市は何をしますか。岩見沢市人事課の者です", "row-3c-1/乙"),
]


@pytest.mark.parametrize(("question", "unit"), SIGNED)
def test_a_signature_after_the_question_is_no_topic(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.status in ANSWERED
    assert answer.hits[0].unit.id.split("/", 1)[1] == unit


@pytest.mark.parametrize(
    "question",
    [
        "除雪の共同化について札幌市の役割を確認したい。道路維持課です。",
        "ごみ収集の広域化は協約にありますか。環境政策課より。",
    ],
)
def test_a_signed_question_the_agreement_lacks_is_refused(corpus, question):
    answer = ask(corpus, question)
    assert answer.status in (Status.NO_MATCH, Status.NOT_PARTY)
    assert not answer.quotes


def test_a_signed_question_in_another_agreement(hiroshima):
    answer = ask(hiroshima, "災害時の相互応援で岩国市の役割を確認したい。危機管理担当です。")
    assert answer.status in ANSWERED
    assert answer.hits[0].unit.id.split("/", 1)[1] == "row-3-1/乙"


# A person by their work that no unit puts before the thing the question puts it before, where a
# unit puts another such person, names another person's thing (「…職員の不足」 beside 保育士不足,
# 「議員同士の交流」 beside 職員交流): refused, though it weighs little as a person.
@pytest.mark.parametrize(
    ("question", "foreign"),
    [
        ("介護職員の不足対策は協約にある？", ("職員",)),
        ("議員同士の交流は規定されている？", ("議員",)),
        ("教員同士の交流について", ("教員",)),
        ("看護師不足対策について岩見沢市の役割は", ("看護師",)),
        ("職員の交流はある？", ()),  # the agreement's own person
        ("保育士の不足対策は", ()),
    ],
)
def test_another_persons_thing(corpus, question, foreign):
    assert understand(corpus, question).foreign == foreign


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("看護師の派遣は協約にある？", False),
        ("医師の派遣で岩国市の役割は", False),
        ("災害のとき職員の派遣で岩国市の役割は", True),
    ],
)
def test_another_persons_thing_in_another_agreement(hiroshima, question, found):
    answer = ask(hiroshima, question)
    assert (answer.status in ANSWERED) is found


# The party asked about: the one speaking 「として」, or the one whose 役割 is asked by name after
# both were named around the topic; names joined before 役割 still ask about both.
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("札幌市として観光のPRを岩見沢市と一緒にやる件ではどういう役割？", "row-1-4/甲"),
        ("岩見沢市として札幌市と一緒に職員研修をやる件で何をする？", "row-3c-1/乙"),
        ("大雨が来たら札幌と岩見沢は助け合うの？ 札幌市の役割を知りたい", "row-3a-5/甲"),
        ("地産地消で札幌と岩見沢は協力するのか。岩見沢市の役目を教えて", "row-3b-2/乙"),
    ],
)
def test_the_party_asked_by_name(corpus, question, unit):
    assert_answers_with(corpus, question, unit)


@pytest.mark.parametrize("question", ["札幌市と岩見沢市の役割を観光で知りたい", "観光で札幌市と岩見沢市の役割は"])
def test_names_joined_still_ask_about_both(corpus, question):
    assert ask(corpus, question).status is Status.BOTH_PARTIES


# 「一人暮らしの高齢者です。」「研究者です。」: who asks is no topic, even when the last sentence has
# none of its own.
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        (
            "子育て中の母親の介護者です。保育士が足りないことで札幌と岩見沢は協力する？ 札幌市の役割を知りたい",
            "row-3a-2/甲",
        ),
        ("年金生活者です。救急医療で札幌と岩見沢は協力してる？ 岩見沢市の役割が知りたい", "row-3a-1/乙"),
    ],
)
def test_who_asks_is_no_topic(corpus, question, unit):
    assert_answers_with(corpus, question, unit)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("広島市として岩国市と一緒に災害時の相互応援をする件ではどういう役割？", "row-3-1/甲"),
        ("年金生活者です。合同研修で広島と岩国は協力してる？ 岩国市の役割が知りたい", "row-3-2/乙"),
    ],
)
def test_the_party_asked_by_name_in_another_agreement(hiroshima, question, unit):
    assert_answers_with(hiroshima, question, unit)


# 「連携中枢都市である札幌市は」: what a party is, said on the way, is no topic (it named 前文).
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("連携中枢都市である札幌市は、企業誘致でどんな役割を担うのか", "row-1-2/甲"),
        ("圏域の中心都市である札幌市は、観光施策でどのような役割か", "row-1-4/甲"),
    ],
)
def test_what_a_party_is_is_no_topic(corpus, question, unit):
    assert_answers_with(corpus, question, unit)


def test_what_a_party_is_in_another_agreement(hiroshima):
    answer = ask(hiroshima, "連携中枢都市である広島市は、災害時の相互応援でどのような役割を担うのか")
    assert answer.status is Status.ANSWERED
    assert answer.hits[0].unit.id.split("/", 1)[1] == "row-3-1/甲"


# 「…で連携する取組は」: the template's run after the topic only frames it. It vouches for no unit
# when a noun no unit has stands before it, and a 取組 named in full still comes before the article
# that holds the run.
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("空き家の活用で連携する取組はある？", None),
        ("イノシシ被害の対策で連携する取組はありますか", None),
        ("災害対策で連携する取組はありますか", "row-3a-5"),
        ("地域医療で連携する取組は？", "row-3a-1"),
    ],
)
def test_the_template_run_frames_the_topic_before_it(corpus, question, unit):
    assert_found_or_refused(corpus, question, unit)


@pytest.mark.parametrize(
    ("question", "unit"),
    [("空き家の活用で連携する取組はある？", None), ("災害時における相互応援で連携する取組は？", "row-3-1")],
)
def test_the_template_run_in_another_agreement(hiroshima, question, unit):
    assert_found_or_refused(hiroshima, question, unit)


# A soft framing word the question's own verb acts on is what is done (「議会を合同で開く」), not
# how the asking is framed (「議会で質問したいので」「議会の議決」 stay as they were).
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("両市の議会を合同で開くことはある？", None),
        ("議会を一緒に開く話は協約に書いてある？", None),
        ("議会の議決は必要？", "art-6"),
        ("議会で質問したいので、観光での岩見沢市の役割を知りたい", "row-1-4/乙"),
    ],
)
def test_a_framing_word_acted_on_is_the_topic(corpus, question, unit):
    assert_found_or_refused(corpus, question, unit)


@pytest.mark.parametrize("question", ["両市の議会を合同で開くことはある？", "議会を一緒に開く話は協約に書いてある？"])
def test_a_framing_word_acted_on_in_another_agreement(hiroshima, question):
    answer = ask(hiroshima, question)
    assert answer.status is Status.NO_MATCH and not answer.quotes


# A 取組 named in full settles the topic, unless a thing no unit has stands before the name: the
# question asks whether that thing is part of the 取組. After the name, it asks what of it.
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("除雪車を買う支援、災害対策に入ってる？", None),
        ("スマホ教室を開く支援、ICTインフラ整備に含まれる？", None),
        ("委員会資料に災害対策の記述を載せたい。該当部分はどこ？", "row-3a-5"),
        ("災害対策の該当箇所はどこか。", "row-3a-5"),
    ],
)
def test_a_thing_checked_against_a_named_initiative(corpus, question, unit):
    assert_found_or_refused(corpus, question, unit)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("消防車を共同購入する話、災害時における相互応援に入ってる？", None),
        ("委員会資料に災害時における相互応援の記述を載せたい。該当部分はどこ？", "row-3-1"),
    ],
)
def test_a_thing_checked_against_a_named_initiative_in_another_agreement(hiroshima, question, unit):
    assert_found_or_refused(hiroshima, question, unit)


# A place name that names a railway, station or port (「JR千歳線」「小樽駅」) is no municipality
# asked about: the agreement has no such thing (no match), rather than 「…は当事者ではありません」.
@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("JR千歳線の増便は協約にある？", Status.NO_MATCH),
        ("小樽駅の整備はある？", Status.NO_MATCH),
        ("小樽市の役割は", Status.NOT_PARTY),
    ],
)
def test_a_route_is_no_municipality(corpus, question, status):
    answer = ask(corpus, question)
    assert answer.status is status and not answer.quotes


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("JR呉線の増便は協約に入ってる？", Status.NO_MATCH),
        ("呉駅の整備はある？", Status.NO_MATCH),
        ("呉市の役割は", Status.NOT_PARTY),
    ],
)
def test_a_route_is_no_municipality_in_another_agreement(hiroshima, question, status):
    answer = ask(hiroshima, question)
    assert answer.status is status and not answer.quotes


# What the parties do together about a topic passes the gate like any question: a row that only
# shares a word, or the words that say "together" (一緒・協力), is no answer.
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("冬の雪かきで両市は一緒に取り組むの？", None),
        ("除雪や雪対策で札幌と岩見沢が協力するって書いてある？", None),
        ("災害対策で札幌と岩見沢が協力するって書いてある？", "row-3a-5"),
        ("両市が協力して取り組む救急医療は", "row-3a-1"),
    ],
)
def test_together_about_a_topic_passes_the_gate(corpus, question, unit):
    assert_found_or_refused(corpus, question, unit)


@pytest.mark.parametrize(
    ("question", "found"),
    [("冬の雪かきで両市は一緒に取り組むの？", False), ("合同研修で広島市と岩国市は協力する？", True)],
)
def test_together_about_a_topic_in_another_agreement(hiroshima, question, found):
    answer = ask(hiroshima, question)
    assert (answer.status in ANSWERED) is found


# Two units tied on score: the one that writes the question's noun run as a word of its own comes
# first (「救急医療」 alone, not inside 「三次救急医療」, a narrower thing).
@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("夜に子どもが熱を出したら救急医療で岩見沢市はどうするの？", "row-3a-1/乙"),
        ("救急医療で岩見沢市は何をすることになっていますか", "row-3a-1/乙"),
        ("三次救急医療で岩見沢市は何をする", "row-2-1/乙"),
    ],
)
def test_a_run_written_alone_wins_a_tie(corpus, question, unit):
    answer = ask(corpus, question)
    assert answer.hits[0].unit.id.split("/", 1)[1] == unit
