"""A searchable corpus: the loaded agreements, their units, and the index over them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .cache import Snapshot, cache_file
from .index import Bm25Index, Bm25Settings
from .lookup import NameLookup, UnitColumns
from .model import Agreement, Party
from .store import load_sources
from .tokenizer import Tokenizer, fold
from .units import Unit, agreement_units

MUNICIPAL_SUFFIXES = ("市", "町", "村", "区")
# The preamble defines 甲/乙 and the signature block names each party beside its label, so
# naming them again there would only repeat the text.
DEFINING_KINDS = ("preamble", "signature")


@dataclass(frozen=True)
class SearchSettings:
    """How question terms are weighed and unit kinds preferred; chosen with `make eval`."""

    sub_word_weight: float = 0.5  # 「消費税率」→「消費」 against the question's whole words
    question_word_weight: float = 0.3  # 「内容」「役割」「教えて」
    kind_boost: float = 1.5  # a unit of the kind the question asks for (role cell for 役割 …)


@dataclass(frozen=True)
class PartyName:
    """One way a question may name a party of one agreement."""

    agreement_id: str
    label: str
    name: str  # 岩見沢市
    forms: tuple[str, ...]  # 岩見沢市, 岩見沢
    readings: tuple[str, ...]  # イワミザワシ, イワミザワ


@dataclass(frozen=True)
class Corpus:
    agreements: tuple[Agreement, ...]
    units: tuple[Unit, ...]
    display_texts: tuple[str, ...]  # each unit's text with 甲/乙 named: 「甲（札幌市）と協力して」
    index: Bm25Index
    tokenizer: Tokenizer
    party_names: tuple[PartyName, ...]
    text_blob: str  # the units' distinct lines, folded: to tell a place the agreement mentions from an outsider
    search: SearchSettings = SearchSettings()

    @property
    def multi(self) -> bool:
        return len(self.agreements) > 1

    def unit(self, unit_id: str) -> Unit | None:
        return self._by_id().get(unit_id)

    def position(self, unit_id: str) -> int:
        return self._positions()[unit_id]

    def agreement(self, agreement_id: str) -> Agreement:
        return next(a for a in self.agreements if a.id == agreement_id)

    def names(self) -> NameLookup:
        """Party names by form and reading, to find them in a question."""
        return self._memo("_names", lambda: NameLookup.of(self.party_names))

    def columns(self) -> UnitColumns:
        """Each unit's agreement, kind and role party as arrays, to filter units at once."""
        return self._memo("_columns", lambda: UnitColumns.of(self.units))

    def _by_id(self) -> dict[str, Unit]:
        return self._memo("_by_id_cache", lambda: {u.id: u for u in self.units})

    def _positions(self) -> dict[str, int]:
        return self._memo("_positions_cache", lambda: {u.id: i for i, u in enumerate(self.units)})

    def _memo(self, name: str, build):  # noqa: ANN001, ANN202 - derived once from frozen fields
        value = self.__dict__.get(name)
        if value is None:
            value = build()
            object.__setattr__(self, name, value)
        return value


def build_corpus(
    agreements: Sequence[Agreement],
    tokenizer: Tokenizer | None = None,
    bm25: Bm25Settings | None = None,
    search: SearchSettings | None = None,
) -> Corpus:
    tokenizer = tokenizer or Tokenizer()
    units = tuple(unit for agreement in agreements for unit in agreement_units(agreement))
    index = Bm25Index([tokenizer.terms(unit.search_text) for unit in units], bm25)
    by_id = {a.id: a for a in agreements}
    display = tuple(
        unit.text if unit.kind in DEFINING_KINDS else name_parties(tokenizer, unit.text, by_id[unit.agreement_id].parties)
        for unit in units
    )
    return Corpus(
        agreements=tuple(agreements),
        units=units,
        display_texts=display,
        index=index,
        tokenizer=tokenizer,
        party_names=tuple(_party_names(tokenizer, agreements)),
        text_blob=text_blob(units),
        search=search or SearchSettings(),
    )


