"""Words any 連携協約 uses of any topic, and the test that a unit shares only those with a question
whose own topic word the agreement lacks.

「周産期医療体制の確保」 asked of an agreement about 救急医療体制の確保 shares 医療・体制・確保 and
lacks 周産期: the unit is about another kind of 医療, and quoting it would answer a question the
agreement does not. The list is of administrative words, not of one agreement's topics.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .content import Content

_KANA = re.compile(r"[ぁ-ゖー]+")

# What every agreement says of whatever it is about: the striving (確保・推進), the frame
# (連携・体制・事業), the people and bodies (職員・住民・機関), the broad fields (医療・サービス).
GENERIC_TERMS = frozenset(
    {
        *("対策", "支援", "連携", "推進", "事業", "職員", "体制", "確保", "充実", "強化", "促進", "整備"),
        *("地域", "維持", "利用", "相互", "提供", "育成", "人材", "広域", "圏域", "取組", "取り組み", "実施"),
        *("向上", "活用", "拡大", "構築", "形成", "共同", "合同", "協力", "市町", "市町村", "住民", "市民"),
        *("運営", "機関", "関係", "情報", "医療", "福祉", "サービス", "事務", "役割", "分担"),
        *("内容", "協議", "調整", "検討", "会", "系", "等", "体系", "環境", "全体", "一体", "項目"),
    }
)


def lacking_kinds(content: Sequence[Content], anywhere: Callable[[str], bool]) -> tuple[str, ...]:
    """The kinds of thing the question names that no unit holds, even through a synonym that is
    not a generic word (`anywhere`): a noun before others in a compound (周産期 of 周産期医療体制;
    救急 of 救急医療 where only 医療 is held), or any word held only through a generic synonym
    (介護サービス by 福祉・サービス). A head no unit has at all (「職員合流」) is left to coverage."""
    return tuple(
        c.word
        for c in content
        if (c.weight >= 1.0 or c.compound)  # 子育て of 子育て支援: a noun, light as a verb's noun is
        and not c.asks_kind
        and not c.partial
        and not _held_as_itself(c, anywhere)
        and (_modifier(c) or _held_broadly(c, anywhere))
    )


def kinds_of(content: Sequence[Content], anywhere: Callable[[str], bool], names: Sequence[str]) -> tuple[str, ...]:
    """The `lacking_kinds` said of one of `names` in the same compound (保健 of 保健医療, where 医療
    is a 取組's name), not of another thing before it (委員会 of 「委員会資料に…」)."""
    compounds = {c.word: c.compound for c in content}
    return tuple(w for w in lacking_kinds(content, anywhere) if any(n in compounds[w] for n in names))


def only_generic(content: Sequence[Content], holds: Callable[[str], bool], anywhere: Callable[[str], bool]) -> bool:
    """Whether the question names a kind no unit holds (`lacking_kinds`) and the unit (`holds`)
    shares with it only generic words: every content word it covers, it covers through a term
    of GENERIC_TERMS alone."""
    lacking = lacking_kinds(content, anywhere)
    if not lacking:
        return False
    # the lacking words too: 子育て held by the unit only through its field 福祉 is no other word shared
    words = [c for c in content if c.word in lacking or c in _heavy(content)]
    covering = [[terms for terms in c.terms if all(holds(t) for t in terms)] for c in words]
    shared = [ways for ways in covering if ways]
    return bool(shared) and all(all(set(terms) <= GENERIC_TERMS for terms in ways) for ways in shared)


def shares_only_common(
    content: Sequence[Content],
    holds: Callable[[str], bool],
    common: Callable[[str], bool],
    anywhere: Callable[[str], bool],
    slip: Callable[[str], bool] = lambda word: False,
) -> bool:
    """Whether the question names a thing of its own the agreement lacks (`_own_lacking`) and the
    unit shares with it only `common` words: 「相互応援」 of a unit on 「相互に…連携」 (応援 held only
    through 支援・連携), 「相談会」 of the article on 協議, 「病気の子どもを預ける」 of a row on 医療.
    Sharing words of every topic says nothing of this one."""
    if not any(_own_lacking(c, common, anywhere, slip) for c in content):
        return False  # 「救急医療の連携」: the question's own words are the agreement's
    shared = [[terms for terms in (*c.terms, *c.partial) if all(holds(t) for t in terms)] for c in content]
    return any(shared) and not any(any(not all(common(t) for t in terms) for terms in ways) for ways in shared)


def _own_lacking(
    word: Content, common: Callable[[str], bool], anywhere: Callable[[str], bool], slip: Callable[[str], bool]
) -> bool:
    """A word naming the question's own thing that no unit holds but through `common` words: a part
    of a run of nouns (応援 of 相互応援), or a noun no unit holds in any way nor in part (子ども).
    Not a `slip` of a held word (「職員合流」); not a word some unit holds in its own terms (救急 in
    one cell): then the unit is only ranked above the one that has it."""
    if _common_word(word, common):
        return False
    held = [terms for terms in word.terms if all(anywhere(t) for t in terms)]
    if any(not all(common(t) for t in terms) for terms in held):
        return False
    if not held:
        # 「バス会社」 by バス and 企業: a part the agreement holds in its own terms says what of it
        parts = {t for terms in (*word.terms, *word.partial) for t in terms if anywhere(t) and not common(t)}
        return not slip(word.word) and (bool(word.compound) or (word.weight >= 1.0 and not parts))
    return bool(word.compound)


def lacks(
    word: Content, common: Callable[[str], bool], anywhere: Callable[[str], bool], slip: Callable[[str], bool]
) -> bool:
    """Whether the agreement lacks the word: no unit holds it, nor a part of it, but through `common`
    words (高齢者, held at most through 福祉), and it is no `slip` of a held word."""
    if _common_word(word, common):
        return False
    if any(anywhere(t) and not common(t) for terms in (*word.terms, *word.partial) for t in terms):
        return False
    return not slip(word.word)


def _common_word(word: Content, common: Callable[[str], bool]) -> bool:
    """A word of every topic: itself (連携・推進), or kana read only as such words (「れんけい」)."""
    if common(word.word):
        return True
    return bool(_KANA.fullmatch(word.word)) and all(all(common(t) for t in terms) for terms in word.terms)


def _heavy(content: Sequence[Content]) -> list[Content]:
    """The nouns that carry the topic, not the words asking for the kind of answer."""
    return [c for c in content if c.weight >= 1.0 and not c.asks_kind]


def _modifier(word: Content) -> bool:
    """A word standing before another in its run of nouns: it says which kind of thing."""
    return bool(word.compound) and not word.compound.endswith(word.word)


def _held_as_itself(word: Content, anywhere: Callable[[str], bool]) -> bool:
    """Whether some unit holds the word, or a synonym of it that is not a generic word (救急 held
    only through its broader 医療 is not held: 医療 is what every such word shares)."""
    if word.word in GENERIC_TERMS:
        return True
    if _KANA.fullmatch(word.word):  # 「いりょう」: the corpus words it was read as are the word itself
        return any(all(anywhere(t) for t in terms) for terms in word.terms)
    return any(all(anywhere(t) for t in terms) and not set(terms) <= GENERIC_TERMS for terms in word.terms)


def _held_broadly(word: Content, anywhere: Callable[[str], bool]) -> bool:
    """Whether some unit holds the word through a synonym of its kind and the rest of it
    (介護サービス by 福祉 and サービス): the agreement has the field, not this thing of it. A word
    said by a synonym alone (病気 → 医療) is the agreement's own in other words."""
    return any(len(terms) > 1 and all(anywhere(t) for t in terms) for terms in word.terms)
