"""The proper name of what the agreement forms, asked for (「この協約で形成する都市圏の名称は」
「圏域の名前は」「この圏域って何て名前なの」): the unit that gives the longest such name first."""

from __future__ import annotations

import re

from ..chars import KANJI, KATAKANA
from ..search.corpus import Corpus

# 「都市圏の名称は」「圏域の名前」「何という都市圏」: the proper name of something the agreement names.
# 「なんていう圏域」「どういう名前の都市圏」 too.
_NAME_OF = re.compile(
    f"(?P<noun>[{KANJI}{KATAKANA}]+)の(?:正式(?:な)?)?(?:名称|名前|呼び名|呼称)"
    rf"|(?:何|なん)\s*(?:と|て)\s*いう(?P<after>[{KANJI}]+)"
    f"|(?:どういう|どんな|どのような)(?:名前|名称)の(?P<named>[{KANJI}]+)"
    # 「この圏域って何て名前なの」「都市圏は何という名称」
    rf"|(?P<asked>[{KANJI}]+)(?:って|は)\s*(?:何|なん)\s*(?:て|と)?\s*(?:いう)?\s*(?:名前|名称|呼び名)"
)


def _names_of(text: str) -> re.Pattern[str] | None:
    """For a question asking a thing's proper name (「圏域の名前は」), what a name of it looks like."""
    match = _NAME_OF.search(text)
    if match is None:
        return None
    noun = match["noun"] or match["after"] or match["named"] or match["asked"]
    # an area (圏域) is named by its 圏: 「さっぽろ連携中枢都市圏」「新庄最上定住自立圏」
    # (the word ending there: 「圏域人口」「圏内」 are no names of it)
    end = f"圏(?![{KANJI}])" if noun.endswith(("圏域", "圏")) else re.escape(noun[-3:])
    return re.compile(rf"[\w・ー]*{end}")


def gives_the_name(corpus: Corpus, text: str, position: int) -> bool:
    """Whether the unit gives the area's name a question asks for (「圏域の名前は」 of a preamble that
    says 「旧員弁郡定住自立圏」): its answer, though it holds no word 圏域 or 名前."""
    names = _names_of(text)
    return names is not None and "圏" in names.pattern and names.search(corpus.units[position].text) is not None


def named_first(corpus: Corpus, text: str, ranked: list[tuple[int, float]], depth: int = 3) -> list[tuple[int, float]]:
    """For 「この協約で形成する都市圏の名称は」: of the best `depth`, the unit that gives the thing
    its longest name (「さっぽろ連携中枢都市圏」 before the template's 「連携中枢都市圏」) comes first."""
    names = _names_of(text)
    if names is None or not ranked:
        return ranked

    def longest(position: int) -> int:
        return max((len(m.group(0)) for m in names.finditer(corpus.units[position].text)), default=0)

    if not any(longest(position) for position, _ in ranked[:depth]):
        # none of the best names it (「圏域の名前は」): the unit of that agreement that does, ranked or not
        # (「新庄最上定住自立圏」 holds no word 圏域 to be ranked by)
        aid = corpus.units[ranked[0][0]].agreement_id
        held = [i for i, unit in enumerate(corpus.units) if unit.agreement_id == aid and longest(i)]
        if not held:
            return ranked
        best = max(held, key=longest)  # the first of the longest
        return [(best, ranked[0][1]), *(item for item in ranked if item[0] != best)]
    head = sorted(ranked[:depth], key=lambda item: -longest(item[0]))  # stable: ties keep their rank
    return head + ranked[depth:]
