"""Question framing: the words that say why or how someone asks, not what about.

「他の協約と比較したいので、費用分担の定めを教えて」 asks about 費用分担; 「比較」「定め」「教えて」 only
frame it. Left in the search, such words pull the ranking (「根拠」→ 地方自治法 → 第6条) and make
a unit that merely shares them look like an answer. They weigh as words of asking
(`SearchSettings.question_word_weight`) and never count as content (answering/confidence.py).
"""

from __future__ import annotations

import re

# Who leads or is in charge of something: the row's role cells answer it (「圏域の中心となって取り
# 組む」 or 「…に対し必要な協力をする」), not the signature block that 「誰」 alone would find.
LEADS = re.compile(
    r"(誰|だれ|どこ|どちら|どっち|どの市)(が|の)?[^。？?]*(中心|主導|リード|主体|担当|責任|まとめ|進め|引っ張|牽引|けん引)"
    r"|(中心|主導|リード|主体|担当|責任者|まとめ役)[^。？?]*(誰|だれ|どこ|どちら|どっち|どの市)"
)
# Comparing the parties: both role cells of the row, side by side.
COMPARES = re.compile(r"違い|違う|比較|比べ|異な|差は|差異|対比|それぞれ")
# Asking for everything: the whole list, not its first few.
ASKS_ALL = re.compile(r"全部|ぜんぶ|すべて|全て|総て|全件|一覧|残らず|漏れなく|もれなく|リスト|all", re.IGNORECASE)

# Normalized forms (Sudachi's), as `Token.term` gives them.
FRAMING_WORDS = frozenset(
    {
        # comparing, researching, checking: why the user asks
        "比較",
        "比べる",
        "違い",
        "違う",
        "差",
        "研究",
        "調べる",
        "参考",
        "確認",
        # where or in what form, not what: 「廃止の手続き」「福祉の分野」「署名の部分」
        "手続き",
        "手続",
        "分野",
        "部分",
        "箇所",
        "欄",
        "定め",
        # asking words Sudachi does not tag as such
        "いくら",
        "幾ら",
        "呉れる",
        "くれる",
        "主導",
        "他",
        "ほか",
    }
)
