"""Query expansion in two layers, each weighing less than the user's own words.

1. The domain list (`data/lexicon/domain-synonyms.yaml`): administrative wording no general
   dictionary has — 防災 → 災害・消防, 経費 → 費用 — written from the agreement's own words.
2. The Sudachi synonym dictionary (`data/lexicon/sudachi-synonyms.tsv`, derived, Apache-2.0):
   a question word's `synonym_group_ids()` lead to its group; expandControl is honoured — a word
   flagged 1 is only ever a target, a word flagged 2 is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import KyoyakuError
from .tokenizer import Token, Tokenizer, fold

DOMAIN_SYNONYMS = Path("lexicon") / "domain-synonyms.yaml"
SUDACHI_SYNONYMS = Path("lexicon") / "sudachi-synonyms.tsv"
_ASCII_WORD = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Expansion:
    """One added search word and why: 「防災」 → 「消防」 (domain)."""

    source: str
    target: str
    layer: str  # "domain", "sudachi", or "kind" (the template's word for the kind of question)


@dataclass(frozen=True)
class DomainSynonyms:
    entries: tuple[tuple[str, tuple[str, ...]], ...]  # (what people say, the agreement's words)

    @classmethod
    def load(cls, path: Path) -> "DomainSynonyms":
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            entries = tuple((str(key), tuple(str(v) for v in values)) for key, values in data["synonyms"].items())
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
            raise KyoyakuError(f"{path}: 言い換え辞書を読めません / cannot read the domain synonyms: {error}") from None
        return cls(entries)

    def expand(self, folded: str, normalized: str) -> list[Expansion]:
        """Entries whose left side the question uses, as written or as normalized forms."""
        found = []
        for key, targets in self.entries:
            if _mentions(fold(key), folded) or _mentions(fold(key), normalized):
                found.extend(Expansion(key, target, "domain") for target in targets)
        return found


@dataclass(frozen=True)
class SudachiSynonyms:
    groups: dict[int, tuple[tuple[int, str], ...]]  # group id → (expandControl, word) …

    @classmethod
    def load(cls, path: Path) -> "SudachiSynonyms":
        groups: dict[int, tuple[tuple[int, str], ...]] = {}
        try:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if not line or line.startswith("#"):
                    continue
                group, *words = line.split("\t")
                groups[int(group)] = tuple((int(w[0]), w[2:]) for w in words if w[1:2] == ":")
        except (OSError, ValueError, IndexError) as error:
            raise KyoyakuError(f"{path}: 同義語辞書を読めません / cannot read the synonym file: {error}") from None
        return cls(groups)

    def expand(self, tokens: list[Token]) -> list[Expansion]:
        found = []
        for token in tokens:
            for group_id in token.synonym_groups:
                words = self.groups.get(group_id, ())
                own = next((flag for flag, word in words if fold(word) in (token.surface, token.term)), 0)
                if own != 0:  # 1: only ever a target; 2: never used
                    continue
                found.extend(
                    Expansion(token.surface, word, "sudachi")
                    for flag, word in words
                    if flag != 2 and fold(word) not in (token.surface, token.term)
                )
        return found


@dataclass(frozen=True)
class Lexicon:
    domain: DomainSynonyms
    sudachi: SudachiSynonyms

    @classmethod
    def load(cls, data_dir: Path) -> "Lexicon":
        return cls(DomainSynonyms.load(data_dir / DOMAIN_SYNONYMS), SudachiSynonyms.load(data_dir / SUDACHI_SYNONYMS))

    @classmethod
    def empty(cls) -> "Lexicon":
        return cls(DomainSynonyms(()), SudachiSynonyms({}))

    def expansions(self, folded: str, tokens: list[Token]) -> list[Expansion]:
        normalized = "".join(t.term for t in tokens if t.is_content)
        return self.domain.expand(folded, normalized) + self.sudachi.expand([t for t in tokens if t.is_content])


def _mentions(key: str, text: str) -> bool:
    """`key` occurs in `text`; a Latin key (「IT」) only as a whole word, not inside 「UNIT」."""
    start = text.find(key)
    while start != -1:
        if not _ASCII_WORD.match(key) or not (_is_latin(text, start - 1) or _is_latin(text, start + len(key))):
            return True
        start = text.find(key, start + 1)
    return False


def _is_latin(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


def expansion_terms(tokenizer: Tokenizer, expansions: list[Expansion]) -> dict[str, str]:
    """Each expansion's index terms → the layer that added it."""
    terms: dict[str, str] = {}
    for expansion in expansions:
        for term in tokenizer.terms(expansion.target):
            terms.setdefault(term, expansion.layer)
    return terms
