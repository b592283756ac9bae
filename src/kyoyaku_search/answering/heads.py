"""Head and modifier in the question's compounds of nouns.

In a Japanese compound the last noun is what it is (the head) and the nouns before it say which
one (the modifiers): 「福祉サービス」 is a service, 「介護職員」 staff. A 取組 name standing before
another noun names a field a thing belongs to, not the 取組 (`names_only_a_field`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..search.corpus import initiative_key
from ..search.tokenizer import Token


def names_only_a_field(tokens: Sequence[Token], initiatives: Sequence[str], occurs: Callable[[str], bool]) -> bool:
    """Whether every 取組 the question names stands before another noun of a compound no unit
    holds (「障がい者福祉サービス」「図書館の相互利用ロボット」): it asks about a thing of that field,
    which the 取組's row need not hold, so naming it settles nothing. 「子育て支援施設」, written so
    in a unit, is named there."""
    if not initiatives:
        return False
    ends: dict[int, int] = {}  # where each word ends in the key of the question → that word's index
    key = ""
    for index, token in enumerate(tokens):
        key += initiative_key(token.surface)
        ends[len(key)] = index
    return all(_modifies(tokens, key, ends, name, occurs) for name in initiatives)


def _modifies(
    tokens: Sequence[Token], key: str, ends: dict[int, int], name: str, occurs: Callable[[str], bool]
) -> bool:
    """Whether `name`, wherever the question names it, ends at a noun followed by more nouns that
    no unit writes after it."""
    found = [at + len(name) for at in range(len(key)) if key.startswith(name, at)]
    return bool(found) and all(_before_noun(tokens, ends.get(end), name, occurs) for end in found)


def _before_noun(tokens: Sequence[Token], last: int | None, name: str, occurs: Callable[[str], bool]) -> bool:
    if last is None or last + 1 >= len(tokens):
        return False
    if tokens[last].pos[0] not in _NOUNS or tokens[last + 1].pos[0] != "名詞":
        return False
    rest = ""
    for token in tokens[last + 1 :]:
        if token.pos[0] != "名詞":
            break
        rest += token.surface
    return not occurs(name + rest)


_NOUNS = frozenset({"名詞", "接尾辞"})
