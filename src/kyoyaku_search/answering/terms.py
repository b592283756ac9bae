"""The terms of a question: which are its topics and how much each weighs in the search."""

from __future__ import annotations

from collections.abc import Callable

from ..chars import CHOONPU, HIRAGANA
from ..search.corpus import Corpus, SearchSettings
from ..search.lexicon import Expansion, expansion_terms
from ..search.spelling import Correction
from ..search.tokenizer import Token
from .framing import QUESTION_WORDS, SAYING_WORDS, SOFT_FRAMING_WORDS


def read_as_asking(tokens: list[Token], readings: list[Correction]) -> set[str]:
    """Terms of a hiragana run read only as words of asking (「きょうやくで」 → 協約): no topic."""
    runs: dict[str, list[str]] = {}
    for reading in readings:
        runs.setdefault(reading.before, []).append(reading.after)
    asking = [run for run, words in runs.items() if all(word in QUESTION_WORDS for word in words)]
    if not asking:
        return set()  # most questions: no run read as a word of asking
    return {t.term for t in tokens if t.surface and any(t.surface in run for run in asking)}


def misread(text: str, tokens: list[Token], readings: list[Correction], held: Callable[[str], int]) -> set[str]:
    """Terms Sudachi cut across the end of a hiragana run the corpus's readings read (「けいは」 of
    「いりょうのれんけいは」, read 医療・連携) that the corpus lacks: a misreading, no topic. A token
    inside the run is already answered by the run's reading (content.content_words)."""
    if not readings:
        return set()  # most questions: no hiragana run was read, no token can cross one
    runs = {r.before for r in readings}
    spans = [(start, start + len(run)) for run in runs for start in _occurrences(text, run)]
    return {
        t.term
        for t in tokens
        if _is_hiragana(t.surface) and any(a <= t.begin < b < t.end for a, b in spans) and not held(t.term)
    }


def after_a_name(text: str, tokens: list[Token], mask: str, held: Callable[[str], int]) -> set[str]:
    """A hiragana word Sudachi began with the particle after a masked name (「いわみざわはなにするの」:
    はな of 「は、なに」), which the corpus lacks: no topic."""
    if mask not in text:
        return set()  # no name masked: no word after one
    return {
        t.term
        for t in tokens
        if t.begin > 0
        and text[t.begin - 1] == mask
        and t.surface[:1] in "はがものにで"
        and _is_hiragana(t.surface)
        and not held(t.term)
    }


# Parts of speech that say how much, how or who speaks, never what about (「もっと」「たくさん」「わし」).
_MANNER_POS = ("副詞", "代名詞")


def manner_words(tokens: list[Token], held: Callable[[str], int]) -> set[str]:
    """Terms that carry no topic: an adverb or pronoun the corpus lacks (「もっと売りたい」「わしは」),
    and a verb that only helps the one before 「て」 (「食べてもらう」「教えてくれる」)."""
    words = {t.term for t in tokens if t.pos[0] in _MANNER_POS and not held(t.term)}
    words |= {
        t.term
        for before, t in zip(tokens, tokens[1:], strict=False)
        if t.pos[1] == "非自立可能"  # ("動詞", "非自立可能") without a slice of each word's
        and t.pos[0] == "動詞"
        and before.surface in ("て", "で")
        and before.pos[0] == "助詞"
    }
    return words


def acted_upon(tokens: list[Token]) -> frozenset[str]:
    """Soft framing words that the question's own verb acts on (「議会を合同で開く」): the thing
    done, not how the asking is framed (「根拠を示して」「協力を求める」: there the verb frames too)."""
    found = set()
    for index, token in enumerate(tokens[:-1]):
        # a word for where it is said is read, never acted on (「規定を読みたい」)
        if token.term not in SOFT_FRAMING_WORDS or token.term in SAYING_WORDS or tokens[index + 1].surface != "を":
            continue
        verb = next((t for t in tokens[index + 2 :] if t.pos[0] == "動詞"), None)
        if verb is not None and verb.term not in SOFT_FRAMING_WORDS and verb.term not in QUESTION_WORDS:
            found.add(token.term)
    return frozenset(found)


def _occurrences(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _is_hiragana(text: str) -> bool:
    return bool(text) and all(ch in HIRAGANA or ch in CHOONPU for ch in text)


def expansion_weights(corpus: Corpus, expansions: list[Expansion], own: dict[str, float]) -> dict[str, float]:
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


def topic_terms(split: list[tuple[str, bool]], document_frequency) -> tuple[str, ...]:  # noqa: ANN001
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


def term_weights(split: list[tuple[str, bool]], settings: SearchSettings) -> dict[str, float]:
    """A term's weight by its role in the question, summed over repeats."""
    weights: dict[str, float] = {}
    for term, sub in split:
        weight = settings.question_word_weight if term in QUESTION_WORDS else settings.sub_word_weight if sub else 1.0
        weights[term] = weights.get(term, 0.0) + weight
    return weights
