"""A searchable corpus: the loaded agreements, their units, and the index over them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Agreement
from .index import Bm25Index, Bm25Settings
from .lexicon import Lexicon
from .lines import Lines
from .memo import Memo, lookup
from .names import NameLookup, PartyName, UnitColumns, party_names
from .phrases import PhraseIndex
from .related import stems, two_kanji_near
from .spelling import Spelling, noun_compounds
from .tokenizer import Tokenizer, fold
from .units import Unit, agreement_units, source_place


@dataclass(frozen=True)
class SearchSettings:
    """How question terms are weighed and unit kinds preferred; chosen with `make eval`."""

    sub_word_weight: float = 0.5  # 「消費税率」→「消費」 against the question's whole words
    question_word_weight: float = 0.3  # 「内容」「役割」「教えて」
    kind_boost: float = 1.5  # a unit of the kind the question asks for (role cell for 役割 …)
    domain_weight: float = 0.8  # 「防災」→「災害」「消防」 from data/lexicon/domain-synonyms.yaml
    sudachi_weight: float = 0.5  # 「経費」→「費用」 from the Sudachi synonym dictionary
    kind_term_weight: float = 0.5  # 「効力はいつから」→「施行」: the template's word for the kind asked
    topic_boost: float = 1.5  # the row and role cells of a 取組 the question names in full (「人材の育成」)


@dataclass(frozen=True)
class Cited:
    """How a unit is cited beside its quote: the citation, who 甲/乙 are (「甲＝札幌市　乙＝岩見沢市」),
    where it stands in the published source, and the agreement's party labels."""

    citation: str
    parties: str
    source: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    agreements: tuple[Agreement, ...]
    units: tuple[Unit, ...]
    index: Bm25Index
    tokenizer: Tokenizer
    party_names: tuple[PartyName, ...]
    text_blob: str  # the units' distinct lines, folded: to tell a place the agreement mentions from an outsider
    lexicon: Lexicon = Lexicon.empty()
    spelling: Spelling = Spelling(frozenset(), {}, {})
    search: SearchSettings = SearchSettings()

    @property
    def multi(self) -> bool:
        return len(self.agreements) > 1

    def unit(self, unit_id: str) -> Unit | None:
        position = self.positions.get(unit_id)
        return None if position is None else self.units[position]

    def position(self, unit_id: str) -> int:
        return self.positions[unit_id]

    def agreement(self, agreement_id: str) -> Agreement:
        return self._agreements[agreement_id]

    def cited(self, position: int) -> Cited:
        """How the unit at `position` is cited, worked out on its first quote and then remembered
        (one entry per unit at most): every answer cites its hits."""
        cited = self._cited.get(position)
        if cited is None:
            unit = self.units[position]
            agreement = self.agreement(unit.agreement_id)
            labels = tuple(party.label for party in agreement.parties if party.labelled)
            source = source_place(agreement, unit.lines)
            cited = Cited(unit.citation.render(self.multi), agreement.party_key, source, labels)
            self._cited[position] = cited
        return cited

    def row_roles(self, row_id: str) -> tuple[int, ...]:
        """Positions of the role cells of one annex row, in party order."""
        return self._row_roles.get(row_id, ())

    # Lookups derived from `units` once per corpus, kept on the instance (memo.lookup: a frozen
    # dataclass allows it, and its fields stay fast to read).
    @lookup
    def positions(self) -> dict[str, int]:
        return {unit.id: position for position, unit in enumerate(self.units)}

    @lookup
    def _cited(self) -> dict[int, Cited]:
        return {}

    @lookup
    def _agreements(self) -> dict[str, Agreement]:
        # A dict, not a scan: listing 甲/乙's rows asks for the agreement of every row.
        return {agreement.id: agreement for agreement in self.agreements}

    @lookup
    def names(self) -> NameLookup:
        """Party names by form, reading and label, to find them in a question."""
        return NameLookup.of(self.party_names)

    @lookup
    def initiatives(self) -> dict[str, int]:
        """Each 取組 name (as `initiative_key` writes it) → its code in `initiative_codes`."""
        codes: dict[str, int] = {}
        for unit in self.units:
            if unit.initiative:
                codes.setdefault(initiative_key(unit.initiative), len(codes))
        return codes

    @lookup
    def initiative_lengths(self) -> dict[str, tuple[int, ...]]:
        """The first two characters of the 取組 names of `initiatives` (two characters or more) →
        the lengths of the names that begin with them: a question is searched for those names only,
        at the places they could begin, rather than for every length at every place."""
        lengths: dict[str, set[int]] = {}
        for name in self.initiatives:
            if len(name) >= 2:
                lengths.setdefault(name[:2], set()).add(len(name))
        return {start: tuple(sorted(found)) for start, found in lengths.items()}

    @lookup
    def initiative_starts(self) -> re.Pattern[str]:
        """The first characters of those names, as one character class: a question is looked at
        only where one of them stands, found by the regex engine rather than a slice per place."""
        firsts = sorted({start[0] for start in self.initiative_lengths})
        return re.compile(f"[{''.join(re.escape(ch) for ch in firsts)}]" if firsts else "(?!)")

    @lookup
    def headings(self) -> dict[str, np.ndarray]:
        """Each distinct article heading (「目的」「費用分担」) → the positions of its articles: the
        template repeats a handful of headings in every agreement."""
        found: dict[str, list[int]] = {}
        for position, unit in enumerate(self.units):
            if unit.kind == "article" and unit.context:
                found.setdefault(unit.context, []).append(position)
        return {heading: np.array(positions, dtype=np.int64) for heading, positions in found.items()}

    @lookup
    def folded_headings(self) -> tuple[tuple[str, str], ...]:
        """Each distinct article heading as written and NFKC-folded, folded once, not per question."""
        return tuple((heading, fold(heading)) for heading in self.headings)

    @lookup
    def headings_text(self) -> str:
        """Every distinct article heading, joined by NUL: a word in none of them is told in one look."""
        return "\0".join(self.headings)

    @lookup
    def initiative_codes(self) -> np.ndarray:
        """Per unit, the code of its 取組 (-1 for units outside the annex): one comparison per
        named 取組 finds its rows and role cells, however large the corpus."""
        codes = self.initiatives
        return np.array(
            [codes[initiative_key(u.initiative)] if u.initiative else -1 for u in self.units], dtype=np.int32
        )

    @lookup
    def phrases(self) -> PhraseIndex:
        """The units' texts by character n-gram, to find a question's verbatim runs."""
        return PhraseIndex([unit.text for unit in self.units])

    @lookup
    def memo(self) -> Memo:
        """Values derived from this corpus alone that questions ask for again and again."""
        return Memo()

    def occurs(self, text: str) -> bool:
        """Whether `text` (folded, on one line) stands verbatim somewhere in the corpus."""
        return self.lines.hold(text)

    @lookup
    def lines(self) -> Lines:
        """The distinct lines by character pair: `occurs` without a scan of the whole text."""
        return Lines(self.text_blob)

    @lookup
    def stems(self) -> dict[str, tuple[str, ...]]:
        """The index terms by kanji stem, to find a question word's other okurigana (「備え」→「備える」)."""
        return stems(self.index.postings.vocabulary)

    @lookup
    def two_kanji(self) -> dict[str, tuple[str, ...]]:
        """The index's words of two kanji by one-character mask, to read a two-kanji typo (「福止」)."""
        return two_kanji_near(self.index.postings.vocabulary)

    @lookup
    def columns(self) -> UnitColumns:
        """Each unit's agreement, kind and role party as arrays, to filter units at once."""
        return UnitColumns.of(self.units)

    @lookup
    def _row_roles(self) -> dict[str, tuple[int, ...]]:
        roles: dict[str, list[int]] = {}
        for position, unit in enumerate(self.units):
            if unit.kind == "role" and unit.row_id is not None:
                roles.setdefault(unit.row_id, []).append(position)
        return {row_id: tuple(positions) for row_id, positions in roles.items()}


