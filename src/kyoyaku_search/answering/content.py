"""The question's content words and what covers each (`content_words`): the word itself, the
synonyms it was expanded to, the corpus words a hiragana run was read as, the template's word for
the kind asked; for a word no unit holds, the corpus words related to it (`relate`). Nouns carry
the topic; verbs and adjectives (「起きる」「担う」) weigh less (answering/confidence.py weighs how
much of them a unit holds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..chars import HIRAGANA, KANJI
from ..search.lexicon import Expansion
from ..search.related import held_parts, kanji_stem, same_stem
from ..search.tokenizer import DROPPED_POS, Token, Tokenizer
from .reading import Reading
from .records import record

OTHER_WEIGHT = 0.3  # a verb or adjective against a noun's 1.0
SINGLE_CHAR_WEIGHT = 0.5
EXAMPLE_MARKS = ("とか", "など", "等", "なんか", "や", "といった", "のような", "みたいな")
COMPOUND_POS = ("名詞", "接頭辞", "接尾辞")
_DROPPED = frozenset(DROPPED_POS)  # the parts of speech of no content word (Token.is_content)
PERSON_ENDINGS = frozenset("者人民生員士客児層")
# Verbal nouns of striving for more or better of a thing (「保育士確保」「販路開拓」): a row about the
# thing answers them in whatever words it strives. Not a service of its own (「ごみ収集」「選挙管理」).
STRIVING = frozenset(
    {"確保", "開拓", "拡充", "充実", "強化", "向上", "促進", "推進", "応援", "支援", "後押し", "振興", "活性化", "拡大"}
)  # 若者・市民・学生・観光客: people (not 家: 空き家)


@record
class Content:
    """One content word of the question and what covers it."""

    word: str  # as the user wrote it
    # Each way to cover it: the index terms a unit must all hold (「個人データ」: 個人 and データ).
    terms: tuple[tuple[str, ...], ...]
    weight: float
    # Ways to cover it in part (PARTIAL_CREDIT): the held parts of a compound the corpus lacks.
    partial: tuple[tuple[str, ...], ...] = ()
    # a word that asks for the kind of answer (「経費」「負担割合」, 「割合」 of 「分担割合」), not its subject
    asks_kind: bool = False
    compound: str = ""  # the run of nouns it stands in (「ごみ処理」 for 処理), when it is one of several
    # A word of striving ending a run of nouns (「保育士確保」「販路開拓」): the nouns it acts on. When the
    # agreement lacks it, it only says what is done to a thing the agreement names.
    acts_on: tuple[str, ...] = ()
    either: str = ""  # the noun it is joined to by 「や」「・」 (「スタートアップや創業」)


def content_words(
    tokenizer: Tokenizer, reading: Reading, topics: Sequence[str], expansions: Sequence[Expansion]
) -> tuple[Content, ...]:
    """For each of the question's own topic terms: the word, the terms that cover it (itself, the
    synonyms it was expanded to; for a word inside hiragana the corpus words it was read as; for
    a word that is itself the kind of question asked, 「効力」, or stands inside the words that ask
    for it, 「話」 of 「集まって話をする」, the template's word for it).
    The question's backdrop (answering/backdrop.py) is not among `topics`."""
    tokens, asks_kind = reading.words, reading.asks_kind
    by_term = {token.term: token for token in tokens if token.pos[0] not in _DROPPED}  # Token.is_content, inlined
    compounds, acted_on = _noun_runs(tokens, reading.noun_runs)
    readings = [e for e in expansions if e.layer == "reading"]
    # where a noun that can be an adjective is followed by 「な」: it describes, as an adjective does
    adjectival = set()
    if "な" in reading.said:  # the text the words were read from: most questions have no な
        adjectival = {t.begin for t in tokens if t.surface == "な" and t.pos[0] == "助動詞"}
    found: dict[str, Content] = {}
    for term in topics:
        token = by_term.get(term)
        word = token.surface if token else term
        read = [e for e in readings if word in e.source]
        if read:  # Sudachi's guess at a hiragana run is not the user's word; its reading is
            word, covering = read[0].source, {tokenizer.whole_terms_of_word(e.target) for e in read}
        asks = asks_kind(word)
        if not read:
            covering = {(term,)}
            same: dict[str, bool] = {}  # a source with several targets is the word or not once
            for expansion in expansions:
                if expansion.layer == "kind" and not asks:
                    continue
                if expansion.example and not _as_example(tokens, token):
                    continue
                source = expansion.source
                if source not in same and expansion.layer != "kind":
                    same[source] = _same_word(tokenizer, term, word, source)
                if expansion.layer == "kind" or same[source] or _prefixed(word, expansion):
                    covering.add(_cover(tokenizer, word, expansion))
        if token is not None and token.pos[0] in ("接頭辞", "接尾辞"):
            continue
        weight = 1.0 if token is None or token.pos[0] == "名詞" else OTHER_WEIGHT
        # 「大規模な災害」: 大規模 describes, as an adjective (not inside a domain phrase: 国際的な会議)
        if (
            token is not None
            and token.end in adjectival
            and "形状詞" in token.pos[2]
            and not any(word in e.source and word != e.source for e in expansions if e.layer == "domain")
        ):
            weight = OTHER_WEIGHT
        # 「受け入れ」「備え」: a verb's noun, an action; not a noun written in part in kana (宝くじ: 宝籤)
        if word[-1] in HIRAGANA and kanji_stem(word) and (token is None or token.term[-1] in HIRAGANA):
            weight = OTHER_WEIGHT
        if read and all(covers[-1:] and covers[-1][0] not in HIRAGANA for covers in covering):
            # kana read as the corpus's words (「きゅうきゅういりょう」 → 救急, 医療): those words, whatever
            # part of speech Sudachi guessed for the kana
            weight = 1.0
        if len(word) == 1:  # 「単」 of a mistyped 「分単」, 「県」: a fragment or too general to carry a topic
            weight *= SINGLE_CHAR_WEIGHT
        if word not in found:
            compound = compounds.get(token.begin, "") if token is not None else ""
            covers = tuple(sorted(c for c in covering if c))
            acts_on = acted_on.get(token.begin, ()) if token is not None else ()
            found[word] = Content(word, covers, weight, asks_kind=asks, compound=compound, acts_on=acts_on)
    return _either(tokens, reading.said, found)


