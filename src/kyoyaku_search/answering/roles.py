"""The words that, after a party's name and 「の」, say its role (「岩見沢市の役割」「乙の受け持ち」),
named once: every pattern that asks whether a name is followed by its role is built from them.
And the questions about the parties' roles without a role word: who leads, where each stands,
how they compare."""

from __future__ import annotations

import re

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


# Who leads or is in charge of something: the row's role cells answer it (「圏域の中心となって取り
# 組む」 or 「…に対し必要な協力をする」), not the signature block that 「誰」 alone would find.
LEADS = re.compile(
    r"(誰|だれ|どこ|どちら|どっち|どの市)(が|の)?[^。？?]*(中心|主導|リード|主体|担当|責任|まとめ|進め|引っ張|牽引|けん引)"
    r"|(中心|主導|リード|主体|担当|責任者|まとめ役)[^。？?]*(誰|だれ|どこ|どちら|どっち|どの市)"
)
# Asking about the parties' standing in something (「札幌市が中心で岩見沢市は協力する立場か」
# 「両市は対等なのか」): the row's role cells answer it, which say who leads and who helps.
STANCE = re.compile(r"立場|対等|主導|主体(と|に|で|的)|中心(と|に|で|的)|協力する側|支える側|役割分担|どちらが")
# Comparing the parties: both role cells of the row, side by side.
COMPARES = re.compile(r"違い|違う|比較|比べ|異な|差は|差異|対比|それぞれ")
