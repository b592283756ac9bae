"""Understanding a question: which party it names, who it names that is not a party, what
kind of answer it wants, and the topic terms left to search with.

Three types, one per moment of a turn:
- `Question`: what the user wrote, as the search understands it on its own;
- `Query`: the search the turn runs, the question completed by what a follow-up inherits
  (`followup.resolve`);
- `Context`: what an answered turn settled, for the next turn to inherit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from ..errors import QuestionError
from ..search.corpus import Corpus, SearchSettings, initiative_key
from ..search.lexicon import Expansion, expansion_terms
from ..search.names import PartyName
from ..search.phrases import PhraseMatch
from ..search.spelling import Correction
from ..search.tokenizer import Token, fold, to_katakana
from .confidence import Content, content_words
from .framing import COMPARES, FRAMING_WORDS, LEADS

MAX_QUESTION_CHARS = 500
# Input longer than this is refused before a single character is looked at (cleaning 100 KB
# char by char costs tens of milliseconds, 10 MB seconds). Cleaning only drops control and
# format characters, and no question a person types carries thousands of them.
MAX_INPUT_CHARS = 10 * MAX_QUESTION_CHARS
# Replaces a recognised party name before tokenising: a symbol, so Sudachi drops it and the
# words on either side do not fuse into a new compound.
_MASK = "、"
_LABEL_CHARS = "甲乙丙丁戊己庚辛壬癸"


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
    GENERAL = "general"  # none of the above: a topic only


# Kind of question → what the wording looks like. Checked in this order: 「費用分担」 is a cost
# question before it is a role question.
QUESTION_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cost", re.compile(r"費用|経費|負担|予算|お金|コスト|財源")),
    ("change", re.compile(r"変更|廃止|改正|解除|見直|やめ|止め|改め|終了|解約")),
    ("effective", re.compile(r"施行|いつから|発効|効力|有効")),
    ("purpose", re.compile(r"目的|ねらい|狙い|何のため|なぜ|理由")),
    ("consult", re.compile(r"協議|話し合|話合|会議|相談|連絡調整|頻度")),
    ("signer", re.compile(r"署名|押印|記名|市長|誰が|締結|調印|サイン|結ば|結ん|結ぶ")),
    ("role", re.compile(r"役割|役目|担当|担う|責任|受け持|果たす|任され|それぞれ|各々|おのおの|どちらが|どっちが")),
    ("content", re.compile(r"内容|概要|とは|どんなこと|どんな取|何を行う|何が行われ")),
    # Asking what someone does is a role question when a party is named, else a content one.
    ("does", re.compile(r"何をする|何をして|何をやる|何をしてくれ|やること|すること|どうする")),
)
# The template's own word for what each kind of question asks about: 「効力はいつから」 asks for
# 施行 even when it does not say so. Added to the search at `SearchSettings.kind_term_weight`.
KIND_TERMS = {
    "cost": ("費用",),
    "change": ("変更", "廃止", "失効"),  # 失効: agreements that end by notice instead
    "effective": ("施行",),
    "purpose": ("目的",),
    "consult": ("協議",),
    "signer": ("記名押印", "締結"),
}
# Words of asking, not of the topic: they must not make a unit count as a match. Nouns that
# can be adverbs (「日」「時」「今日」) are not topics either: 「ゴミの収集日」 is not about 附則's 「4月1日」.
QUESTION_WORDS = frozenset(
    {
        "役割",
        "役目",
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
        "如何",
        "何故",
        # the agreement itself: every question is about it
        "協約",
        "連携協約",
        "協定",
        "此の",
        "この",
    }
    | FRAMING_WORDS
)


@dataclass(frozen=True)
class Question:
    """A question as the search understands it."""

    text: str  # cleaned, as the user wrote it
    parties: tuple[PartyName, ...]  # parties named (by name, reading or 甲/乙)
    labels: tuple[str, ...]  # 甲/乙 written as such
    outsiders: tuple[str, ...]  # municipalities named that are not parties
    kind: QuestionKind
    weights: tuple[tuple[str, float], ...]  # search terms and how much each counts
    topic_terms: tuple[str, ...]  # whole words that are not words of asking: a unit must hold one
    own_topic_terms: tuple[str, ...] = ()  # those the user wrote (not added by a synonym layer)
    expansions: tuple[Expansion, ...] = ()  # synonyms added to the search, and why
    corrections: tuple[Correction, ...] = ()  # typos corrected and hiragana read, to tell the user
    initiatives: tuple[str, ...] = ()  # 取組 named in full (as `initiative_key`), longest match only
    phrase: PhraseMatch | None = None  # the longest run (≥ 6 characters) some unit holds verbatim
    # Per content word the user wrote, the index terms that cover it (itself, its synonyms):
    # how much of the question a unit answers (answering/confidence.py).
    content: tuple[Content, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for term, _ in self.weights)


@dataclass(frozen=True)
class Context:
    """What one answered turn settled, for the next turn to inherit."""

    parties: tuple[PartyName, ...] = ()
    row_id: str | None = None  # the annex row the answer quoted
    initiative: str | None = None
    weights: tuple[tuple[str, float], ...] = ()  # the topic it searched for
    kind: QuestionKind = QuestionKind.GENERAL
    initiatives: tuple[str, ...] = ()  # 取組 it named in full


@dataclass(frozen=True)
class Query:
    """The search one turn runs: its own question completed by what it inherits."""

    question: Question
    parties: tuple[PartyName, ...]
    weights: tuple[tuple[str, float], ...]
    topic_terms: tuple[str, ...]
    kind: QuestionKind
    row_id: str | None = None  # set when the topic is inherited as the previous turn's row
    inherited: str = ""  # 「岩見沢市の質問を引き継いで…」, empty when nothing was inherited
    initiatives: tuple[str, ...] = ()  # 取組 named in full, whose units rank higher

    @classmethod
    def own(cls, question: Question) -> Query:
        """The query of `question` alone, inheriting nothing."""
        return cls(
            question,
            question.parties,
            question.weights,
            question.topic_terms,
            question.kind,
            initiatives=question.initiatives,
        )


def clean_question(text: object) -> str:
    """Strip what cannot be part of a question; refuse empty and over-long ones (Japanese message)."""
    if not isinstance(text, str):
        raise QuestionError("質問は文字列で入力してください。")
    if len(text) > MAX_INPUT_CHARS:
        raise _too_long(len(text))
    # Most questions have nothing to clean: isprintable() is false for every category below.
    cleaned = (text if text.isprintable() else "".join(_clean_char(ch) for ch in text)).strip()
    if not cleaned:
        raise QuestionError("質問が空です。知りたいことを入力してください（例: 岩見沢市の災害対策での役割は）。")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise _too_long(len(cleaned))
    return cleaned


def _too_long(length: int) -> QuestionError:
    return QuestionError(f"質問が長すぎます（{length}文字）。{MAX_QUESTION_CHARS}文字以内で入力してください。")


def _clean_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cs":  # a lone surrogate cannot be encoded for the tokenizer
        return ""
    if category in ("Cc", "Zl", "Zp"):
        return " "
    if category in ("Cf", "Co", "Cn"):
        return ""
    return ch


def understand(corpus: Corpus, text: str) -> Question:
    cleaned = clean_question(text)
    # A run the agreement holds verbatim is text: no typo is corrected in it, and a party name or
    # 甲/乙 inside it is part of the quotation, not a filter.
    phrase = corpus.phrases.longest(fold(cleaned))
    quoted = range(phrase.start, phrase.end) if phrase else range(0)
    folded, corrections = _correct_typos(corpus, fold(cleaned))
    masked, parties = _find_parties(corpus, folded, quoted)
    tokens, split = corpus.tokenizer.analyse(masked)
    labels = tuple(
        dict.fromkeys(
            t.surface
            for t in tokens
            if t.surface in _LABEL_CHARS and len(t.surface) == 1 and t.pos[0] == "名詞" and t.begin not in quoted
        )
    )
    parties += tuple(p for p in _labelled(corpus, labels) if p not in parties)
    outsiders = _outsiders(corpus, tokens)
    # Neither a label nor a municipality that is not a party is a topic to search for.
    masked_tokens = tokens
    if labels or outsiders:
        for name in (*labels, *outsiders):
            masked = masked.replace(name, _MASK * len(name))
        masked_tokens, split = corpus.tokenizer.analyse(masked)
    readings = corpus.spelling.read(masked, corpus.occurs)
    weights = _weights(split, corpus.search)
    # Nouns that can be adverbs (「今日」) or counters (「何年」「何通」) are not topics.
    weak = {t.term for t in tokens if t.pos[:2] == ("名詞", "普通名詞") and t.pos[2] in ("副詞可能", "助数詞可能")}
    topics = tuple(t for t in _topic_terms(split, corpus.index.document_frequency) if t not in weak)
    kind = question_kind(folded + "\n" + "".join(t.term for t in tokens), len({p.name for p in parties}))
    expansions = corpus.lexicon.expansions(fold(masked), masked_tokens)
    expansions += [Expansion(r.before, r.after, "reading") for r in readings]
    expansions += [Expansion(kind, word, "kind") for word in KIND_TERMS.get(kind, ())]
    added = _expansion_weights(corpus, expansions, weights)
    return Question(
        text=cleaned,
        parties=parties,
        labels=labels,
        outsiders=outsiders,
        kind=kind,
        weights=tuple({**weights, **added}.items()),
        topic_terms=tuple(dict.fromkeys((*topics, *added))),
        own_topic_terms=topics,
        expansions=tuple(expansions),
        corrections=tuple(corrections + readings),
        initiatives=named_initiatives(corpus, folded),
        phrase=phrase,
        content=content_words(corpus.tokenizer, masked_tokens, topics, expansions, _kind_word(kind)),
    )


def _kind_word(kind: str):  # noqa: ANN202
    """Whether a word, whole, is one that asks for `kind` (「効力」 asks for 施行; 「有効期間」 does not)."""
    pattern = dict(QUESTION_KINDS).get(kind)
    return (lambda word: pattern.fullmatch(word) is not None) if pattern else (lambda word: False)


def named_initiatives(corpus: Corpus, folded: str) -> tuple[str, ...]:
    """The 取組 whose whole name the question contains; a name inside a longer named one does not
    count (「高等教育機関の集積を活かした人材の育成」 names that row, not 「人材の育成」)."""
    known = corpus.initiatives
    if not known:
        return ()
    text = initiative_key(folded)
    longest = max(map(len, known))
    spans = [
        (start, end)
        for start in range(len(text))
        for end in range(start + 2, min(len(text), start + longest) + 1)
        if text[start:end] in known
    ]
    kept = [(s, e) for s, e in spans if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)]
    return tuple(dict.fromkeys(text[s:e] for s, e in kept))


def _correct_typos(corpus: Corpus, folded: str) -> tuple[str, list[Correction]]:
    """One-character typos of the corpus's own words; real place names are left alone."""
    places = frozenset(corpus.tokenizer.place_names(folded))
    cuts: list[frozenset[int]] = []

    def boundaries() -> frozenset[int]:  # one more Sudachi pass, only when a correction is proposed
        if not cuts:
            cuts.append(frozenset(i for t in corpus.tokenizer.tokens(folded) for i in (t.begin, t.end)))
        return cuts[0]

    return corpus.spelling.correct(folded, places, corpus.occurs, boundaries)


