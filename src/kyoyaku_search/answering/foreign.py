"""Whether the question's topic is one the agreement has at all (`foreign_modifiers`).

A unit may share most words of a question and still answer another thing: 「火葬場の共同利用」 is
not 公共施設の相互利用, 「新千歳空港の利用促進」 not 丘珠空港の, 「看護師不足対策」 not 保育士不足対策,
「職員交流の人数」 a property no unit states. The words found here veto a quote (confidence.confident).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..chars import HIRAGANA
from ..search.corpus import initiative_key
from ..search.phrases import PhraseMatch
from ..search.tokenizer import Token, compound_runs
from .content import COMPOUND_POS, EXAMPLE_MARKS, PERSON_ENDINGS, Content, covered
from .framing import ANNEX_WORDS
from .parties import MASK
from .reading import Reading

_LISTING = frozenset({"や", "と", "・", "、", "も"})  # joining a word to the one before it
# What a unit says of its thing: its content, outline, place in the agreement.
SAID_ASPECTS = ANNEX_WORDS | {
    "概要",
    "詳細",
    "要点",
    "ポイント",
    "あらまし",
    "位置付け",
    "位置づけ",
    "説明",
    "名称",
    "名前",
    "対象",
    "体制",
    "在り方",
    "あり方",
    # how it is done: a row says what each party does and how (合同で, 協力して)
    "方法",
    "やり方",
    "進め方",
    "仕方",
    "手法",
    "手段",
    "方向",
    "方向性",
    "方策",
    "具体策",
    "仕組み",
    "範囲",
    "流れ",
}


def _topic_noun(token: Token) -> bool:
    """A noun that can be a topic: not 「とき」「際」「場合」 (「火事のとき」 says when)."""
    return token.pos[0] == "名詞" and token.pos[2] != "副詞可能"


def foreign_modifiers(
    reading: Reading,
    content: Sequence[Content],
    document_frequency: Callable[[str], int],
    whole: Callable[[str], bool] = lambda term: True,
    occurs: Callable[[str], bool] = lambda text: False,
) -> tuple[str, ...]:
    """The nouns of the question's topic that no unit of the corpus can cover, whole or in part:
    the topic is not in the agreement, and a unit sharing the rest answers another thing.

    A topic is a compound in a topic's place: before 「の」 and another noun (「火葬場の共同利用」:
    what it belongs to), before 「を」「は」「が」「について」…, after a describing clause or at the
    end (「相互利用できる駐車場は」「共同で使う斎場」). Before 「の」 every counting word of the
    compound must be absent (「ネット会議の」 has 会議); elsewhere its head, the last noun, is
    enough (「市民プールを」), and the one word asked about that the corpus holds only inside a
    longer word (`whole` false: 人口 of 圏域人口) counts as absent. A member of a list
    (「国際会議や展示会の誘致」) is not one: another member may be there; nor is a word with kana
    (「お店」), everyday speech rather than the name of a thing, nor people (「若者の定着」「外国人
    の」): who benefits."""
    tokens, said = reading.words, reading.said
    heavy = {c.word for c in content if c.weight >= 1.0}
    absent = {  # the cheap checks first: most words are held, and looking that up costs most
        c.word
        for c in content
        if not c.partial
        and c.word[-1] not in PERSON_ENDINGS
        and HIRAGANA.isdisjoint(c.word)
        and not covered(c.terms, document_frequency)
    }
    # 「参加人数」「利用料金」: a held part, then a head of two or more characters no unit has
    headless = {c.word for c in content if c.partial and _unheld_tail(c.word, c.partial) not in ("", *SAID_ASPECTS)}

    weakness: dict[str, bool] = {}  # a head may be asked about twice below: it is read once

    def weak(word: str) -> bool:
        if word not in weakness:
            weakness[word] = _weak(word)
        return weakness[word]

    def _weak(word: str) -> bool:
        """Held only inside longer words of the corpus (人口 of 圏域人口), through no synonym."""
        c = next(c for c in content if c.word == word)
        held = [terms for terms in c.terms if all(document_frequency(t) for t in terms)]
        return (
            len(held) == 1
            and len(held[0]) == 1
            # the question's own word: a synonym (病院 → 医療) is the corpus's word for it, in any compound
            and any(t.term == held[0][0] for t in tokens)
            and not any(ch in HIRAGANA for ch in word)
            and word[-1] not in PERSON_ENDINGS
            and not whole(held[0][0])
        )

    counted = {c.word for c in content}
    # a person by their work (…士・…師・…員) anywhere (most questions name none): else no compound holds one
    workers = any(t.surface[-1:] in _WORKERS for t in tokens)
    found = []
    for start, at in compound_runs(tokens, COMPOUND_POS):
        words = [t.surface for t in tokens[start:at] if t.surface in counted]
        listed = _listed(tokens, said, start, at)
        # people weigh little, and still name another thing (「消防士」, whose content word is 消防 alone)
        if workers and not listed:
            found.extend(_other_person_of(tokens, start, at, occurs))
        if not words or listed or not any(word in heavy for word in words):
            continue
        found.extend(_other_named(tokens[start:at], document_frequency, occurs))
        place = _topic_place(tokens, said, start, at)
        if place == "modifier":
            if all(word in absent for word in words):
                found.extend(word for word in words if word in heavy)
        elif place == "head":
            head = [word for word in words if word in heavy][-1]
            unheld = _absent_head(head, absent | headless, tokens, start, occurs)
            if unheld or _weak_topic(head, content, absent, weak, tokens, said, at):
                found.append(head)
            # 「下水道料金」「給食センター」: a noun before the head that no unit has, even in part, says
            # which fee or centre, where the agreement has the head only through a synonym (料金 → 費用)
            # or inside a longer name (「…就職センター」): a unit with that answers another thing
            if head in absent or not occurs(head) or weak(head):
                found.extend(w for w in words[:-1] if w in heavy and w in absent and not occurs(w))
    return tuple(dict.fromkeys(found))


def _other_named(
    run: Sequence[Token], document_frequency: Callable[[str], int], occurs: Callable[[str], bool]
) -> list[str]:
    """Names in a compound that differ from the agreement's own of the same kind: a proper noun no
    unit has, whatever its parts (新千歳空港 beside 丘珠空港), and a person no unit names before a
    word the agreement puts after another person (看護師不足 beside 保育士不足)."""
    found = [
        t.surface
        for t in run
        if t.pos[1] == "固有名詞"
        and not any(ch in HIRAGANA for ch in t.surface)  # 「じもと」: Sudachi's guess at a kana word
        and not document_frequency(t.term)
        and not occurs(t.surface)
    ]
    return found


def _other_person_of(tokens: Sequence[Token], start: int, end: int, occurs: Callable[[str], bool]) -> list[str]:
    """A person by their work (…士・…師・…員) that no unit puts before the thing the question puts
    it before, where a unit puts another such person (「看護師不足」「介護職員の人材不足対策」 beside
    保育士不足対策, 「議員同士の交流」 beside 職員交流): another person's thing, not the agreement's.
    The thing is the nouns after the person, or ending them (「人材不足対策」 ends in 不足対策)."""
    run = tokens[start:end]
    if not any(token.surface[-1] in _WORKER_ENDINGS for token in run):  # most compounds name no person
        return []
    found = []
    nouns = [t for t in run if t.pos[0] != "接尾辞"]  # 「議員同士」「看護師さん」: the person
    pairs = [(token, "".join(t.surface for t in run[i + 1 :])) for i, token in enumerate(run[:-1])]
    after = _run_after(tokens, end + 1) if end < len(tokens) and tokens[end].surface == "の" else ""
    if nouns and after:
        pairs.append((nouns[-1], after))
    joins = ("", "の")
    for token, thing in pairs:
        if token.surface[-1] not in _WORKER_ENDINGS:
            continue
        tails = [thing[at:] for at in range(len(thing) - 1)]  # the thing, and each tail of two or more
        # the person too: 「市職員」 is one word to Sudachi, and a 職員
        people = [token.surface[at:] for at in range(len(token.surface) - 1)]
        theirs = any(occurs(person + join + tail) for person in people for tail in tails for join in joins)
        if not theirs and any(occurs(e + join + tail) for e in _WORKER_ENDINGS for join in joins for tail in tails):
            found.append(token.surface)
    return found


def _run_after(tokens: Sequence[Token], at: int) -> str:
    """The nouns from tokens[at] on, joined (「人材不足対策」 after 「介護職員の」)."""
    run = ""
    for token in tokens[at:]:
        if token.pos[0] != "名詞":
            break
        run += token.surface
    return run


_WORKER_ENDINGS = "士師員"  # 保育士・看護師・職員: people by their work
_WORKERS = frozenset(_WORKER_ENDINGS)
_TOPIC_MARKS = (
    *("を", "は", "が", "について", "に関して", "に関する", "にかんする", "とは", "って", "ってある"),
    *("に係る", "に係わる", "にかかる"),  # 「下水道料金に係る規定ぶり」
)
_ASKED_MARKS = ("は", "について", "に関して", "に関する", "にかんする", "とは", "って")
_DESCRIBING_POS = frozenset({"動詞", "形容詞", "助動詞"})


def _unheld_tail(word: str, held: tuple[tuple[str, ...], ...]) -> str:
    """What follows the last held part of `word` when that is two characters or more, else ""."""
    ends = [word.rfind(part[0]) + len(part[0]) for part in held if part and part[0] in word]
    tail = word[max(ends) :] if ends else ""
    return tail if len(tail) >= 2 else ""


def _absent_head(
    head: str, absent: set[str], tokens: Sequence[Token], start: int, occurs: Callable[[str], bool]
) -> bool:
    """A head no unit has. Not one: an aspect of a thing the agreement has (「取組の中身」「公共の
    建物」), left to coverage, nor a word standing inside a longer one of the corpus (「オープン
    データ」's データ)."""
    return head in absent and not occurs(head) and not _aspect(tokens, start, head, occurs)


def _weak_topic(
    head: str,
    content: Sequence[Content],
    absent: set[str],
    weak: Callable[[str], bool],
    tokens: Sequence[Token],
    said: str,
    end: int,
) -> bool:
    """The one word asked about (「岩見沢市の人口は」), which the corpus holds only inside longer
    words (「圏域人口」「人口減少」): no other noun of the question is there to carry it."""
    others = any(c.word != head and c.word not in absent and c.weight >= 1.0 for c in content)
    return not others and _asked_about(tokens, said, end) and weak(head)


def _aspect(tokens: Sequence[Token], start: int, head: str, occurs: Callable[[str], bool]) -> bool:
    """Whether the compound at `start` is what a unit says of a thing the corpus has: 「Xの中身」
    「Xの概要」. Not a property no unit states (「職員交流の人数」「ビジョンの計画期間」「個人情報の
    取扱い」): that is not in the agreement even though X is."""
    return (
        start >= 2
        and tokens[start - 1].surface == "の"
        and (tokens[start].term in SAID_ASPECTS or head in SAID_ASPECTS)
        and tokens[start - 2].pos[0] in COMPOUND_POS
        and occurs(tokens[start - 2].surface)
    )


def _asked_about(tokens: Sequence[Token], said: str, end: int) -> bool:
    """Whether the compound ending at `end` is what is asked about: before 「は」「について」
    「とは」…, or at the end (not the 「が」「を」 of a verb, which carries the topic too)."""
    rest = _rest(tokens, said, end)
    return (
        not rest
        or rest.startswith(_ASKED_MARKS)
        or all(t.pos[0] in ("助詞", "助動詞", "補助記号", "空白") for t in tokens[end:])
    )


def _listed(tokens: Sequence[Token], said: str, start: int, end: int) -> bool:
    """Whether the compound at tokens[start:end] is one member of a list (「国際会議や展示会」)."""
    before = tokens[start - 1].surface if start > 0 else ""
    # 「…農家だが、下水道料金で」: a comma after a clause, not after a noun, begins no list member
    if before == "、" and (start < 2 or tokens[start - 2].pos[0] not in ("名詞", "接尾辞")):
        before = ""
    after = said[tokens[end].begin : tokens[min(end + 3, len(tokens)) - 1].end] if end < len(tokens) else ""
    return before in _LISTING or after.startswith(("や", "・", "、", *EXAMPLE_MARKS))


def _topic_place(tokens: Sequence[Token], said: str, start: int, end: int) -> str | None:
    """Where the compound at tokens[start:end] stands: "modifier" before 「の」 and a noun (not
    「のとき」), "head" where a topic stands (before 「を」「は」「について」…, after a describing
    clause, at the end), None elsewhere (「大学で」「ゼミで」: a means or a place)."""
    after = tokens[end:]
    rest = _rest(tokens, said, end)
    if rest.startswith("の"):
        if len(after) > 1 and _topic_noun(after[1]):
            return "modifier"
        return None
    if not after or all(t.pos[0] in ("助詞", "助動詞", "補助記号", "空白") for t in after):
        return "head"
    if rest.startswith(_TOPIC_MARKS):
        return "head"
    # 「給食センターで札幌市が…」: what a party does in the topic; not 「立案の段階で、札幌市は」, a time
    # or occasion of a thing before it
    if rest.startswith("で" + MASK) and (start == 0 or tokens[start - 1].surface != "の"):
        return "head"
    if start > 0 and tokens[start - 1].pos[0] in _DESCRIBING_POS:
        return "head"
    return None


def quoted_around(
    phrase: PhraseMatch | None, folded: str, content: Sequence[Content], occurs: Callable[[str], bool]
) -> PhraseMatch | None:
    """The verbatim run, when it is what the question asks about; None when a noun no unit has
    stands before it (「鳥獣被害対策で連携する取組は」): the topic comes first, and a run of the
    template after it (連携する取組) only frames that topic."""
    if phrase is None:
        return None
    before = folded[: phrase.start]
    lacking = [c.word for c in content if c.weight >= 1.0 and c.word in before and not occurs(c.word)]
    return None if lacking else phrase


def before_named(text: str, foreign: Sequence[str], initiatives: Sequence[str]) -> bool:
    """Whether a foreign word stands before the 取組 the question names in full (「…回線を引く支援、
    ICTインフラ整備に入ってる？」): the topic comes first, and the 取組 is what it is checked against.
    After the name, such a word asks what of it (「まちづくり活動の記述」)."""
    key = initiative_key(text)
    starts = [key.find(name) for name in initiatives if name in key]
    if not starts or not foreign:
        return False
    first = min(starts)
    return any(-1 < key.find(initiative_key(word)) < first for word in foreign)


def _rest(tokens: Sequence[Token], said: str, end: int) -> str:
    """The words of `said` from tokens[end] on (Sudachi's words cover the text they were read from)."""
    return said[tokens[end].begin :] if end < len(tokens) else ""
