"""Query expansion in two layers, each weighing less than the user's own words.

1. The domain list (`data/lexicon/domain-synonyms.yaml`): administrative wording no general
   dictionary has — 防災 → 災害・消防, 経費 → 費用 — written from the agreement's own words.
2. The Sudachi synonym dictionary (`data/lexicon/sudachi-synonyms.tsv`, derived, Apache-2.0):
   a question word's `synonym_group_ids()` lead to its group; expandControl is honoured — a word
   flagged 1 is only ever a target, a word flagged 2 is never used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..chars import HIRAGANA
from ..errors import KyoyakuError
from ..ingest.store import BUNDLED_DATA
from .memo import lookup
from .tokenizer import CONTENT_DROPPED, Token, Tokenizer, fold, to_katakana

DOMAIN_SYNONYMS = Path("lexicon") / "domain-synonyms.yaml"
SUDACHI_SYNONYMS = Path("lexicon") / "sudachi-synonyms.tsv"
_ASCII_WORD = re.compile(r"[A-Za-z]")
_HIRAGANA = re.compile(f"[{HIRAGANA}]+")
MAX_REMEMBERED = 10_000  # bound of SudachiSynonyms' memo of expanded words


@dataclass(frozen=True)
class Expansion:
    """One added search word and why: 「防災」 → 「消防」 (domain)."""

    source: str
    target: str
    layer: str  # "domain", "sudachi", or "kind" (the template's word for the kind of question)
    # The source is one thing of the kind the target names (図書館 → 公共施設): it is answered
    # by the target only where the question gives it as an example (「図書館とか」).
    example: bool = False


@dataclass(frozen=True)
class DomainSynonyms:
    entries: tuple[tuple[str, tuple[str, ...]], ...]  # (what people say, the agreement's words)
    examples: frozenset[str] = frozenset()  # keys that are one thing of their targets' kind
    _readings: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> DomainSynonyms:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            sections = (data["synonyms"], data.get("examples") or {})
            entries = tuple(
                (str(key), tuple(str(v) for v in values)) for section in sections for key, values in section.items()
            )
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
            raise KyoyakuError(f"{path}: 言い換え辞書を読めません / cannot read the domain synonyms: {error}") from None
        return cls(entries, frozenset(str(key) for key in sections[1]))

    def expand(self, folded: str, normalized: str) -> list[Expansion]:
        """Entries whose left side the question uses, as written or as normalized forms."""
        used = self._used(folded) | self._used(normalized)
        by_entry = self._expansions
        return [expansion for number in sorted(used) for expansion in by_entry[number]]  # the list's order

    @lookup
    def _expansions(self) -> tuple[tuple[Expansion, ...], ...]:
        """Each entry's expansions, made once (they are the same for every question that uses it)."""
        return tuple(
            tuple(Expansion(key, target, "domain", key in self.examples) for target in targets)
            for key, targets in self.entries
        )

    def _used(self, text: str) -> set[int]:
        """Numbers of the entries whose left side occurs in `text`, except those found only inside
        a longer left side (「地域づくり」 → まちづくり, not also 「づくり」 → 育成); only the keys
        starting with a character of the text are looked for (with str.find), not all of them at
        every character of every question."""
        spans: list[tuple[int, int, int]] = []
        by_first_char = self._by_first_char
        for char in by_first_char.keys() & set(text):
            for number, key, latin in by_first_char[char]:
                start = text.find(key)
                while start != -1:
                    if not latin or _whole_word(key, text, start):
                        spans.append((start, start + len(key), number))
                    start = text.find(key, start + 1)
        return {
            number
            for start, end, number in spans
            if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
        }

    def keys_by_reading(self, reading: Callable[[str], str]) -> dict[str, str]:
        """Each left side written with kanji, by its katakana reading (first one wins); worked out
        once, on the first question with a word in hiragana."""
        if "by_reading" not in self._readings:
            keys: dict[str, str] = {}
            for key, _ in self.entries:
                if not _HIRAGANA.fullmatch(key) and (spoken := reading(key)):
                    keys.setdefault(spoken, key)
            self._readings["by_reading"] = keys
        return self._readings["by_reading"]

    @lookup
    def _by_first_char(self) -> dict[str, tuple[tuple[int, str, bool], ...]]:
        """Each left side folded once, filed under its first character, with whether it is a
        Latin word (only those need `_whole_word`'s look at their neighbours)."""
        keys: dict[str, list[tuple[int, str, bool]]] = {}
        for number, (key, _) in enumerate(self.entries):
            folded = fold(key)
            if folded:
                keys.setdefault(folded[0], []).append((number, folded, _ASCII_WORD.match(folded) is not None))
        return {char: tuple(entries) for char, entries in keys.items()}


