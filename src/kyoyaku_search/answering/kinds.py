"""What kind of answer a question asks for, from its wording: a cost, a change, the effective
date, the purpose, consultation, the signers, a role, a row's content, what the parties do
together, who a municipality's partners are — or only a topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import StrEnum

from ..chars import HIRAGANA, KANJI
from ..search.lexicon import Expansion
from .framing import ANNEX_WORDS, INITIATIVE_WORDS, SOFT_FRAMING_WORDS
from .roles import COMPARES, LEADS, ROLE_OF, STANCE, of_but_not


class QuestionKind(StrEnum):
    """What a question asks for; decides which kind of unit answers it (see ranking.PREFERRED_KINDS)."""

    COST = "cost"
    CHANGE = "change"
    EFFECTIVE = "effective"
    PURPOSE = "purpose"
    CONSULT = "consult"
    SIGNER = "signer"
    ROLE = "role"
    CONTENT = "content"
    TOGETHER = "together"  # what the parties do together: a list
    PARTNERS = "partners"  # who a municipality has agreements with: a list
    ARTICLE = "article"  # which article says something (「役割分担の根拠条文」「協約のどこで決まっている」)
    GENERAL = "general"  # none of the above: a topic only


# What asks for the agreement's aim before 目標, and the counts of aims (「三つの目標」): each a
# literal of its own, so every alternative of "purpose" begins with a character (see below).
_AIM_HEADS = ("協約の", "協約の主な", "協約書の", "協約書の主な", "協定の", "協定の主な", "協定書の", "協定書の主な")
_AIM_HEADS += ("どんな", "どのような", "どういう", "主な")
_COUNTS = (*"0123456789一二三四五六七八九十", "ふた", "みっ", "よっ", "いつ")

# Kind of question → what the wording looks like. Checked in this order: 「費用分担」 is a cost
# question before it is a role question. Each alternative begins with a character, not a group
# or a look-behind (「(?<!こ)とは」 is written 「とは(?<!ことは)」): the regex engine then skips
# straight to the characters that can begin a match, several times faster on every question.
QUESTION_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 「負担割合」 as one word; 「おかね」「だれがはらう」 as residents write them
    (
        "cost",
        re.compile(
            r"負担(?:割合|比率)|分担(?:割合|比率)|按分|費用|経費|負担|予算|お金|おかね|コスト|財源"
            r"|誰が(?:払|はら|出す|だす)|だれが(?:払|はら|出す|だす)"
            # as heard and as said: 「けいひ」「どっちもち」 (who bears it), 「払う」「支払」
            r"|金額|出し方|出し合|出しあ|けいひ|ひよう|ふたん"
            r"|どっち(?:が|の)?(?:もち|持ち)|どちら(?:が|の)?(?:もち|持ち)|誰(?:が|の)?(?:もち|持ち)|だれ(?:が|の)?(?:もち|持ち)"
            r"|支払|払う|払い|払わ|はらう|はらい|はらわ"
        ),
    ),
    (
        "change",
        re.compile(
            r"変更|廃止|改正|改廃|解除|見直|やめ|止め|改め|終了|解約|変え|変わ|無くす|なくす|解消"
            r"|へんこう|はいし|かえ(?:る|たい|られ|ます)"
            # 「協定から抜けたい」「脱退」「協定が終わるのは」: a party leaving, or the agreement ending
            r"|抜け(?:る|たい|た|られ)|脱退|離脱|(?:協定|協約)(?:が|は)?終わ"
        ),
    ),
    # 「スタートアップ」 is another loanword, not a start
    ("effective", re.compile(r"施行|いつから|発効|効力|効き目|効く|有効|始ま|開始|スタート(?![\u30a1-\u30fc])")),
    # 「なんですか」 is 「なのですか」, not 「なんで」 (why)
    # 「三つの柱」「三本柱」: the aims a purpose lists
    (
        "purpose",
        re.compile(
            # 「協約が何を目指しているのか」「この協約でめざしてる暮らし」: what the agreement aims at
            r"協約[^。？?]{0,6}(?:目指|めざ)|協定[^。？?]{0,6}(?:目指|めざ)|何を(?:目指|めざ)|なにを(?:目指|めざ)"
            r"|目的|趣旨|目当て|めあて|ねらい|狙い|柱(?<!大柱)|わけ(?<=[ただ]わけ)|訳(?<=[ただ]訳)"
            r"|何の(?:ため|為)|なんの(?:ため|為)|なぜ|なんで(?!す)|何で(?!す)|どうして|理由"
            # the agreement's aim, not a figure's target (「人口の目標は何人」「目標人口」)
            + "".join(f"|{head}目標(?![{KANJI}])" for head in _AIM_HEADS)
            # 「三つの目標」「3つのポイント」「三つの方向性」: counted aims are the ones the purpose lists
            + "".join(f"|{count}(?:つ|本)の(?:目標|方向性?|ポイント|テーマ|視点)" for count in _COUNTS)
        ),
    ),
    (
        "consult",
        re.compile(
            r"協議|話し合|話合|話を(?:する|し)|会議|相談|連絡調整|頻度|集ま|会合|打ち合わせ|打合せ|顔を合わせ"
            rf"|会(?<![{KANJI}]会)(?:う|っ|わ)"  # 「どのくらい会うの」; not 「商談会って」 (会 of a word: 〜会)
        ),
    ),
    # The signature block is where every agreement gives each party's address and head.
    (
        "signer",
        re.compile(
            r"署名|押印|記名|ハンコ|はんこ|判子|印鑑"
            r"|判を?(?:押|お)(?:し|す|さ)|はんこを?(?:押|お)(?:し|す|さ)|ハンコを?(?:押|お)(?:し|す|さ)|印を?(?:押|お)(?:し|す|さ)"
            r"|市長|町長|村長|首長|誰が|締結|調印|サイン|結ば|結ん|結ぶ|住所|所在地|所在|長名|日付"
            r"|西暦|和暦|元号|何年の(?:協約|協定)"  # the year it was made, in the calendar asked for
        ),
    ),
    (
        "role",
        re.compile(
            r"役割|役目|役回り|役どころ|関わり|かかわり|関与|担当|担う|責任|受け持|果たす|任され|それぞれ|各々|おのおの|どちらが|どっちが"
            r"|分担(?<!費用分担)(?<!経費分担)(?!金|額)"  # 「両市でどう分担する」 (a cost's 分担 is matched before)
        ),
    ),
    # 「とは」, not the 「ことは」 of 「することは」
    ("content", re.compile(r"内容|概要|とは(?<!ことは)|どんなこと|どんな取|何を行う|何が行われ")),
    # Asking what someone does is a role question when a party is named, else a content one.
    # 「札幌市がどのように取り組むとされているか」「どう関わるの」: how it goes about it is what it does
    (
        "does",
        re.compile(
            # 「なにをするの」 typed in kana, 「何してくれるの」 without を, ask the same
            r"(?:何|なに)を?(?:する|して|やる|やって)|やること|すること|どうする"
            r"|(?:どのように|どの様に|どう|どういうふうに|どんなふうに)(?:取り組|取組|関わ|かかわ)"
        ),
    ),
)
KIND_PATTERNS: dict[str, re.Pattern[str]] = dict(QUESTION_KINDS)
# The template's own word for what each kind of question asks about: 「効力はいつから」 asks for
# 施行 even when it does not say so. Added to the search at `SearchSettings.kind_term_weight`.
KIND_TERMS = {
    "cost": ("費用", "経費", "負担"),  # agreements say each: 「費用の分担」「経費の一部を負担する」
    "change": ("変更", "廃止", "失効"),  # 失効: agreements that end by notice instead
    "effective": ("施行",),
    "purpose": ("目的",),
    "consult": ("協議",),
    "signer": ("記名押印", "締結"),
}


# 「変更手続」「廃止方法」「費用負担規定」: a kind's word and how it is done or said is that kind too.
_HOW_SAID = frozenset({"手続", "手続き", "方法", "手順", "規定", "条項", "条文", "ルール"})
# 「負担金」「負担額」「費用額」: how much of it is the kind too.
_AMOUNT = frozenset({"金", "額", "金額"})


def kind_word(kind: str) -> Callable[[str], bool]:
    """Whether a word, whole, is one that asks for `kind`, inflected or not (「効力」「見直す」
    「始まっ」「費用負担」 ask for 施行 / 変更 / 費用; 「有効期間」 does not: what follows is another word)."""
    pattern = KIND_PATTERNS.get(kind)
    if pattern is None:
        return lambda word: False

    def asks(word: str) -> bool:
        # 「費用負担」「経費負担」: a compound made only of such words asks for `kind` too
        end = 0
        while (match := pattern.match(word, end)) is not None and match.end() > end:
            end = match.end()
        rest = word[end:]
        return end > 0 and (all(ch in HIRAGANA for ch in rest) or rest in _HOW_SAID or rest in _AMOUNT)

    return asks


# kind_word of each kind, made once.
KIND_WORDS: dict[str, Callable[[str], bool]] = {kind: kind_word(kind) for kind in QuestionKind}
# KIND_TERMS as the expansions a question of the kind adds (source: the kind), made once.
KIND_EXPANSIONS: dict[str, tuple[Expansion, ...]] = {
    kind: tuple(Expansion(kind, word, "kind") for word in KIND_TERMS.get(kind, ())) for kind in QuestionKind
}

# 「やめたい」 asks for 廃止 (or 失効), 「変えたい」 for 変更: where an agreement heads them in two articles
# (協定の変更 / 協定の廃止), the kind's other word would bring the other article.
# Each alternative: its kind terms, and the words (as the question's terms begin) that ask for it.
_ALTERNATIVES = {
    "change": (
        (frozenset({"変更"}), re.compile(r"変更|変え|変わ|改め|改正|改定|見直")),
        (frozenset({"廃止", "失効"}), re.compile(r"廃止|失効|やめ|止め|辞め|解消|解約|終わ|打ち切|打切|脱退|抜け")),
    )
}


def kind_expansions(kind: str, asked: Callable[[], set[str]], inside: Callable[[], set[str]]) -> tuple[Expansion, ...]:
    """KIND_EXPANSIONS of `kind`, less those of another alternative when the question's terms and
    their synonyms (`asked()`) name exactly one alternative. Not when the question holds that one's
    term only inside a compound (`inside()`: 「変更手続」), which then is no topic term of its own.
    (Both are asked for only of a kind with alternatives: most kinds have none.)"""
    groups = _ALTERNATIVES.get(kind)
    if not groups:
        return KIND_EXPANSIONS[kind]
    terms_asked = asked()
    chosen = [terms for terms, words in groups if any(words.match(term) for term in terms_asked)]
    if len(chosen) != 1 or chosen[0] & inside():
        return KIND_EXPANSIONS[kind]  # neither or both said (「変更や廃止の手続き」)
    return tuple(e for e in KIND_EXPANSIONS[kind] if e.target in chosen[0])


TOGETHER = re.compile(r"協力|一緒|いっしょ|共同|手を組|手を結|連携して|(?:市|者|方|甲|乙)(?:が|は|で)?(?:共に|ともに)")
# Joining at all (the agreement itself), not doing one thing together.
_JOINED = re.compile(r"手を(?:組|結)|(?:協約|協定)を(?:結|締結)|組んだ|結んだ")
# The heads of the parties, in a question about a procedure (「市長だけで協約を変えられるの」): who
# acts in it, not the signature block that names them.
HEADS = frozenset({"市長", "町長", "村長", "首長", "長"})  # 「両市長」: Sudachi's 両市 and 長
PROCEDURE_KINDS = ("cost", "change", "effective", "consult")
_OTHERS = re.compile(r"他の|他市|他都市|ほかの|他圏域|他地域|他自治体|他団体|全国")
BOTH = re.compile(
    r"両市|両者|双方|両自治体|両方|2市|二市|2つの(?:市|自治体|まち)|二つの(?:市|自治体|まち)|ふたつの(?:市|自治体|まち)"
    r"|甲と乙|乙と甲"
)
_PARTNERS = re.compile(
    r"(?:市|町|村)と(?:の間で)?(?:協約|協定)を(?:結|締結)|(どこ|どこの(?:市|町|村|自治体)|どの市町村|どの市|どの自治体|どの町)と[^。？?]{0,8}(連携|協力|協約|協定|結|組|一緒)|(連携|協力|協約を結|協定を結|組ん)[^。\n]*(市町村|自治体|まち|相手|どの市|どこの(市|町|村|自治体))"
)


# Asking where the agreement says something: an article answers, not the row that merely uses
# the words (「何を連携するかは協約のどこで決まっている」 → the article that points to 別表).
_WHERE_SAID = re.compile(
    r"条文|条項|何条|どの条|根拠条|根拠規定|協約の(?:どこ|どの部分)|どこで(?:決|定|規定)|どこに(?:書|定|規定|記)"
    r"|条は(?:どれ|どこ)"
)
_BASIS = re.compile(r"根拠|法的|法律|法令|基づ")
# Kinds an article answers (協議, 費用, 変更 …), not a row's cells.
ARTICLE_KINDS = ("cost", "change", "effective", "purpose", "consult", "signer")
# QuestionKind(value) goes through the Enum's call machinery for every question; the same members by value
_KIND_OF = {kind.value: kind for kind in QuestionKind}


def question_kind(folded: str, parties_named: int = 0) -> QuestionKind:
    """The kind of answer asked for; `folded` holds the question and its normalized forms, so
    「やくわり」 asks for a role as 「役割」 does."""
    if not parties_named and _WHERE_SAID.search(folded):
        kind = next((kind for kind, pattern in QUESTION_KINDS if pattern.search(folded)), "general")
        return _KIND_OF[kind] if kind in ARTICLE_KINDS else QuestionKind.ARTICLE
    # Who leads, how the parties compare, or where one stands: a role question even when the
    # wording says 「協力」 (「札幌市が中心で岩見沢市は協力する立場か」).
    # Comparing the parties, not this agreement with others (「他市の協約と比較したいので」).
    compares = COMPARES.search(folded) is not None and _OTHERS.search(folded) is None
    if LEADS.search(folded) or compares or STANCE.search(folded):
        return QuestionKind.ROLE
    # 「なんのために両市は手を組んだの」: why they joined at all is the agreement's purpose
    if _JOINED.search(folded) and KIND_PATTERNS["purpose"].search(folded):
        return QuestionKind.PURPOSE
    if TOGETHER.search(folded) and (parties_named >= 2 or BOTH.search(folded)):
        return QuestionKind.TOGETHER
    if _PARTNERS.search(folded):
        return QuestionKind.PARTNERS
    kind = next((kind for kind, pattern in QUESTION_KINDS if pattern.search(folded)), "general")
    if kind == "signer" and _BASIS.search(folded):  # 「締結した法的根拠」: the law it rests on, not who signed
        return QuestionKind.GENERAL
    if kind == "does":  # asking what someone does: a role when a party is named
        return QuestionKind.ROLE if parties_named else QuestionKind.CONTENT
    return _KIND_OF[kind]


def annex_framing(kind: str, topics: tuple[str, ...]) -> frozenset[str]:
    """The words for the 取組 among `topics` (framing.INITIATIVE_WORDS) when the question asks for an
    article and has another topic: 「連携事業の経費負担の根拠」 asks about 経費負担, in every 取組."""
    if kind not in (*ARTICLE_KINDS, "article") or all(t in INITIATIVE_WORDS for t in topics):
        return frozenset()
    return frozenset(t for t in topics if t in INITIATIVE_WORDS)


def asks_for_the_annex(kind: str, topics: tuple[str, ...], terms: tuple[str, ...]) -> bool:
    """「連携の中身はどの条に書いてある」「取組ごとの役割の分け方はどの条文」: where the agreement sets
    up what the annex holds — the question's topic is only the annex's words, and it names one."""
    own = all(t in ANNEX_WORDS or t in SOFT_FRAMING_WORDS for t in topics)
    return kind == "article" and own and any(t in ANNEX_WORDS for t in (*topics, *terms))


# 「両市の人事交流で岩見沢市が担うこと」: 両市 only says whose exchange; the party named is asked.
_BOTH_AS_MODIFIER = re.compile(of_but_not("違い", "差", "比較", "関係", "関わり"))


# 「二つの市でまとめてやるPRで、乙の受け持ちは」: 両市で… says who does the thing; the one party whose
# own role is asked by name is whom the question is about. 「両市でどう分担する」 still asks both.
_BOTH_AS_DOERS = re.compile(r"で(?!どう|どの|何|なに|どんな|それぞれ|各々|おのおの)")
_ROLE_AFTER_NAME = f"{ROLE_OF}|の仕事"


def both_only_do(folded: str, names: Sequence[str]) -> bool:
    """Whether every 「両市」 of `folded` only says who does a thing together (「両市で行う」) while
    one of `names` (one party's forms and label) is followed by its role (「乙の受け持ち」)."""
    if not names or not all(_BOTH_AS_DOERS.match(folded, m.end()) for m in BOTH.finditer(folded)):
        return False
    return re.search(f"(?:{'|'.join(map(re.escape, names))})(?:{_ROLE_AFTER_NAME})", folded) is not None


def both_only_modify(folded: str) -> bool:
    """Whether every 「両市」「双方」「甲と乙」 of `folded` only modifies a thing (「両市の人事交流」):
    then, with a party named, the question is about that party (see `Reading.asks_for_both_named`)."""
    return all(_BOTH_AS_MODIFIER.match(folded, m.end()) for m in BOTH.finditer(folded))
