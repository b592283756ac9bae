"""The words that, after a party's name and 「の」, say its role (「岩見沢市の役割」「乙の受け持ち」),
named once: every pattern that asks whether a name is followed by its role is built from them."""

from __future__ import annotations

# A party's part in a 取組, as a noun: 「三原市の役割」「乙の役目」「甲の受け持ち」「札幌市の責務」.
ROLE_NOUNS = ("役割", "役目", "役回り", "担当", "責任", "責務", "分担", "受け?持ち", "持ち場", "立場")
# The same said with a verb the party does (「札幌市の担う…」「乙の果たす…」): its stem is enough.
ROLE_VERBS = ("担", "果")
# 「岩見沢市側」「岩見沢市の側」: the party's own side, asked about as the party.
SIDE = "側"

ROLE = "|".join(ROLE_NOUNS)
# A name then its role: 「の役割」「の受け持ち」.
ROLE_OF = f"の(?:{ROLE})"
# A name then its role or what it does: 「の役割」「の担う」「の果たす」.
ROLE_OR_DOING_OF = f"の(?:{ROLE}|{'|'.join(ROLE_VERBS)})"


def of_but_not(*more: str) -> str:
    """「の」 not followed by a role, what a party does, its side, or any of `more`: a name that only
    says whose thing (「札幌の中心部」「両市の人事交流」)."""
    return f"の(?!{'|'.join((ROLE, *ROLE_VERBS, SIDE, *more))})"
