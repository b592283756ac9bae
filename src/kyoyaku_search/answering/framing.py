"""Question framing: the words that say why or how someone asks, not what about.

「他の協約と比較したいので、費用分担の定めを教えて」 asks about 費用分担; 「比較」「定め」「教えて」 only
frame it. Left in the search, such words pull the ranking (「根拠」→ 地方自治法 → 第6条) and make
a unit that merely shares them look like an answer. They weigh as words of asking
(`SearchSettings.question_word_weight`) and never count as content (answering/content.py).
"""

from __future__ import annotations

import re

# Asking for everything: the whole list, not its first few.
ASKS_ALL = re.compile(
    r"全部|ぜんぶ|すべて|全て|総て|全件|一覧|残らず|漏れなく|もれなく|リスト|ひととおり|一通り|まとめて|全体像|全容|all",
    re.IGNORECASE,
)

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
        "質問",  # 「議会で質問したい」
        # where or in what form, not what: 「廃止の手続き」「福祉の分野」「署名の部分」
        "手続き",
        "手続",
        "分野",
        "部分",
        "箇所",
        "該当",  # 「「…」の該当箇所」「該当する欄」: where it is said, as 箇所
        "場",  # 「協議する場はあるのか」「話し合う機会は」: whether, not what
        "機会",
        "欄",
        "定め",
        "組む",  # 「両市が組む」「手を組む」: what the parties of every 連携協約 do
        "くむ",
        "作る",  # 「なんのために作ったの」: the agreement made, what every 連携協約 was
        "結局",  # 「結局なんのために」: how the asker sums up, not what about
        "一言",  # 「目的をひとことで」: in what form
        "洗い出す",  # 「役割をすべて洗い出したい」: listing, as 列挙
        "ルール",  # 「費用負担のルール」「ごみ出しのルール」: how, not what
        "決まり",
        "きまり",
        "無し",  # 「議会の承認なしで」: whether, not what
        "なし",
        "決め方",
        "定め方",
        "方法",
        "仕方",
        "遣り方",
        "やり方",
        "仕組み",
        "仕組",
        "手順",
        "引用",
        "列挙",
        "並べる",
        "出す",  # 「一覧を出して」: what the answer should do; who pays (お金を出す) is said by お金
        "抜粋",
        # asking words Sudachi does not tag as such
        "いくら",
        "幾ら",
        "呉れる",
        "くれる",
        "主導",
        "他",
        "ほか",
        "他市",
        "他都市",
        "本",
        "どのような",
        "良い",
        "いい",
        "纏める",
        "人",
        "者",
        "自分",  # 「自分たちの役割」: the asker's own party, as 「うちの市」
        "達",
        # a person of a field (「保育園の先生」「病院のスタッフ」): the field is the topic
        "先生",
        "スタッフ",
        "侭",
        "まま",
        "見せる",
        "見る",
        "示す",  # 「札幌市の役割を示してください」: what the answer should do, as 見せる
        "指す",  # 「甲とは誰を指すのか」「甲と乙の定義」
        "定義",
        "どちら",
        "何方",
        "どっち",
        "どういう",
        "如何なる",
        "いかなる",
        "本当",
        "欲しい",
        "出来る",
        "遣る",
        "其れ",
        "其処",  # pointing back (「そこでの札幌市の役割」): the turn before says what
        "そこ",
        "此れ",
        "これ",
        "それ",
        "よう",
        "様",
        "側",
        "方",  # 「岩見沢市のほうは」: the side, not a topic
        # pointing back at the turn before (「同じ取組で」「その件で」), not a topic of its own
        "同じ",
        "件",
        # 「…する話ってある」「空から写真を撮るやつ」: the matter or thing a clause describes, as 件
        "話",
        "奴",
        "最後",  # the order of asking (「最後に、札幌市の役割を」「次は札幌市の」); a place by order: ordinals.py
        "最初",
        "次",
        # who: the parties as such (「両市の役割」「市議会」 is about 議会, not 市)
        "市",
        "町",
        "村",
        "まち",
        "街",
        "両市",
        "片方",  # 「片方の市だけで変えられるか」: one of the parties, as such
        "片一方",
        "両者",
        "両方",  # 「両方の市は」: the parties as such
        "双方",
        "両自治体",
        "役所",
        "市役所",
        "担当者",  # 「両市の担当者が集まって」: the parties' staff, the parties as such
        "役場",
        "庁舎",
    }
)

