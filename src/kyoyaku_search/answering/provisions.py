"""Units that say who the parties are and where the 取組 are set up, found by their role in the
template rather than by the question's words.

「乙とは誰を指すのか」「この協定を締結した市町村はどこ」: the preamble, which names the parties in every
agreement of the template (else the signature block). 「連携の中身はどの条に書いてある」: the article
that refers to 別表, or the one the 取組 stand in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..search.corpus import Corpus
from ..search.phrases import quotation_like
from ..search.tokenizer import fold
from .foreign import SAID_ASPECTS
from .framing import ANNEX_WORDS, QUESTION_WORDS, SAYING_WORDS
from .kinds import asks_for_the_annex
from .lists import PARTNER_WORDS
from .places import naming_the_parties
from .question import Query, Question, QuestionKind
from .sections import POLICY_FIELDS
from .structure import Reference, in_scope
from .wording import this_document

# Asking who 甲 or 乙 is (「甲と乙はそれぞれどこの市のこと」「乙とは」): the preamble, which defines
# them in every agreement of the template (「札幌市（以下「甲」という。）」).
_WHO_IS = re.compile(
    r"どこ|どの(?:市|町|村|自治体)|どちら|どっち|誰|だれ|とは|って|指す|意味|定義|のこと|何市|なに市|なにし|名前|名称"
)
# 「締結した市町村はどこ」「誰と誰が結んだ」: which municipalities, not who signed for them.
_WHICH = re.compile(r"どこ|どの(?:市|町|村|自治体|まち)|市町村|自治体|誰と誰|だれとだれ|何市|どちら|当事者")
_PAIR = re.compile(r"どことどこ|誰と誰|だれとだれ|どちらとどちら|どの市とどの")
# 「「甲」とはどの自治体を指すか」: the words for what a label stands for are no topic of their own.
_WHICH_MUNICIPALITY = frozenset({"自治体", "市町村", "地方公共団体", "団体", "都市", "まち"})
# 「協約に出てくる「乙」」「文中で使われている甲」: where the label is met, not a topic either.
_MET_IN_TEXT = frozenset({"出る", "来る", "登場", "書く", "使う", "記載", "見る", "文中", "文章", "条文"})


def who_is_meant(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The unit saying who the parties are, for 「乙とは誰を指すのか」 and 「この協約を結んだ自治体は」
    (no municipality named to find the partners of: the parties themselves)."""
    if question.labels and all(t in _WHICH_MUNICIPALITY | _MET_IN_TEXT for t in question.own_topic_terms):
        return label_definition(corpus, question.text, agreement)
    if question.parties or not all(term in PARTNER_WORDS for term in question.own_topic_terms):
        return None
    # 「この協定を締結した市町村はどこ」「協約の相手方はどこ」「参加している市町村」
    # 「結んだのはどことどこ」「誰と誰の約束」: a pair asked for needs no other word to be about the parties
    asked = bool(question.own_topic_terms) or _PAIR.search(question.text) is not None
    which = _WHICH.search(question.text) is not None and asked
    if question.kind == QuestionKind.PARTNERS or which and question.kind in ("signer", "general"):
        return the_parties(corpus, agreement)
    return None