def load_corpus(
    sources: Sequence[str] | None = None,
    tokenizer: Tokenizer | None = None,
    bm25: Bm25Settings | None = None,
    search: SearchSettings | None = None,
    *,
    cache: bool | str | Path = True,
) -> Corpus:
    """The corpus of `sources`, from the cache when it holds exactly these sources and settings.

    `cache`: True for the default directory (see `cache.py`), a directory, or False for none.
    """
    tokenizer = tokenizer or Tokenizer()
    bm25 = bm25 or Bm25Settings()
    directory = None if cache is True else cache
    saved = cache_file(sources, tokenizer.settings, bm25, directory) if cache is not False else None
    snapshot = saved.read() if saved else None
    corpus = _restore(snapshot, tokenizer, bm25, search) if snapshot else None
    if corpus is None:
        corpus = build_corpus(load_sources(sources), tokenizer, bm25, search)
        if saved:
            saved.write(_snapshot(corpus))
    return corpus


def _snapshot(corpus: Corpus) -> Snapshot:
    return Snapshot(
        agreements=corpus.agreements,
        display_texts=corpus.display_texts,
        readings=tuple(name.readings for name in corpus.party_names),
        text_blob=corpus.text_blob,
        postings=corpus.index.postings,
    )


def _restore(snapshot: Snapshot, tokenizer: Tokenizer, bm25: Bm25Settings, search: SearchSettings | None) -> Corpus | None:
    """The corpus a snapshot was taken of; None when its parts do not fit together."""
    units = tuple(unit for agreement in snapshot.agreements for unit in agreement_units(agreement))
    parties = [(agreement, party) for agreement in snapshot.agreements for party in agreement.parties]
    if not len(units) == len(snapshot.display_texts) == len(snapshot.postings.lengths) or len(parties) != len(snapshot.readings):
        return None
    return Corpus(
        agreements=snapshot.agreements,
        units=units,
        display_texts=snapshot.display_texts,
        index=Bm25Index.from_postings(snapshot.postings, bm25),
        tokenizer=tokenizer,
        party_names=tuple(
            PartyName(agreement.id, party.label, party.name, _forms(party.name), readings)
            for (agreement, party), readings in zip(parties, snapshot.readings)
        ),
        text_blob=snapshot.text_blob,
        search=search or SearchSettings(),
    )


def text_blob(units: Sequence[Unit]) -> str:
    """Every distinct line of the units' texts, folded. A name without a line break is in it
    exactly when some unit holds it; a national corpus repeats the template's lines, so this
    stays a fraction of the whole text."""
    lines = (line for unit in units for line in fold(unit.search_text).split("\n"))
    return "\n".join(dict.fromkeys(lines))


def short_name(name: str) -> str:
    """岩見沢市 → 岩見沢; names of one character plus suffix (「津市」) stay whole."""
    for suffix in MUNICIPAL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _party_names(tokenizer: Tokenizer, agreements: Sequence[Agreement]):  # noqa: ANN202
    for agreement in agreements:
        for party in agreement.parties:
            forms = _forms(party.name)
            readings = tuple(dict.fromkeys(tokenizer.reading(form) for form in forms))
            yield PartyName(agreement.id, party.label, party.name, forms, readings)


def _forms(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((name, short_name(name))))


def name_parties(tokenizer: Tokenizer, text: str, parties: Sequence[Party]) -> str:
    """Write each party label's first use as 「甲（札幌市）」, leaving the words around it as they are.

    Sudachi decides what is a label: 「甲」 alone is, the 甲 of 「甲府市」 is not.
    """
    names = {party.label: party.name for party in parties}
    seen: set[str] = set()
    out: list[str] = []
    position = 0
    for token in tokenizer.tokens_unfolded(text):
        if token.surface in names and token.surface not in seen and token.pos[0] == "名詞":
            seen.add(token.surface)
            out.append(text[position: token.end])
            out.append(f"（{names[token.surface]}）")
            position = token.end
    out.append(text[position:])
    return "".join(out)
