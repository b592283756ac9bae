"""The backdrop of a question: the words that say who asks, why, or under what heading.

「ゼミで紹介したい。この協約の目的規定は」「札幌市民です。…」「人口減少対策として移住促進が…」
「議会で質問する予定なので、」「費用分担の定め方（他圏域と比較）」: the sentences before the last one,
a clause ended by 「として」「ので、」「ため、」「のですが」 or a purpose 「答弁用に、」「市民向けに、」,
and an aside in brackets. When the question has words besides them, its backdrop words are not
its topic: they weigh as words of asking and count neither for nor against how much of the
question a unit answers.
"""

from __future__ import annotations

import re

from ..chars import KANJI, KATAKANA
from ..search.tokenizer import Tokenizer

# Words of when the asker needs it (「議案提出の前に」「審議に先立ち」), before what it is for.
_WHEN = ("の前に", "に先立ち", "に先立って", "にあたり", "に当たり", "にあたって", "に当たって")
# 「議会資料用に、」「説明会向けに、」: what the answer is for, ended by a comma
# 「…保つため、みたいなこと」: a ため、 the asker goes on to paraphrase is the content, not a reason
# (Each alternative begins with a character, so the regex engine skips to where a match can begin.)
_CLAUSE = re.compile(
    r"として|ので(?=[、,])|ため(?:に)?(?=[、,](?!\s*(?:みたいな|のような|といった|っていう|という)))"
    r"|用(?:に)?(?=[、,])|向け(?:に)?(?=[、,])|のですが|んですが"
    # 「連携中枢都市である札幌市は」: what a party is, said of it on the way (the name is masked as 、)
    r"|である(?=、)" + "".join(f"|{when}(?=[、,]|[^、。,]{{0,8}}(?:確認|知り|調べ|見て|聞き|教え))" for when in _WHEN)
    # 「議案提出の前に根拠を確認しておきたい」「審議に先立ち、」: when the asker needs it, before asking
)
# 「…を議会答弁で引用したい」「資料に載せたい」: where the quote will be used, not what it is about.
# 「資料用に、」「議案提出の前に」: 用, 向け and the words of when belong to the backdrop; 「として」 only ends it
_KEPT = ("用", "向", "の前に", "に先立", "にあた", "に当た")
_USE_WORDS = ("引用", "載せ", "掲載", "紹介", "記載")
_USE = re.compile(rf"(?P<use>[{KANJI}{KATAKANA}]{{1,8}})(?:で|に)(?:そのまま)?(?:{'|'.join(_USE_WORDS)})")
_SENTENCE = re.compile(r"[。．！!？?]+")
# 「…の役割を確認したい。情報政策担当です。」「…ご教示ください。施設所管課より」: a last sentence that only
# signs the question with the asker's office or standing, after the question itself.
_SIGNATURE = re.compile(
    r"[^。．！!？?、,「」]{1,24}?(?:課|係|室|部|局|担当|担当者|の者|市民|町民|村民|住民|職員|議員|記者)"
    r"(?:です|より|から|でございます|と申します)?[。．！!\s　]*"
)
# 「…締結日はいつですか。広報誌に載せたいので正確に知りたいです。」「…何ですか。卒論で使います。」: a last
# sentence that only says where the answer will be used, after a sentence that asked.
_USED_FOR = re.compile(
    r"[^。．！!？?「」]{0,20}?(?:で|に)(?:そのまま)?(?:使|用い|載せ|掲載|紹介|引用|発表|報告)"
    r"[^。．！!？?「」]{0,20}[。．！!\s　]*"
)
_ASKED_BEFORE = re.compile(r"(?:[？?]|か[。．！!]?)[\s　]*$")
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_MARKS = "、。,!?！？"
# A claim to check: 「記事で「…」と書いたが正しいか」「資料に「…」と記載したが合っているか」 — the claim
# in brackets is the question; where it was written and the asking around it are backdrop.
_CLAIM = re.compile(
    r"「(?P<claim>[^「」]{4,})」(?:と|って)(?:書|かい|記|説明|言|い[っうい]|述|報|紹介|まとめ|伝え|答弁|発言|聞)"
)


# 「一人暮らしの高齢者です。」「研究者です。」「農家ですが、」「わしは農家だが、」: a sentence that only
# says who asks is backdrop even when the rest has no topic of its own (「…協力してくれる？ 岩見沢市の役割を知りたい」).
_INTRODUCTION = re.compile(
    r"(?:^|(?<=[。．！!？?\s]))[^。．！!？?、,\s]{1,20}?(?:者|民|員|生|家|士|師|課|係|室|局|担当)"
    r"(?:(?:です|でございます|と申します)(?:が|けど)?|だ(?:が|けど|けれど))[。．！!、,]"
)


# What every _INTRODUCTION ends with holds one of these: a question without any (most) introduces no one.
_INTRODUCING = re.compile("です|でござ|と申します|だが|だけ")