def _labelled(corpus: Corpus, labels: tuple[str, ...]) -> tuple[PartyName, ...]:
    """The parties 甲/乙 stand for, in corpus order (one label: a table, not a scan of every party)."""
    if len(labels) <= 1:
        return corpus.names.by_label.get(labels[0], ()) if labels else ()
    return tuple(p for p in corpus.party_names if p.label in labels)


def _outsiders(corpus: Corpus, tokens: list[Token]) -> tuple[str, ...]:
    """Place names that are neither a party nor a place the agreements mention (丘珠, さっぽろ)."""
    known_forms = corpus.names.known_forms
    return tuple(
        dict.fromkeys(
            t.surface
            for t in tokens
            if t.pos[1:3] == ("固有名詞", "地名")
            and t.pos[3] != "国"
            and t.surface not in known_forms
            and t.surface not in corpus.text_blob
        )
    )


def _expansion_weights(corpus: Corpus, expansions: list[Expansion], own: dict[str, float]) -> dict[str, float]:
    """Terms the synonym layers add, each lighter than the user's own words; a term the
    question already has keeps its own weight."""
    search = corpus.search
    layer_weight = {
        "domain": search.domain_weight,
        "sudachi": search.sudachi_weight,
        "kind": search.kind_term_weight,
        "reading": 1.0,
    }
    added: dict[str, float] = {}
    for term, layer in expansion_terms(corpus.tokenizer, expansions).items():
        weight = layer_weight[layer]
        if own.get(term, 0.0) >= weight or term in QUESTION_WORDS or corpus.index.document_frequency(term) == 0:
            continue
        added[term] = weight
    return added


