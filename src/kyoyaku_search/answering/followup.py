"""A conversation, not a string of single searches: what a follow-up inherits.

After 「岩見沢市の災害対策での役割は」, 「では札幌市は？」 keeps the row and changes the party, and
「観光は？」 keeps the party and changes the topic. The library takes the earlier turns as input,
so the web chat, the CLI (`ask --jsonl --conversation`) and the tests share this logic. Every
inheritance is said in the answer, so nobody is misled about what was searched.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..search.corpus import Corpus
from ..search.names import PartyName
from .framing import SAYING_WORDS
from .kinds import QuestionKind
from .parties import says_own_city
from .question import Context, Query, Question
from .ranking import allowed_units, rank

# 「では札幌市は？」「じゃあ観光は」「岩見沢市はどうですか」: the words that mark a follow-up.
_FOLLOW_UP = re.compile(
    r"^(では|じゃあ|じゃ|それでは|それなら|なら|あと|それと|他に|ほかに|また|次に)|(は|も|って)\s*[?？]?$|(はどう|はどうですか|はどうなる|の場合)[?？]?$"
    # 「その件で岩見沢市は何をするの」「同じ取組で札幌市は」: pointing back at the topic before
    r"|^(その|この|あの|同じ|今の|さっきの|先ほどの)\s*(件|話|取組|取り組み|分野|点|事業|こと|テーマ|項目)"
    r"|^(それ|そこ|これ)(って|は|で|に|について|に関して|では|には|の)"
    r"|^(それ|そこ|これ)[\s、,]"  # 「それ、札幌市は」「それ さっぽろは」: set off by a space or a comma
    # 「そのうち医療に関するものだけ」: a narrowing of the answer before
    r"|^(そのうち|その中で|そのなかで|その中から|そのなかから|うち|中でも|なかでも)"
    # 「職員交流の方はどうなっている？」
    # 「岩見沢市のほうも同じような書き方ですか」: the other side, compared with the answer before
    r"|(の方|のほう)[はも]|同じ(?:よう|ような|く)|はどうなって(いる|る|います|いますか)?[?？]?$"
)
# 「そのうち」「その中で」「それ」: pointing back at the answer before, which 「全部」 then narrows
_POINTS_BACK = re.compile(r"^(その|それ|そこ|この|これ|うち|中でも|なかでも)")
# 「その市は観光で何をするの」 after 「甲ってどこの市？」: the party the turn before named.
_THAT_PARTY = re.compile(r"^(その|この|あの|同)(市|町|村|自治体|まち)|^(そこ|そちら|そっち)(は|が|の|で)")
_SHORT = 12  # a question this short that lacks a party or a topic leans on the one before
# How a party stands in something, which alone is no topic of its own: 「岩見沢市の関わり方は？」
# after 「丘珠空港の話は協約にある？」 asks for 岩見沢市's part in that row.
_STANDING = frozenset(
    {"立場", "関わる", "関わり", "関与", "関係", "担う", "負う", "果たす", "中心", "主体", "協力", "支える"}
)


# How the agreement says something, which alone is no topic either: 「そのうち岩見沢市の役割はどう
# 書かれている？」 after 「福祉の分野で両市は何を連携するの？」 asks for 岩見沢市's cell of that row.
_HOW_SAID = SAYING_WORDS | {"書く", "記す", "定める", "決める", "述べる", "規定", "表す"}
# 「岩見沢市のほうも同じような書き方ですか」: the wording itself, as a noun
_HOW_SAID |= {"書き方", "書きぶり", "書き振り", "言い回し", "書かれ方", "記載内容"}
_HOW_SAID |= {"振り"}  # 「書きぶり」 as Sudachi cuts it: 書く + 振り


def resolve(question: Question, previous: Context | None) -> Query:
    """Complete `question` from `previous` when it is a follow-up that lacks a party or a topic."""
    own = Query.own(question)
    if previous is None or question.outsiders or not _is_follow_up(question):
        return own
    # 「その市は」, or 「本市は」「うちの市は」 after a turn that said whose city is the asker's
    that_party = _THAT_PARTY.search(question.text.strip()) is not None or says_own_city(question.text)
    takes_parties = (
        not question.parties and bool(previous.parties) and (question.kind in ("role", "general") or that_party)
    )
    # 「岩見沢市の役割はどう書かれている」「それって何条に書いてある？」: how it is said, of a party or
    # of what the turn before answered, is no topic of its own
    pointing = _POINTS_BACK.search(question.text) is not None
    own_topic = bool(question.topic_terms) and not ((question.parties or pointing) and _only_how(question))
    takes_topic = not own_topic and (previous.row_id is not None or bool(previous.weights))
    if takes_topic and question.reading.asks_all and not pointing:
        takes_topic = False  # 「じゃあ岩見沢市の役割を全部見せて」: every role, not the one topic before
    if not (takes_parties or takes_topic):
        return own
    kind = previous.kind if question.kind == "general" else question.kind
    if that_party and takes_parties and kind in ("content", "general"):
        kind = QuestionKind.ROLE  # 「その市は…何をするの」: what that party does
    if takes_topic and previous.row_id is not None:
        topic = previous.initiative or ""
        parties = previous.parties if takes_parties else question.parties
        names = _names(parties) or "両当事者"
        note = f"前の質問の「{topic}」を引き継いで、{names}の役割を示します。"
        return Query(
            question,
            parties,
            previous.weights,
            (),
            "role" if kind == "general" else kind,
            previous.row_id,
            note,
        )
    parties = previous.parties if takes_parties else question.parties
    weights = previous.weights if takes_topic else question.weights
    topics = tuple(term for term, _ in previous.weights) if takes_topic else question.topic_terms
    if takes_parties:
        note = f"{_names(previous.parties)}の質問を引き継いで回答します。"
    else:
        note = f"前の質問の話題（{'・'.join(topics)}）を引き継いで回答します。"
    initiatives = previous.initiatives if takes_topic else question.initiatives
    found = previous.found or not takes_topic  # 「岩見沢は」 after 「札幌市の交通の役割」, found nowhere
    return Query(question, parties, weights, topics, kind, None, note, initiatives, found)


def settle(corpus: Corpus, question: Question, previous: Context | None, agreement: str | None = None) -> Query:
    """`resolve`, except that a question with a topic of its own outside the annex (「協約の法的な
    根拠は」) does not take the party of the turn before: parties only narrow role cells; and
    「もう一方の市は？」「相手方の役割も」 take the other party of the turn before, not its own."""
    if previous is not None and (others := _other_parties(corpus, question, previous)):
        question = _without_words(question, _OTHER_WORDS)
        previous = replace(previous, parties=others)
    query = resolve(question, previous)
    if query.parties == question.parties or not question.topic_terms:
        return query
    own = Query.own(question)
    ranked = rank(corpus, own, allowed_units(corpus, (), agreement))
    if ranked and corpus.units[ranked[0][0]].kind not in ("row", "role"):
        return own
    return query


# 「もう一方の市は」「相手方の役割も」「他方は」「反対側の市」: the party the turn before did not name
_OTHER = re.compile(
    r"もう(?:一方|いっぽう|片方|かたほう|一つの|ひとつの)|相手|他方|反対側|残りの(?:市|町|村|自治体|方)"
)
_OTHER_WORDS = frozenset({"一方", "片方", "相手", "相手方", "相手側", "他方", "反対", "反対側", "残り", "一つ"})


def _other_parties(corpus: Corpus, question: Question, previous: Context) -> tuple[PartyName, ...]:
    """The parties of the agreement before other than the one it named, when the question points
    at them and asks nothing else of its own (「相手方に通告すれば」 has a topic: no pointing)."""
    if question.parties or not previous.parties or _OTHER.search(question.text) is None:
        return ()
    if any(term not in _OTHER_WORDS for term in question.own_topic_terms):
        return ()
    agreements = {p.agreement_id for p in previous.parties}
    named = {p.name for p in previous.parties}
    return tuple(p for p in corpus.party_names if p.agreement_id in agreements and p.name not in named)


def _without_words(question: Question, words: frozenset[str]) -> Question:
    """`question` with `words` no longer topics or search terms of its own."""
    return replace(
        question,
        topic_terms=tuple(t for t in question.topic_terms if t not in words),
        own_topic_terms=tuple(t for t in question.own_topic_terms if t not in words),
        weights=tuple((t, w) for t, w in question.weights if t not in words),
    )


def _is_follow_up(question: Question) -> bool:
    text = question.text.strip()
    return (
        len(text) <= _SHORT or bool(_FOLLOW_UP.search(text)) or bool(_THAT_PARTY.search(text)) or _party_alone(question)
    )


def _party_alone(question: Question) -> bool:
    """A party's role asked with no topic (「岩見沢市の役割をそのまま引用してください」): however long,
    it asks about the topic of the turn before, as 「では岩見沢市は？」 does."""
    if not question.parties or question.kind not in ("role", "general"):
        return False
    return not question.topic_terms or _only_how(question)


def _only_how(question: Question) -> bool:
    """Its own words only say how a party stands in something or how the agreement says it
    (「岩見沢市の関わり方は」「札幌市の担当はどう書かれている」): no topic of its own."""
    own = question.own_topic_terms
    standing = bool(own) and all(term in _STANDING for term in own)
    return standing or all(term in _HOW_SAID for term in own)


def _names(parties: tuple[PartyName, ...]) -> str:
    return "・".join(dict.fromkeys(p.name for p in parties))
