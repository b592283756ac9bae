"""Honest confidence: is the best unit an answer, or only related to the question?

A BM25 score cannot tell (a wrong unit that shares one rare word outscores right ones), so
"found" is decided by coverage: the weighted share of the question's own content words
(answering/content.py) that the unit holds, itself or through a synonym or reading the word was
expanded to. A unit that covers too little is offered only as 関連 under 「この協約には…について
の定めは見つかりませんでした」.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..search.corpus import Corpus
from ..search.phrases import PhraseMatch
from ..search.tokenizer import fold
from .content import Content
from .framing import SAYING_WORDS
from .generic import GENERIC_TERMS, lacks, only_generic, shares_only_common
from .records import record
from .siblings import Modified, said_of_another

# Chosen with `make eval` on tests/questions.yaml and tests/questions-tuning.yaml (see README):
# the weighted share of content words the best unit must cover to be quoted as the answer: more
# than half (one noun of two is not enough: 「職員の給与」「観光客の宿泊税」 share only 職員・観光).
MIN_COVERAGE = 0.51
ROLE_COVERAGE = 0.5
# A word held by this share of the units is said of any topic in this agreement, as 連携 is.
COMMON_SHARE = 0.25
# A part of a compound the agreement does not use (「保育園」's 「保育」) answers the word in part.
PARTIAL_CREDIT = 0.5


@record
class Asked:
    """What confidence needs of a query: its content words, its verbatim run, and whether its
    topic was settled otherwise (inherited from the turn before, or a 取組 named in full)."""

    content: tuple[Content, ...]
    phrase: PhraseMatch | None = None
    settled: bool = False
    # A party's role asked for: only the annex holds roles, so half the question is enough
    # (「岩見沢市の観光PRでの役割」); any other question needs more than half.
    role: bool = False
    # Words that say which thing the question's topic is about and that no unit holds, even in
    # part (「火葬場の共同利用」「除排雪の費用負担」): a unit sharing the rest answers another thing.
    foreign: tuple[str, ...] = ()
    compared: bool = False  # several parties' roles asked side by side
    # The question's heads and what it says of them (「高齢者の就労」): see answering/siblings.py
    modified: tuple[Modified, ...] = ()

    @property
    def needed(self) -> float:
        return ROLE_COVERAGE if self.role else MIN_COVERAGE


def covered_first(
    corpus: Corpus, asked: Asked, ranked: list[tuple[int, float]], depth: int = 5
) -> list[tuple[int, float]]:
    """Of the best `depth`, the units that cover the question come before those that only
    outscore them (「誰が」 pulling the signature block above the row the question names)."""
    if not asked.content:
        return ranked
    head = ranked[:depth]
    shares = coverages(corpus, asked.content, [position for position, _ in head])
    # A unit holding every word the question asks about comes before a verbatim run's unit that
    # leaves a word out (「ネットワークの強化 ICT」: the row of ICT, not the row repeating the heading).
    whole = [share >= 1.0 for share in shares]
    # So does one holding every word of the parties' roles compared (「バスの経費負担について甲と乙で何が
    # 違う」: the cells of the bus row, not the cost article sharing only 経費負担).
    fuller = (asked.phrase is not None or asked.compared) and not whole[0] and any(whole)
    covers = whole if fuller else [share >= asked.needed for share in shares]
    if not fuller and covers[0] and not _answers_subject(corpus, asked, head[0][0]):
        # 「鶴田町ってバスの経費を負担してるの？」: the article on costs shares the kind's words only; a
        # unit covering the question that also holds バス answers it (a cell 「…経費…を負担する」)
        covers = [c and _answers_subject(corpus, asked, p) for (p, _), c in zip(head, covers, strict=True)]
    # A verbatim run comes first unless its units answer little of the question and another does
    # (「ネットワークの強化に関する連携として、オープンデータについては」 asks about オープンデータ).
    if covers[0] or not any(covers):
        return ranked
    first = [p for p, c in zip(head, covers, strict=True) if c]
    return first + [p for p, c in zip(head, covers, strict=True) if not c] + ranked[depth:]


def confident(corpus: Corpus, asked: Asked, position: int) -> bool:
    """Whether the unit answers the question rather than only sharing a word with it."""
    if asked.settled:
        return True  # the topic was settled before or named in full
    # a run of the text repeated (「センターの運営を支援」) after a word that makes it another thing's
    # (「子育て支援センター」 where the row's is a 生活支援センター) is no quotation of that row
    if another_thing(corpus, asked, position):
        return False
    holds = lambda t: corpus.index.holds(t, [position])[0]  # noqa: E731
    common, anywhere, slip = _common_in(corpus), _anywhere(corpus), _slip(corpus)
    if asked.phrase is not None and all(word in SAYING_WORDS for word in asked.foreign):
        # the question quotes the text (「…」の出典); a quote does not vouch for a property of what it
        # names that no unit states (「連携中枢都市圏ビジョンの計画期間」「…センターの開所時間」)
        return True
    if asked.foreign or coverage(corpus, asked.content, position) < asked.needed:
        return False
    # 「周産期医療体制」 of a unit on 救急医療体制: the unit shares only 医療・体制, words of any topic
    if only_generic(asked.content, holds, corpus.index.document_frequency):
        return False
    if shares_only_common(asked.content, holds, common, anywhere, slip):
        return False
    return _answers_subject(corpus, asked, position)


def another_thing(corpus: Corpus, asked: Asked, position: int) -> bool:
    """answering/siblings.py: the unit says the question's head only of another thing, and holds no
    word of what the question says of it but a common one, which the agreement lacks (高齢者 beside
    障害者, held at most through 福祉)."""
    if not asked.modified:
        return False  # most questions: no noun said of another
    common = _common_in(corpus)
    lacking = [c for c in asked.content if lacks(c, common, _anywhere(corpus), _slip(corpus))]
    if not lacking:
        return False
    unit = corpus.units[position]
    # a party's cell is about its row's 取組: the row's own words say what of the head it is about
    row = corpus.positions.get(unit.row_id) if unit.row_id is not None else None
    at = [position] if row is None or row == position else [position, row]

    def holds_own(terms: tuple[str, ...]) -> bool:
        return not all(common(t) for t in terms) and all(any(corpus.index.holds(t, at)) for t in terms)

    unheld = [c for c in asked.content if not any(holds_own(terms) for terms in (*c.terms, *c.partial))]

    def lacked(modifier: str) -> bool:
        inside = [c for c in asked.content if c.word in modifier]
        return any(c in lacking for c in inside) and all(c in unheld for c in inside)

    text = "\n".join(corpus.units[p].text for p in at)
    return said_of_another(text, asked.modified, lacked)


def _common_in(corpus: Corpus) -> Callable[[str], bool]:
    """A word of every topic: a generic word, or one a large share of the agreement's units hold
    (「相互」「連携」 where most articles and rows say it)."""
    many = max(2, round(len(corpus.units) * COMMON_SHARE))
    return lambda term: term in GENERIC_TERMS or corpus.index.document_frequency(term) >= many


def _anywhere(corpus: Corpus) -> Callable[[str], bool]:
    return lambda term: corpus.index.document_frequency(term) > 0


def _slip(corpus: Corpus) -> Callable[[str], bool]:
    """A word of two kanji one character off a word of the corpus (「合流」 of 交流 or 合同): whichever
    was meant, the question may be about a thing the agreement has."""
    near = corpus.two_kanji
    return lambda word: len(word) == 2 and bool(near.get("?" + word[1]) or near.get(word[0] + "?"))


def _answers_subject(corpus: Corpus, asked: Asked, position: int) -> bool:
    """Whether the unit holds what the question is about, not only the kind asked for."""
    # 「除雪の経費の負担割合は」: the unit answers what kind of thing is asked (a cost) but none of
    # the nouns that say what about (除雪): it only shares the kind.
    subject = [c for c in asked.content if not c.asks_kind and c.weight >= 1.0]
    if not subject or not any(c.asks_kind for c in asked.content):
        return True
    # a compound answers only whole (「ごみ処理」: 処理 alone, in 「事務を処理する」, is not it); a word
    # in part too (保育 of 保育園)
    groups: dict[str, list[Content]] = {}
    for word in subject:
        groups.setdefault(word.compound or word.word, []).append(word)
    return any(all(coverage(corpus, [w], position) > 0 for w in group) for group in groups.values())


def coverage(corpus: Corpus, content: Sequence[Content], position: int) -> float:
    """Weighted share of `content` that the unit at `position` holds; 1.0 when there is none."""
    return coverages(corpus, content, [position])[0]


def coverages(corpus: Corpus, content: Sequence[Content], positions: Sequence[int]) -> list[float]:
    """`coverage` of each unit at `positions`, one postings lookup per term for all of them."""
    total = sum(c.weight for c in content)
    if not total:
        return [1.0] * len(positions)
    at = [int(position) for position in positions]
    held_by: dict[str, list[bool]] = {}

    def held(term: str) -> list[bool]:
        if term not in held_by:
            held_by[term] = corpus.index.holds(term, at)
        return held_by[term]

    # Python lists, not arrays: a handful of units and words, where each numpy call costs more
    # than the sums. The same additions and division, word by word, so the shares are the same
    # to the bit.
    def any_held(alternatives: tuple[tuple[str, ...], ...]) -> list[bool]:
        covered: list[bool] | None = None  # the first way's list as it is (read, never changed)
        for terms in alternatives:
            if len(terms) == 1:  # most ways to cover a word are one term
                every = held(terms[0])
            else:
                holds = [held(term) for term in terms]
                every = [all(h[i] for h in holds) for i in range(len(positions))]
            covered = every if covered is None else [c or e for c, e in zip(covered, every, strict=True)]
        return [False] * len(positions) if covered is None else covered

    texts: list[str] = []

    def verbatim(run: str) -> list[bool]:
        """The unit holds the question's run of nouns as written, where Sudachi cut its text
        otherwise (「三岐鉄道北勢線」 as 三岐・鉄・道北…: no term 鉄道)."""
        if not texts:
            texts.extend(fold(corpus.units[i].text) for i in at)
        return [run in text for text in texts]

    share = [0.0] * len(positions)
    for word in content:
        covered = any_held(word.terms)
        if word.compound and not all(covered) and len(word.compound) >= 3:
            covered = [c or v for c, v in zip(covered, verbatim(fold(word.compound)), strict=True)]
        share = [s + word.weight * c for s, c in zip(share, covered, strict=True)]
        if word.partial:
            credit = word.weight * PARTIAL_CREDIT
            partly = any_held(word.partial)
            share = [s + credit * (p and not c) for s, p, c in zip(share, partly, covered, strict=True)]
    return [s / total for s in share]