def named_heading(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The article whose heading the question names in full (「連携項目及び役割分担って何が書いて
    あるの」「協定の廃止について協約上どう整理されているか」): every agreement heads its articles, and
    a heading named word for word is the article asked for, whatever else its words would rank.
    Not when the question names something more the agreement holds (a second topic), nor for a
    heading of common words alone (「目的」「その他」), which ranking finds."""
    folded = question.reading.folded_text
    # the distinct headings, not every article: the template repeats a handful in every agreement
    # folded once per corpus; a heading of common words (「その他」) only where it is named as a heading
    named = [(h, f) for h, f in corpus.folded_headings if f in folded and (quotation_like(f) or _as_heading(f, folded))]
    if not named:
        return None
    written, heading = max(named, key=lambda pair: len(pair[0]))
    positions = tuple(
        i for i in corpus.headings[written].tolist() if agreement is None or corpus.units[i].agreement_id == agreement
    )
    if not positions:
        return None
    if question.parties and any(corpus.units[i].searched is not None for i in positions):
        return None  # a 取組 article: the party asked about is answered by its role paragraph
    more = [
        c.word
        for c in question.content
        if c.weight >= 1.0
        and fold(c.word) not in heading
        and c.word not in ASKING_WORDS
        and corpus.occurs(fold(c.word))
    ]
    if more:
        return None
    return Reference(positions, corpus.units[positions[0]].citation.place, "article", matched=heading)


def _as_heading(heading: str, folded: str) -> bool:
    """「「その他」の条」「(その他)の条文」「その他という見出しの条」: the words named as a heading."""
    quoted = rf"[「『(]{re.escape(heading)}[」』)]\s*(?:の|という|って)?\s*(?:条|規定|見出し)"
    return re.search(rf"{quoted}|{re.escape(heading)}\s*という\s*(?:見出し|条)", folded) is not None


# Words about the asking or the annex, which a question naming a heading may add (「…の取扱い」
# 「…に関する甲の分担内容」).
ASKING_WORDS = QUESTION_WORDS | SAYING_WORDS | ANNEX_WORDS | SAID_ASPECTS  # 「…は協約の対象に含まれるか」


# 「これは地方自治法でいうどういう種類の取り決めか」「この協約の法的な位置づけは」: what kind of
# instrument the agreement is, which it says where it names the law it is made under.
_WHAT_KIND = re.compile(r"種類|性格|位置づけ|位置付け|性質")
_ABOUT_ITSELF = frozenset(
    {
        "地方自治法",
        "法",
        "法律",
        "法的",
        "上",
        "種類",
        "性格",
        "性質",
        "位置付け",
        "位置",
        "文書",
        "取り決め",
        "取る",
        "協約",
        "協定",
    }
)
_UNDER_A_LAW = re.compile(r"法[^。]{0,40}基づ")


def what_it_is(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The unit that names the law the agreement is made under (the preamble in the template),
    for a question asking only what kind of instrument it is; None for any other question."""
    if question.parties or _WHAT_KIND.search(question.text) is None:
        return None
    if not question.own_topic_terms or not set(question.own_topic_terms) <= _ABOUT_ITSELF:
        return None
    for kind in ("preamble", "article"):
        for position in in_scope(corpus, agreement, kind):
            if _UNDER_A_LAW.search(corpus.units[position].text):
                unit = corpus.units[position]
                return Reference((position,), unit.citation.place, unit.kind)
    return None


# 「この協約の構成を教えて」「協約の目次」: how the agreement is put together, in its own order.
_OUTLINE = re.compile(r"構成|目次|章立て|全体の(?:構造|つくり|作り)")
_OUTLINE_WORDS = frozenset(
    {"構成", "全体", "目次", "章立て", "構造", "作り", "つくり", "協約", "協定", "文書", "成る", "様"}
)
_PARTS = ("preamble", "article", "supplementary", "signature")


def outline(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """Its parts in order (前文, each article by its heading, 附則, 署名欄, 別表) as a note, each part a
    hit, for a question asking only how one agreement is made up; None for any other question."""
    if question.parties or _OUTLINE.search(question.text) is None:
        return None
    if not set(question.own_topic_terms) <= _OUTLINE_WORDS:
        return None
    ids = {corpus.units[i].agreement_id for kind in _PARTS for i in in_scope(corpus, agreement, kind)}
    if len(ids) != 1:
        return None  # several agreements: which one is not said
    aid = ids.pop()
    positions = sorted(i for kind in _PARTS for i in in_scope(corpus, aid, kind))
    parts = [corpus.units[i].citation.place for i in positions]
    annex = corpus.agreement(aid).annex
    parts += [annex.heading] if annex is not None and annex.article is None else []
    note = f"{this_document(corpus, aid)}は{'、'.join(parts)}からなります。"
    return Reference(tuple(positions), "構成", "outline", note)


def annex_reference(corpus: Corpus, query: Query, allowed: np.ndarray) -> Reference | None:
    """The article that sets up the annex, for a question asking only where the agreement says
    what the annex holds (「連携の中身はどの条に」); None for any other question."""
    if query.parties or query.kind != QuestionKind.ARTICLE:  # most questions: no terms to gather
        return None
    terms = tuple(term for term, _ in query.question.weights)
    if not asks_for_the_annex(query.kind, query.question.own_topic_terms, terms):
        return None
    ids = {corpus.units[i].agreement_id for i in np.flatnonzero(allowed).tolist()}
    return annex_article(corpus, [t for t in terms if t in ANNEX_WORDS], ids.pop() if len(ids) == 1 else None)


# 「別表はいくつあって、それぞれ何の分野か」「別表は全部で何個」: how many annexes (別表第1, 別表第2 …).
_HOW_MANY_ANNEXES = re.compile(
    r"(?:別表|べっぴょう)(?:は|が|って)?\s*(?:全部で|全体で|合計|いくつ|幾つ|何個|何枚|何種類|何表|何つ)|別表の数|いくつの別表"
)


def annexes_counted(corpus: Corpus, question: Question, agreement: str | None) -> Reference | None:
    """The article that sets up the annexes, with a note naming each as printed, for a question
    asking how many annexes one agreement has, where it has several; None otherwise."""
    folded = question.reading.folded_text
    fields = re.search(POLICY_FIELDS, folded)  # 「政策分野はいくつ」 where each 別表 holds one
    match = _HOW_MANY_ANNEXES.search(folded) or fields
    ids = [agreement] if agreement is not None else [a.id for a in corpus.agreements]
    if match is None or len(ids) != 1 or len(annexes := corpus.agreement(ids[0]).annexes()) < 2:
        return None
    found = annex_article(corpus, [], ids[0])
    if found is None:
        return None
    named = "、".join(" ".join(part for part in (annex.heading, annex.title) if part) for annex in annexes)
    counted = "政策分野" if fields is not None and match is fields else "別表"
    note = f"{this_document(corpus, ids[0])}の{counted}は{len(annexes)}つです（{named}）。"
    return Reference(found.positions, found.label, found.kind, note, match.group(0))


def label_definition(corpus: Corpus, text: str, agreement: str | None = None) -> Reference | None:
    """The preamble, for a question that asks only who 甲/乙 stand for (the caller checks that
    the question names a label and no topic)."""
    if _WHO_IS.search(text) is None or "役割" in text:
        return None
    positions = tuple(in_scope(corpus, agreement, "preamble"))
    if not positions:
        return None
    return Reference(positions, "前文", "preamble", "甲・乙がどの市町村を指すかは前文が定めています。")


def the_parties(corpus: Corpus, agreement: str | None = None) -> Reference | None:
    """「この協約を結んだ自治体はどこ」 of one agreement: the preamble, which names the parties (else
    the signature block); None when several agreements are in scope (then each one's partners are listed)."""
    if agreement is None and corpus.multi:
        return None
    positions = tuple(naming_the_parties(corpus, agreement))
    if not positions:
        return None
    unit = corpus.units[positions[0]]
    return Reference(positions, unit.citation.place, unit.kind)


def annex_article(corpus: Corpus, words: Sequence[str], agreement: str | None = None) -> Reference | None:
    """The article that sets up the 取組 of each agreement in scope: of those that refer to 別表
    (「別表に掲げるとおり」), the one holding most of `words` (「取組」「内容」 in one, 「役割分担」 in
    the next), the first naming the 取組 on a tie; where the 取組 stand inline, the article they stand in."""
    positions = []
    for aid in [agreement] if agreement is not None else [a.id for a in corpus.agreements]:
        articles = in_scope(corpus, aid, "article")
        found = [i for i in articles if "別表" in corpus.units[i].text]
        # on a tie, the article naming the 取組 sets them up (「…連携して実施する取組及び役割分担については、
        # 別表に掲げるとおり」), not one naming only the 分野 (「別表に掲げる分野について…連携を図る」)
        found.sort(key=lambda i: _holding(corpus, i, words))
        if not found:  # 取組 written as articles of their own: the article before them sending to them
            found = _sending_to_articles(corpus, articles, words)
        if not found and (annex := corpus.agreement(aid).annex) is not None and annex.article is not None:
            found = [i for i in articles if corpus.units[i].article == annex.article]
        positions += found[:1]
    if not positions:
        return None
    return Reference(tuple(positions), corpus.units[positions[0]].citation.place, "article")


# 「次条から第7条までに定めるとおり」「第4条から第7条まで」: a reference to the articles that follow
_LATER_ARTICLES = re.compile(r"(?:次条|第[0-9０-９一二三四五六七八九十]{1,3}条)から")


def _sending_to_articles(corpus: Corpus, articles: Sequence[int], words: Sequence[str]) -> list[int]:
    """Where each 取組 is an article of its own (its units cite 「第N条（…）」): the articles before the
    first of them that send to later articles, the one holding most of `words` first."""
    first = min((u.article for i in articles if (u := corpus.units[i]).row_id and u.article), default=None)
    if first is None:
        return []
    units = corpus.units
    found = [i for i in articles if (units[i].article or 0) < first and _LATER_ARTICLES.search(units[i].text)]
    return sorted(found, key=lambda i: _holding(corpus, i, words))


def _holding(corpus: Corpus, position: int, words: Sequence[str]) -> tuple[int, bool]:
    """How many of `words` the article holds (as written or as indexed terms: the question's 取り組み
    is the text's 取組), and whether it holds none of the 取組 (the one naming them sets them up)."""
    text = corpus.units[position].text
    said = sum(word in text or bool(corpus.index.matches((word,))[position]) for word in words)
    return -said, not corpus.index.matches(("取り組み",))[position] and "取組" not in text
