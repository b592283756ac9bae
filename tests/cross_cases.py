"""Generated cross-agreement off-topic cases: a 取組 of agreement B asked of agreement A, where A
holds none of the topic's own words — only, at most, the generic ones every agreement has
(「周産期医療体制の確保」 asked of an agreement about 救急医療体制の確保 shares 医療・体制・確保,
not 周産期). The topic is close to A's and must be refused all the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from kyoyaku_search.search.corpus import Corpus
from kyoyaku_search.search.tokenizer import fold

from .framing_cases import _noun_phrases

# Words any 連携協約 may use of any topic: sharing them says nothing of the topic. Test data for
# telling an absent topic, not a rule of the product.
GENERIC = frozenset(
    {
        "対策",
        "支援",
        "連携",
        "医療",
        "推進",
        "事業",
        "職員",
        "体制",
        "確保",
        "充実",
        "強化",
        "促進",
        "整備",
        "地域",
        "維持",
        "利用",
        "相互",
        "提供",
        "育成",
        "人材",
        "広域",
        "施設",
        "圏域",
        "取組",
        "実施",
        "向上",
        "活用",
        "拡大",
        "構築",
        "形成",
        "共同",
        "合同",
        "研修",
        "機関",
        "関係",
        "サービス",
        "情報",
        "活性",
        "化",
        "振興",
        "事務",
        "協力",
        "市町",
        "市町村",
        "市民",
        "住民",
        "生活",
        "環境",
        "計画",
        "制度",
        "運営",
        "運行",
        "交流",
        "発展",
        "公共",
        "交通",
        "高度",
        "的",
        "等",
        "及び",
        "その他",
        "の",
        "・",
        "人材育成",
        "医療サービス",
        "交通網",
        "利便性",
    }
)


def own_words(corpus: Corpus, topic: str) -> list[str]:
    """The topic's nouns that say what it is about (not GENERIC)."""
    return [
        t.surface
        for t in corpus.tokenizer.tokens(topic)
        if t.pos[0] in ("名詞", "接頭辞") and t.surface not in GENERIC and len(t.surface) > 1
    ]


def row_topics(corpus: Corpus) -> list[str]:
    """取組 names and the first noun phrase of each 内容 (2–14 characters)."""
    found: list[str] = []
    for unit in corpus.units:
        if unit.kind == "row" and unit.initiative:
            found += [unit.initiative, *_noun_phrases(corpus, unit.text)[:1]]
    return [t for t in dict.fromkeys(found) if 2 <= len(t) <= 14 and not t.startswith("その他")]


def cross_topics(corpora: Mapping[str, Corpus]) -> dict[str, list[str]]:
    """Per layout A: other layouts' 取組 topics none of whose own words A holds."""
    by_layout = {name: row_topics(corpus) for name, corpus in corpora.items()}
    result: dict[str, list[str]] = {}
    for name, corpus in corpora.items():
        mine = set(by_layout[name])
        found: list[str] = []
        for other, other_topics in by_layout.items():
            if other == name:
                continue
            for topic in other_topics:
                words = own_words(corpus, topic)
                if topic in mine or not words or any(corpus.occurs(fold(w)) for w in words):
                    continue
                found.append(topic)
        result[name] = list(dict.fromkeys(found))
    return result