def _topic_terms(split: list[tuple[str, bool]], document_frequency) -> tuple[str, ...]:  # noqa: ANN001
    """Whole words that are not words of asking. A compound the agreement never uses
    (「締結日」) stands for its parts when the agreement uses every one of them (「締結」「日」):
    「消費税率」 does not become 「消費」, because 「税」 is not there."""
    topics: list[str] = []
    index = 0
    while index < len(split):
        term, _ = split[index]
        parts = []
        index += 1
        while index < len(split) and split[index][1]:
            parts.append(split[index][0])
            index += 1
        if term in QUESTION_WORDS:
            continue
        if document_frequency(term) == 0 and parts and all(document_frequency(p) for p in parts):
            topics.extend(p for p in parts if p not in QUESTION_WORDS)
        else:
            topics.append(term)
    return tuple(dict.fromkeys(topics))


def _weights(split: list[tuple[str, bool]], settings: SearchSettings) -> dict[str, float]:
    """A term's weight by its role in the question, summed over repeats."""
    weights: dict[str, float] = {}
    for term, sub in split:
        weight = settings.question_word_weight if term in QUESTION_WORDS else settings.sub_word_weight if sub else 1.0
        weights[term] = weights.get(term, 0.0) + weight
    return weights


_TOGETHER = re.compile(r"協力|一緒|共同|共に|ともに|連携して")
_BOTH = re.compile(r"両市|両者|双方|両自治体|両方|2市|二市|甲と乙|乙と甲")
_PARTNERS = re.compile(
    r"(どこと|どの市町村と|どの市と)|(連携|協力|協約を結|協定を結|組ん)[^。]*(市町村|自治体|まち|相手|どの市|どこの(市|町|村|自治体))"
)


