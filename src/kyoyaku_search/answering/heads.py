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
    """Whether every 取組 the question names stands before more of a compound no unit writes
    (「障がい者福祉サービス」「図書館の相互利用ロボット」「福祉課です」): it asks about a thing of that
    field, or says who asks, and the 取組's row need not hold that, so naming it settles nothing.
    「子育て支援施設」, written so in a unit, is named there."""
    if not initiatives:
        return False
    keys = [initiative_key(token.surface) for token in tokens]  # each word's key, made once
    owner = [index for index, word in enumerate(keys) for _ in word]  # per character of the key, its word
    key = "".join(keys)
    return all(_modifies(tokens, key, owner, name, occurs) for name in initiatives)


def _modifies(tokens: Sequence[Token], key: str, owner: list[int], name: str, occurs: Callable[[str], bool]) -> bool:
    """Whether `name`, wherever the question names it, is followed by more of its compound (the rest
    of its word, or nouns after it) that no unit writes after it."""
    ends = [at + len(name) for at in range(len(key)) if key.startswith(name, at)]
    return bool(ends) and all(_continued(tokens, key, owner, end, name, occurs) for end in ends)


def _continued(
    tokens: Sequence[Token], key: str, owner: list[int], end: int, name: str, occurs: Callable[[str], bool]
) -> bool:
    if end >= len(key):
        return False
    last, following = owner[end - 1], owner[end]
    if last == following:  # the name ends inside a word (「福祉課」): the word's rest continues it
        rest = key[end : end + owner[end:].count(last)]
        following += 1
    elif tokens[last].pos[0] in _NOUNS and tokens[following].pos[0] in _NOUNS:
        rest = ""
    else:
        return False
    for token in tokens[following:]:
        if token.pos[0] not in _NOUNS:
            break
        rest += token.surface
    return bool(rest) and not occurs(name + rest)


_NOUNS = frozenset({"名詞", "接尾辞"})
