"""Articles found by what they provide, whatever their heading says.

「協定に書いていないことが出てきたら」「疑問が生じたときは」 ask for the clause the template closes
with (「この協定に定めのない事項又は…疑義が生じた事項については…協議して定める」, 「この協約に定める
もののほか、…必要な事項は…協議して定める」), headed 疑義の解決, その他 or 協議 as the agreement
chose; 「いつまで有効か」 asks for the article that sets its term (「この協定の期間は…までとする」,
「…その効力を有する」). Where no article provides it, nothing is found here and ranking decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..search.corpus import Corpus
from ..search.tokenizer import fold
from .places import Reference, in_scope
from .question import Question

_SPACE = re.compile(r"\s+")

# 「書いていない(細かい)こと」「書かれてない」「規定されていない」「決まっていない」「載ってない」,
# 「定めのない」「規定がない」「疑義」「疑問が出た」「解釈が分かれた」「想定外」: what the agreement leaves open.
_ASKS_RESIDUAL = re.compile(
    r"(?:書[いか]れ?|記載され|規定され|定められ|決ま[っら]|決められ|載っ|触れられ|含まれ)て?い?な[いく][^、。？?]{0,4}?(?:こと|事|事項|もの|点|場合|部分|ケース|事態|問題|内容)"
    r"|(?:定め|規定|記載|決まり|取り決め|取決め)(?:の|が)な[いく](?:こと|事|事項|もの|点|場合)"
    r"|疑義|疑問(?:が|点|の)|解釈(?:が|で|に)(?:分かれ|割れ|食い違|違|迷)|意見が(?:分かれ|割れ|食い違|合わ)|想定(?:外|され|し)"
)
# The residual clause as printed: 「この協定に定めのない事項」「この連携協約に定めるもののほか」「疑義が生じた」.
_RESIDUAL = re.compile(
    r"(?:この|本)(?:連携)?(?:協定|協約)書?に(?:定め(?:の|が)な|定める(?:もの|事項)のほか|規定(?:の|が)な|規定する(?:もの|事項)のほか)"
    r"|疑義"
)
# 「いつまで有効」「有効期間は」「期限はあるか」「何年間続く」: how long the agreement binds.
_ASKS_TERM = re.compile(r"いつまで|有効期間|有効期限|期限|期間|何年間|満了")
# The term as printed: 「この協定の期間は、…までとする」「有効期間は、…から1年間とする」「…その効力を有する」.
_TERM = re.compile(r"期間は、|有効期間|効力を有する")
# The question's own words that say nothing beyond asking for such a clause.
_ASKING = frozenset(
    {
        "協定",
        "協約",
        "連携協約",
        "こと",
        "事",
        "事項",
        "もの",
        "点",
        "場合",
        "時",
        "とき",
        "部分",
        "細かい",
        "詳細",
        "出る",
        "出て来る",
        "生じる",
        "起きる",
        "起こる",
        "発生",
        "無い",
        "決める",
        "決まる",
        "扱う",
        "扱い",
        "取り扱い",
        "取扱い",
        "対応",
        "処理",
        "解決",
        "問題",
        "疑問",
        "疑義",
        "解釈",
        "分かれる",
        "割れる",
        "意見",
        "想定",
        "外",
        "書く",
        "規定",
        "定め",
        "記載",
        "有効",
        "有効期間",
        "有効期限",
        "期間",
        "期限",
        "続く",
        "何年",
        "年間",
        "満了",
        "切れる",
        "効力",
    }
)


# 「費用はどうなっている」「お金の分担は」: the article on costs (headed 費用分担, 費用負担, or a paragraph
# 「…必要な費用が生じるときは…負担する」 of another article), the first that says so.
_ASKS_COST = re.compile(r"お金|おかね|費用|経費|予算|財源|負担金|出費|コスト|税金")
_COST_HEADING = re.compile(r"費用|経費")
_COST = re.compile(r"(?:費用|経費)[^。]{0,40}(?:負担|分担)")
# 「会議はどのくらいの頻度で開かれる」「協議会はいつ開くの」: the article on the parties' regular meeting
# (連絡会議, 定期的な協議), not a row whose role runs a 協議会.
_ASKS_MEETING = re.compile(
    r"(?:会議|協議会|集ま|会合|協議)[^。？?]{0,20}(?:頻度|いつ|何回|どのくらい|どれくらい|どれ位|毎年|定期|開)"
    r"|(?:頻度|何回|間隔)[^。？?]{0,12}(?:会議|協議|集ま|会合)"
)
_MEETING_HEADING = re.compile(r"会議|協議会|協議")
_MEETING = re.compile(r"会議を(?:開|開催)|協議会を(?:開|開催|設置)|定期的に協議")
# (会議 and 協議会 are not among them: the meeting asked about must be the article's, not a row's 協議会)
_MORE_ASKING = frozenset(
    {"お金", "おかね", "費用", "経費", "予算", "財源", "分担", "負担", "誰", "払う", "出す", "持つ", "割合", "仕方"}
    | {"頻度", "開く", "開催", "毎年", "定期", "回", "何回", "間隔", "集まる", "会合", "協議"}
)


@dataclass(frozen=True)
class _Provides:
    label: str
    asks: re.Pattern[str]  # the question asks for it
    says: re.Pattern[str]  # an article says it (whitespace removed)
    heading: re.Pattern[str] | None = None  # an article headed so says it first
    last: bool = False  # the last article saying it (the clauses that close the articles), else the first


_PROVISIONS = (
    _Provides("疑義・定めのない事項", _ASKS_RESIDUAL, _RESIDUAL, last=True),
    _Provides("期間", _ASKS_TERM, _TERM, last=True),
    _Provides("費用", _ASKS_COST, _COST, _COST_HEADING),
    _Provides("会議", _ASKS_MEETING, _MEETING, _MEETING_HEADING),
)


def provision(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The article that settles what the agreement leaves open, sets its term, its costs or its
    meetings, for a question asking only that; None for any other question, or where no article
    provides it (ranking decides)."""
    if question.parties or question.outsiders:
        return None
    text = question.reading.folded_text
    for provides in _PROVISIONS:
        if (asked := provides.asks.search(text)) is None:
            continue
        positions = _providing(corpus, provides, agreement)
        if positions and _only_asks(corpus, question, positions):
            return Reference(positions, provides.label, "article", matched=asked.group(0))
    return None


def _providing(corpus: Corpus, provides: _Provides, agreement: str | None) -> tuple[int, ...]:
    """Per agreement in scope, its article headed as `provides` says, else the first (or last) that
    says it."""
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    found = []
    for aid in ids:
        articles = in_scope(corpus, aid, "article")
        units = corpus.units
        headed = [i for i in articles if provides.heading and provides.heading.search(units[i].context or "")]
        held = headed or [i for i in articles if provides.says.search(_SPACE.sub("", units[i].text))]
        found += held[-1:] if provides.last else held[:1]
    return tuple(found)


def _only_asks(corpus: Corpus, question: Question, positions: tuple[int, ...]) -> bool:
    """Whether every word of the question's own is a word of asking, or one the article holds:
    「消防のことは書いていないこと？」 asks about 消防, not about the clause."""
    said = "".join(_SPACE.sub("", corpus.units[i].text) for i in positions)
    return all(term in _ASKING or term in _MORE_ASKING or fold(term) in said for term in question.own_topic_terms)