# Words that frame a question when it has a topic besides them, and are its topic when it has
# none: 「救急医療について岩見沢市の役割を根拠とともに」 asks about 救急医療, 「協約の根拠は」 about 根拠.
# How a role is described (中心・主体・協力・立場), how the agreement says it (規定・条文・書く・挙げる)
# and 連携, which every 連携協約 says of everything.
SOFT_FRAMING_WORDS = frozenset(
    {
        "根拠",
        "規定",
        "条文",
        "条項",
        "位置付け",
        "位置付ける",
        "文言",
        "書く",
        "記載",
        "定める",
        "決まる",
        "決める",
        "上げる",
        "挙げる",
        "掲げる",
        "中心",
        "主体",
        "協力",
        "立場",
        "対等",
        "役割分担",
        "近隣",
        "理解",
        "合う",
        "正しい",
        "担う",
        "負う",
        "求める",  # 「岩見沢市に求められている協力」: what the party is to do, its role
        "果たす",
        "関わる",
        "入る",  # 「協約に入ってる？」: whether the agreement has it
        "対象",  # 「創業支援は連携の対象になっていますか」: whether it is covered, as 入る
        "載る",  # 「…って載ってる？」「のってる？」 (Sudachi: 乗る) too
        "乗る",
        "関与",
        "関係",
        "支える",
        "手伝い",
        "増やす",
        "減らす",
        "高める",
        "手伝う",
        "言葉",
        "原文",
        "本文",  # 「協約本文で定められているのか」
        "表現",
        "問題",
        "課題",
        "具体",
        "具体的",
        "実際",
        "意味",
        "連携",
        "事業",  # 連携事業: what every 連携協約 does, as 取組 is
        # 「議会で質問したい」 frames; 「議会の議決」 is 第6条's topic
        "議会",
        # what the annex says is done (「…の支援等」「…の推進」「…の促進」), not about what
        "支援",
        "推進",
        "促進",
        "実施",
    }
)

# Soft framing words that say where or in what words something is said, never what about: they
# frame any other word (「役割分担の根拠条文」 asks about 役割分担).
SAYING_WORDS = frozenset({"根拠", "規定", "条文", "条項", "文言", "記載", "原文", "本文", "表現", "出典", "例示"})

# The template's words for the annex's 取組 (事業・施策). Beside a cost or a change (「連携事業の経費
# 負担の根拠」) they only say whose cost: every cost is of the 取組.
INITIATIVE_WORDS = frozenset({"取組", "取り組み", "取り組む", "事業", "連携事業", "施策", "項目", "分野", "連携"})
# What the annex holds: the 取組, their 内容 (中身) and each party's 役割 (分担・分け方). Asking where
# the agreement says these is asking for the article that sets up the annex (「連携の中身はどの条に」).
ANNEX_WORDS = INITIATIVE_WORDS | {
    "別表",  # 「別表の根拠になっている条文は」: the article that refers to it
    "内容",
    "中身",
    "役割",
    "役目",
    "役割分担",
    "分担",
    "分ける",
    "分け方",
    "具体",
    "具体的",
    "事項",
    "毎",
    # what the parties do together is what the annex lists (「何を一緒にやるかはどこで決めてる」)
    "一緒",
    "共同",
    "協力",
}

# Words of asking, not of the topic: they must not make a unit count as a match. Nouns that
# can be adverbs (「日」「時」「今日」) are not topics either: 「ゴミの収集日」 is not about 附則's 「4月1日」.
QUESTION_WORDS = frozenset(
    {
        "役割",
        "役目",
        "役回り",
        "担当",
        "教える",
        "下さる",
        "くださる",
        "何",
        "なに",
        "どう",
        "どの",
        "どんな",
        "どこ",
        "いつ",
        "誰",
        "知る",
        "思う",
        "ある",
        "いる",
        "する",
        "なる",
        "為る",
        "居る",
        "有る",
        "成る",
        "行く",  # 「連携していく」
        "言う",
        "聞く",
        "分かる",
        "とは",
        "について",
        "内容",
        "取り組み",
        "取組",
        "ください",
        "的",
        "こと",
        "もの",
        "物",  # Sudachi's form of 「もの」 (「どんなものがありますか」「結んだものですか」)
        "の",
        "か",
        "よ",
        "ね",
        "一覧",
        "全部",
        "全て",
        "すべて",
        "まとめる",
        "リスト",
        "名前",
        "必要",
        "どれ",
        "何処",
        "何時",
        # 「何月何日に締結された」: a date asked for, not a topic (the agreement's date answers it)
        "何年",
        "何月",
        "何日",
        "如何",
        "何故",
        # the agreement itself: every question is about it
        "協約",
        "連携協約",
        "協定",
        "約束",
        "結ぶ",
        "取り決め",
        "取決め",
        "契約",
        "文書",  # 「この文書は」: the agreement as a document
        "協約書",
        "協定書",  # one word to Sudachi (協約書 is 協約 and 書)
        "此の",
        "この",
    }
    | FRAMING_WORDS
)

# Words of who the partners are (「協約の相手は」「参加している市町村」): lists and provisions read them.
PARTNER_WORDS = frozenset(
    {
        "連携",
        "協力",
        "協約",
        "結ぶ",
        "組む",
        "市町村",
        "自治体",
        "町",
        "村",
        "市",
        "まち",
        "何処",
        "どこ",
        "所",
        "ところ",
        "相手",
        "相手方",
        "参加",  # 「この協約に参加している市町村」
        "加わる",
        "締結",  # 「協定を締結した市町村」
    }
)