# 「スタートアップや創業」「スタートアップ・起業」: two nouns side by side name one field in two words
COORDINATORS = ("や", "・")


def _either(tokens: Sequence[Token], said: str, found: dict[str, Content]) -> tuple[Content, ...]:
    """Each noun joined to another by 「や」「・」, with that other noun (see `relate`); `said` is
    the text the tokens were read from."""
    if "や" not in said and "・" not in said:  # COORDINATORS: most questions join no nouns
        return tuple(found.values())
    if not any(token.surface in COORDINATORS for token in tokens):
        return tuple(found.values())
    for first, mark, second in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if mark.surface not in COORDINATORS or first.pos[0] != "名詞" or second.pos[0] != "名詞":
            continue
        if first.surface in found and second.surface in found and first.surface != second.surface:
            found[first.surface] = replace(found[first.surface], either=second.surface)
            found[second.surface] = replace(found[second.surface], either=first.surface)
    return tuple(found.values())


def _prefixed(word: str, expansion: Expansion) -> bool:
    """「大地震」: a domain word behind a one-character prefix is that word (地震 → 災害), where
    「介護保険料」's rest (保険料) is a thing of its own."""
    return expansion.layer == "domain" and len(word) == len(expansion.source) + 1 and word.endswith(expansion.source)


def _as_example(tokens: Sequence[Token], token: Token | None) -> bool:
    """Whether the question gives the word as one example of a kind: 「図書館とか」「体育館など」
    「公民館や体育館」 (followed by such a word, or by 「や」, or after 「や」)."""
    if token is None:
        return False
    after = [t for t in tokens if t.begin >= token.end]
    if after and after[0].pos[0] == "接尾辞":  # 「避難所など」: 避難 and its suffix 所
        after = after[1:]
    before = [t.surface for t in tokens if t.end <= token.begin][-1:]
    return "".join(t.surface for t in after[:3]).startswith(EXAMPLE_MARKS) or before == ["や"]


