"""A question about a kind of thing the agreement lacks (周産期医療, ヒグマ対策) is refused even when
a unit shares its generic words (医療・体制・確保・対策); a question whose own words a unit holds, or
whose missing word is the head rather than the kind (「職員合流」), is answered as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoyaku_search import ask
from kyoyaku_search.answering.result import Status
from kyoyaku_search.ingest.parser import parse_file
from kyoyaku_search.search.corpus import build_corpus
from tests.framing_cases import corpora_of

FIXTURES = Path(__file__).parent / "fixtures" / "agreements"
SEED = Path(__file__).parent.parent / "data" / "sapporo-iwamizawa-2019.txt"

# (agreement, question, the unit that must come first — or NO_MATCH)
CASES = [
    # another agreement's 取組 asked of this one: only 医療・体制・確保 shared
    ("yuzawa-ugo-2011", "周産期医療体制の確保で湯沢市は何をするの？", Status.NO_MATCH),
    ("inami-himeji-2015", "周産期医療や産科の確保について書いてある？", Status.NO_MATCH),
    # 救急 is held here only through its broader 医療
    ("chizu-tottori-2010", "救急医療体制について協約に書いてある？", Status.NO_MATCH),
    ("yuzawa-ugo-2011", "研究機関ってどんなことするの？", Status.NO_MATCH),
    ("sapporo-iwamizawa-2019", "クマが出て怖い。ヒグマ対策は一緒にやるの？", Status.NO_MATCH),
    # a kind no unit holds before a 取組 named in full (the 取組 is 医療): not that 取組
    ("taka-kasai-kato-2015", "保健医療に関する加西市及び加東市の分担内容を一覧で把握したい。", Status.NO_MATCH),
    ("taka-kasai-kato-2015", "医療に関する加西市及び加東市の分担内容を一覧で把握したい。", "row-1-1/甲"),
    # a thing held only through its field and the rest of it (介護サービス: 福祉 and サービス)
    ("xx-town-xx-city-2020", "高齢者の見守りや介護サービスで連携する項目はありますか", Status.NO_MATCH),
    # … while a word said by a synonym alone is the agreement's own in other words (病気 → 医療)
    ("sapporo-iwamizawa-2019", "大きな病気やけがをしたときの高度な医療は、札幌市はどんな役目になっていますか", "row-2-1/甲"),
    # a light noun (子育て, weighed as a verb's noun) held only through its field 福祉
    ("yuzawa-ugo-2011", "子育て支援について協約上どう整理されているか。", Status.NO_MATCH),
    ("sapporo-iwamizawa-2019", "介護職員が足りないのは何とかしてくれるの？", Status.NO_MATCH),
    # a word in kana is the corpus word it reads as, generic or not (いりょう = 医療)
    ("sapporo-iwamizawa-2019", "いりょうのれんけいは どうなってるの", "row-3a-1"),  # 地域医療
    # the agreement has the kind: answered
    ("tomakomai-abira-2015", "救急医療体制について協約に書いてある？", "row-0-1"),
    ("inami-himeji-2015", "救急医療で姫路市は何をするの", "row-2-1/甲"),
    ("sapporo-iwamizawa-2019", "災害対策で札幌市は何をするの？", "row-3a-5/甲"),
    # a modifier the agreement words otherwise, beside a word of its own that is no generic one
    ("sapporo-iwamizawa-2019", "職員の人事交流で甲がすることは？", "row-3c-2/甲"),
    ("sapporo-iwamizawa-2019", "ネット会議の導入で札幌市がやること", "row-3b-1/甲"),
    # the missing word is the head (a slip for 交流), not the kind: left to coverage
    ("sapporo-iwamizawa-2019", "岩見沢市の職員合流での役割", "row-3c-2/乙"),
    # another agreement's 取組 whose own word the unit holds only through words of every topic
    ("fukagawa-chippubetsu-2018", "相互応援ってどんなことするの？", Status.NO_MATCH),  # 応援 by 支援・連携
    ("goshogawara-tsuruta", "相互乗入れの該当箇所はどこか。", Status.NO_MATCH),  # 相互 of 「相互に利用」
    ("inabe-toin-2010", "相談会のことって協約に書いてある？", Status.NO_MATCH),  # 相談 by 協議
    ("inami-himeji-2015", "市民病院のことって協約に書いてある？", Status.NO_MATCH),  # 病院 by 医療
    # a noun no unit holds in any way (子ども), beside one held only through its field (病気 → 医療)
    ("chizu-tottori-2010", "病気の子どもを預ける病児保育を鳥取市の施設で使える？", Status.NO_MATCH),
    # … but one whose part the agreement holds (バス of バス会社) says what of it: answered
    ("shinjo-okura-2015", "バス会社と協議するのは新庄市側の役割ですか。内容を教えてください", "row-x2.0-1/甲"),
    # … and a word one unit holds in its own terms (救急, in a cell) is the agreement's: answered
    ("xx-town-xx-city-2020", "救急医療はどうなっているか知りたい", "row-0-1"),
    ("sapporo-iwamizawa-2019", "岩見沢市の病院に関する役割", "row-2-1/乙"),  # 病院 alone, no run of nouns
]


@pytest.fixture(scope="module")
def corpora(tokenizer):
    return corpora_of([name for name, _, _ in CASES], tokenizer)


@pytest.mark.parametrize(("name", "question", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_generic_overlap(corpora, name, question, expected):
    answer = ask(corpora[name], question)
    if isinstance(expected, Status):
        assert answer.status is expected, (answer.status, answer.text)
    else:
        assert answer.status is not Status.NO_MATCH, answer.text
        assert answer.hits[0].unit.id.split("/", 1)[1] == expected, answer.text


def test_a_run_held_verbatim_covers_where_sudachi_cut_the_text_otherwise(tokenizer):
    """「三岐鉄道北勢線」 is cut 三岐・鉄・道北・勢・線 in the agreement, so no unit has the term 鉄道;
    the question's own run 三岐鉄道, written in the row, covers it: the row is quoted, not refused."""
    corpus = build_corpus([parse_file(FIXTURES / "inabe-toin-2010.txt").agreement], tokenizer)
    answer = ask(corpus, "三岐鉄道についての取組を教えて")
    assert answer.status is not Status.NO_MATCH, answer.text
    assert answer.hits[0].unit.id.split("/", 1)[1] == "row-x2.0-1"