def question_kind(folded: str, parties_named: int = 0) -> QuestionKind:
    """The kind of answer asked for; `folded` holds the question and its normalized forms, so
    「やくわり」 asks for a role as 「役割」 does."""
    if _TOGETHER.search(folded) and (parties_named >= 2 or _BOTH.search(folded)):
        return QuestionKind.TOGETHER
    if _PARTNERS.search(folded):
        return QuestionKind.PARTNERS
    if LEADS.search(folded) or COMPARES.search(folded):
        return QuestionKind.ROLE
    kind = next((kind for kind, pattern in QUESTION_KINDS if pattern.search(folded)), "general")
    if kind == "does":  # asking what someone does: a role when a party is named
        return QuestionKind.ROLE if parties_named else QuestionKind.CONTENT
    return QuestionKind(kind)


def _find_parties(corpus: Corpus, folded: str, quoted: range = range(0)) -> tuple[str, tuple[PartyName, ...]]:
    """Mask each party name (written, or read in kana) and return who was named; a name inside
    `quoted` (a verbatim run of the agreement) is text, not a party."""
    chars = list(folded)
    found: list[PartyName] = []
    names = corpus.names
    masked: set[tuple[int, int]] = set()  # one name may be a party of several agreements (札幌市)
    for form, party in names.written.found_in(folded):
        for start in _occurrences(folded, form):
            end = start + len(form)
            if (start, end) in masked:
                found.append(party)
                continue
            if _MASK in chars[start:end] or start in quoted or _in_compound(folded, start, end, corpus.text_blob):
                continue
            chars[start:end] = _MASK * len(form)
            masked.add((start, end))
            found.append(party)
    kana = to_katakana("".join(chars))
    for reading, party in names.spoken.found_in(kana):
        for start in _occurrences(kana, reading):
            end = start + len(reading)
            if start not in quoted and all(_is_kana(ch) for ch in chars[start:end]):
                chars[start:end] = _MASK * len(reading)
                found.append(party)
    return "".join(chars), tuple(dict.fromkeys(found))


def _in_compound(folded: str, start: int, end: int, blob: str) -> bool:
    """「札幌市都心部」「札幌市長」: the name begins a word the agreement itself uses."""
    following = folded[end : end + 1]
    if not following or _is_kana(following, hiragana_only=True) or not following.isalnum():
        return False
    return folded[start : end + 1] in blob


def _occurrences(text: str, needle: str):  # noqa: ANN202
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _is_kana(ch: str, hiragana_only: bool = False) -> bool:
    if "\u3041" <= ch <= "\u309f":
        return True
    return not hiragana_only and ("\u30a0" <= ch <= "\u30ff")
