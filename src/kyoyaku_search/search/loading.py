"""The corpus of a set of sources: restored from the cache when it holds exactly these sources
and settings, else built and saved there."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..ingest.store import load_sources
from .cache import Snapshot, cache_file
from .corpus import Corpus, SearchSettings, build_corpus
from .index import Bm25Index, Bm25Settings
from .lexicon import Lexicon
from .names import PartyName, name_forms, standings
from .spelling import Spelling
from .tokenizer import Tokenizer
from .units import agreement_units


def load_corpus(
    sources: Sequence[str | Path] | str | Path | None = None,
    tokenizer: Tokenizer | None = None,
    bm25: Bm25Settings | None = None,
    search: SearchSettings | None = None,
    *,
    cache: bool | str | Path = True,
    lexicon: Lexicon | None = None,
) -> Corpus:
    """The corpus of `sources` (default: the agreements the package ships, or
    $KYOYAKU_SEARCH_DATA), from the cache when it holds exactly these sources and settings.

    `cache`: True for the default directory (see `cache.py`), a directory, or False for none.
    `lexicon`: the synonym lists questions are expanded with; default `Lexicon.bundled()`.
    A single path is one source (a str would otherwise be read as one source per character).
    """
    if isinstance(sources, (str, Path)):
        sources = [str(sources)]
    lexicon = lexicon if lexicon is not None else Lexicon.bundled()
    tokenizer = tokenizer or Tokenizer()
    bm25 = bm25 or Bm25Settings()
    directory = None if cache is True else cache
    saved = cache_file(sources, tokenizer.settings, bm25, directory) if cache is not False else None
    snapshot = saved.read() if saved else None
    corpus = _restore(snapshot, tokenizer, bm25, search, lexicon) if snapshot else None
    if corpus is None:
        corpus = build_corpus(load_sources(sources), tokenizer, bm25, search, lexicon)
        if saved:
            saved.write(_snapshot(corpus))
    return corpus


def _snapshot(corpus: Corpus) -> Snapshot:
    return Snapshot(
        agreements=corpus.agreements,
        party_readings=tuple(name.readings for name in corpus.party_names),
        text_blob=corpus.text_blob,
        postings=corpus.index.postings,
        spelling_phrases=tuple(sorted(corpus.spelling.phrases)),
        spelling_readings=tuple(corpus.spelling.readings.items()),
    )


def _restore(
    snapshot: Snapshot, tokenizer: Tokenizer, bm25: Bm25Settings, search: SearchSettings | None, lexicon: Lexicon
) -> Corpus | None:
    """The corpus a snapshot was taken of; None when its parts do not fit together."""
    units = tuple(unit for agreement in snapshot.agreements for unit in agreement_units(agreement))
    parties = [(agreement, party) for agreement in snapshot.agreements for party in agreement.parties]
    if len(units) != len(snapshot.postings.lengths) or len(parties) != len(snapshot.party_readings):
        return None
    return Corpus(
        agreements=snapshot.agreements,
        units=units,
        index=Bm25Index.from_postings(snapshot.postings, bm25),
        tokenizer=tokenizer,
        party_names=tuple(
            PartyName(
                agreement.id, party.label, party.name, name_forms(party.name), readings, standing.get(party.label, ())
            )
            for (agreement, party), readings, standing in zip(
                parties, snapshot.party_readings, [standings(a) for a, _ in parties], strict=False
            )
        ),
        text_blob=snapshot.text_blob,
        lexicon=lexicon,
        spelling=Spelling.build(
            snapshot.spelling_phrases, ((term, reading) for reading, term in snapshot.spelling_readings)
        ),
        search=search or SearchSettings(),
    )