def build_corpus(
    agreements: Sequence[Agreement],
    tokenizer: Tokenizer | None = None,
    bm25: Bm25Settings | None = None,
    search: SearchSettings | None = None,
    lexicon: Lexicon | None = None,
) -> Corpus:
    """Index `agreements`; `lexicon` defaults to the synonym lists the package ships (`Lexicon.bundled`)."""
    tokenizer = tokenizer or Tokenizer()
    units = tuple(unit for agreement in agreements for unit in agreement_units(agreement))
    documents = [tokenizer.terms(unit.search_text) for unit in units]
    index = Bm25Index(documents, bm25)
    names = tuple(party_names(tokenizer, agreements))
    return Corpus(
        agreements=tuple(agreements),
        units=units,
        index=index,
        tokenizer=tokenizer,
        party_names=names,
        text_blob=text_blob(units),
        lexicon=lexicon if lexicon is not None else Lexicon.bundled(),
        spelling=_spelling(tokenizer, units, documents, names),
        search=search or SearchSettings(),
    )


def _spelling(
    tokenizer: Tokenizer, units: Sequence[Unit], documents: Sequence[Sequence[str]], parties: Sequence[PartyName]
) -> Spelling:
    """What typos and hiragana are read against: the corpus's noun compounds and party names,
    and the readings of its index terms."""
    texts = {text for unit in units if unit.kind != "role" for text in (unit.text, unit.context)}
    phrases = {c for text in texts for c in noun_compounds(tokenizer.tokens_unfolded(text))}
    phrases |= {form for party in parties for form in party.forms}
    vocabulary = sorted({term for doc in documents for term in doc})
    readings = [(term, tokenizer.reading(term)) for term in vocabulary]
    return Spelling.build(phrases, readings + sorted(_counted(tokenizer, texts)))


def _counted(tokenizer: Tokenizer, texts: Iterable[str]) -> set[tuple[str, str]]:
    """A number and its counter, read together (「三次」 サンジ of 三次救急): Sudachi cuts them into
    two terms whose readings alone are too short to read hiragana with (「さんじきゅうきゅう」)."""
    found = set()
    for text in texts:
        tokens = tokenizer.tokens_unfolded(text)
        for number, counter in zip(tokens, tokens[1:], strict=False):
            if number.pos[1] == "数詞" and counter.pos[2] == "助数詞" and counter.begin == number.end:
                found.add((number.surface + counter.surface, number.reading + counter.reading))
    return found


def text_blob(units: Sequence[Unit]) -> str:
    """Every distinct line of the units' texts, folded. A name without a line break is in it
    exactly when some unit holds it; a national corpus repeats the template's lines, so this
    stays a fraction of the whole text."""
    lines = (line for unit in units for line in fold(unit.search_text).split("\n"))
    return "\n".join(dict.fromkeys(lines))


def initiative_key(text: str) -> str:
    """How a 取組 name is compared: folded, without spaces and 「・」 (「交流・移住促進」 = 「交流移住促進」)."""
    return fold(text).replace(" ", "").replace("・", "")