def introduction_terms(tokenizer: Tokenizer, text: str) -> frozenset[str]:
    """The terms only the sentences that say who asks hold."""
    if _INTRODUCING.search(text) is None:
        return frozenset()
    return _terms_inside(tokenizer, text, [match.span() for match in _INTRODUCTION.finditer(text)])


def backdrop_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each backdrop part of `text`."""
    claim = _CLAIM.search(text)
    if claim is not None:
        return [(0, claim.start("claim")), (claim.end("claim"), len(text))]
    spans = []
    for match in _CLAUSE.finditer(text):
        start = max(text.rfind(mark, 0, match.start()) for mark in _MARKS) + 1
        spans.append((start, match.end() if match.group(0).startswith(_KEPT) else match.start()))
    ends = [match.end() for match in _SENTENCE.finditer(text.rstrip("。．！!？? 　"))]
    if ends and _SIGNATURE.fullmatch(text, ends[-1]):  # signed: the question is the sentence before
        spans.append((ends[-1], len(text)))
        ends.pop()
    elif ends and _USED_FOR.fullmatch(text, ends[-1]) and _ASKED_BEFORE.search(text, 0, ends[-1]):
        spans.append((ends[-1], len(text)))  # where the answer goes: the question is the sentence before
        ends.pop()
    if ends:  # every sentence but the last
        spans.append((0, ends[-1]))
    if "(" in text or "（" in text:  # an aside opens with one: most questions have none
        spans += [match.span() for match in _ASIDE.finditer(text)]
    if any(word in text for word in _USE_WORDS):  # most questions use none: no scan for one
        spans += [match.span("use") for match in _USE.finditer(text)]
    return spans


# 「…を示してください。」「引用してほしい。」「お願いします。」: a sentence that asks for the answer
_REQUEST = re.compile(r"(?:ください|下さい|ほしい|欲しい|たい|願います|願いたい|頼みます)[。．！!\s　]*$")


def request_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends that only requests sentences after it (「…示してください。」),
    the latest first: the question read as ending there."""
    ends = [match.end() for match in _SENTENCE.finditer(text.rstrip("。．！!？? 　"))]
    found = []
    for end in reversed(ends):
        after = text[end:]
        if not all(_REQUEST.search(s) for s in _SENTENCE.split(after.rstrip("。．！!？? 　")) if s.strip()):
            break
        found.append(end)
    return found


def backdrop_terms_before(tokenizer: Tokenizer, text: str, end: int) -> frozenset[str]:
    """The backdrop terms of `text` read as a question ending at `end`: the sentences after it only
    ask for the answer (「…の役割は。該当欄を引用してください。」), and are backdrop too."""
    return _terms_inside(tokenizer, text, [*backdrop_spans(text[:end]), (end, len(text))])


def backdrop_terms(tokenizer: Tokenizer, text: str) -> frozenset[str]:
    """The terms only the backdrop of `text` holds (a term the question proper uses too is its own)."""
    return _terms_inside(tokenizer, text, backdrop_spans(text) + purpose_spans(tokenizer, text))


# 「議会資料用にまとめて」「説明会向けに出して」: a noun made a purpose by the suffix 用 or 向け, then に
_PURPOSE_SUFFIXES = ("用", "向け")
_PURPOSE_MARKS = tuple(f"{suffix}に" for suffix in _PURPOSE_SUFFIXES)


def purpose_spans(tokenizer: Tokenizer, text: str) -> list[tuple[int, int]]:
    """(start, end) of each purpose said without a comma after it (「議会資料用にまとめて出して」):
    the nouns before the suffix 用 or 向け, and the suffix. 「利用に」 is one word, not a purpose."""
    if not any(mark in text for mark in _PURPOSE_MARKS):
        return []  # most questions: no purpose to look for
    tokens = tokenizer.tokens_unfolded(text)
    spans = []
    for at, token in enumerate(tokens[1:-1], start=1):
        if token.surface not in _PURPOSE_SUFFIXES or token.pos[0] != "接尾辞" or tokens[at + 1].surface != "に":
            continue
        start = at
        while start > 0 and tokens[start - 1].pos[0] in ("名詞", "接頭辞"):
            start -= 1
        if start < at:
            spans.append((tokens[start].begin, token.end))
    return spans


def _terms_inside(tokenizer: Tokenizer, text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    if not spans:
        return frozenset()
    inside = [False] * len(text)
    for start, end in spans:
        inside[start:end] = [True] * (end - start)
    back = "".join(ch if flag else " " for ch, flag in zip(text, inside, strict=True))
    proper = "".join(" " if flag else ch for ch, flag in zip(text, inside, strict=True))
    held = {term for term, _ in tokenizer.analyse(back)[1]}
    return frozenset(held - {term for term, _ in tokenizer.analyse(proper)[1]})


def is_claim(text: str) -> bool:
    """Whether `text` asks to check a claim quoted in brackets (「記事で「…」と書いたが正しいか」)."""
    return _CLAIM.search(text) is not None
