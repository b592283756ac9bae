"""Question framing: the words that say why or how someone asks, not what about.

「他の協約と比較したいので、費用分担の定めを教えて」 asks about 費用分担; 「比較」「定め」「教えて」 only
frame it. Left in the search, such words pull the ranking (「根拠」→ 地方自治法 → 第6条) and make
a unit that merely shares them look like an answer. They weigh as words of asking
(`SearchSettings.question_word_weight`) and never count as content (answering/confidence.py).
"""

from __future__ import annotations

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