def relate(
    tokenizer: Tokenizer,
    content: Sequence[Content],
    by_stem: dict[str, tuple[str, ...]],
    document_frequency: Callable[[str], int],
) -> tuple[Content, ...]:
    """Each word no unit can cover, with the corpus words related to it: the same word with
    other okurigana covers it (「備え」 by 「備える」), a held part of the compound covers it in
    part (「保育園」 by 「保育」)."""
    related = []
    by_word = {word.word: word for word in content}
    for word in content:
        if covered(word.terms, document_frequency):
            related.append(word)
            continue
        terms = word.terms + tuple((term,) for term in same_stem(word.word, by_stem))
        # 「スタートアップや創業」: a word the agreement lacks, beside one it has, names the same field
        if word.either in by_word:
            terms += by_word[word.either].terms
        subwords = [t for t, sub in tokenizer.split_terms_of_word(word.word) if sub]
        # 「個人情報」 by 情報 alone: the compound's head is the kind of thing every such compound is, and
        # the part that says which one (個人) is missing; 「保育園」's 保育 says which, and counts
        parts = tuple(p for p in held_parts(subwords, document_frequency) if [p] != subwords[-1:])
        # People the agreement never names (「若者の定着」「学生の就職」) say who benefits: the rest is the topic
        weight = min(word.weight, OTHER_WEIGHT) if word.word[-1] in PERSON_ENDINGS else word.weight
        # 「保育士確保」「販路開拓」: the agreement names the thing, not this way of acting on it
        if any(_held_word(tokenizer, w, document_frequency) for w in word.acts_on):
            weight = min(weight, OTHER_WEIGHT)
        related.append(replace(word, terms=terms, partial=tuple((part,) for part in parts), weight=weight))
    return tuple(related)


def covered(ways: tuple[tuple[str, ...], ...], document_frequency: Callable[[str], int]) -> bool:
    """Whether some unit-level way to cover a word is all in the corpus: `any(all(df(t) for t in
    terms) for terms in ways)`, in loops (asked of each content word by several rules of every
    question, where the two generators cost more than the lookups)."""
    for terms in ways:
        for term in terms:
            if not document_frequency(term):
                break
        else:
            return True
    return False


def _held_word(tokenizer: Tokenizer, word: str, document_frequency: Callable[[str], int]) -> bool:
    terms = tokenizer.whole_terms_of_word(word)
    return bool(terms) and all(document_frequency(t) for t in terms)


def _noun_runs(
    tokens: Sequence[Token], runs: Sequence[tuple[int, int]]
) -> tuple[dict[int, str], dict[int, tuple[str, ...]]]:
    """Token start → the run of two or more adjacent nouns it stands in (「ごみ処理」); and the start
    of a word of striving that ends such a run → the nouns before it (「保育士確保」: 確保 → 保育士).
    Not after 「の」: there a verbal noun is as often the thing asked about (「職員の給与」)."""
    compounds: dict[int, str] = {}
    acted: dict[int, tuple[str, ...]] = {}
    for start, end in runs:
        run = tokens[start:end]
        joined = "".join(t.surface for t in run)
        compounds.update((t.begin, joined) for t in run)
        if run[-1].surface in STRIVING:
            acted[run[-1].begin] = tuple(t.surface for t in run[:-1])
    return compounds, acted


def _cover(tokenizer: Tokenizer, word: str, expansion: Expansion) -> tuple[str, ...]:
    """What a unit must hold to answer `word` through `expansion`: its target, and when the
    synonym stands for only part of the word, the rest too (「介護保険料」 through 介護 → 福祉 needs
    福祉 and 保険料: 福祉 alone does not answer a question about insurance premiums)."""
    target = tokenizer.whole_terms_of_word(expansion.target)
    source = expansion.source
    if expansion.layer == "kind" or source == word or source not in word or not target or _prefixed(word, expansion):
        return target
    rest = tokenizer.whole_terms_of_word(word.replace(source, " ", 1))
    return tuple(dict.fromkeys((*target, *rest)))


def _same_word(tokenizer: Tokenizer, term: str, word: str, source: str) -> bool:
    """Whether an expansion's source is this content word: the same term, or, where Sudachi cut
    the question differently from the synonym key (「お金のこと」→「お」「金のこ」), a shared kanji."""
    if term in tokenizer.terms_of_word(source) or source in ("お" + word, "ご" + word):  # 「おかね」's かね
        return True
    kanji = [ch for ch in word if ch in KANJI]  # every one (「開館」 is not 「図書館」)
    return bool(kanji) and all(ch in source for ch in kanji)