class SudachiSynonyms:
    """The Sudachi synonym groups, whole (26,000 of them): each group's line is kept as read and
    split into words only when a question first uses it, so loading costs one pass over the file."""

    def __init__(self, lines: dict[int, str]) -> None:
        self._lines = lines  # group id → its words as written: "0:費用\t1:出費…"
        self._groups: dict[int, tuple[tuple[int, str], ...]] = {}
        self._expanded: dict[tuple[str, str, tuple[int, ...]], tuple[Expansion, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> SudachiSynonyms:
        lines: dict[int, str] = {}
        try:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    group, _, words = line.partition("\t")
                    lines[int(group)] = words
        except (OSError, ValueError) as error:
            raise KyoyakuError(f"{path}: 同義語辞書を読めません / cannot read the synonym file: {error}") from None
        return cls(lines)

    @classmethod
    def of(cls, groups: dict[int, tuple[tuple[int, str], ...]]) -> SudachiSynonyms:
        """Groups given as (expandControl, word) tuples (tests, an empty lexicon)."""
        return cls({group: "\t".join(f"{flag}:{word}" for flag, word in words) for group, words in groups.items()})

    def group(self, group_id: int) -> tuple[tuple[int, str], ...]:
        """(expandControl, word) of each word of a group; () for a group the file lacks."""
        words = self._groups.get(group_id)
        if words is None:
            line = self._lines.get(group_id, "")
            words = tuple((int(w[0]), w[2:]) for w in line.split("\t") if w[1:2] == ":" and w[:1].isdigit())
            self._groups[group_id] = words
        return words

    def __len__(self) -> int:
        return len(self._lines)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SudachiSynonyms) and self._lines == other._lines

    __hash__ = None  # equal by content, and it keeps a memo: not hashable

    def expand(self, tokens: list[Token]) -> list[Expansion]:
        found = []
        expanded = self._expanded
        for token in tokens:
            # the memo read here first: nearly every word of a question has been expanded before
            targets = expanded.get((token.surface, token.term, token.synonym_groups))
            if targets is None:
                targets = self._targets(token)
            if targets:  # most words have none
                found.extend(targets)
        return found

    def _targets(self, token: Token) -> tuple[Expansion, ...]:
        """The expansions of a token through its groups (remembered: whole groups are long and
        the same words recur in every question)."""
        key = (token.surface, token.term, token.synonym_groups)
        known = self._expanded.get(key)
        if known is not None:
            return known
        targets: list[str] = []
        for group_id in token.synonym_groups:
            words = self.group(group_id)
            own = next((flag for flag, word in words if fold(word) in (token.surface, token.term)), 0)
            if own != 0:  # 1: only ever a target; 2: never used
                continue
            targets.extend(word for flag, word in words if flag != 2 and fold(word) not in (token.surface, token.term))
        known = tuple(Expansion(token.surface, word, "sudachi") for word in targets)
        if len(self._expanded) < MAX_REMEMBERED:
            self._expanded[key] = known
        return known


@dataclass(frozen=True)
class Lexicon:
    domain: DomainSynonyms
    sudachi: SudachiSynonyms

    @classmethod
    def load(cls, data_dir: Path) -> Lexicon:
        return cls(DomainSynonyms.load(data_dir / DOMAIN_SYNONYMS), SudachiSynonyms.load(data_dir / SUDACHI_SYNONYMS))

    @classmethod
    def bundled(cls) -> Lexicon:
        """The lists the package ships: administrative wording and the Sudachi synonym groups."""
        return cls.load(BUNDLED_DATA)

    @classmethod
    def empty(cls) -> Lexicon:
        return cls(DomainSynonyms(()), SudachiSynonyms({}))

    def expansions(self, folded: str, tokens: list[Token]) -> list[Expansion]:
        content = [t for t in tokens if t.pos[0] not in CONTENT_DROPPED]  # t.is_content
        return self.domain.expand(folded, "".join(t.term for t in content)) + self.sudachi.expand(content)

    def kana_expansions(self, tokens: list[Token], reading: Callable[[str], str]) -> list[Expansion]:
        """A word written in hiragana whose reading is a left side's (「めざしている」: めざす, 目指す):
        that entry, as if written in kanji (Sudachi's normalized form keeps the kana)."""
        words = [
            t.term
            for t in tokens
            if len(t.term) >= 3 and t.pos[0] not in CONTENT_DROPPED and _HIRAGANA.fullmatch(t.term)
        ]
        if not words:
            return []
        keys = self.domain.keys_by_reading(reading)
        found = {word: keys[to_katakana(word)] for word in words if to_katakana(word) in keys}
        return [
            Expansion(word, target, "domain")
            for word, key in found.items()
            for target in dict(self.domain.entries)[key]
        ]


def _whole_word(key: str, text: str, start: int) -> bool:
    """A Latin key (「IT」) counts only as a whole word, not inside 「UNIT」."""
    return not _ASCII_WORD.match(key) or not (_is_latin(text, start - 1) or _is_latin(text, start + len(key)))


def _is_latin(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


def expansion_terms(tokenizer: Tokenizer, expansions: list[Expansion]) -> dict[str, str]:
    """Each expansion's index terms → the layer that added it."""
    terms: dict[str, str] = {}
    for expansion in expansions:
        for term in tokenizer.terms_of_word(expansion.target):
            terms.setdefault(term, expansion.layer)
    return terms
